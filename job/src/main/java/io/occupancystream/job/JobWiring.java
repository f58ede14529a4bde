package io.occupancystream.job;

import io.occupancystream.job.ingest.KinesisReadingSource;
import io.occupancystream.job.ingest.ReadingSource;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStages;
import java.time.Clock;

/**
 * The production pipeline the settings describe: the configured source, scoring stage and outputs,
 * with one rule for the scorer's fallback and the pipeline's comparison. The job runs it; tests,
 * benchmarks and the local stack reuse it or its parts.
 */
public final class JobWiring {
    private JobWiring() {}

    public static OccupancyPipeline pipeline(JobSettings settings, Clock clock) {
        RuleScorer rule = settings.scoring.rule();
        return new OccupancyPipeline(
                settings,
                source(settings),
                ScoringStages.of(settings.scoring, rule),
                rule,
                PipelineOutputs.from(settings),
                clock);
    }

    /** The recorded files or the Kinesis input stream, as source.type says. */
    public static ReadingSource source(JobSettings settings) {
        switch (settings.source.type) {
            case REPLAY:
                return new ReplaySource(settings.source.replayPath);
            case KINESIS:
                return new KinesisReadingSource(settings.kinesis);
            default:
                throw new IllegalStateException("unhandled source " + settings.source.type);
        }
    }
}
