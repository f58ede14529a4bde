package io.occupancystream.job.results;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What decided a result's occupancy. */
public enum ScoreSource {
    /** The EduKit IoT rule: sound above a threshold. */
    RULE,
    /** The model answered. */
    MODEL,
    /** The model could not answer, so the rule decided; the result says why. */
    FALLBACK;

    /** The name as it appears in results and summaries, and as Jackson reads and writes it. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
