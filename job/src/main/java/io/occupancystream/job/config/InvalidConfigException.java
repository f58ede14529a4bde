package io.occupancystream.job.config;

/** A setting is missing or malformed; the message names the key and what it accepts. */
public class InvalidConfigException extends RuntimeException {
    public InvalidConfigException(String message) {
        super(message);
    }
}
