package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.model.results.ResultLine;

/** What decided a result and when: the fields a room and a device show alike. */
final class DecisionJson {
    private DecisionJson() {}

    static void put(ObjectNode json, ResultLine result) {
        json.put("source", result.source);
        json.put("fallbackReason", result.fallbackReason);
        json.put("modelVersion", result.modelVersion);
        json.put("timestamp", result.timestamp);
    }
}
