package io.occupancystream.job.scoring;

/** A model answered, but not with one readable prediction per row sent. */
public class BadResponseException extends RuntimeException {
    public BadResponseException(String message) {
        super(message);
    }
}
