package io.occupancystream.modelops.sagemaker;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.ContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeModelResponse;
import software.amazon.awssdk.services.sagemaker.model.ModelApprovalStatus;
import software.amazon.awssdk.services.sagemaker.model.ModelPackageContainerDefinition;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariant;
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
    private static final int MAX_NAME_LENGTH = 63;
    private static final int MAX_NAME_ATTEMPTS = 10;

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

    /** Promotes the challenger if it wins and waits until the endpoint serves it. */
    public PromotionDecision promote(Challenger challenger, ChampionComparison comparison)
            throws IOException, InterruptedException {
        PromotionDecision decision = startPromotion(challenger, comparison);
        if (decision.promoted) {
            new EndpointWaiter(sageMaker, settings, pause, out)
                    .awaitServing(decision.endpointConfig);
        }
        return decision;
    }

    /**
     * Decides; if the challenger wins, registers it, creates its model and endpoint config and
     * starts creating or updating the endpoint, without waiting for it ({@link #progress(String)}).
     */
    public PromotionDecision startPromotion(Challenger challenger, ChampionComparison comparison)
            throws IOException {
        Optional<DescribeEndpointResponse> endpoint = endpoint();
        Optional<Champion> champion = endpoint.map(e -> Champion.of(sageMaker, e));
        Comparison compared = champion.isEmpty() ? null : comparison.compare(champion.get());
        PromotionDecision decision =
                PromotionDecision.decide(challenger, champion, compared, settings.force);
        out.println(decision.summary());
        if (compared != null) {
            out.println("  compared: " + compared.describe());
        }
        if (!decision.promoted) {
            return decision;
        }
        String packageArn = register(challenger);
        String model = createModel(challenger, packageArn);
        String config = createEndpointConfig(challenger.name, model);
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
        return decision.deployed(packageArn, config);
    }

    /** One look at the endpoint on its way to serving {@code config}. */
    public EndpointProgress progress(String config) {
        return EndpointProgress.look(sageMaker, settings.endpointName, config);
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

    /**
     * Creates a resource named {@code base}. A rerun after a partial failure finds the names it
     * created then: one that {@code same} accepts is reused, else the next free {@code base-N}.
     */
    private String createOrReuse(
            String kind, String base, Predicate<String> same, Consumer<String> create) {
        for (int n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
            String name = n == 1 ? base : suffixed(base, n);
            try {
                create.accept(name);
                return name;
            } catch (SageMakerException e) {
                if (!isAlreadyExisting(e)) {
                    throw e;
                }
            }
            if (same.test(name)) {
                out.println("Reusing " + kind + " " + name + " from an earlier run");
                return name;
            }
        }
        throw new PromotionException(
                MAX_NAME_ATTEMPTS + " " + kind + "s named " + base + "[-N] exist already");
    }

    private static String suffixed(String base, int n) {
        String suffix = "-" + n;
        return base.substring(0, Math.min(base.length(), MAX_NAME_LENGTH - suffix.length()))
                + suffix;
    }

    /**
     * SageMaker refuses an existing name with a 400 ValidationException "Cannot create already
     * existing model|endpoint configuration "ARN"."
     */
    static boolean isAlreadyExisting(SageMakerException e) {
        return e.awsErrorDetails() != null
                && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && String.valueOf(e.awsErrorDetails().errorMessage())
                        .startsWith("Cannot create already existing");
    }

    private String createEndpointConfig(String base, String model) {
        return createOrReuse(
                "endpoint config",
                base,
                name -> {
                    List<ProductionVariant> variants =
                            sageMaker
                                    .describeEndpointConfig(r -> r.endpointConfigName(name))
                                    .productionVariants();
                    return variants.size() == 1
                            && model.equals(variants.get(0).modelName())
                            && settings.instanceType.equals(variants.get(0).instanceTypeAsString())
                            && Integer.valueOf(settings.instanceCount)
                                    .equals(variants.get(0).initialInstanceCount());
                },
                name ->
                        sageMaker.createEndpointConfig(
                                r ->
                                        r.endpointConfigName(name)
                                                .productionVariants(
                                                        v ->
                                                                v.variantName(VARIANT)
                                                                        .modelName(model)
                                                                        .instanceType(
                                                                                settings.instanceType)
                                                                        .initialInstanceCount(
                                                                                settings.instanceCount))));
    }

    private String createModel(Challenger challenger, String packageArn) {
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
        return createOrReuse(
                "model",
                challenger.name,
                name -> servesSameContainers(name, challenger),
                name ->
                        sageMaker.createModel(
                                r -> {
                                    r.modelName(name).executionRoleArn(settings.roleArn).tags(tags);
                                    if (challenger.containers.size() == 1) {
                                        r.primaryContainer(challenger.containers.get(0));
                                    } else {
                                        // Autopilot's tuning candidates are inference pipelines.
                                        r.containers(challenger.containers);
                                    }
                                }));
    }

    private boolean servesSameContainers(String model, Challenger challenger) {
        DescribeModelResponse existing = sageMaker.describeModel(r -> r.modelName(model));
        List<ContainerDefinition> containers =
                existing.hasContainers()
                        ? existing.containers()
                        : Collections.singletonList(existing.primaryContainer());
        if (containers.size() != challenger.containers.size()) {
            return false;
        }
        for (int i = 0; i < containers.size(); i++) {
            ContainerDefinition mine = challenger.containers.get(i);
            ContainerDefinition theirs = containers.get(i);
            if (theirs == null
                    || !Objects.equals(mine.image(), theirs.image())
                    || !Objects.equals(mine.modelDataUrl(), theirs.modelDataUrl())) {
                return false;
            }
        }
        return true;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
