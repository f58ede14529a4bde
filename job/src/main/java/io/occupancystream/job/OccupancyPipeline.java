package io.occupancystream.job;

import io.occupancystream.job.dedup.Deduplicator;
import io.occupancystream.job.features.ArrivalOrder;
import io.occupancystream.job.features.FeatureFunction;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReadingValidator;
import io.occupancystream.job.ingest.ReplayRange;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.rooms.RoomStage;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.summary.ResultTally;
import io.occupancystream.job.training.LabelledOnly;
import io.occupancystream.job.training.LateReadings;
import io.occupancystream.job.training.TrainingRow;
import io.occupancystream.job.training.TrainingRowsFunction;
import java.time.Clock;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The occupancy data path, given its settings, source, scoring stage, the rule that stage falls
 * back to (results are also counted against it), and outputs:
 *
 * <pre>
 * raw records → validate (→ dead letters) → [replay range] → event time → de-duplicate
 *   → arrival order → features
 *   ├─ labelled → training rows → their hour's training sets (→ late readings)
 *   └─ score → rooms ([event-time order] → each device's and its room's decision) → results
 * </pre>
 *
 * Readings are featured, scored and made training rows as they arrive; nothing before the rooms
 * stage waits for the watermark, which ages out the de-duplicator's state and, in event-time order
 * (a replay's default), lets each second's results on to their rooms' decisions. De-duplication,
 * arrival order and features share one keying by device. Stateful operators have stable uids so
 * that savepoints survive code changes.
 */
public final class OccupancyPipeline {
    private final JobSettings settings;
    private final ReadingSource source;
    private final ScoringStage scoring;
    private final RuleScorer rule;
    private final PipelineOutputs outputs;
    private final Clock clock;

    public OccupancyPipeline(
            JobSettings settings,
            ReadingSource source,
            ScoringStage scoring,
            RuleScorer rule,
            PipelineOutputs outputs,
            Clock clock) {
        this.settings = settings;
        this.source = source;
        this.scoring = scoring;
        this.rule = rule;
        this.outputs = outputs;
        this.clock = clock;
    }

    public void build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<Reading> valid =
                source.rawReadings(env)
                        .process(new ReadingValidator(clock, settings.maxFutureSkew))
                        .name("validate")
                        .uid("validate");
        outputs.deadLetters.attach(valid.getSideOutput(ReadingValidator.DEAD_LETTERS));

        DataStream<Reading> inRange =
                settings.source.hasReplayRange()
                        ? valid.filter(
                                        new ReplayRange(
                                                settings.source.replaySince,
                                                settings.source.replayUntil))
                                .name("replay range")
                                .uid("replay-range")
                        : valid;
        DataStream<Reading> unique =
                inRange.assignTimestampsAndWatermarks(watermarks())
                        .name("event time")
                        .uid("event-time")
                        .keyBy(r -> r.thingName)
                        .process(new Deduplicator(settings.dedupRetention))
                        .name("de-duplicate")
                        .uid("dedup");
        DataStream<Reading> arrived =
                byDevice(unique)
                        .process(new ArrivalOrder())
                        .name("arrival order")
                        .uid("arrival-order");
        DataStream<FeaturedReading> featured =
                byDevice(arrived).process(new FeatureFunction()).name("features").uid("features");

        writeTrainingSets(featured);

        RoomStage rooms = new RoomStage(settings.rooms);
        outputs.results.attach(
                rooms.decide(scoring.score(featured))
                        .map(new ResultTally(rule))
                        .name("count results")
                        .uid("count-results"));
    }

    private void writeTrainingSets(DataStream<FeaturedReading> featured) {
        SingleOutputStreamOperator<TrainingRow> rows =
                featured.filter(new LabelledOnly())
                        .name("labelled only")
                        .uid("labelled-only")
                        .keyBy(r -> r.reading.thingName)
                        .process(
                                new TrainingRowsFunction(
                                        settings.rooms.assignment,
                                        settings.training.window,
                                        settings.training.allowedLateness,
                                        settings.source.maxOutOfOrderness))
                        .name("training rows")
                        .uid("training-rows");
        outputs.trainingSets.attach(rows);
        outputs.late.attach(
                rows.getSideOutput(TrainingRowsFunction.LATE)
                        .map(new LateReadings())
                        .name("count late")
                        .uid("late"));
    }

    /**
     * The readings of a stream that the previous operator keyed by thingName, keyed again without a
     * shuffle: each stays in the task that already owns its device, chained to the next operator.
     */
    private static KeyedStream<Reading, String> byDevice(DataStream<Reading> keyedByDevice) {
        return DataStreamUtils.reinterpretAsKeyedStream(keyedByDevice, r -> r.thingName);
    }

    private WatermarkStrategy<Reading> watermarks() {
        return watermarks(settings.source);
    }

    /**
     * Event time, which ages out de-duplication state and orders rooms in event time. Only a
     * Kinesis shard can be idle: a replay's reader never waits for input, so one that sends nothing
     * is held up (a busy machine, backpressure), and counting it idle would let a finished reader's
     * end-of-input watermark age out the de-duplicator's memory while readings are still to come.
     */
    static WatermarkStrategy<Reading> watermarks(SourceSettings source) {
        WatermarkStrategy<Reading> strategy =
                WatermarkStrategy.<Reading>forBoundedOutOfOrderness(source.maxOutOfOrderness)
                        .withTimestampAssigner((reading, previous) -> reading.timestampMillis());
        return source.type == SourceSettings.Type.KINESIS
                ? strategy.withIdleness(source.idleness)
                : strategy;
    }
}
