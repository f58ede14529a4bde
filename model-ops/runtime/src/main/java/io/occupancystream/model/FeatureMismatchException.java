package io.occupancystream.model;

/** A caller's feature columns are not the ones, in the order, that the model was trained on. */
public class FeatureMismatchException extends IllegalArgumentException {
    public FeatureMismatchException(String message) {
        super(message);
    }
}
