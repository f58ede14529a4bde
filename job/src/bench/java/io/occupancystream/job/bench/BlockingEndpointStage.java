package io.occupancystream.job.bench;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Prediction;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.CsvPredictions;
import io.occupancystream.job.scoring.ModelAnswer;
import io.occupancystream.job.scoring.ScoringStage;
import java.net.URI;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;

/**
 * The EduKit tutorial's way of scoring, as its Lambda does it: one blocking InvokeEndpoint per
 * reading, with the SDK's default client, and the task waits for each answer. The baseline the
 * async stages are measured against; a failed call fails the job.
 */
final class BlockingEndpointStage implements ScoringStage {
    // The local endpoint's answers carry predicted_label, so no threshold labels them.
    private static final double UNUSED_THRESHOLD = 0.5;

    private final String url;
    private final String endpointName;

    BlockingEndpointStage(String url, String endpointName) {
        this.url = url;
        this.endpointName = endpointName;
    }

    @Override
    public DataStream<Result> score(DataStream<FeaturedReading> readings) {
        return readings.map(new InvokePerReading(url, endpointName))
                .name("score with endpoint, blocking")
                .uid("score-blocking");
    }

    private static final class InvokePerReading extends RichMapFunction<FeaturedReading, Result> {
        private final String url;
        private final String endpointName;
        private transient SageMakerRuntimeClient sdk;

        InvokePerReading(String url, String endpointName) {
            this.url = url;
            this.endpointName = endpointName;
        }

        @Override
        public void open(Configuration parameters) {
            sdk = LocalEndpointClients.blocking(URI.create(url));
        }

        @Override
        public Result map(FeaturedReading featured) {
            InvokeEndpointResponse response =
                    sdk.invokeEndpoint(
                            InvokeEndpointRequest.builder()
                                    .endpointName(endpointName)
                                    .contentType("text/csv")
                                    .accept("text/csv")
                                    .body(
                                            SdkBytes.fromUtf8String(
                                                    FeatureCsv.features(featured.features)))
                                    .build());
            ModelAnswer answer =
                    CsvPredictions.parse(
                            response.body().asByteArray(),
                            1,
                            UNUSED_THRESHOLD,
                            response.invokedProductionVariant());
            return Result.of(
                    featured.reading,
                    new Prediction(
                            answer.occupied[0],
                            Double.valueOf(Float.toString(answer.probabilities[0])),
                            ScoreSource.MODEL,
                            answer.modelVersion,
                            null),
                    featured.quietSeconds());
        }

        @Override
        public void close() {
            if (sdk != null) {
                sdk.close();
            }
        }
    }
}
