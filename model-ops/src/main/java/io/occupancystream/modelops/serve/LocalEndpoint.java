package io.occupancystream.modelops.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.modelops.model.InferenceKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model served on 127.0.0.1 the way a SageMaker real-time endpoint serves it, so that the AWS
 * SDK's {@code SageMakerRuntimeClient} with {@code endpointOverride(url())} works against it
 * unchanged: InvokeEndpoint at {@code POST /endpoints/NAME/invocations}, and the container
 * contract's {@code GET /ping} and {@code POST /invocations}.
 *
 * <p>Requests are {@code text/csv} rows of the model's features; each request is scored in one
 * predictor call. Answers imitate one kind of container ({@link AnswerStyle}) and hold the keys it
 * was configured with (as {@code SAGEMAKER_INFERENCE_OUTPUT} configures a real one), CSV or JSON by
 * {@code Accept}, with the model version in {@code X-Amzn-Invoked-Production-Variant}. Anything
 * wrong with a request gets SageMaker's error shape (status, {@code x-amzn-ErrorType}, JSON
 * message), never a 200 and never a stack trace. A {@link FaultInjector} can make invocations slow,
 * fail, throttle or hang. Its added latency is waited out before a request is handed to a worker,
 * so that it holds no worker thread: like the network time of a remote endpoint, it delays each
 * answer without lowering how many the endpoint can answer per second.
 *
 * <p>Serves requests concurrently on a fixed pool of threads; all methods are thread-safe. The
 * caller keeps ownership of the predictor: {@link #stop()} does not close it. Sets {@code
 * sun.net.httpserver.nodelay=true} unless set already; it takes effect only if no other {@code
 * com.sun.net.httpserver.HttpServer} was made in the JVM before (else keep-alive requests take 40
 * ms longer).
 */
public final class LocalEndpoint implements AutoCloseable {
    /** InvokeEndpoint's request payload limit, 6 MiB. */
    public static final int MAX_REQUEST_BYTES = 6 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LocalEndpoint.class);
    private static final Pattern ENDPOINT_INVOCATIONS =
            Pattern.compile("/endpoints/([^/]+)/invocations");
    // Past the limit the rest of a body is still read, up to this much, so that the client gets
    // the 413 instead of a connection reset while it is still sending.
    private static final long MAX_DRAINED_BYTES = 16L * MAX_REQUEST_BYTES;
    private static final long STOP_GRACE_MILLIS = 2_000;

    /** The account id in the endpoint's answers (a real one has 12 digits). */
    private static final String ACCOUNT = "local";

    static {
        // The JDK's server sends a response's headers and body in separate TCP segments. With
        // Nagle's algorithm on, the body waits for the client's delayed ACK of the headers, 40 ms
        // on Linux, on every keep-alive request after the first. The server reads this property
        // once, when the JVM's first HttpServer is made; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final OccupancyPredictor predictor;
    private final String endpointName;
    private final FaultInjector faults;
    private final AnswerStyle style;
    private final List<InferenceKey> keys;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService delays;
    private final EndpointCounters counters = new EndpointCounters();
    private final AtomicInteger answering = new AtomicInteger();
    private final List<HttpExchange> held = new ArrayList<>();
    private boolean stopping; // guarded by held

    private LocalEndpoint(
            OccupancyPredictor predictor,
            String endpointName,
            FaultInjector faults,
            AnswerStyle style,
            List<InferenceKey> keys,
            HttpServer server,
            ExecutorService workers,
            ScheduledExecutorService delays) {
        this.predictor = predictor;
        this.endpointName = endpointName;
        this.faults = faults;
        this.style = style;
        this.keys = keys;
        this.server = server;
        this.workers = workers;
        this.delays = delays;
    }

    /**
     * Serves {@code predictor} as endpoint {@code endpointName} on 127.0.0.1:{@code port} (0 for a
     * free port) until {@link #stop()}, answering as an Autopilot ensembling container asked for
     * every {@link InferenceKey}, which is how a model promoted by model-ops answers.
     */
    public static LocalEndpoint start(
            OccupancyPredictor predictor, String endpointName, int port, FaultInjector faults)
            throws IOException {
        return start(
                predictor, endpointName, port, faults, AnswerStyle.ENSEMBLING, InferenceKey.all());
    }

    /**
     * Serves {@code predictor} as above, answering as a container of kind {@code style} asked for
     * {@code keys} (which the built-in XGBoost style ignores, as that container does).
     */
    public static LocalEndpoint start(
            OccupancyPredictor predictor,
            String endpointName,
            int port,
            FaultInjector faults,
            AnswerStyle style,
            List<InferenceKey> keys)
            throws IOException {
        if (keys.isEmpty() && style != AnswerStyle.XGBOOST) {
            throw new IllegalArgumentException("the " + style + " answer style needs keys");
        }
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService workers =
                Executors.newFixedThreadPool(
                        Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                        task -> {
                            Thread thread =
                                    new Thread(
                                            task,
                                            "local-endpoint-" + threadNumber.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        ScheduledExecutorService delays =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "local-endpoint-latency");
                            thread.setDaemon(true);
                            return thread;
                        });
        LocalEndpoint endpoint =
                new LocalEndpoint(
                        predictor,
                        endpointName,
                        faults,
                        style,
                        List.copyOf(keys),
                        server,
                        workers,
                        delays);
        server.setExecutor(workers);
        server.createContext("/", endpoint::receive);
        server.start();
        LOG.info(
                "endpoint {} serves model {} at {} as {} ({}) ({})",
                endpointName,
                predictor.version(),
                endpoint.url(),
                style,
                InferenceKey.join(keys),
                faults);
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}, for the SDK's {@code endpointOverride}. */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    public String endpointName() {
        return endpointName;
    }

    public EndpointCounters counters() {
        return counters;
    }

    /**
     * Answers the requests held by the hang fault with 503, gives the others being answered up to 2
     * seconds to finish, then closes every connection. Idempotent.
     */
    public void stop() {
        List<HttpExchange> release;
        synchronized (held) {
            if (stopping) {
                return;
            }
            stopping = true;
            release = new ArrayList<>(held);
            held.clear();
        }
        for (HttpExchange exchange : release) {
            try {
                send(exchange, ErrorResponse.serviceUnavailable("the endpoint stopped"));
            } catch (IOException e) {
                LOG.debug("held request's client is gone: {}", e.toString());
            } finally {
                exchange.close();
            }
        }
        long deadline = System.currentTimeMillis() + STOP_GRACE_MILLIS;
        while (answering.get() > 0 && System.currentTimeMillis() < deadline) {
            pause(10);
        }
        // stop(0): JDK 17 waits out the whole delay even with nothing in progress.
        server.stop(0);
        delays.shutdownNow();
        workers.shutdownNow();
        try {
            workers.awaitTermination(STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("endpoint {} stopped: {}", endpointName, counters);
    }

    @Override
    public void close() {
        stop();
    }

    /** Answers at once, or hands an invocation to a worker after the injected latency. */
    private void receive(HttpExchange exchange) {
        long latency = faults.latencyMillis();
        if (latency == 0 || !exchange.getRequestMethod().equals("POST")) {
            answer(exchange);
            return;
        }
        answering.incrementAndGet();
        try {
            delays.schedule(() -> answerOnWorker(exchange), latency, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            answering.decrementAndGet();
            exchange.close();
        }
    }

    private void answerOnWorker(HttpExchange exchange) {
        try {
            workers.execute(
                    () -> {
                        try {
                            answer(exchange);
                        } finally {
                            answering.decrementAndGet();
                        }
                    });
        } catch (RejectedExecutionException stopped) {
            answering.decrementAndGet();
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) {
        answering.incrementAndGet();
        boolean answered = true;
        try {
            answered = route(exchange);
        } catch (ErrorResponse e) {
            sendError(exchange, e);
        } catch (RuntimeException e) {
            LOG.error(
                    "failed answering {} {}",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    e);
            sendError(exchange, ErrorResponse.internalFailure("the endpoint failed; see its log"));
        } catch (IOException e) {
            LOG.debug("client of {} is gone: {}", exchange.getRequestURI(), e.toString());
        } finally {
            if (answered) {
                exchange.close();
            }
            answering.decrementAndGet();
        }
    }

    /** Returns false when the exchange is held unanswered. */
    private boolean route(HttpExchange exchange) throws ErrorResponse, IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (method.equals("GET") && path.equals("/ping")) {
            if (isStopping()) {
                throw ErrorResponse.serviceUnavailable("the endpoint is stopping");
            }
            exchange.sendResponseHeaders(200, -1);
            return true;
        }
        if (method.equals("POST") && path.equals("/invocations")) {
            return invoke(exchange, endpointName, false);
        }
        Matcher endpointInvocations = ENDPOINT_INVOCATIONS.matcher(path);
        if (method.equals("POST") && endpointInvocations.matches()) {
            return invoke(exchange, endpointInvocations.group(1), true);
        }
        throw ErrorResponse.unknownOperation("no operation at " + method + " " + path);
    }

    /**
     * @param signed whether the request came through the SageMaker runtime API (signed, checked as
     *     AWS checks it) rather than the container contract
     */
    private boolean invoke(HttpExchange exchange, String requestedEndpoint, boolean signed)
            throws ErrorResponse, IOException {
        counters.invocation();
        byte[] body = readBody(exchange);
        if (signed) {
            authorize(exchange, requestedEndpoint);
        }
        if (!requestedEndpoint.equals(endpointName)) {
            throw ErrorResponse.validation(
                    "Endpoint " + requestedEndpoint + " of account " + ACCOUNT + " not found.");
        }
        if (isStopping()) {
            throw ErrorResponse.serviceUnavailable("the endpoint is stopping");
        }
        switch (faults.next()) {
            case HANG:
                hold(exchange);
                return false;
            case THROTTLE:
                throw ErrorResponse.throttling();
            case INTERNAL_FAILURE:
                throw ErrorResponse.internalFailure("injected fault: internal failure");
            case SERVICE_UNAVAILABLE:
                throw ErrorResponse.serviceUnavailable("injected fault: service unavailable");
            default:
                break;
        }
        CsvRows.requireCsv(exchange.getRequestHeaders().getFirst("Content-Type"));
        ResponseFormat format =
                style == AnswerStyle.XGBOOST
                        ? ResponseFormat.CSV
                        : ResponseFormat.forAccept(exchange.getRequestHeaders().getFirst("Accept"));
        CsvRows rows = CsvRows.parse(body, predictor.features());
        float[] probabilities;
        try {
            probabilities = predictor.probabilities(rows.values(), rows.count());
        } catch (RuntimeException e) {
            LOG.error("model {} failed on {} rows", predictor.version(), rows.count(), e);
            throw ErrorResponse.modelError(
                    "model " + predictor.version() + " failed: " + e.getMessage());
        }
        byte[] answer =
                style == AnswerStyle.XGBOOST
                        ? ResponseFormat.oneLineOfProbabilities(probabilities)
                        : format.format(style, keys, probabilities, predictor::occupied);
        exchange.getResponseHeaders().set("Content-Type", format.contentType());
        exchange.getResponseHeaders().set("X-Amzn-Invoked-Production-Variant", predictor.version());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        counters.scored(rows.count());
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
        return true;
    }

    /**
     * As AWS does: authentication first, then authorization on the endpoint's ARN (whether or not
     * it exists). Any signature is accepted; the access fault refuses every caller.
     */
    private void authorize(HttpExchange exchange, String requestedEndpoint) throws ErrorResponse {
        SigV4Scope caller = SigV4Scope.of(exchange.getRequestHeaders().getFirst("Authorization"));
        if (caller == null) {
            throw ErrorResponse.missingAuthenticationToken();
        }
        if (faults.deniesAccess()) {
            throw ErrorResponse.accessDenied(
                    "arn:aws:iam::" + ACCOUNT + ":user/" + caller.accessKeyId,
                    "arn:aws:sagemaker:"
                            + caller.region
                            + ":"
                            + ACCOUNT
                            + ":endpoint/"
                            + requestedEndpoint.toLowerCase(Locale.ROOT));
        }
    }

    private void hold(HttpExchange exchange) throws ErrorResponse {
        synchronized (held) {
            if (stopping) {
                throw ErrorResponse.serviceUnavailable("the endpoint is stopping");
            }
            held.add(exchange);
        }
        counters.heldUnanswered();
    }

    private boolean isStopping() {
        synchronized (held) {
            return stopping;
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws ErrorResponse, IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            if (body.length <= MAX_REQUEST_BYTES) {
                return body;
            }
            long size = body.length + drain(in);
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            throw ErrorResponse.payloadTooLarge(
                    "request body of "
                            + (declared != null ? declared : "at least " + size)
                            + " bytes is over the "
                            + MAX_REQUEST_BYTES
                            + "-byte (6 MiB) limit of InvokeEndpoint");
        }
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long drained = 0;
        int read;
        while (drained < MAX_DRAINED_BYTES && (read = in.read(buffer)) >= 0) {
            drained += read;
        }
        return drained;
    }

    private void sendError(HttpExchange exchange, ErrorResponse error) {
        counters.error(error.errorCode());
        try {
            send(exchange, error);
        } catch (IOException e) {
            LOG.debug("client of {} is gone: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static void send(HttpExchange exchange, ErrorResponse error) throws IOException {
        byte[] body = error.body();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.errorTypeHeader());
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(error.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
