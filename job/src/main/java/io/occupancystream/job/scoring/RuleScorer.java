package io.occupancystream.job.scoring;

import io.occupancystream.job.features.FeaturedReading;
import io.occupancystream.job.results.Prediction;
import io.occupancystream.job.results.ScoreSource;
import io.occupancystream.model.decision.SoundRule;
import java.math.BigDecimal;

/**
 * The EduKit tutorial's IoT rule: occupied when sound is above a threshold. Also the fallback when
 * a model cannot answer.
 */
public final class RuleScorer implements Scorer {
    private final SoundRule rule;
    private final String version;

    public RuleScorer(double soundThreshold) {
        this.rule = new SoundRule(soundThreshold);
        this.version =
                "rule:sound>"
                        + BigDecimal.valueOf(soundThreshold).stripTrailingZeros().toPlainString();
    }

    public boolean occupied(FeaturedReading reading) {
        return occupied(reading.reading.sound);
    }

    public boolean occupied(double sound) {
        return rule.occupied(sound);
    }

    /** Identifies the rule and its threshold, e.g. {@code rule:sound>10}. */
    public String version() {
        return version;
    }

    @Override
    public Prediction score(FeaturedReading reading) {
        return new Prediction(occupied(reading), null, ScoreSource.RULE, version, null);
    }
}
