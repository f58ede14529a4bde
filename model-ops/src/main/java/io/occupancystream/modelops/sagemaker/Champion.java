package io.occupancystream.modelops.sagemaker;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * The model an endpoint serves now, with what the promotion that deployed it recorded in the
 * model's tags: its metric (NaN when none was recorded), the rows it was trained on (0 when
 * unknown) and where it comes from (null when unknown).
 */
public final class Champion {
    final String model;
    final String metricName;
    final double metricValue;
    final long trainingRows;
    final String source;

    Champion(
            String model, String metricName, double metricValue, long trainingRows, String source) {
        this.model = model;
        this.metricName = metricName;
        this.metricValue = metricValue;
        this.trainingRows = trainingRows;
        this.source = source;
    }

    /** The first variant's model of {@code endpoint}, read back from its tags. */
    static Champion of(SageMakerClient sageMaker, DescribeEndpointResponse endpoint) {
        String model =
                sageMaker
                        .describeEndpointConfig(
                                r -> r.endpointConfigName(endpoint.endpointConfigName()))
                        .productionVariants()
                        .get(0)
                        .modelName();
        String arn = sageMaker.describeModel(r -> r.modelName(model)).modelArn();
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : sageMaker.listTags(r -> r.resourceArn(arn)).tags()) {
            tags.put(tag.key(), tag.value());
        }
        String value = tags.get(EndpointPromoter.TAG_VALUE);
        String rows = tags.get(EndpointPromoter.TAG_ROWS);
        return new Champion(
                model,
                tags.get(EndpointPromoter.TAG_METRIC),
                value == null ? Double.NaN : Double.parseDouble(value),
                rows == null ? 0 : Long.parseLong(rows),
                tags.get(EndpointPromoter.TAG_SOURCE));
    }

    public long trainingRows() {
        return trainingRows;
    }

    public String model() {
        return model;
    }
}
