package io.occupancystream.modelops.sagemaker;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Puts a challenger behind the endpoint only if it beats the current model (the champion) on the
 * recorded metric, or when forced: registers it as an approved model package with its metric,
 * creates the SageMaker model (tagged with the package and the metric, which is how the next
 * promotion finds the champion's metric) and an endpoint config, then creates the endpoint or
 * updates it with a blue/green deployment (auto-rollback on the given alarms), and waits until the
 * endpoint serves the new config.
 */
public final class EndpointPromoter {
    static final String TAG_PACKAGE = "occupancy-stream:model-package";
    static final String TAG_METRIC = "occupancy-stream:metric";
    static final String TAG_VALUE = "occupancy-stream:metric-value";
    static final String TAG_SOURCE = "occupancy-stream:source";
    static final String TAG_ROWS = "occupancy-stream:training-rows";
    static final String VARIANT = "AllTraffic";

    private final SageMakerClient sageMaker;
    private final PromotionSettings settings;
    private final Pause pause;
    private final PrintWriter out;

    public EndpointPromoter(
            SageMakerClient sageMaker, PromotionSettings settings, Pause pause, PrintWriter out) {
        this.sageMaker = sageMaker;
        this.settings = settings;
        this.pause = pause;
        this.out = out;
    }

    /** The endpoint's current model, if there is an endpoint. */
    public Optional<Champion> champion() {
        return endpoint().map(e -> Champion.of(sageMaker, e));
    }

    public PromotionDecision promote(Challenger challenger) throws InterruptedException {
        Optional<DescribeEndpointResponse> endpoint = endpoint();
        Optional<Champion> champion = endpoint.map(e -> Champion.of(sageMaker, e));
        PromotionDecision decision = PromotionDecision.decide(challenger, champion, settings.force);
        out.println(decision.summary());
        if (!decision.promoted) {
            return decision;
        }
        String packageArn = register(challenger);
        createModel(challenger, packageArn);
        String config = challenger.name;
        sageMaker.createEndpointConfig(
                r ->
                        r.endpointConfigName(config)
                                .productionVariants(
                                        v ->
                                                v.variantName(VARIANT)
                                                        .modelName(challenger.name)
                                                        .instanceType(settings.instanceType)
                                                        .initialInstanceCount(
                                                                settings.instanceCount)));
        if (endpoint.isEmpty()) {
            out.println("Creating endpoint " + settings.endpointName + " with " + config);
            sageMaker.createEndpoint(
                    r -> r.endpointName(settings.endpointName).endpointConfigName(config));
        } else {
            out.println(
                    "Updating endpoint "
                            + settings.endpointName
                            + " to "
                            + config
                            + " (blue/green, "
                            + settings.deployment.describe()
                            + ")");
            sageMaker.updateEndpoint(
                    r ->
                            r.endpointName(settings.endpointName)
                                    .endpointConfigName(config)
                                    .deploymentConfig(settings.deployment.config()));
        }
        new EndpointWaiter(sageMaker, settings, pause, out).awaitServing(config);
        return decision.deployed(packageArn, config);
    }

    private Optional<DescribeEndpointResponse> endpoint() {
        try {
            return Optional.of(
                    sageMaker.describeEndpoint(r -> r.endpointName(settings.endpointName)));
        } catch (SageMakerException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** SageMaker says "Could not find endpoint ..." or "... does not exist" as a 400. */
    static boolean isNotFound(SageMakerException e) {
        if (e.awsErrorDetails() == null
                || !"ValidationException".equals(e.awsErrorDetails().errorCode())) {
            return false;
        }
        String message = String.valueOf(e.awsErrorDetails().errorMessage());
        return message.startsWith("Could not find") || message.endsWith("does not exist.");
    }

    private String register(Challenger challenger) {
        ensurePackageGroup();
        List<ModelPackageContainerDefinition> containers = new ArrayList<>();
        for (ContainerDefinition c : challenger.containers) {
            containers.add(
                    ModelPackageContainerDefinition.builder()
                            .image(c.image())
                            .modelDataUrl(c.modelDataUrl())
                            .environment(c.environment())
                            .build());
        }
        String arn =
                sageMaker
                        .createModelPackage(
                                r ->
                                        r.modelPackageGroupName(settings.packageGroup)
                                                .modelPackageDescription(challenger.source)
                                                .modelApprovalStatus(ModelApprovalStatus.APPROVED)
                                                .customerMetadataProperties(
                                                        Map.of(
                                                                "metric",
                                                                challenger.metricName,
                                                                "metricValue",
                                                                format(challenger.metricValue),
                                                                "source",
                                                                challenger.source))
                                                .inferenceSpecification(
                                                        spec ->
                                                                spec.containers(containers)
                                                                        .supportedContentTypes(
                                                                                "text/csv")
                                                                        .supportedResponseMIMETypes(
                                                                                "text/csv")))
                        .modelPackageArn();
        out.println("Registered " + arn + " in " + settings.packageGroup);
        return arn;
    }

    private void ensurePackageGroup() {
        try {
            sageMaker.describeModelPackageGroup(
                    r -> r.modelPackageGroupName(settings.packageGroup));
        } catch (SageMakerException e) {
            if (!isNotFound(e)) {
                throw e;
            }
            sageMaker.createModelPackageGroup(
                    r ->
                            r.modelPackageGroupName(settings.packageGroup)
                                    .modelPackageGroupDescription(
                                            "occupancy-stream roomOccupancy models"));
        }
    }

    private void createModel(Challenger challenger, String packageArn) {
        List<Tag> tags =
                List.of(
                        Tag.builder().key(TAG_PACKAGE).value(packageArn).build(),
                        Tag.builder().key(TAG_METRIC).value(challenger.metricName).build(),
                        Tag.builder().key(TAG_VALUE).value(format(challenger.metricValue)).build(),
                        Tag.builder().key(TAG_SOURCE).value(challenger.source).build(),
                        Tag.builder()
                                .key(TAG_ROWS)
                                .value(Long.toString(challenger.trainingRows))
                                .build());
        sageMaker.createModel(
                r -> {
                    r.modelName(challenger.name).executionRoleArn(settings.roleArn).tags(tags);
                    if (challenger.containers.size() == 1) {
                        r.primaryContainer(challenger.containers.get(0));
                    } else {
                        // Autopilot's tuning candidates are inference pipelines of containers.
                        r.containers(challenger.containers);
                    }
                });
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
