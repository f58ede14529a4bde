package io.occupancystream.job.bench;

import io.occupancystream.job.scoring.BatchSettings;
import io.occupancystream.job.scoring.EmbeddedModelClient;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringSettings;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.scoring.ScoringStages;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The ways of scoring the benchmark compares, each with the settings it runs with. */
enum BenchMode {
    NONE("none", false) {
        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) {
            return new NoScoringStage();
        }
    },
    RULE("rule", false) {
        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) {
            return ScoringStage.of(rule);
        }
    },
    EMBEDDED("embedded", false) {
        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) {
            return ScoringStages.model(
                    scoring, EmbeddedModelClient.factory(scoring.modelPath), rule);
        }
    },
    ENDPOINT_BLOCKING("endpoint-blocking", true) {
        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) {
            return new BlockingEndpointStage(scoring.endpoint.url, scoring.endpoint.name);
        }
    },
    ENDPOINT_ASYNC("endpoint-async", true) {
        @Override
        List<String> settings() {
            return List.of(BatchSettings.MAX_ROWS.qualifiedName() + "=1");
        }

        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) throws IOException {
            return endpointStage(scoring, rule);
        }
    },
    ENDPOINT_ASYNC_BATCHED("endpoint-async-batched", false) {
        @Override
        ScoringStage stage(ScoringSettings scoring, RuleScorer rule) throws IOException {
            return endpointStage(scoring, rule);
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

    abstract ScoringStage stage(ScoringSettings scoring, RuleScorer rule) throws IOException;

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

    /** The job's own async model scoring of the endpoint, built from the same settings. */
    private static ScoringStage endpointStage(ScoringSettings scoring, RuleScorer rule) {
        return ScoringStages.model(scoring, ScoringStages.endpointClients(scoring), rule);
    }
}
