package io.occupancystream.modelops.sagemaker;

import io.occupancystream.model.ModelCard;
import java.time.Instant;
import software.amazon.awssdk.services.sagemaker.model.AutoMLChannelType;
import software.amazon.awssdk.services.sagemaker.model.AutoMLJobObjective;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMetricEnum;
import software.amazon.awssdk.services.sagemaker.model.AutoMLMode;
import software.amazon.awssdk.services.sagemaker.model.AutoMLS3DataType;
import software.amazon.awssdk.services.sagemaker.model.CompressionType;
import software.amazon.awssdk.services.sagemaker.model.CreateAutoMlJobV2Request;
import software.amazon.awssdk.services.sagemaker.model.ProblemType;

/**
 * An Autopilot (AutoML V2) tabular binary-classification job over the job's training-set prefix:
 * every CSV part file under it, with its header, target {@code roomoccupancy}.
 */
public final class AutopilotJobSpec {
    /** SageMaker's CSV content type for files whose first line is a header. */
    static final String CSV_WITH_HEADER = "text/csv;header=present";

    /** Candidates Autopilot tries at most unless told otherwise. */
    public static final String DEFAULT_MAX_CANDIDATES = "250";

    final String jobName;
    final String dataUri;
    final String outputUri;
    final String roleArn;
    final int maxCandidates;
    final AutoMLMetricEnum objective;
    final AutoMLMode mode;

    public AutopilotJobSpec(
            String jobName,
            String dataUri,
            String outputUri,
            String roleArn,
            int maxCandidates,
            AutoMLMetricEnum objective,
            AutoMLMode mode) {
        this.jobName = jobName;
        this.dataUri = dataUri;
        this.outputUri = outputUri;
        this.roleArn = roleArn;
        this.maxCandidates = maxCandidates;
        this.objective = objective;
        this.mode = mode;
    }

    /**
     * The name of a retraining's Autopilot job started at {@code now}: unique per second, within
     * AutoMLJobName's 32 characters.
     */
    public static String retrainingJobName(Instant now) {
        return "occupancy-retrain-" + now.getEpochSecond();
    }

    /** Autopilot's output when none is given: {@code autopilot/} in the data's bucket. */
    public static String defaultOutput(String dataUri) {
        return "s3://" + S3Uris.parse(dataUri, "--data").getHost() + "/autopilot";
    }

    /** Where a job's input (the copy {@link AutopilotInput} makes) goes under its output prefix. */
    public static String stagedInput(String outputUri, String jobName) {
        return outputUri.replaceFirst("/+$", "") + "/" + jobName + "/input";
    }

    public CreateAutoMlJobV2Request request() {
        return CreateAutoMlJobV2Request.builder()
                .autoMLJobName(jobName)
                .roleArn(roleArn)
                .autoMLJobInputDataConfig(
                        channel ->
                                channel.channelType(AutoMLChannelType.TRAINING)
                                        .contentType(CSV_WITH_HEADER)
                                        .compressionType(CompressionType.NONE)
                                        .dataSource(
                                                source ->
                                                        source.s3DataSource(
                                                                s3 ->
                                                                        s3.s3DataType(
                                                                                        AutoMLS3DataType
                                                                                                .S3_PREFIX)
                                                                                .s3Uri(dataUri))))
                .outputDataConfig(output -> output.s3OutputPath(outputUri))
                .autoMLProblemTypeConfig(
                        problem ->
                                problem.tabularJobConfig(
                                        tabular ->
                                                tabular.targetAttributeName(
                                                                ModelCard.DEFAULT_TARGET)
                                                        .problemType(
                                                                ProblemType.BINARY_CLASSIFICATION)
                                                        .mode(mode)
                                                        .completionCriteria(
                                                                c ->
                                                                        c.maxCandidates(
                                                                                maxCandidates))))
                .autoMLJobObjective(AutoMLJobObjective.builder().metricName(objective).build())
                .build();
    }
}
