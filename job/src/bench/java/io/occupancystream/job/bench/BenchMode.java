package io.occupancystream.job.bench;

import io.occupancystream.job.OccupancyJob;
import io.occupancystream.job.config.ConfigKey;
import io.occupancystream.job.config.JobConfig;
import io.occupancystream.job.scoring.EmbeddedModelClient;
import io.occupancystream.job.scoring.ModelClientFactory;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The ways of scoring the benchmark compares, each with the settings it runs with. */
enum BenchMode {
    NONE("none", false) {
        @Override
        ScoringStage stage(JobConfig config) {
            return new NoScoringStage();
        }
    },
    RULE("rule", false) {
        @Override
        ScoringStage stage(JobConfig config) {
            return ScoringStage.of(new RuleScorer(config.ruleSoundThreshold));
        }
    },
    EMBEDDED("embedded", false) {
        @Override
        ScoringStage stage(JobConfig config) {
            return modelStage(config, EmbeddedModelClient.factory(config.modelPath));
        }
    },
    ENDPOINT_BLOCKING("endpoint-blocking", true) {
        @Override
        ScoringStage stage(JobConfig config) {
            return new BlockingEndpointStage(config.endpoint.url, config.endpoint.name);
        }
    },
    ENDPOINT_ASYNC("endpoint-async", true) {
        @Override
        List<String> settings() {
            return List.of(ConfigKey.SCORING_BATCH_MAX_ROWS.qualifiedName() + "=1");
        }

        @Override
        ScoringStage stage(JobConfig config) throws IOException {
            return endpointStage(config);
        }
    },
    ENDPOINT_ASYNC_BATCHED("endpoint-async-batched", false) {
        @Override
        ScoringStage stage(JobConfig config) throws IOException {
            return endpointStage(config);
        }
    };

    private final String label;
    private final boolean slow;

    BenchMode(String label, boolean slow) {
        this.label = label;
        this.slow = slow;
    }

    /** The mode's name in the table and the JSON. */
    String label() {
        return label;
    }

    /** Too slow to replay the whole recording: gets the first readings only. */
    boolean slow() {
        return slow;
    }

    /** Settings of this mode, over the benchmark's. */
    List<String> settings() {
        return Collections.emptyList();
    }

    abstract ScoringStage stage(JobConfig config) throws IOException;

    static BenchMode byLabel(String label) {
        for (BenchMode mode : values()) {
            if (mode.label.equals(label)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "no mode "
                        + label
                        + "; the modes are "
                        + Arrays.stream(values())
                                .map(m -> m.label)
                                .collect(Collectors.joining(", ")));
    }

    private static ScoringStage endpointStage(JobConfig config) throws IOException {
        return modelStage(config, OccupancyJob.endpointClients(config));
    }

    /** The job's own async model scoring, built from the same settings. */
    private static ScoringStage modelStage(JobConfig config, ModelClientFactory clients) {
        return OccupancyJob.modelScoring(
                config, clients, new RuleScorer(config.ruleSoundThreshold));
    }
}
