package io.occupancystream.modelops.data;

/** Training data that cannot be used; the message names the file, line or column at fault. */
public class TrainingDataException extends RuntimeException {
    public TrainingDataException(String message) {
        super(message);
    }
}
