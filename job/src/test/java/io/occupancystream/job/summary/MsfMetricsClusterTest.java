package io.occupancystream.job.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.ingest.SourceSettings;
import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.scoring.ModelAnswer;
import io.occupancystream.job.scoring.ModelClient;
import io.occupancystream.job.scoring.ModelClientFactory;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStages;
import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.job.shadow.ShadowOutput;
import io.occupancystream.job.shadow.ShadowSettings;
import io.occupancystream.job.testing.CollectingSink;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.MiniClusters;
import io.occupancystream.job.testing.Recordings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the job publishes to CloudWatch on MSF, collected from the metrics that a run of the whole
 * pipeline really registers, with every optional operator: a replay range, model scoring (a model
 * that always fails, so every result is a fallback) and results also sent to device shadows.
 */
class MsfMetricsClusterTest {
    private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusters.reportingTo(REPORTER, 1);

    /**
     * "Use custom metrics with Amazon Managed Service for Apache Flink"
     * (https://docs.aws.amazon.com/managed-flink/latest/java/monitoring-metrics-custom.html): MSF
     * publishes the metrics of the group {@code kinesisanalytics}, and further groups as
     * dimensions; custom metric and group names must be alphanumeric; CloudWatch does not support
     * Flink histograms, only counters, gauges and meters.
     */
    @Test
    void everyPublishedMetricIsAnAlphanumericRateOrGaugeDirectlyUnderTheMsfGroup()
            throws Exception {
        Map<String, Metric> published = published(runPipeline());

        assertThat(published.keySet())
                .allSatisfy(name -> assertThat(name).matches(CloudWatchNames.NAME_RULE));
        assertThat(published.keySet()).containsExactlyElementsOf(CloudWatchNames.published());
        assertThat(published)
                .allSatisfy(
                        (name, metric) ->
                                assertThat(metric)
                                        .isInstanceOf(
                                                name.equals("modelBreakerState")
                                                        ? Gauge.class
                                                        : Meter.class));
        assertThat(count(published, "readingsInPerSecond")).isEqualTo(4);
        assertThat(count(published, "deadLettersMalformedJsonPerSecond")).isEqualTo(1);
        assertThat(count(published, "resultsFallbackPerSecond")).isEqualTo(3);
        assertThat(count(published, "shadowUpdatesPerSecond")).isEqualTo(3);
    }

    private static JobID runPipeline() throws Exception {
        // Three things, one reading each: each result is the newest for its shadow, so each is
        // sent.
        List<String> lines = new ArrayList<>(Recordings.simulated(3, 1, 1513918800L));
        lines.add("not json");
        HttpServer dataPlane = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dataPlane.createContext("/things/", MsfMetricsClusterTest::updateThingShadow);
        dataPlane.start();
        DummyAwsCredentials.set();
        try {
            // A replay range, so that the operator that counts readings outside one is there too.
            JobSettings config =
                    JobSettings.withOverrides(
                            List.of(
                                    SourceSettings.REPLAY_UNTIL.qualifiedName()
                                            + "=2100-01-01T00:00:00Z"));
            RuleScorer rule = new RuleScorer(10);
            ShadowOutput shadows =
                    new ShadowOutput(
                            new ShadowSettings(
                                    "http://127.0.0.1:" + dataPlane.getAddress().getPort(),
                                    "us-east-1",
                                    "",
                                    4));
            CollectingSink<Result> results = new CollectingSink<>();
            StreamExecutionEnvironment env = MiniClusters.environment();
            env.setParallelism(1);
            new OccupancyPipeline(
                            config,
                            e -> e.fromData(lines),
                            ScoringStages.model(config.scoring, new FailingModel(), rule),
                            rule,
                            new PipelineOutputs(
                                    stream -> {
                                        results.attach(stream);
                                        shadows.attach(stream);
                                    },
                                    new CollectingSink<>(),
                                    new CollectingSink<>(),
                                    new CollectingSink<>()),
                            Clock.systemUTC())
                    .build(env);
            return env.execute("msf metrics").getJobID();
        } finally {
            DummyAwsCredentials.clear();
            dataPlane.stop(0);
        }
    }

    /**
     * UpdateThingShadow as the AWS IoT API reference documents it
     * (https://docs.aws.amazon.com/iot/latest/apireference/API_iotdata_UpdateThingShadow.html):
     * HTTP 200 with the state document as the payload.
     */
    private static void updateThingShadow(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /**
     * The metrics of the job that MSF publishes, by name: those in a group {@code kinesisanalytics}
     * anywhere in their scope, each checked to be directly under it (a group below would be one
     * more CloudWatch dimension, which the alarms do not name). With parallelism 1, one per name.
     */
    private static Map<String, Metric> published(JobID job) {
        Map<String, Metric> published = new TreeMap<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> group :
                REPORTER.getMetricsByGroup().entrySet()) {
            List<String> scope = List.of(group.getKey().getScopeComponents());
            if (job.toString().equals(group.getKey().getAllVariables().get("<job_id>"))
                    && scope.contains(CloudWatchNames.GROUP)) {
                assertThat(scope)
                        .as("the scope of %s", group.getValue().keySet())
                        .last()
                        .isEqualTo(CloudWatchNames.GROUP);
                group.getValue()
                        .forEach(
                                (name, metric) ->
                                        assertThat(published.put(name, metric))
                                                .as("a second %s", name)
                                                .isNull());
            }
        }
        return published;
    }

    private static long count(Map<String, Metric> published, String name) {
        return ((Meter) published.get(name)).getCount();
    }

    /** A model that fails every request: each reading falls back to the rule. */
    private static final class FailingModel implements ModelClientFactory {
        @Override
        public ModelClient open() {
            return new ModelClient() {
                @Override
                public CompletableFuture<ModelAnswer> score(List<String> csvRows) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no model"));
                }

                @Override
                public CompletableFuture<Void> use(ModelRelease release) {
                    return CompletableFuture.failedFuture(new IllegalStateException("no model"));
                }

                @Override
                public void close() {}
            };
        }
    }
}
