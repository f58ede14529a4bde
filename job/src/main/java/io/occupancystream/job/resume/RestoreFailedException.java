package io.occupancystream.job.resume;

/** The job could not resume from its checkpoint; the message says what to do. */
public final class RestoreFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    RestoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
