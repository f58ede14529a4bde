package io.occupancystream.devicesim.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.GetThingShadowResponse;
import software.amazon.awssdk.services.iotdataplane.model.IotDataPlaneException;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/**
 * Reads the room decisions the job writes to device shadows, through the IoT data plane's
 * GetThingShadow (the project's read API, docs/operations.md): {@code state.desired.roomOccupancy}
 * and {@code metadata.desired.roomOccupancy.timestamp}. Each poll reads every thing once and puts
 * its answer, or why there is none, on the board.
 */
final class ShadowReader implements PollLoop.Poll {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final IotDataPlaneClient iotData;
    private final String shadowName;
    private final List<String> things;
    private final RoomBoard board;
    private final LongSupplier clockMillis;

    /**
     * @param shadowName a named shadow, or null for the classic one (what the deployed job writes)
     */
    ShadowReader(
            IotDataPlaneClient iotData,
            String shadowName,
            List<String> things,
            RoomBoard board,
            LongSupplier clockMillis) {
        this.iotData = iotData;
        this.shadowName = shadowName;
        this.things = List.copyOf(things);
        this.board = board;
        this.clockMillis = clockMillis;
    }

    @Override
    public void poll() {
        for (String thing : things) {
            board.addShadow(read(thing));
        }
    }

    ShadowState read(String thing) {
        GetThingShadowResponse response;
        try {
            response = iotData.getThingShadow(r -> r.thingName(thing).shadowName(shadowName));
        } catch (ResourceNotFoundException none) {
            return ShadowState.failed(
                    thing,
                    "no shadow yet (ResourceNotFoundException): the job has not decided for it",
                    clockMillis.getAsLong());
        } catch (IotDataPlaneException e) {
            return ShadowState.failed(
                    thing,
                    e.statusCode()
                            + " "
                            + e.awsErrorDetails().errorCode()
                            + ": "
                            + e.awsErrorDetails().errorMessage(),
                    clockMillis.getAsLong());
        } catch (SdkClientException e) {
            return ShadowState.failed(thing, e.getMessage(), clockMillis.getAsLong());
        }
        return parse(thing, response.payload().asUtf8String());
    }

    private ShadowState parse(String thing, String payload) {
        JsonNode document;
        try {
            document = MAPPER.readTree(payload);
        } catch (IOException e) {
            return ShadowState.failed(
                    thing, "the shadow document is not JSON", clockMillis.getAsLong());
        }
        JsonNode decision = document.path("state").path("desired").path("roomOccupancy");
        JsonNode recorded =
                document.path("metadata").path("desired").path("roomOccupancy").path("timestamp");
        JsonNode version = document.path("version");
        return ShadowState.decided(
                thing,
                decision.isBoolean() ? decision.asBoolean() : null,
                recorded.isNumber() ? recorded.asLong() : null,
                version.isNumber() ? version.asLong() : null,
                clockMillis.getAsLong());
    }
}
