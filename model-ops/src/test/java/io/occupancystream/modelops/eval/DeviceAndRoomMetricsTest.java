package io.occupancystream.modelops.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.ConfusionMatrix;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.testing.IdentifiedRows;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-device and per-room summary: each device's own decision, the room's, and the rule. */
class DeviceAndRoomMetricsTest {
    private static final long T = 1513919981L;

    @TempDir Path dir;

    @Test
    void countsEachDevicesOwnDecisionTheRoomsDecisionAndTheRulePerDeviceAndPerRoom()
            throws Exception {
        // Room "lab": a is near the people, b is not; "hall" has c alone. Sound doubles as the
        // probability here, and the rule says occupied above 0.5.
        TrainingSet rows =
                new IdentifiedRows()
                        .row(T, "a", "lab", 0.9, true)
                        .row(T, "b", "lab", 0.2, true)
                        .row(T + 30, "a", "lab", 0.8, true)
                        .row(T + 30, "b", "lab", 0.6, false)
                        .row(T, "c", "hall", 0.1, false)
                        .row(T + 30, "c", "hall", 0.7, true)
                        .read(dir);
        DecisionRule threshold = DecisionRule.threshold(0.5);

        DeviceAndRoomMetrics m =
                DeviceAndRoomMetrics.of(
                        rows,
                        rows.column("p"),
                        threshold,
                        new RoomRule(FusionMethod.MAX, threshold, 120),
                        0.5);

        // a: model 2 tp. b: model fn (0.2, occupied), fp (0.6, empty); the room (MAX with a)
        // says occupied twice: tp, fp. c: tn, tp, alone in its room.
        assertThat(m.deviceModel.get("a")).usingRecursiveComparison().isEqualTo(matrix(2, 0, 0, 0));
        assertThat(m.deviceModel.get("b")).usingRecursiveComparison().isEqualTo(matrix(0, 1, 0, 1));
        assertThat(m.deviceRoomDecision.get("b"))
                .usingRecursiveComparison()
                .isEqualTo(matrix(1, 1, 0, 0));
        assertThat(m.deviceRule.get("b")).usingRecursiveComparison().isEqualTo(matrix(0, 1, 0, 1));
        assertThat(m.deviceModel.get("c")).usingRecursiveComparison().isEqualTo(matrix(1, 0, 1, 0));
        assertThat(m.roomDecision.get("lab"))
                .usingRecursiveComparison()
                .isEqualTo(matrix(3, 1, 0, 0));
        assertThat(m.roomRule.get("lab")).usingRecursiveComparison().isEqualTo(matrix(2, 1, 0, 1));
        assertThat(m.roomDecision.get("hall"))
                .usingRecursiveComparison()
                .isEqualTo(matrix(1, 0, 1, 0));
        assertThat(m.deviceModel.keySet()).containsExactly("a", "b", "c");
        assertThat(m.toJson().at("/devices/b/room/fp").asLong()).isEqualTo(1);
        assertThat(m.toJson().at("/rooms/lab/model/f1").asDouble()).isEqualTo(0.8571);
        assertThat(GroupMetrics.worst(m.deviceModel)).isEqualTo("b");
        assertThat(GroupMetrics.worstF1(m.deviceModel)).isEqualTo(0.0);
    }

    private static ConfusionMatrix matrix(long tp, long fp, long tn, long fn) {
        return new ConfusionMatrix(tp, fp, tn, fn);
    }
}
