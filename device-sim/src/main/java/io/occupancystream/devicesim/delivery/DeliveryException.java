package io.occupancystream.devicesim.delivery;

import java.io.IOException;

/**
 * Readings could not be delivered to a target; the message says how many and why, so that nothing
 * is lost without a word.
 */
public class DeliveryException extends IOException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
