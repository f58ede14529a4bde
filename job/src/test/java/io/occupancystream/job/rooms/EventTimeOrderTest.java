package io.occupancystream.job.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.results.DecisionRules;
import io.occupancystream.job.results.Result;
import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.model.decision.RoomRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * The rooms stage's event-time order in Flink's keyed harness, keyed by room: results and
 * watermarks driven by hand; where decisions are checked, the ordered results go on, by hand, into
 * a second harness with the {@link RoomDecisionFunction}, as the job chains the two.
 */
class EventTimeOrderTest {
    /** 2017-12-22T05:00:00Z. */
    private static final long T0 = 1513918800L;

    /** Occupied at a fused mean of 0.6. */
    private static final DecisionRules RULES =
            new DecisionRules(
                    DecisionRule.threshold(0.6),
                    new RoomRule(FusionMethod.MEAN, DecisionRule.threshold(0.6), 120));

    /** s2's task ran ahead: its results arrive before s1's of the same seconds. */
    private static List<Result> s2Ahead() {
        return List.of(
                result("s2", T0, 0.1),
                result("s2", T0 + 30, 0.1),
                result("s1", T0, 0.9),
                result("s1", T0 + 30, 0.9));
    }

    @Test
    void inEventTimeOrderAResultsRoomIsDecidedWithTheVotesOfItsSecondWhicheverDeviceArrivedFirst()
            throws Exception {
        List<Result> ordered;
        try (var order = order()) {
            for (Result r : s2Ahead()) {
                process(order, r);
            }
            assertThat(order.extractOutputValues()).isEmpty();
            order.processWatermark(new Watermark((T0 + 30) * 1000));
            ordered = order.extractOutputValues();
        }

        assertThat(decided(ordered))
                .containsExactly(
                        "s1:" + T0 + " lab device=true room=true 0.9 of 1",
                        "s2:" + T0 + " lab device=false room=false 0.5 of 2",
                        "s1:" + (T0 + 30) + " lab device=true room=false 0.5 of 2",
                        "s2:" + (T0 + 30) + " lab device=false room=false 0.5 of 2");
    }

    @Test
    void inArrivalOrderTheDeviceThatRanAheadDecidesAloneUntilTheOtherCatchesUp() throws Exception {
        assertThat(decided(s2Ahead()))
                .containsExactly(
                        "s2:" + T0 + " lab device=false room=false 0.1 of 1",
                        "s2:" + (T0 + 30) + " lab device=false room=false 0.1 of 1",
                        "s1:" + T0 + " lab device=true room=false 0.5 of 2",
                        "s1:" + (T0 + 30) + " lab device=true room=false 0.5 of 2");
    }

    @Test
    void eachSecondLeavesInThingNameOrderOnceTheWatermarkPassesItAndNothingStaysBehind()
            throws Exception {
        try (var order = order()) {
            process(order, result("s3", T0 + 1, 0.5));
            process(order, result("s2", T0, 0.5));
            process(order, result("s3", T0, 0.5));
            process(order, result("s1", T0, 0.5));

            order.processWatermark(new Watermark(T0 * 1000 - 1));
            assertThat(order.extractOutputValues()).isEmpty();
            assertThat(order.numEventTimeTimers()).isEqualTo(2);

            order.processWatermark(new Watermark(T0 * 1000));
            assertThat(ids(order.extractOutputValues()))
                    .containsExactly("s1:" + T0, "s2:" + T0, "s3:" + T0);

            order.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(ids(order.extractOutputValues()))
                    .containsExactly("s1:" + T0, "s2:" + T0, "s3:" + T0, "s3:" + (T0 + 1));
            assertThat(order.numKeyedStateEntries()).isZero();
            assertThat(order.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aResultTheWatermarkHasPassedLeavesAtOnce() throws Exception {
        try (var order = order()) {
            process(order, result("s1", T0 + 10, 0.5));
            order.processWatermark(new Watermark((T0 + 5) * 1000));
            process(order, result("s2", T0 + 5, 0.5));

            assertThat(ids(order.extractOutputValues())).containsExactly("s2:" + (T0 + 5));
            assertThat(order.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void withAMaximumWaitASecondLeavesWithTheEarlierOnesOnceItsFirstResultHasWaitedThatLong()
            throws Exception {
        try (var order = harness(new EventTimeOrder(10_000))) {
            order.setProcessingTime(1_000);
            process(order, result("s2", T0, 0.5));
            order.setProcessingTime(4_000);
            process(order, result("s1", T0 + 1, 0.5));
            process(order, result("s1", T0, 0.5));
            process(order, result("s2", T0 + 2, 0.5));

            order.setProcessingTime(10_999);
            assertThat(order.extractOutputValues()).isEmpty();

            // T0 arrived first: it leaves in thing-name order; later seconds keep waiting.
            order.setProcessingTime(11_000);
            assertThat(ids(order.extractOutputValues())).containsExactly("s1:" + T0, "s2:" + T0);

            // A late result of a second let go leaves at once, as after the watermark.
            process(order, result("s3", T0, 0.5));
            order.setProcessingTime(12_000);
            process(order, result("s2", T0 + 1, 0.5));
            assertThat(ids(order.extractOutputValues()))
                    .containsExactly("s1:" + T0, "s2:" + T0, "s3:" + T0);

            // T0 + 2 arrived at 4 s: it leaves, and T0 + 1 before it, in order.
            order.setProcessingTime(14_000);
            assertThat(ids(order.extractOutputValues()))
                    .containsExactly(
                            "s1:" + T0,
                            "s2:" + T0,
                            "s3:" + T0,
                            "s1:" + (T0 + 1),
                            "s2:" + (T0 + 1),
                            "s2:" + (T0 + 2));

            // The watermark finds nothing left to let go.
            order.processWatermark(new Watermark(Long.MAX_VALUE));
            assertThat(order.extractOutputValues()).hasSize(6);
            assertThat(order.numEventTimeTimers()).isZero();
            assertThat(order.numProcessingTimeTimers()).isZero();
        }
    }

    @Test
    void withoutAMaximumWaitNoTimeSpentWaitingLetsAResultGo() throws Exception {
        try (var order = order()) {
            order.setProcessingTime(1_000);
            process(order, result("s1", T0, 0.5));
            order.setProcessingTime(Long.MAX_VALUE / 2);

            assertThat(order.extractOutputValues()).isEmpty();
            assertThat(order.numProcessingTimeTimers()).isZero();
            order.processWatermark(new Watermark(T0 * 1000));
            assertThat(ids(order.extractOutputValues())).containsExactly("s1:" + T0);
        }
    }

    @Test
    void resultsWaitingForTheWatermarkSurviveARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (var order = order()) {
            process(order, result("s2", T0, 0.5));
            process(order, result("s1", T0, 0.5));
            snapshot = order.snapshot(1, 1);
        }
        try (var restored = restore(snapshot, new EventTimeOrder(0))) {
            restored.processWatermark(new Watermark(T0 * 1000));

            assertThat(ids(restored.extractOutputValues())).containsExactly("s1:" + T0, "s2:" + T0);
        }
    }

    @Test
    void stateFromBeforeTheMaximumWaitRestoresAndBothWaysOfLeavingWork() throws Exception {
        OperatorSubtaskState snapshot;
        try (var before = harness(new WaitingOnly())) {
            process(before, result("s2", T0, 0.5));
            process(before, result("s1", T0, 0.5));
            snapshot = before.snapshot(1, 1);
        }
        try (var restored = restore(snapshot, new EventTimeOrder(10_000))) {
            restored.setProcessingTime(0);
            process(restored, result("s1", T0 + 1, 0.5));
            restored.processWatermark(new Watermark(T0 * 1000));
            assertThat(ids(restored.extractOutputValues())).containsExactly("s1:" + T0, "s2:" + T0);

            restored.setProcessingTime(10_000);
            assertThat(ids(restored.extractOutputValues()))
                    .containsExactly("s1:" + T0, "s2:" + T0, "s1:" + (T0 + 1));
        }
    }

    /**
     * The order's keyed state as it was before the maximum wait: only the waiting results by
     * second, as a savepoint taken then holds it.
     */
    private static final class WaitingOnly extends KeyedProcessFunction<String, Result, Result> {
        private transient MapState<Long, List<Result>> waiting;

        @Override
        public void open(Configuration parameters) {
            waiting = getRuntimeContext().getMapState(EventTimeOrder.waitingState());
        }

        @Override
        public void processElement(Result result, Context ctx, Collector<Result> out)
                throws Exception {
            List<Result> second = waiting.get(result.timestamp);
            if (second == null) {
                second = new ArrayList<>();
                ctx.timerService().registerEventTimeTimer(result.timestamp * 1000L);
            }
            second.add(result);
            waiting.put(result.timestamp, second);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Result, Result> restore(
            OperatorSubtaskState snapshot, EventTimeOrder order) throws Exception {
        var restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(order), (Result r) -> r.room, Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        return restored;
    }

    /** The results decided in the order given, each as its {@link Decided#line}. */
    private static List<String> decided(List<Result> results) throws Exception {
        try (var decide = harness(new RoomDecisionFunction(120))) {
            for (Result r : results) {
                process(decide, r);
            }
            return decide.extractOutputValues().stream()
                    .map(Decided::line)
                    .collect(Collectors.toList());
        }
    }

    private static List<String> ids(List<Result> results) {
        return results.stream().map(Result::id).collect(Collectors.toList());
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Result, Result> order()
            throws Exception {
        return harness(new EventTimeOrder(0));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Result, Result> harness(
            KeyedProcessFunction<String, Result, Result> function) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                function, r -> r.room, Types.STRING);
    }

    private static void process(
            KeyedOneInputStreamOperatorTestHarness<String, Result, Result> harness, Result r)
            throws Exception {
        harness.processElement(new StreamRecord<>(r, r.timestamp * 1000));
    }

    private static Result result(String thing, long timestamp, double p) {
        return RoomDecisionFunctionTest.model(thing, "lab", timestamp, p, RULES);
    }
}
