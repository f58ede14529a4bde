package io.occupancystream.modelops.retraining;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.modelops.sagemaker.AutopilotProgress;
import io.occupancystream.modelops.sagemaker.EndpointProgress;
import io.occupancystream.modelops.sagemaker.NewRows;
import io.occupancystream.modelops.sagemaker.PromotionDecision;
import io.occupancystream.modelops.sagemaker.RetrainingSteps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * The Lambda function of the retraining state machine: runs one {@link RetrainingStep} (the input's
 * {@code step}) over {@link RetrainingSteps} and answers its outcome as JSON. Expected outcomes
 * (too few rows, a failed Autopilot job, a losing challenger, a rolled-back update) are answers the
 * state machine branches on; anything else is an error it catches. Nothing here waits.
 */
public final class RetrainingHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final Function<Map<String, String>, RetrainingSteps> steps;

    /** The function's entry point: AWS's clients, settings from the function's environment. */
    public RetrainingHandler() {
        this(
                System.getenv(),
                env ->
                        new RetrainingSteps(
                                SageMakerClient.create(),
                                S3Client.create(),
                                null,
                                RetrainingEnvironment.settings(env),
                                Clock.systemUTC()));
    }

    RetrainingHandler(
            Map<String, String> env, Function<Map<String, String>, RetrainingSteps> steps) {
        this.env = env;
        this.steps = steps;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode in = JSON.readTree(input);
        RetrainingStep step = RetrainingStep.valueOf(in.path("step").asText());
        RetrainingSteps run = steps.apply(env);
        ObjectNode result;
        try {
            result = run(step, in, run);
        } finally {
            // What the commands would print: the decision, the calls made.
            context.getLogger().log(run.log());
        }
        context.getLogger().log(step + " answered " + result + "\n");
        JSON.writeValue(output, result);
    }

    private static ObjectNode run(RetrainingStep step, JsonNode in, RetrainingSteps run)
            throws IOException {
        ObjectNode out = JSON.createObjectNode();
        switch (step) {
            case NEW_ROWS:
                NewRows rows = run.newRows();
                out.put("retrain", rows.enough());
                out.put("rows", rows.data().rows);
                out.put("newRows", rows.fresh());
                out.put(
                        "message",
                        rows.describe() + (rows.enough() ? "" : ". " + rows.notEnough()));
                out.set("trainedOn", JSON.valueToTree(rows.data()));
                return out;
            case START_AUTOPILOT:
                return out.put("jobName", run.startAutopilot());
            case AUTOPILOT_PROGRESS:
                AutopilotProgress job = run.autopilotProgress(jobName(in));
                return out.put("state", job.state().name()).put("message", job.message());
            case PROMOTE:
                PromotionDecision decision = run.promote(jobName(in), TrainedOnJson.of(in));
                out.put("promoted", decision.promoted());
                out.put("endpointConfig", decision.endpointConfig());
                out.put("message", decision.summary());
                out.set("decision", JSON.readTree(decision.toJson()));
                return out;
            case ENDPOINT_PROGRESS:
                EndpointProgress endpoint = run.endpointProgress(required(in, "endpointConfig"));
                return out.put("state", endpoint.state().name()).put("message", endpoint.message());
            case PUBLISH_CARD:
                return out.put("modelCard", run.publishCard(jobName(in), TrainedOnJson.of(in)));
            default:
                throw new IllegalArgumentException("no step " + step);
        }
    }

    private static String jobName(JsonNode in) {
        return required(in, "jobName");
    }

    static String required(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the input has no " + field + ": " + in);
        }
        return value.asText();
    }
}
