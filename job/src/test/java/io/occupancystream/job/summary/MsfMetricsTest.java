package io.occupancystream.job.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.config.PropertyGroups;
import io.occupancystream.job.ingest.ReplaySource;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.Recordings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every tally is also a counter in the {@code kinesisanalytics} group, under its whole name: MSF
 * sends only that group to CloudWatch, where the deploy module's alarms read it.
 */
class MsfMetricsTest {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    @Test
    void talliesAreCountedUnderTheKinesisAnalyticsGroupByTheirWholeName(@TempDir Path dir)
            throws Exception {
        List<String> lines = new ArrayList<>(Recordings.simulated(1, 3, 1513918800L));
        lines.add("not json");
        Path recording = Recordings.write(dir.resolve("readings.jsonl"), lines);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        new OccupancyPipeline(
                        new JobConfig(PropertyGroups.empty()),
                        new ReplaySource(recording.toString()),
                        ScoringStage.of(new RuleScorer(10)),
                        new PipelineOutputs(
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>()),
                        Clock.systemUTC())
                .build(env);
        JobID job = env.execute("msf metrics").getJobID();

        assertThat(count(job, Tally.READINGS_IN)).isEqualTo(4);
        assertThat(count(job, Tally.DEAD_LETTERS + ".MALFORMED_JSON")).isEqualTo(1);
        assertThat(count(job, Tally.RESULTS + ".rule")).isEqualTo(3);
    }

    /** The sum over subtasks of the counter {@code kinesisanalytics.NAME}. */
    private static long count(JobID job, String name) {
        long sum = 0;
        boolean found = false;
        for (Map.Entry<MetricGroup, Map<String, Metric>> group :
                REPORTER.getMetricsByGroup().entrySet()) {
            Metric metric = group.getValue().get(name);
            if (metric != null
                    && job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))
                    && group.getKey()
                            .getMetricIdentifier(name)
                            .endsWith("." + Tally.MSF_METRIC_GROUP + "." + name)) {
                sum += ((Counter) metric).getCount();
                found = true;
            }
        }
        assertThat(found).as("a counter %s.%s", Tally.MSF_METRIC_GROUP, name).isTrue();
        return sum;
    }
}
