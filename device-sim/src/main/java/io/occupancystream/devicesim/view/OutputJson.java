package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads one line of the job's JSON outputs. */
final class OutputJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutputJson() {}

    /**
     * @throws IllegalArgumentException when the line is not one JSON object
     */
    static JsonNode object(String line) {
        JsonNode json;
        try {
            json = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return json;
    }
}
