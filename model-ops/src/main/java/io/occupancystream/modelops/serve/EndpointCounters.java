package io.occupancystream.modelops.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link LocalEndpoint} has answered since it started, live: invocations received, rows
 * scored in 200 answers, invocations held unanswered by the hang fault, and error answers by
 * SageMaker error code ({@code ValidationError}, {@code ThrottlingException}, ...). A count is
 * updated just before its answer is sent. A hung invocation counts as hung only, also when {@link
 * LocalEndpoint#stop()} finally answers it 503. Thread-safe.
 */
public final class EndpointCounters {
    private final LongAdder invocations = new LongAdder();
    private final LongAdder rowsScored = new LongAdder();
    private final LongAdder hung = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    /** Requests to {@code /invocations} or {@code /endpoints/NAME/invocations}, any outcome. */
    public long invocations() {
        return invocations.sum();
    }

    public long rowsScored() {
        return rowsScored.sum();
    }

    public long hung() {
        return hung.sum();
    }

    /** Error answers with this error code (0 if none). */
    public long errors(String errorCode) {
        LongAdder count = errors.get(errorCode);
        return count == null ? 0 : count.sum();
    }

    /** A snapshot of the error answers by error code, sorted by code. */
    public Map<String, Long> errors() {
        Map<String, Long> snapshot = new TreeMap<>();
        errors.forEach((code, count) -> snapshot.put(code, count.sum()));
        return snapshot;
    }

    @Override
    public String toString() {
        return String.format(
                "%d invocations, %d rows scored, %d hung, errors %s",
                invocations(), rowsScored(), hung(), errors());
    }

    void invocation() {
        invocations.increment();
    }

    void scored(int rows) {
        rowsScored.add(rows);
    }

    void heldUnanswered() {
        hung.increment();
    }

    void error(String errorCode) {
        errors.computeIfAbsent(errorCode, code -> new LongAdder()).increment();
    }
}
