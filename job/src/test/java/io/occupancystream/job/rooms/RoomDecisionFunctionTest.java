package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.occupancystream.job.results.DecisionRules;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device and room decisions in Flink's keyed harness, keyed by room: results driven by hand, and no
 * watermark unless a test says so.
 */
class RoomDecisionFunctionTest {
    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    private static final long DEFAULT_FRESHNESS = 120;

    private KeyedOneInputStreamOperatorTestHarness<String, Result, Result> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Result, Result> harness()
            throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RoomDecisionFunction(DEFAULT_FRESHNESS), r -> r.room, Types.STRING);
    }

    private static DecisionRules rules(DecisionRule device, FusionMethod method, long fresh) {
        return new DecisionRules(device, new RoomRule(method, device, fresh));
    }

    @Test
    void aResultLeavesDecidedAsItArrivesWhileTheWatermarkIsStillBehindIt() throws Exception {
        DecisionRules half = rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120);
        harness.processWatermark(T0 * 1000);

        process(model("s1", "lab", T0 + 60, 0.9, half));

        assertThat(harness.getCurrentWatermark()).isEqualTo(T0 * 1000);
        assertThat(harness.extractOutputValues())
                .extracting(r -> r.id() + " " + r.roomOccupancy)
                .containsExactly("s1:" + (T0 + 60) + " true");
    }

    @Test
    void aDevicesDecisionHasHysteresisAndWaitsThroughTheJob() throws Exception {
        DecisionRules rules = rules(new DecisionRule(0.6, 0.3, 60, 0), FusionMethod.MEAN, 120);
        double[] p = {0.5, 0.7, 0.7, 0.7, 0.5, 0.2, 0.5, 0.61};
        for (int i = 0; i < p.length; i++) {
            process(model("s1", "lab", T0 + 30 * i, p[i], rules));
        }

        List<Result> out = harness.extractOutputValues();
        // enters once 0.6 has held 60 s (30 → 90), leaves at once below 0.3
        assertThat(out.stream().map(r -> r.deviceOccupancy))
                .containsExactly(false, false, false, true, true, false, false, false);
        assertThat(out.stream().map(r -> r.roomOccupancy))
                .containsExactly(false, false, false, true, true, false, false, false);
        assertThat(out.stream().map(r -> r.probability))
                .containsExactly(0.5, 0.7, 0.7, 0.7, 0.5, 0.2, 0.5, 0.61);
    }

    @Test
    void theRoomFusesItsDevicesAndEveryResultCarriesTheRoomsDecision() throws Exception {
        DecisionRules half = rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120);
        process(model("s1", "lab", T0, 0.9, half));
        process(model("s2", "lab", T0, 0.2, half));
        process(model("s3", "lab", T0 + 1, 0.1, half));

        List<Result> out = harness.extractOutputValues();
        assertThat(out)
                .extracting(
                        r ->
                                r.thingName
                                        + " "
                                        + r.room
                                        + " device="
                                        + r.deviceOccupancy
                                        + " room="
                                        + r.roomOccupancy
                                        + " voters="
                                        + r.roomVoters)
                .containsExactly(
                        "s1 lab device=true room=true voters=1",
                        "s2 lab device=false room=true voters=2",
                        "s3 lab device=false room=false voters=3");
        assertThat(out.get(1).roomScore).isCloseTo(0.55, offset(1e-12));
        assertThat(out.get(2).roomScore).isCloseTo(0.4, offset(1e-12));
    }

    @Test
    void aDeviceThatGoesQuietForLongerThanTheFreshnessWindowStopsVoting() throws Exception {
        DecisionRules max = rules(DecisionRule.threshold(0.5), FusionMethod.MAX, 60);
        process(model("s1", "lab", T0, 0.9, max));
        process(model("s2", "lab", T0, 0.1, max));
        process(model("s2", "lab", T0 + 60, 0.1, max));
        process(model("s2", "lab", T0 + 61, 0.1, max));

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.roomVoters)).containsExactly(1, 2, 2, 1);
        assertThat(out.stream().map(r -> r.roomScore)).containsExactly(0.9, 0.9, 0.9, 0.1);
        assertThat(out.stream().map(r -> r.roomOccupancy)).containsExactly(true, true, true, false);
    }

    @Test
    void aCardWithoutAFreshnessWindowUsesRoomsFreshness() throws Exception {
        DecisionRules unnamed = rules(DecisionRule.threshold(0.5), FusionMethod.MAX, 0);
        process(model("s1", "lab", T0, 0.9, unnamed));
        process(model("s2", "lab", T0 + DEFAULT_FRESHNESS, 0.1, unnamed));
        process(model("s2", "lab", T0 + DEFAULT_FRESHNESS + 1, 0.1, unnamed));

        assertThat(harness.extractOutputValues().stream().map(r -> r.roomVoters))
                .containsExactly(1, 2, 1);
    }

    @Test
    void aRoomWhoseDevicesHaveAllBeenQuietLongEnoughLeavesWhateverTheirProbabilities()
            throws Exception {
        DecisionRules quiet =
                new DecisionRules(
                        DecisionRule.threshold(0.5),
                        new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.5), 120, 90));
        process(quiet(model("s1", "lab", T0, 0.9, quiet), 0));
        process(quiet(model("s2", "lab", T0, 0.9, quiet), 90));
        process(quiet(model("s1", "lab", T0 + 30, 0.9, quiet), 90));

        assertThat(harness.extractOutputValues().stream().map(r -> r.roomOccupancy))
                .containsExactly(true, true, false);
        assertThat(harness.extractOutputValues().get(2).roomScore).isZero();
    }

    private static Result quiet(Result r, long seconds) {
        r.quietSeconds = seconds;
        return r;
    }

    @Test
    void roomsDecideApart() throws Exception {
        DecisionRules max = rules(DecisionRule.threshold(0.5), FusionMethod.MAX, 60);
        process(model("s1", "lab", T0, 0.9, max));
        process(model("s2", "hall", T0, 0.1, max));

        assertThat(harness.extractOutputValues())
                .extracting(r -> r.room + "=" + r.roomOccupancy + "/" + r.roomVoters)
                .containsExactly("lab=true/1", "hall=false/1");
    }

    @Test
    void eachResultIsDecidedWithTheRulesOfTheCardThatScoredIt() throws Exception {
        DecisionRules old = rules(DecisionRule.threshold(0.5), FusionMethod.MEAN, 120);
        DecisionRules next = rules(DecisionRule.threshold(0.8), FusionMethod.MEAN, 120);
        process(model("s1", "lab", T0, 0.6, old));
        process(model("s1", "lab", T0 + 30, 0.7, next));
        process(model("s1", "lab", T0 + 60, 0.85, next));

        assertThat(harness.extractOutputValues().stream().map(r -> r.deviceOccupancy))
                .containsExactly(true, false, true);
    }

    @Test
    void aResultTheRuleDecidedVotesOneOrZero() throws Exception {
        process(ruled("s1", "lab", T0, true));
        process(ruled("s2", "lab", T0, false));
        process(ruled("s3", "lab", T0, false));

        List<Result> out = harness.extractOutputValues();
        assertThat(out.stream().map(r -> r.deviceOccupancy)).containsExactly(true, false, false);
        assertThat(out.stream().map(r -> r.roomScore)).containsExactly(1.0, 0.5, 1 / 3.0);
        assertThat(out.stream().map(r -> r.roomOccupancy)).containsExactly(true, true, false);
        assertThat(out.get(0).probability).isNull();
    }

    @Test
    void aDeviceInARoomOfItsOwnWithACardWithoutRulesDecidesAsTheThresholdAloneInAnyOrder()
            throws Exception {
        ModelCard card = new ModelCard();
        card.threshold = 0.42;
        DecisionRules rules = DecisionRules.of(card);
        Random random = new Random(12);
        List<Result> in = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String thing = "s" + random.nextInt(3);
            in.add(
                    model(
                            thing,
                            thing,
                            T0 + i * 7L + random.nextInt(5),
                            random.nextDouble(),
                            rules));
        }
        // Unordered async scoring may answer a device's readings out of order.
        Collections.shuffle(in, random);
        for (Result r : in) {
            process(r);
        }

        List<Result> out = harness.extractOutputValues();
        assertThat(out).hasSize(500);
        for (Result r : out) {
            assertThat(r.roomOccupancy).as(r.id()).isEqualTo(r.probability >= 0.42);
            assertThat(r.deviceOccupancy).as(r.id()).isEqualTo(r.probability >= 0.42);
            assertThat(r.roomVoters).isEqualTo(1);
        }
    }

    @Test
    void theRoomsLatchesAndVotesSurviveARestore() throws Exception {
        DecisionRules rules = rules(new DecisionRule(0.6, 0.3, 0, 0), FusionMethod.MEAN, 120);
        process(model("s1", "lab", T0, 0.9, rules));
        process(model("s2", "lab", T0, 0.7, rules));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new RoomDecisionFunction(DEFAULT_FRESHNESS)),
                        r -> r.room,
                        Types.STRING);
        harness.initializeState(snapshot);
        harness.open();
        process(model("s1", "lab", T0 + 30, 0.5, rules));

        assertThat(harness.extractOutputValues())
                .extracting(r -> r.deviceOccupancy + " " + r.roomScore + " " + r.roomVoters)
                .containsExactly("true 0.6 2");
    }

    private void process(Result r) throws Exception {
        harness.processElement(new StreamRecord<>(r, r.timestamp * 1000));
    }

    static Result model(String thing, String room, long timestamp, double p, DecisionRules rules) {
        Result r = new Result();
        r.thingName = thing;
        r.room = room;
        r.timestamp = timestamp;
        r.probability = p;
        r.source = ScoreSource.MODEL;
        r.modelVersion = "m1";
        r.deviceOccupancy = p >= 0.5;
        r.roomOccupancy = r.deviceOccupancy;
        r.rules = rules;
        return r;
    }

    private static Result ruled(String thing, String room, long timestamp, boolean occupied) {
        Result r = model(thing, room, timestamp, 0, null);
        r.probability = null;
        r.source = ScoreSource.RULE;
        r.modelVersion = "rule:sound>0.15";
        r.deviceOccupancy = occupied;
        r.roomOccupancy = occupied;
        return r;
    }
}
