package io.occupancystream.job.shadow;

/** A shadow update that no retry can make succeed, such as denied access. */
public final class ShadowUpdateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShadowUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
