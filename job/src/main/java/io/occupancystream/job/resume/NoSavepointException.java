package io.occupancystream.job.resume;

/** A stop that ended without a savepoint; the message says what the next start does. */
public final class NoSavepointException extends Exception {
    private static final long serialVersionUID = 1L;

    NoSavepointException(String message, Throwable cause) {
        super(message, cause);
    }
}
