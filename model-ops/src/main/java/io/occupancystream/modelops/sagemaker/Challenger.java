package io.occupancystream.modelops.sagemaker;

import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;

/** A model that may replace the endpoint's current one: its containers and its recorded metric. */
public final class Challenger {
    final String name;
    final List<ContainerDefinition> containers;
    final String metricName;
    final double metricValue;
    final String source;
    final long trainingRows;

    /**
     * @param name unique name for the SageMaker model and endpoint config (letters, digits, -)
     * @param source where it comes from, e.g. {@code autopilot:JOB/CANDIDATE}, recorded with it
     * @param trainingRows rows it was trained on, recorded so that retraining can tell how many are
     *     new
     */
    public Challenger(
            String name,
            List<ContainerDefinition> containers,
            String metricName,
            double metricValue,
            String source,
            long trainingRows) {
        this.name = name;
        this.containers = List.copyOf(containers);
        this.metricName = metricName;
        this.metricValue = metricValue;
        this.source = source;
        this.trainingRows = trainingRows;
    }
}
