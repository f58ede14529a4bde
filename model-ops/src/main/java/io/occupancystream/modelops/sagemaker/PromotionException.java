package io.occupancystream.modelops.sagemaker;

/** A promotion or Autopilot job that did not end as it should; the message says how. */
public final class PromotionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PromotionException(String message) {
        super(message);
    }
}
