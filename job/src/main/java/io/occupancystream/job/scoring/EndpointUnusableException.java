package io.occupancystream.job.scoring;

/** The endpoint cannot be called at all until its setup is fixed; the message says what to fix. */
public class EndpointUnusableException extends Exception {
    public EndpointUnusableException(String message) {
        super(message);
    }
}
