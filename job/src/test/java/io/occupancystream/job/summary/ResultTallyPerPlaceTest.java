package io.occupancystream.job.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.model.ConfusionMatrix;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.streaming.api.operators.StreamMap;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The summary's figures per device and per room, from what {@link ResultTally} counted. */
class ResultTallyPerPlaceTest {
    @Test
    void labelledResultsAreCountedPerDeviceAndPerRoomByDeviceRoomAndRule() throws Exception {
        RunSummary summary;
        try (OneInputStreamOperatorTestHarness<Result, Result> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new StreamMap<>(new ResultTally(new RuleScorer(10))))) {
            harness.open();
            // device, room, sound (rule: > 10), device decision, room decision, label
            harness.processElement(result("s1", "lab", 20, true, true, true), 0);
            harness.processElement(result("s2", "lab", 5, false, true, true), 0);
            harness.processElement(result("s1", "lab", 5, false, false, false), 0);
            harness.processElement(result("s3", "hall", 20, true, true, false), 0);
            harness.processElement(unlabelled("s3", "hall"), 0);
            summary = new RunSummary(accumulators(harness));
        }

        Map<String, Map<String, ConfusionMatrix>> devices =
                summary.againstLabelsPer(PerPlace.DEVICE);
        assertThat(devices.keySet()).containsExactly("s1", "s2", "s3");
        assertThat(devices.get("s1").get("device"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(1, 0, 1, 0));
        assertThat(devices.get("s2").get("device"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(0, 0, 0, 1));
        assertThat(devices.get("s2").get("room"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(1, 0, 0, 0));
        assertThat(devices.get("s2").get("rule"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(0, 0, 0, 1));
        assertThat(devices.get("s3").get("rule"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(0, 1, 0, 0));

        Map<String, Map<String, ConfusionMatrix>> rooms = summary.againstLabelsPer(PerPlace.ROOM);
        assertThat(rooms.keySet()).containsExactly("hall", "lab");
        assertThat(rooms.get("lab").get("room"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(2, 0, 1, 0));
        assertThat(rooms.get("lab").get("device"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(1, 0, 1, 1));
        assertThat(rooms.get("lab").get("rule"))
                .usingRecursiveComparison()
                .isEqualTo(new ConfusionMatrix(1, 0, 1, 1));

        JsonNode json = summary.toJson(1.0).get("againstLabels");
        assertThat(json.at("/byRoom/lab/room/f1").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/byRoom/lab/room/labelled").asLong()).isEqualTo(3);
        assertThat(json.at("/byDevice/s2/device/recall").asDouble()).isEqualTo(0.0);
        assertThat(json.at("/byDevice/s2/room/recall").asDouble()).isEqualTo(1.0);
        assertThat(summary.labelTable()).contains("room lab, room").contains("device s2, rule");
    }

    private static Map<String, Object> accumulators(
            OneInputStreamOperatorTestHarness<Result, Result> harness) {
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<String, Accumulator<?, ?>> e :
                harness.getEnvironment().getAccumulatorRegistry().getUserMap().entrySet()) {
            values.put(e.getKey(), e.getValue().getLocalValue());
        }
        return values;
    }

    private static Result result(
            String thing,
            String room,
            double sound,
            boolean device,
            boolean roomDecision,
            Boolean label) {
        Result r = new Result();
        r.thingName = thing;
        r.room = room;
        r.sound = sound;
        r.source = ScoreSource.MODEL;
        r.deviceOccupancy = device;
        r.roomOccupancy = roomDecision;
        r.reportedOccupancy = label;
        return r;
    }

    private static Result unlabelled(String thing, String room) {
        return result(thing, room, 20, true, true, null);
    }
}
