package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.scoring.follow.ModelRelease;
import io.occupancystream.job.testing.DummyAwsCredentials;
import io.occupancystream.job.testing.TrainedModels;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.serve.AnswerStyle;
import io.occupancystream.modelops.serve.FaultInjector;
import io.occupancystream.modelops.serve.LocalEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new model card for endpoint scoring: the endpoint keeps its name (a blue/green promotion
 * replaces the model behind it), and the card's threshold labels the bare probabilities that
 * SageMaker's built-in XGBoost container answers (AWS, "How to use SageMaker AI XGBoost",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/xgboost-how-to-use.html), here model-ops' local
 * endpoint in that answer style, each answer 300 ms late.
 */
class EndpointThresholdSwitchTest {
    private LocalEndpoint endpoint;

    @AfterEach
    void stop() {
        endpoint.stop();
        DummyAwsCredentials.clear();
    }

    @Test
    void newCardsThresholdLabelsBatchesSentAfterItAndNotThoseInFlight() throws Exception {
        DummyAwsCredentials.set();
        try (OccupancyPredictor predictor = OccupancyPredictor.load(TrainedModels.model())) {
            endpoint =
                    LocalEndpoint.start(
                            predictor,
                            "roomOccupancyEndpoint",
                            0,
                            FaultInjector.none().withLatencyMillis(300),
                            AnswerStyle.XGBOOST,
                            List.of());
            List<String> row = List.of(EndpointCheck.probeRow());
            float p = predictor.probabilities(floats(row.get(0)), 1)[0];
            ModelCard card = ModelCard.read(TrainedModels.model());
            card.threshold = p;

            try (EndpointModelClient client = EndpointModelClient.open(settings(), 1.0)) {
                CompletableFuture<ModelAnswer> inFlight = client.score(row);
                client.use(ModelRelease.of(card.toJson(), new byte[0])).get();
                ModelAnswer after = client.score(row).get(10, TimeUnit.SECONDS);
                ModelAnswer before = inFlight.get(10, TimeUnit.SECONDS);

                assertThat(before.probabilities).containsExactly(p);
                assertThat(before.occupied).containsExactly(false);
                assertThat(after.probabilities).containsExactly(p);
                assertThat(after.occupied).containsExactly(true);
                assertThat(endpoint.counters().rowsScored()).isEqualTo(2);
            }
        }
    }

    private EndpointSettings settings() {
        return new EndpointSettings(
                "roomOccupancyEndpoint",
                endpoint.url().toString(),
                "eu-west-1",
                "",
                "",
                "",
                Duration.ofSeconds(2),
                4);
    }

    private static float[] floats(String csvRow) {
        String[] cells = csvRow.split(",");
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            values[i] = Float.parseFloat(cells[i]);
        }
        return values;
    }
}
