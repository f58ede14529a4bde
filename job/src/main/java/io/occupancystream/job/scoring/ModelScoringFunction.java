package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.MsfMetricGroup;
import io.occupancystream.job.results.DecisionRules;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Prediction;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.job.scoring.follow.ModelRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores readings with a model through Flink async I/O, in micro-batches. Every reading comes out
 * exactly once: scored by the model, or by the rule with {@code source=fallback} and a {@link
 * FallbackReason}; a failing model never fails the job.
 *
 * <ul>
 *   <li>Readings gather into one request until {@link BatchSettings} rows, bytes or wait is
 *       reached; the open batch is sent when a checkpoint is taken, so no reading waits only in
 *       this function's memory (in-flight readings are in the operator's checkpointed queue and are
 *       scored again after a restore; results are safe to repeat).
 *   <li>Transient failures are retried by {@link RetryPolicy} with backoff on a timer thread, never
 *       by blocking; others fall back at once, and are logged (rate-limited) by {@link FailureLog}.
 *   <li>A {@link CircuitBreaker} stops calling a model that keeps failing, or at once one that no
 *       retry can fix (no credentials, access denied, no such endpoint), then probes; readings it
 *       refuses carry that permanent cause as their reason.
 *   <li>Futures are completed from client and timer threads; the task thread never waits.
 * </ul>
 *
 * <p>A {@link ModelRelease} among the inputs switches the model: the open batch goes out to the old
 * one, and every reading after the release is sent to the new one (the client loads it off the task
 * thread, the old model serving meanwhile). The release is kept in broadcast state, so a restore
 * scores, also the in-flight readings replayed then, with the model of the checkpoint. A release
 * the client cannot use is counted and logged, and the model in use stays. Every result carries the
 * {@link DecisionRules} of the card its reading was sent under (a fallback, of the card in use), so
 * the rooms stage decides with the rules that came with the model.
 *
 * <p>All waiting and timing goes through a {@link Scheduler}: real time in the job, a manual clock
 * in tests.
 */
public class ModelScoringFunction extends RichAsyncFunction<ScoringInput, Result>
        implements CheckpointedFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ModelScoringFunction.class);
    private static final MapStateDescriptor<String, ModelRelease> RELEASE =
            new MapStateDescriptor<>(
                    "model-release", Types.STRING, TypeInformation.of(ModelRelease.class));
    private static final String CURRENT = "current";

    private final ModelClientFactory clients;
    private final BatchSettings batching;
    private final RetryPolicy retries;
    private final int breakerFailures;
    private final long breakerCoolDownMillis;
    private final RuleScorer rule;
    private final Scheduler.Factory schedulers;
    private final ModelRelease startup;

    private transient ModelClient client;
    private transient Scheduler scheduler;
    private transient CircuitBreaker breaker;
    private transient FailureLog failureLog;
    private transient List<Pending> open;
    private transient int openBytes;
    private transient long batchNumber;
    private transient Metrics metrics;
    private transient BroadcastState<String, ModelRelease> releaseState;

    /** The release this task scores with, or is loading; null if the start-up one is unknown. */
    private transient ModelRelease release;

    /** The decision rules of {@link #release}'s card, put on each result it scores. */
    private transient DecisionRules rules;

    public ModelScoringFunction(
            ModelClientFactory clients,
            BatchSettings batching,
            RetryPolicy retries,
            int breakerFailures,
            long breakerCoolDownMillis,
            RuleScorer rule,
            Scheduler.Factory schedulers,
            ModelRelease startup) {
        this.clients = clients;
        this.batching = batching;
        this.retries = retries;
        this.breakerFailures = breakerFailures;
        this.breakerCoolDownMillis = breakerCoolDownMillis;
        this.rule = rule;
        this.schedulers = schedulers;
        this.startup = startup;
    }

    @Override
    public void open(Configuration parameters) throws Exception {
        client = clients.open();
        scheduler = schedulers.open();
        breaker =
                new CircuitBreaker(
                        breakerFailures,
                        breakerCoolDownMillis,
                        scheduler::nanoTime,
                        (from, to) -> metrics.breakerTransition());
        failureLog = FailureLog.every(LOG, scheduler::nanoTime);
        open = new ArrayList<>();
        metrics = new Metrics(getRuntimeContext().getMetricGroup(), breaker);
        if (release != startup && !sameModel(release, startup)) {
            use(release, startup);
        }
    }

    @Override
    public void asyncInvoke(ScoringInput input, ResultFuture<Result> future) {
        if (input.release != null) {
            switchTo(input.release);
            future.complete(Collections.emptyList());
        } else {
            score(input.reading, future);
        }
    }

    private void switchTo(ModelRelease next) {
        ModelRelease previous;
        List<Pending> batch;
        synchronized (this) {
            previous = release;
            if (sameModel(previous, next)) {
                return;
            }
            release(next);
            batch = takeOpenBatch();
        }
        send(batch, 1, scheduler.nanoTime());
        use(next, previous);
    }

    /** Call with the lock held (or before the first reading). */
    private void release(ModelRelease next) {
        release = next;
        rules = rulesOf(next);
    }

    private static DecisionRules rulesOf(ModelRelease release) {
        if (release == null) {
            return null;
        }
        try {
            return DecisionRules.of(release.parseCard());
        } catch (IOException e) {
            // the poller and the start-up checked the card, so this is a bug, not bad input
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameModel(ModelRelease a, ModelRelease b) {
        return a != null && b != null && a.digest.equals(b.digest);
    }

    private void use(ModelRelease next, ModelRelease previous) {
        client.use(next)
                .whenComplete(
                        (loaded, error) -> {
                            if (error == null) {
                                metrics.switched();
                                LOG.info("Scoring with model {}", next.describe());
                                return;
                            }
                            metrics.refused();
                            LOG.warn(
                                    "Cannot use model {}; the model in use keeps scoring",
                                    next.describe(),
                                    error);
                            synchronized (this) {
                                if (release == next) {
                                    release(previous);
                                }
                            }
                        });
    }

    private void score(FeaturedReading reading, ResultFuture<Result> future) {
        String row = FeatureCsv.features(reading.features);
        int rowBytes = row.length() + 1; // plain ASCII digits, one newline
        List<List<Pending>> ready = new ArrayList<>(2);
        synchronized (this) {
            if (!open.isEmpty() && openBytes + rowBytes - 1 > batching.maxBytes) {
                ready.add(takeOpenBatch());
            }
            if (open.isEmpty()) {
                long number = batchNumber;
                scheduler.schedule(() -> flushIfStill(number), batching.maxWaitMillis);
            }
            open.add(new Pending(reading, future, row, rules));
            openBytes += rowBytes;
            if (open.size() >= batching.maxRows || openBytes - 1 >= batching.maxBytes) {
                ready.add(takeOpenBatch());
            }
        }
        for (List<Pending> batch : ready) {
            send(batch, 1, scheduler.nanoTime());
        }
    }

    private void flushIfStill(long number) {
        List<Pending> batch;
        synchronized (this) {
            batch = batchNumber == number ? takeOpenBatch() : null;
        }
        if (batch != null) {
            send(batch, 1, scheduler.nanoTime());
        }
    }

    /** Call with the lock held. */
    private List<Pending> takeOpenBatch() {
        List<Pending> batch = open;
        open = new ArrayList<>();
        openBytes = 0;
        batchNumber++;
        return batch;
    }

    private void send(List<Pending> batch, int attempt, long firstAttemptNanos) {
        if (batch.isEmpty()) {
            return;
        }
        if (!breaker.tryAcquire()) {
            fallBack(batch, breaker.openCause());
            return;
        }
        List<String> rows = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            rows.add(p.row);
        }
        long start = scheduler.nanoTime();
        metrics.request(batch.size());
        CompletableFuture<ModelAnswer> answer;
        try {
            answer = client.score(rows);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete(
                (scored, error) -> {
                    metrics.latency(scheduler.nanoTime() - start);
                    Throwable failure = error;
                    if (failure == null && scored.rows() != batch.size()) {
                        failure =
                                new BadResponseException(
                                        batch.size()
                                                + " rows sent, "
                                                + scored.rows()
                                                + " answered");
                    }
                    if (failure == null) {
                        breaker.onSuccess();
                        answered(batch, scored);
                    } else {
                        failed(batch, attempt, firstAttemptNanos, failure);
                    }
                });
    }

    private void answered(List<Pending> batch, ModelAnswer answer) {
        for (int i = 0; i < batch.size(); i++) {
            Prediction p =
                    new Prediction(
                            answer.occupied[i],
                            // the float's shortest decimal, not its binary expansion as a double
                            Double.valueOf(Float.toString(answer.probabilities[i])),
                            ScoreSource.MODEL,
                            answer.modelVersion,
                            null);
            complete(batch.get(i), p);
        }
    }

    private void failed(
            List<Pending> batch, int attempt, long firstAttemptNanos, Throwable failure) {
        FallbackReason reason = ModelFailure.classify(failure);
        if (reason == FallbackReason.REJECTED) {
            breaker.onSuccess(); // the endpoint is up; this request was at fault
        } else {
            breaker.onFailure(reason);
        }
        long elapsedMillis = (scheduler.nanoTime() - firstAttemptNanos) / 1_000_000L;
        long backoff = retries.backoffMillis(attempt);
        if (retries.retry(reason, attempt, elapsedMillis, backoff)) {
            metrics.retry();
            scheduler.schedule(() -> send(batch, attempt + 1, firstAttemptNanos), backoff);
            return;
        }
        failureLog.fellBack(reason, batch.size(), attempt, failure);
        fallBack(batch, reason);
    }

    private void fallBack(List<Pending> batch, FallbackReason reason) {
        for (Pending p : batch) {
            complete(p, fallback(p.reading, reason));
        }
    }

    private Prediction fallback(FeaturedReading reading, FallbackReason reason) {
        return new Prediction(
                rule.occupied(reading), null, ScoreSource.FALLBACK, rule.version(), reason);
    }

    private static void complete(Pending p, Prediction prediction) {
        p.future.complete(Collections.singletonList(result(p.reading, prediction, p.rules)));
    }

    private static Result result(
            FeaturedReading reading, Prediction prediction, DecisionRules rules) {
        Result result = Result.of(reading.reading, prediction, reading.quietSeconds());
        result.rules = rules;
        return result;
    }

    @Override
    public void timeout(ScoringInput input, ResultFuture<Result> future) {
        FeaturedReading reading = input.reading;
        DecisionRules current;
        synchronized (this) {
            current = rules;
        }
        future.complete(
                Collections.singletonList(
                        result(reading, fallback(reading, FallbackReason.TIMEOUT), current)));
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        List<Pending> batch;
        ModelRelease current;
        synchronized (this) {
            batch = takeOpenBatch();
            current = release;
        }
        send(batch, 1, scheduler.nanoTime());
        releaseState.clear();
        if (current != null) {
            releaseState.put(CURRENT, current);
        }
    }

    /** In-flight readings are replayed by the async operator itself; the model is restored here. */
    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        releaseState = context.getOperatorStateStore().getBroadcastState(RELEASE);
        ModelRelease restored = releaseState.get(CURRENT);
        release(restored != null ? restored : startup);
    }

    @Override
    public void close() throws Exception {
        if (scheduler != null) {
            scheduler.close();
        }
        if (client != null) {
            client.close();
        }
    }

    private static final class Pending {
        final FeaturedReading reading;
        final ResultFuture<Result> future;
        final String row;

        /** The rules of the release the reading was batched for. */
        final DecisionRules rules;

        Pending(
                FeaturedReading reading,
                ResultFuture<Result> future,
                String row,
                DecisionRules rules) {
            this.reading = reading;
            this.future = future;
            this.row = row;
            this.rules = rules;
        }
    }

    /**
     * The function's metrics, in group {@code model} ({@link MetricName}); updated from client and
     * timer threads, hence synchronized. The counters' rates and the breaker state are also
     * published to CloudWatch on MSF, which does not publish histograms.
     */
    private static final class Metrics {
        private final Counter requests;
        private final Counter retries;
        private final Counter switches;
        private final Counter refused;
        private final Counter breakerTransitions;
        private final Histogram rowsPerRequest;
        private final Histogram latencyMillis;

        Metrics(MetricGroup operator, CircuitBreaker breaker) {
            MetricGroup group = operator.addGroup(MetricName.MODEL_REQUESTS.group());
            requests = group.counter(MetricName.MODEL_REQUESTS.leaf());
            retries = group.counter(MetricName.MODEL_RETRIES.leaf());
            switches = group.counter(MetricName.MODEL_SWITCHES.leaf());
            refused = group.counter(MetricName.MODEL_CARDS_REFUSED.leaf());
            breakerTransitions = group.counter(MetricName.MODEL_BREAKER_TRANSITIONS.leaf());
            rowsPerRequest =
                    group.histogram(
                            MetricName.MODEL_ROWS_PER_REQUEST.leaf(),
                            new DescriptiveStatisticsHistogram(1000));
            latencyMillis =
                    group.histogram(
                            MetricName.MODEL_LATENCY_MS.leaf(),
                            new DescriptiveStatisticsHistogram(1000));
            Gauge<Integer> state = () -> breaker.state().ordinal();
            group.gauge(MetricName.MODEL_BREAKER_STATE.leaf(), state);
            MsfMetricGroup published = new MsfMetricGroup(operator);
            published.rate(CloudWatchNames.of(MetricName.MODEL_REQUESTS), requests);
            published.rate(CloudWatchNames.of(MetricName.MODEL_RETRIES), retries);
            published.rate(CloudWatchNames.of(MetricName.MODEL_SWITCHES), switches);
            published.rate(CloudWatchNames.of(MetricName.MODEL_CARDS_REFUSED), refused);
            published.gauge(CloudWatchNames.of(MetricName.MODEL_BREAKER_STATE), state);
            published.rate(
                    CloudWatchNames.of(MetricName.MODEL_BREAKER_TRANSITIONS), breakerTransitions);
        }

        synchronized void request(int rows) {
            requests.inc();
            rowsPerRequest.update(rows);
        }

        synchronized void retry() {
            retries.inc();
        }

        synchronized void switched() {
            switches.inc();
        }

        synchronized void refused() {
            refused.inc();
        }

        synchronized void breakerTransition() {
            breakerTransitions.inc();
        }

        synchronized void latency(long nanos) {
            latencyMillis.update(nanos / 1_000_000L);
        }
    }
}
