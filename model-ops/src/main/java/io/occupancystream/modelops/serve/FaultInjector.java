package io.occupancystream.modelops.serve;

import java.util.Random;

/**
 * Which invocations of a {@link LocalEndpoint} go wrong, and how, the way a real SageMaker endpoint
 * goes wrong: added latency on every invocation, and for a fraction of them a 500 {@code
 * InternalFailure} or 503 {@code ServiceUnavailable} (at random, half each), a 400 {@code
 * ThrottlingException}, or no answer at all until the endpoint stops; or, as for a caller without
 * permission {@code sagemaker:InvokeEndpoint}, {@code AccessDeniedException} for every one.
 *
 * <p>Each invocation draws once from one random sequence seeded with {@link #withSeed}, so the same
 * seed and the same order of requests give the same faults. The rates are fractions of invocations
 * and add up to at most 1. Instances are immutable apart from that sequence; {@code with*} methods
 * return a new injector with a fresh sequence. Thread-safe.
 */
public final class FaultInjector {
    enum Fault {
        NONE,
        HANG,
        THROTTLE,
        INTERNAL_FAILURE,
        SERVICE_UNAVAILABLE
    }

    private final long latencyMillis;
    private final double errorRate;
    private final double throttleRate;
    private final double hangRate;
    private final long seed;
    private final boolean denyAccess;
    private final Random random;

    private FaultInjector(
            long latencyMillis,
            double errorRate,
            double throttleRate,
            double hangRate,
            long seed,
            boolean denyAccess) {
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, not " + latencyMillis);
        }
        requireRate("error", errorRate);
        requireRate("throttle", throttleRate);
        requireRate("hang", hangRate);
        if (errorRate + throttleRate + hangRate > 1) {
            throw new IllegalArgumentException(
                    "error, throttle and hang rates add up to more than 1: "
                            + errorRate
                            + " + "
                            + throttleRate
                            + " + "
                            + hangRate);
        }
        this.latencyMillis = latencyMillis;
        this.errorRate = errorRate;
        this.throttleRate = throttleRate;
        this.hangRate = hangRate;
        this.seed = seed;
        this.denyAccess = denyAccess;
        this.random = new Random(seed);
    }

    /** Every invocation answered normally, without added latency. */
    public static FaultInjector none() {
        return new FaultInjector(0, 0, 0, 0, 1, false);
    }

    /** Adds {@code millis} before every invocation is answered (faulted ones included). */
    public FaultInjector withLatencyMillis(long millis) {
        return new FaultInjector(millis, errorRate, throttleRate, hangRate, seed, denyAccess);
    }

    /** Answers this fraction of invocations with 500 InternalFailure or 503 ServiceUnavailable. */
    public FaultInjector withErrorRate(double rate) {
        return new FaultInjector(latencyMillis, rate, throttleRate, hangRate, seed, denyAccess);
    }

    /** Answers this fraction of invocations with 400 ThrottlingException "Rate exceeded". */
    public FaultInjector withThrottleRate(double rate) {
        return new FaultInjector(latencyMillis, errorRate, rate, hangRate, seed, denyAccess);
    }

    /** Leaves this fraction of invocations unanswered until the endpoint stops. */
    public FaultInjector withHangRate(double rate) {
        return new FaultInjector(latencyMillis, errorRate, throttleRate, rate, seed, denyAccess);
    }

    public FaultInjector withSeed(long seed) {
        return new FaultInjector(
                latencyMillis, errorRate, throttleRate, hangRate, seed, denyAccess);
    }

    /**
     * Answers every invocation with AccessDeniedException, as SageMaker answers a caller whose
     * policies do not allow sagemaker:InvokeEndpoint on the endpoint.
     */
    public FaultInjector withAccessDenied() {
        return new FaultInjector(latencyMillis, errorRate, throttleRate, hangRate, seed, true);
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** Whether every signed invocation is refused, before any other fault is drawn. */
    boolean deniesAccess() {
        return denyAccess;
    }

    synchronized Fault next() {
        double draw = random.nextDouble();
        if (draw < hangRate) {
            return Fault.HANG;
        }
        if (draw < hangRate + throttleRate) {
            return Fault.THROTTLE;
        }
        if (draw < hangRate + throttleRate + errorRate) {
            return random.nextBoolean() ? Fault.INTERNAL_FAILURE : Fault.SERVICE_UNAVAILABLE;
        }
        return Fault.NONE;
    }

    @Override
    public String toString() {
        if (denyAccess) {
            return "access denied to every invocation";
        }
        if (latencyMillis == 0 && errorRate == 0 && throttleRate == 0 && hangRate == 0) {
            return "no faults";
        }
        return String.format(
                "latency %d ms, error rate %s, throttle rate %s, hang rate %s, seed %d",
                latencyMillis, errorRate, throttleRate, hangRate, seed);
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " rate must be in [0, 1], not " + rate);
        }
    }
}
