package io.occupancystream.job.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.Result;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShadowUpdateTest {
    @Test
    void aDevicesShadowGetsItsRoomsDecisionNotItsOwn() {
        Result quietDeviceInABusyRoom = new Result();
        quietDeviceInABusyRoom.thingName = "s2";
        quietDeviceInABusyRoom.timestamp = 1513918800L;
        quietDeviceInABusyRoom.room = "lab";
        quietDeviceInABusyRoom.deviceOccupancy = false;
        quietDeviceInABusyRoom.roomOccupancy = true;

        ShadowUpdate update = ShadowUpdate.of(quietDeviceInABusyRoom);

        assertThat(update).isEqualTo(new ShadowUpdate("s2", 1513918800L, true));
        assertThat(new String(update.payload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"state\":{\"desired\":{\"roomOccupancy\":true}}}");
    }
}
