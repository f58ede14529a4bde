package io.occupancystream.job.metrics;

/**
 * Every metric the job registers, by its dotted Flink name ({@code model.requests} is counter
 * {@code requests} in group {@code model}): the one list that the operators register, the {@code
 * RunSummary} reads and the CloudWatch names ({@link CloudWatchNames}) are made from. A family such
 * as {@link #DEAD_LETTERS} has one metric per reason, named by {@link #of}. Uses no Flink class, so
 * that the deploy module can load it without Flink.
 */
public enum MetricName {
    READINGS_IN("readingsIn", Kind.TALLY),
    VALID("valid", Kind.TALLY),
    /** One per reject reason. */
    DEAD_LETTERS("deadLetters", Kind.TALLY),
    OUTSIDE_REPLAY_RANGE("outsideReplayRange", Kind.TALLY),
    DUPLICATES("duplicates", Kind.TALLY),
    /** Readings older than their device's newest when they arrived. */
    OUT_OF_ORDER("outOfOrder", Kind.TALLY),
    LATE("late", Kind.TALLY),
    TRAINING_ROWS("trainingRows", Kind.TALLY),
    UNLABELLED("unlabelled", Kind.TALLY),
    /** One per score source. */
    RESULTS("results", Kind.TALLY),
    /** One per confusion group (a score source or the rule) and cell. */
    CONFUSION("confusion", Kind.TALLY),
    /** One per fallback reason. */
    FALLBACKS("fallbacks", Kind.TALLY),
    MODEL_REQUESTS("model.requests", Kind.RATE),
    MODEL_RETRIES("model.retries", Kind.RATE),
    MODEL_ROWS_PER_REQUEST("model.rowsPerRequest", Kind.HISTOGRAM),
    MODEL_LATENCY_MS("model.latencyMs", Kind.HISTOGRAM),
    /** 0 closed, 1 open, 2 half-open. */
    MODEL_BREAKER_STATE("model.breakerState", Kind.GAUGE),
    /** Changes of the breaker's state (closed to open, open to half-open, half-open to either). */
    MODEL_BREAKER_TRANSITIONS("model.breakerTransitions", Kind.RATE),
    /** Models a scoring task switched to after the one it started with. */
    MODEL_SWITCHES("model.switches", Kind.RATE),
    /** Model cards refused by the poller, and models a scoring task could not load. */
    MODEL_CARDS_REFUSED("model.cardsRefused", Kind.RATE),
    SHADOW_UPDATES("shadowUpdates", Kind.RATE),
    SHADOW_UPDATES_REJECTED("shadowUpdatesRejected", Kind.RATE);

    /** What a metric is, which decides what MSF publishes of it. */
    public enum Kind {
        /** A {@link Tally}: a counter and an accumulator; its rate is published. */
        TALLY,
        /** A counter whose rate is published. */
        RATE,
        /** Published as it is. */
        GAUGE,
        /** Not published: CloudWatch takes no Flink histograms. */
        HISTOGRAM
    }

    private final String dotted;
    private final Kind kind;

    MetricName(String dotted, Kind kind) {
        this.dotted = dotted;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The dotted name, followed by {@code parts} for one member of a family. */
    public String of(Object... parts) {
        StringBuilder name = new StringBuilder(dotted);
        for (Object part : parts) {
            name.append('.').append(part);
        }
        return name.toString();
    }

    /** The metric group it is registered in: the dotted name without its last part. */
    public String group() {
        int dot = dotted.lastIndexOf('.');
        return dot < 0 ? "" : dotted.substring(0, dot);
    }

    /** The name within {@link #group()}. */
    public String leaf() {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
