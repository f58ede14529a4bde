package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reason code of one line of the job's dead letters (the JSON its {@code DeadLetter} writes).
 */
final class DeadLetterLine {
    private DeadLetterLine() {}

    /**
     * @throws IllegalArgumentException when the line is not a JSON object with a reason
     */
    static String reason(String line) {
        JsonNode reason = OutputJson.object(line).get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new IllegalArgumentException("no reason");
        }
        return reason.asText();
    }
}
