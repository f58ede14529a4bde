package io.occupancystream.modelops.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.model.InferenceKey;
import io.occupancystream.modelops.testing.TestModels;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InternalFailureException;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.sagemakerruntime.model.ValidationErrorException;

/** The endpoint as the AWS SDK and plain HTTP clients see it: a real server on a free port. */
class LocalEndpointTest {
    private static final String NAME = "roomOccupancyEndpoint";
    private static final String TAKES_3 = "the model takes 3 (temperature,sound,sound_mean_5m)";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir static Path modelDir;

    private static OccupancyPredictor predictor;
    private static LocalEndpoint endpoint;
    private static SageMakerRuntimeAsyncClient sageMaker;

    @BeforeAll
    static void serve() throws IOException {
        predictor = OccupancyPredictor.load(TestModels.occupancyModel(modelDir));
        endpoint = LocalEndpoint.start(predictor, NAME, 0, FaultInjector.none());
        sageMaker = sageMakerClient(endpoint, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        sageMaker.close();
        endpoint.stop();
        predictor.close();
    }

    @Test
    void scoresOneRowAsCsvWithTheModelVersion() {
        InvokeEndpointResponse response = invoke(sageMaker, csv(row(70, 9, 8.5f)), null);

        float probability = predictor.probabilities(row(70, 9, 8.5f), 1)[0];
        assertThat(probability).isGreaterThan(0.5f);
        assertThat(response.body().asUtf8String()).isEqualTo(ensemblingLine(probability));
        assertThat(response.contentType()).isEqualTo("text/csv");
        assertThat(response.invokedProductionVariant()).isEqualTo("test-model-1");
    }

    @Test
    void scoresManyRowsInRequestOrder() {
        int rows = TestModels.ROWS;
        float[] values = new float[rows * 3];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(TestModels.row(i), 0, values, i * 3, 3);
        }
        long scoredBefore = endpoint.counters().rowsScored();

        String[] lines =
                invoke(sageMaker, csv(values), "text/csv").body().asUtf8String().split("\n");

        float[] expected = predictor.probabilities(values, rows);
        assertThat(lines).hasSize(rows);
        for (int i = 0; i < rows; i++) {
            assertThat(lines[i] + "\n").as("row %d", i + 1).isEqualTo(ensemblingLine(expected[i]));
        }
        assertThat(endpoint.counters().rowsScored() - scoredBefore).isEqualTo(rows);
    }

    @Test
    void answersJsonWhenAsked() throws IOException {
        float[] values = {70, 9, 8.5f, 70, 1, 0.9f};

        InvokeEndpointResponse response = invoke(sageMaker, csv(values), "application/json");

        float[] expected = predictor.probabilities(values, 2);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(response.body().asUtf8String()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"predictions\":["
                                        + "{\"predicted_label\":\"true\",\"probability\":\""
                                        + plain(expected[0])
                                        + "\",\"probabilities\":["
                                        + plain(1f - expected[0])
                                        + ","
                                        + plain(expected[0])
                                        + "],\"labels\":[\"false\",\"true\"]},"
                                        + "{\"predicted_label\":\"false\",\"probability\":\""
                                        + plain(1f - expected[1])
                                        + "\",\"probabilities\":["
                                        + plain(1f - expected[1])
                                        + ","
                                        + plain(expected[1])
                                        + "],\"labels\":[\"false\",\"true\"]}]}"));
    }

    /**
     * Each container kind answers as it is documented (see ResponseFormatTest): an ensembling
     * container's probability is the predicted label's, an HPO pipeline's the second label's, and
     * built-in XGBoost writes one line of P(occupied).
     */
    @Test
    void answersAsTheConfiguredContainerKind() throws IOException {
        float[] values = {70, 9, 8.5f, 70, 1, 0.9f};
        float[] p = predictor.probabilities(values, 2);
        assertThat(p[0]).isGreaterThan(0.5f);
        assertThat(p[1]).isLessThan(0.5f);
        Map<AnswerStyle, String> expected =
                Map.of(
                        AnswerStyle.ENSEMBLING,
                        "true," + plain(p[0]) + "\nfalse," + plain(1f - p[1]) + "\n",
                        AnswerStyle.HPO,
                        "true," + plain(1f - p[0]) + "\nfalse," + plain(1f - p[1]) + "\n",
                        AnswerStyle.XGBOOST,
                        plain(p[0]) + "," + plain(p[1]));

        for (AnswerStyle style : AnswerStyle.values()) {
            LocalEndpoint kind =
                    LocalEndpoint.start(
                            predictor,
                            NAME,
                            0,
                            FaultInjector.none(),
                            style,
                            List.of(InferenceKey.PREDICTED_LABEL, InferenceKey.PROBABILITY));
            try (SageMakerRuntimeAsyncClient client =
                    sageMakerClient(kind, Duration.ofSeconds(30))) {
                InvokeEndpointResponse response = invoke(client, csv(values), "text/csv");

                assertThat(response.body().asUtf8String())
                        .as("%s", style)
                        .isEqualTo(expected.get(style));
                assertThat(response.contentType()).isEqualTo("text/csv");
            } finally {
                kind.stop();
            }
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                arguments("1,2\n", "text/csv", null, 400, "row 1 has 2 values, " + TAKES_3),
                arguments(
                        "1,2,3\n4,5,6\n7,8,9,true\n",
                        "text/csv",
                        null,
                        400,
                        "row 3 has 4 values, " + TAKES_3),
                arguments(
                        "1,2,3\n4,loud,6\n",
                        "text/csv",
                        null,
                        400,
                        "row 2, column sound: 'loud' is not a number"),
                arguments(
                        "1,2,Infinity\n",
                        "text/csv",
                        null,
                        400,
                        "row 1, column sound_mean_5m: 'Infinity' is not a finite number"),
                arguments(
                        "",
                        "text/csv",
                        null,
                        400,
                        "request body is empty; send one or more CSV rows of 3 values"
                                + " (temperature,sound,sound_mean_5m)"),
                arguments(
                        "1,2,3\n",
                        "application/json",
                        null,
                        415,
                        "Content-Type application/json is not supported; send text/csv"),
                arguments(
                        "1,2,3\n",
                        "text/csv; charset=utf-8",
                        "application/xml",
                        406,
                        "Accept application/xml is not supported; ask for text/csv or"
                                + " application/json"));
    }

    @ParameterizedTest
    @MethodSource("invalidRequests")
    void rejectsInvalidRequestsAsSageMakerDoes(
            String body, String contentType, String accept, int status, String message) {
        long errorsBefore = endpoint.counters().errors("ValidationError");

        AwsServiceException error =
                failure(sageMaker.invokeEndpoint(request(NAME, body, contentType, accept)));

        assertThat(error).isInstanceOf(ValidationErrorException.class);
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(endpoint.counters().errors("ValidationError")).isEqualTo(errorsBefore + 1);
    }

    @Test
    void takesBodiesUpTo6MiB() {
        String row = "1.5,2.5,3.5\n";
        String sixMiB = row.repeat(LocalEndpoint.MAX_REQUEST_BYTES / row.length());
        assertThat(sixMiB).hasSize(LocalEndpoint.MAX_REQUEST_BYTES);

        String answer = invoke(sageMaker, sixMiB, null).body().asUtf8String();

        assertThat(answer.lines().count()).isEqualTo(sixMiB.length() / row.length());
        AwsServiceException error =
                failure(sageMaker.invokeEndpoint(request(NAME, sixMiB + "1", "text/csv", null)));
        assertThat(error.statusCode()).isEqualTo(413);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "request body of 6291457 bytes is over the 6291456-byte (6 MiB) limit of"
                                + " InvokeEndpoint");
    }

    @Test
    void rejectsOtherEndpointNames() {
        AwsServiceException error =
                failure(
                        sageMaker.invokeEndpoint(
                                request("otherEndpoint", "1,2,3", "text/csv", null)));

        assertThat(error).isInstanceOf(ValidationErrorException.class);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorMessage())
                .isEqualTo("Endpoint otherEndpoint of account local not found.");
    }

    /**
     * A caller whose policies do not allow sagemaker:InvokeEndpoint: AccessDeniedException ("Common
     * Errors" of the AWS API references; 400 in the SageMaker-era pages, e.g.
     * https://docs.aws.amazon.com/emr/latest/APIReference/CommonErrors.html), with IAM's message
     * naming the caller, the action and the endpoint's ARN (lower-cased, as SageMaker's ARNs are),
     * in the region the request was signed for. Checked before the endpoint's name.
     */
    @Test
    void theAccessFaultRefusesEveryCallerAsIamDoes() throws IOException {
        try (LocalEndpoint denying = serve(FaultInjector.none().withAccessDenied());
                SageMakerRuntimeAsyncClient client =
                        sageMakerClient(denying, Duration.ofSeconds(30))) {
            for (String name : List.of(NAME, "otherEndpoint")) {
                AwsServiceException error =
                        failure(client.invokeEndpoint(request(name, "1,2,3", "text/csv", null)));

                assertThat(error.statusCode()).isEqualTo(400);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(error.awsErrorDetails().errorMessage())
                        .isEqualTo(
                                "User: arn:aws:iam::local:user/test-key is not authorized to"
                                        + " perform: sagemaker:InvokeEndpoint on resource:"
                                        + " arn:aws:sagemaker:us-east-1:local:endpoint/"
                                        + name.toLowerCase(java.util.Locale.ROOT)
                                        + " because no identity-based policy allows the"
                                        + " sagemaker:InvokeEndpoint action");
            }
            assertThat(denying.counters().errors())
                    .containsExactlyEntriesOf(Map.of("AccessDeniedException", 2L));
            assertThat(denying.counters().rowsScored()).isZero();
        }
    }

    /**
     * An unsigned InvokeEndpoint gets the AWS front end's answer, as a real endpoint gave it
     * (aws/amazon-sagemaker-examples#290): 403, x-amzn-ErrorType
     * "MissingAuthenticationTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/",
     * body {"message":"Missing Authentication Token"} ("Common Errors": MissingAuthenticationToken,
     * 403). The container contract's /invocations stays unsigned.
     */
    @Test
    void anUnsignedInvocationIsRefusedAsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri("/endpoints/" + NAME + "/invocations"))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString("70,1,0.9\n")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                .hasValue(
                        "MissingAuthenticationTokenException:"
                                + "http://internal.amazon.com/coral/com.amazon.coral.service/");
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(JSON.readTree("{\"message\":\"Missing Authentication Token\"}"));
    }

    @Test
    void servesTheContainerContract() throws Exception {
        HttpResponse<String> ping = send(HttpRequest.newBuilder(uri("/ping")).GET());
        HttpResponse<String> invocation =
                send(
                        HttpRequest.newBuilder(uri("/invocations"))
                                .header("Content-Type", "text/csv")
                                .POST(HttpRequest.BodyPublishers.ofString("70,1,0.9\n")));

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(invocation.statusCode()).isEqualTo(200);
        assertThat(invocation.body())
                .isEqualTo(ensemblingLine(predictor.probabilities(row(70, 1, 0.9f), 1)[0]));
        assertThat(invocation.headers().firstValue("Content-Type")).hasValue("text/csv");
        assertThat(invocation.headers().firstValue("X-Amzn-Invoked-Production-Variant"))
                .hasValue("test-model-1");
    }

    @Test
    void turnsNagleOffSoThatBodiesDoNotWaitForDelayedAcks() throws Exception {
        // With Nagle's algorithm on, each response body waited for the client's delayed ACK of
        // the headers (40 ms a request on keep-alive connections). The JDK server reads this
        // property when it starts, so the endpoint sets it before creating its server.
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        assertThat(
                        send(HttpRequest.newBuilder(uri("/invocations"))
                                        .header("Content-Type", "text/csv")
                                        .POST(HttpRequest.BodyPublishers.ofString("70,1,0.9\n")))
                                .statusCode())
                .isEqualTo(200);
    }

    static Stream<Arguments> unknownOperations() {
        return Stream.of(
                arguments("GET", "/invocations", "no operation at GET /invocations"),
                arguments("POST", "/ping", "no operation at POST /ping"),
                arguments("GET", "/", "no operation at GET /"),
                arguments(
                        "POST",
                        "/endpoints/" + NAME + "/invoke",
                        "no operation at POST /endpoints/" + NAME + "/invoke"));
    }

    @ParameterizedTest
    @MethodSource("unknownOperations")
    void answersAnythingElseWith404(String method, String path, String message) throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri(path))
                                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                .hasValue("UnknownOperationException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()))
                .isEqualTo(
                        JSON.createObjectNode()
                                .put("ErrorCode", "UnknownOperationException")
                                .put("Message", message));
    }

    @Test
    void addsTheConfiguredLatency() throws IOException {
        try (LocalEndpoint slow = serve(FaultInjector.none().withLatencyMillis(200));
                SageMakerRuntimeAsyncClient client =
                        sageMakerClient(slow, Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            invoke(client, "70,9,8.5", null);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
            assertThat(slow.counters().rowsScored()).isEqualTo(1);
        }
    }

    @Test
    void theAddedLatencyHoldsNoWorkerSoConcurrentCallsWaitItOutTogether() throws IOException {
        // 40 calls at once against at most 8 workers (4 cores or fewer): a latency that held a
        // worker would take at least 5 x 500 ms; waited out off the workers it takes about 500 ms.
        int calls = 40;
        try (LocalEndpoint slow = serve(FaultInjector.none().withLatencyMillis(500));
                SageMakerRuntimeAsyncClient client =
                        sageMakerClient(slow, Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            List<CompletableFuture<InvokeEndpointResponse>> answers = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(client.invokeEndpoint(request(NAME, "70,9,8.5", "text/csv", null)));
            }
            CompletableFuture.allOf(answers.toArray(new CompletableFuture<?>[0])).join();
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(elapsedMillis).isBetween(500L, 2_499L);
            assertThat(slow.counters().rowsScored()).isEqualTo(calls);
        }
    }

    @Test
    void anErrorRateOfOneAnswersEveryInvocationWith500Or503() throws IOException {
        try (LocalEndpoint failing = serve(FaultInjector.none().withErrorRate(1).withSeed(5));
                SageMakerRuntimeAsyncClient client =
                        sageMakerClient(failing, Duration.ofSeconds(30))) {
            List<AwsServiceException> errors = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                errors.add(
                        failure(client.invokeEndpoint(request(NAME, "1,2,3", "text/csv", null))));
            }

            for (AwsServiceException error : errors) {
                if (error.statusCode() == 500) {
                    assertThat(error).isInstanceOf(InternalFailureException.class);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                } else {
                    assertThat(error.statusCode()).isEqualTo(503);
                    assertThat(error).isInstanceOf(ServiceUnavailableException.class);
                    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                }
            }
            assertThat(errors).extracting(AwsServiceException::statusCode).contains(500, 503);
            assertThat(failing.counters().invocations()).isEqualTo(10);
            assertThat(failing.counters().rowsScored()).isZero();
            assertThat(
                            failing.counters().errors("InternalFailure")
                                    + failing.counters().errors("ServiceUnavailable"))
                    .isEqualTo(10);
        }
    }

    @Test
    void aThrottleRateOfOneThrottlesEveryInvocation() throws IOException {
        try (LocalEndpoint throttling = serve(FaultInjector.none().withThrottleRate(1));
                SageMakerRuntimeAsyncClient client =
                        sageMakerClient(throttling, Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                AwsServiceException error =
                        failure(client.invokeEndpoint(request(NAME, "1,2,3", "text/csv", null)));

                assertThat(error.statusCode()).isEqualTo(400);
                assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                assertThat(error.isThrottlingException()).isTrue();
            }
            assertThat(throttling.counters().errors())
                    .containsExactlyEntriesOf(Map.of("ThrottlingException", 3L));
        }
    }

    @Test
    void aHungInvocationTimesOutAndTheEndpointStillStopsPromptly() throws IOException {
        LocalEndpoint hanging = serve(FaultInjector.none().withHangRate(1));
        try (SageMakerRuntimeAsyncClient client =
                sageMakerClient(hanging, Duration.ofMillis(300))) {
            Throwable error =
                    catchThrowable(
                            () ->
                                    client.invokeEndpoint(request(NAME, "1,2,3", "text/csv", null))
                                            .join());

            assertThat(error)
                    .isInstanceOf(CompletionException.class)
                    .cause()
                    .isInstanceOf(ApiCallAttemptTimeoutException.class);
            assertThat(hanging.counters().hung()).isEqualTo(1);
        } finally {
            assertTimeoutPreemptively(Duration.ofSeconds(3), hanging::stop);
        }
    }

    @Test
    void hungInvocationsHoldNoThreadAndAreAnswered503OnStop() throws Exception {
        LocalEndpoint hanging = serve(FaultInjector.none().withHangRate(1));
        try {
            List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
            int moreThanThreads = 2 * Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < moreThanThreads; i++) {
                waiting.add(
                        HTTP.sendAsync(
                                HttpRequest.newBuilder(hanging.url().resolve("/invocations"))
                                        .header("Content-Type", "text/csv")
                                        .POST(HttpRequest.BodyPublishers.ofString("1,2,3"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString()));
            }
            awaitTrue(() -> hanging.counters().hung() == moreThanThreads);

            HttpResponse<String> ping =
                    HTTP.send(
                            HttpRequest.newBuilder(hanging.url().resolve("/ping"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(waiting).noneMatch(CompletableFuture::isDone);

            assertTimeoutPreemptively(Duration.ofSeconds(3), hanging::stop);

            for (CompletableFuture<HttpResponse<String>> answer : waiting) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                        .hasValue("ServiceUnavailable");
            }
        } finally {
            hanging.stop();
        }
    }

    private static LocalEndpoint serve(FaultInjector faults) throws IOException {
        return LocalEndpoint.start(predictor, NAME, 0, faults);
    }

    private static SageMakerRuntimeAsyncClient sageMakerClient(
            LocalEndpoint endpoint, Duration attemptTimeout) {
        return SageMakerRuntimeAsyncClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test-key", "test-secret")))
                .endpointOverride(endpoint.url())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(
                        c ->
                                c.retryStrategy(AwsRetryStrategy.doNotRetry())
                                        .apiCallAttemptTimeout(attemptTimeout))
                .build();
    }

    private static InvokeEndpointRequest request(
            String endpointName, String body, String contentType, String accept) {
        return InvokeEndpointRequest.builder()
                .endpointName(endpointName)
                .contentType(contentType)
                .accept(accept)
                .body(SdkBytes.fromUtf8String(body))
                .build();
    }

    private static InvokeEndpointResponse invoke(
            SageMakerRuntimeAsyncClient client, String body, String accept) {
        return client.invokeEndpoint(request(NAME, body, "text/csv", accept)).join();
    }

    private static AwsServiceException failure(CompletableFuture<?> call) {
        CompletionException error = catchThrowableOfType(CompletionException.class, call::join);
        assertThat(error).as("the call failed").isNotNull();
        assertThat(error.getCause()).isInstanceOf(AwsServiceException.class);
        return (AwsServiceException) error.getCause();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return endpoint.url().resolve(path);
    }

    private static float[] row(float temperature, float sound, float soundMean5m) {
        return new float[] {temperature, sound, soundMean5m};
    }

    /**
     * The default answer to one row with P(occupied) {@code p}, the way an Autopilot ensembling
     * container asked for every key writes it (AWS, "Configure inference output in generated
     * containers": probability is the predicted label's; probabilities follow labels).
     */
    private static String ensemblingLine(float p) {
        boolean occupied = p >= 0.5;
        return occupied
                + ","
                + plain(occupied ? p : 1f - p)
                + ",\"["
                + plain(1f - p)
                + ", "
                + plain(p)
                + "]\",\"['false', 'true']\"\n";
    }

    /** A float as its shortest decimal, without an exponent (Java's, with "1.0E-4" as 0.0001). */
    private static String plain(float value) {
        String shortest = Float.toString(value);
        return shortest.contains("E")
                ? new BigDecimal(shortest).stripTrailingZeros().toPlainString()
                : shortest;
    }

    private static String csv(float[] rowMajor) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < rowMajor.length; i++) {
            csv.append(rowMajor[i]).append(i % 3 == 2 ? "\n" : ",");
        }
        return csv.toString();
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
