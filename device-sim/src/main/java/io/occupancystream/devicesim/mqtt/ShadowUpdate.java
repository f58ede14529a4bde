package io.occupancystream.devicesim.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;

/**
 * What an EduKit thermostat publishes: {@code {"state":{"reported":{...}}}} on its shadow's update
 * topic. It is the reading JSON without thingName and timestamp, which the shadow service and the
 * IoT rule add on the way to the job, so the fields come from {@link ReadingJson} alone.
 */
final class ShadowUpdate {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShadowUpdate() {}

    static String topic(String thingName) {
        return "$aws/things/" + thingName + "/shadow/update";
    }

    static String payload(Reading reading) {
        ObjectNode update = MAPPER.createObjectNode();
        try {
            update.set("state", MAPPER.readTree(ReadingJson.write(reading)).get("state"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("ReadingJson wrote JSON it cannot read back", e);
        }
        return update.toString();
    }
}
