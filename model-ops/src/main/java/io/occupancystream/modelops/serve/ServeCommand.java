package io.occupancystream.modelops.serve;

import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.model.InferenceKey;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code model-ops serve}: a model as a local SageMaker endpoint, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a model on 127.0.0.1 as a SageMaker real-time endpoint: InvokeEndpoint at"
                    + " POST /endpoints/NAME/invocations, and GET /ping and POST /invocations.",
            "Requests are text/csv rows of the model's features, no header; answers are text/csv"
                    + " or JSON (application/json) as the --answer-style container writes them.",
            "Runs until Ctrl-C."
        })
public final class ServeCommand implements Callable<Integer> {
    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL_DIR",
            description = "Model directory (model.json + model.tar.gz).")
    Path model;

    @Option(
            names = "--port",
            defaultValue = "8080",
            description = "Port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--name",
            defaultValue = "roomOccupancyEndpoint",
            description =
                    "Endpoint name in /endpoints/NAME/invocations (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(
            names = "--answer-style",
            defaultValue = "ensembling",
            converter = StyleConverter.class,
            description =
                    "The container kind to answer as: ensembling (Autopilot, probability is the"
                            + " predicted label's), hpo (Autopilot tuning pipeline, probability is"
                            + " the positive class's) or xgboost (built-in XGBoost: one line of"
                            + " probabilities of occupied) (default: ${DEFAULT-VALUE}).")
    AnswerStyle answerStyle;

    @Option(
            names = "--inference-output",
            defaultValue = "predicted_label,probability,probabilities,labels",
            description =
                    "The keys answered, in this order, as SAGEMAKER_INFERENCE_OUTPUT sets them;"
                            + " ignored by xgboost (default: ${DEFAULT-VALUE}).")
    String inferenceOutput;

    @Spec CommandSpec spec;

    @Option(
            names = "--fault-latency-ms",
            defaultValue = "0",
            description = "Delay added to every invocation (default: ${DEFAULT-VALUE}).")
    long faultLatencyMillis;

    @Option(
            names = "--fault-error-rate",
            defaultValue = "0",
            description =
                    "Fraction of invocations answered 500 InternalFailure or 503"
                            + " ServiceUnavailable (default: ${DEFAULT-VALUE}).")
    double faultErrorRate;

    @Option(
            names = "--fault-throttle-rate",
            defaultValue = "0",
            description =
                    "Fraction of invocations answered 400 ThrottlingException"
                            + " (default: ${DEFAULT-VALUE}).")
    double faultThrottleRate;

    @Option(
            names = "--fault-hang-rate",
            defaultValue = "0",
            description =
                    "Fraction of invocations left unanswered until the endpoint stops"
                            + " (default: ${DEFAULT-VALUE}).")
    double faultHangRate;

    @Option(
            names = "--fault-deny-access",
            description =
                    "Answer every signed invocation with AccessDeniedException, as SageMaker"
                            + " answers a caller without sagemaker:InvokeEndpoint.")
    boolean faultDenyAccess;

    @Option(
            names = "--fault-seed",
            defaultValue = "1",
            description = "Seed of the fault draws (default: ${DEFAULT-VALUE}).")
    long faultSeed;

    @Override
    public Integer call() throws Exception {
        List<InferenceKey> keys;
        try {
            keys = InferenceKey.parseList(inferenceOutput);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "--inference-output: " + e.getMessage());
        }
        FaultInjector faults =
                FaultInjector.none()
                        .withLatencyMillis(faultLatencyMillis)
                        .withErrorRate(faultErrorRate)
                        .withThrottleRate(faultThrottleRate)
                        .withHangRate(faultHangRate)
                        .withSeed(faultSeed);
        if (faultDenyAccess) {
            faults = faults.withAccessDenied();
        }
        OccupancyPredictor predictor = OccupancyPredictor.load(model);
        LocalEndpoint endpoint =
                LocalEndpoint.start(predictor, name, port, faults, answerStyle, keys);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    endpoint.stop();
                                    predictor.close();
                                    System.out.println("Stopped: " + endpoint.counters());
                                },
                                "serve-shutdown"));
        System.out.println("Endpoint " + name + " at " + endpoint.url());
        System.out.println("Model " + predictor.version() + " from " + model);
        System.out.println("Features, in order: " + String.join(",", predictor.features()));
        System.out.println(
                "Answers as: "
                        + answerStyle
                        + (answerStyle == AnswerStyle.XGBOOST
                                ? ""
                                : " (" + InferenceKey.join(keys) + ")"));
        System.out.println("Faults: " + faults);
        System.out.println("Ctrl-C stops.");
        // Until Ctrl-C: the JVM then runs the shutdown hook and exits without returning here.
        Thread.currentThread().join();
        return 0;
    }

    static final class StyleConverter implements ITypeConverter<AnswerStyle> {
        @Override
        public AnswerStyle convert(String value) {
            try {
                return AnswerStyle.forName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
