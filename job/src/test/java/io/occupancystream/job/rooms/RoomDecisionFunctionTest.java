package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Device and room decisions in Flink's keyed harness: results and watermarks driven by hand. */
class RoomDecisionFunctionTest {
    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private KeyedOneInputStreamOperatorTestHarness<String, Result, Result> harness;

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void open(DecisionRules rules) throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new RoomDecisionFunction(rules), r -> r.room, Types.STRING);
    }

    private static DecisionRules rules(DecisionRule device, FusionMethod method, long fresh) {
        return new DecisionRules(device, new RoomRule(method, device, fresh));
    }

    @Test
    void aDevicesDecisionHasHysteresisEnterAndLeaveThresholds() throws Exception {
        open(rules(new DecisionRule(0.6, 0.3, 0), FusionMethod.MEAN, 120));
        double[] p = {0.5, 0.7, 0.5, 0.4, 0.2, 0.5, 0.61};
        for (int i = 0; i < p.length; i++) {
            process(model("s1", "lab", T0 + 30 * i, p[i]));
        }
        harness.processWatermark(Long.MAX_VALUE);

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.deviceOccupancy))
                .containsExactly(false, true, true, true, false, false, true);
        assertThat(out.stream().map(r -> r.roomOccupancy))
                .containsExactly(false, true, true, true, false, false, true);
    }

    @Test
    void aDecisionDoesNotChangeBeforeItHasLastedTheMinimumDwell() throws Exception {
        open(rules(new DecisionRule(0.5, 0.5, 60), FusionMethod.MEAN, 120));
        process(model("s1", "lab", T0, 0.9));
        process(model("s1", "lab", T0 + 30, 0.1));
        process(model("s1", "lab", T0 + 59, 0.1));
        process(model("s1", "lab", T0 + 60, 0.1));
        process(model("s1", "lab", T0 + 90, 0.9));
        process(model("s1", "lab", T0 + 120, 0.9));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues().stream().map(r -> r.deviceOccupancy))
                .containsExactly(true, true, true, false, false, true);
    }

    @Test
    void theRoomFusesItsDevicesAndEveryResultCarriesTheRoomsDecision() throws Exception {
        open(rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120));
        process(model("s2", "lab", T0, 0.2));
        process(model("s1", "lab", T0, 0.9));
        harness.processWatermark(T0 * 1000);

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.thingName)).containsExactly("s1", "s2");
        assertThat(out.stream().map(r -> r.deviceOccupancy)).containsExactly(true, false);
        assertThat(out.stream().map(r -> r.roomOccupancy)).containsExactly(true, true);
        assertThat(out.stream().map(r -> r.roomScore)).containsExactly(0.55, 0.55);
        assertThat(out.stream().map(r -> r.roomVoters)).containsExactly(2, 2);
        assertThat(out.stream().map(r -> r.probability)).containsExactly(0.9, 0.2);
    }

    @Test
    void aVoteOfEachDeviceUntilItGoesQuietForLongerThanTheFreshnessWindow() throws Exception {
        open(rules(DecisionRule.threshold(0.5), FusionMethod.MAX, 60));
        process(model("s1", "lab", T0, 0.9));
        process(model("s2", "lab", T0, 0.1));
        process(model("s2", "lab", T0 + 60, 0.1));
        process(model("s2", "lab", T0 + 61, 0.1));
        harness.processWatermark(Long.MAX_VALUE);

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.roomVoters)).containsExactly(2, 2, 2, 1);
        assertThat(out.stream().map(r -> r.roomScore)).containsExactly(0.9, 0.9, 0.9, 0.1);
        assertThat(out.stream().map(r -> r.roomOccupancy)).containsExactly(true, true, true, false);
    }

    @Test
    void roomsDecideApart() throws Exception {
        open(rules(DecisionRule.threshold(0.5), FusionMethod.MAX, 60));
        process(model("s1", "lab", T0, 0.9));
        process(model("s2", "hall", T0, 0.1));
        harness.processWatermark(T0 * 1000);

        assertThat(
                        harness.extractOutputValues().stream()
                                .map(r -> r.room + "=" + r.roomOccupancy + "/" + r.roomVoters))
                .containsExactlyInAnyOrder("lab=true/1", "hall=false/1");
    }

    @Test
    void resultsWaitForTheWatermarkAndAreDecidedInEventTimeOrderWhateverTheirArrival()
            throws Exception {
        open(rules(new DecisionRule(0.6, 0.3, 0), FusionMethod.MEAN, 120));
        process(model("s1", "lab", T0 + 60, 0.5));
        process(model("s1", "lab", T0 + 30, 0.7));
        process(model("s1", "lab", T0, 0.1));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(T0 * 1000 + 30_000);
        assertThat(ids()).containsExactly("s1:" + T0, "s1:" + (T0 + 30));
        harness.processWatermark(T0 * 1000 + 60_000);

        assertThat(ids()).containsExactly("s1:" + T0, "s1:" + (T0 + 30), "s1:" + (T0 + 60));
        // 0.5 after 0.7 keeps the room occupied: the latch saw them in event-time order.
        assertThat(harness.extractOutputValues().stream().map(r -> r.deviceOccupancy))
                .containsExactly(false, true, true);
    }

    @Test
    void aResultBehindTheWatermarkIsDecidedAtOnceAndLeavesTheNewerVote() throws Exception {
        open(rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120));
        process(model("s1", "lab", T0 + 60, 0.9));
        harness.processWatermark(T0 * 1000 + 60_000);
        process(model("s1", "lab", T0, 0.1));
        process(model("s1", "lab", T0 + 90, 0.9));
        harness.processWatermark(Long.MAX_VALUE);

        List<Result> out = harness.extractOutputValues();
        assertThat(ids()).containsExactly("s1:" + (T0 + 60), "s1:" + T0, "s1:" + (T0 + 90));
        assertThat(out.get(1).deviceOccupancy).isTrue();
        assertThat(out.get(1).roomScore).isEqualTo(0.9);
        assertThat(out.get(2).roomScore).isEqualTo(0.9);
    }

    @Test
    void aResultTheRuleDecidedVotesOneOrZero() throws Exception {
        open(rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120));
        process(ruled("s1", "lab", T0, true));
        process(ruled("s2", "lab", T0, false));
        process(model("s3", "lab", T0, 0.8));
        harness.processWatermark(T0 * 1000);

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.deviceOccupancy)).containsExactly(true, false, true);
        assertThat(out.get(0).roomScore).isCloseTo(1.8 / 3, offset(1e-12));
        assertThat(out.get(0).probability).isNull();
        assertThat(out.stream().map(r -> r.roomOccupancy)).containsExactly(true, true, true);
    }

    @Test
    void aDeviceInARoomOfItsOwnWithACardWithoutRulesDecidesAsTheThresholdAlone() throws Exception {
        ModelCard card = new ModelCard();
        card.threshold = 0.42;
        open(DecisionRules.of(card, Duration.ofMinutes(2)));
        Random random = new Random(12);
        List<Result> in = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String thing = "s" + random.nextInt(3);
            in.add(model(thing, thing, T0 + i * 7L + random.nextInt(5), random.nextDouble()));
        }
        // Async scoring may answer out of order between two watermarks.
        Collections.shuffle(in, random);
        for (Result r : in) {
            process(r);
        }
        harness.processWatermark(Long.MAX_VALUE);

        List<Result> out = harness.extractOutputValues();
        assertThat(out).hasSize(in.size());
        for (Result r : out) {
            assertThat(r.roomOccupancy).as(r.id()).isEqualTo(r.probability >= 0.42);
            assertThat(r.deviceOccupancy).as(r.id()).isEqualTo(r.probability >= 0.42);
            assertThat(r.roomVoters).isEqualTo(1);
        }
    }

    private List<String> ids() {
        return harness.extractOutputValues().stream().map(Result::id).collect(Collectors.toList());
    }

    private void process(Result r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.timestamp * 1000));
    }

    private static Result model(String thing, String room, long timestamp, double p) {
        Result r = new Result();
        r.thingName = thing;
        r.room = room;
        r.timestamp = timestamp;
        r.probability = p;
        r.source = ScoreSource.MODEL;
        r.modelVersion = "m1";
        r.deviceOccupancy = p >= 0.5;
        r.roomOccupancy = r.deviceOccupancy;
        return r;
    }

    private static Result ruled(String thing, String room, long timestamp, boolean occupied) {
        Result r = model(thing, room, timestamp, 0);
        r.probability = null;
        r.source = ScoreSource.RULE;
        r.modelVersion = "rule:sound>0.15";
        r.deviceOccupancy = occupied;
        r.roomOccupancy = occupied;
        return r;
    }
}
