package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.modelops.eval.CandidateResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateRankingTest {
    @Test
    void nearTiesAtTheTopGoToTheBestCalibratedThenTheRestByObjective() {
        List<CandidateResult> results =
                new ArrayList<>(
                        List.of(
                                candidate("sharp-but-overfit", 0.992, 0.90),
                                candidate("calibrated", 0.989, 0.20),
                                candidate("rule", 0.990, Double.NaN),
                                candidate("clearly-worse", 0.950, 0.10),
                                candidate("worse-still", 0.900, 0.05)));

        CandidateSearch.rank(results);

        assertThat(results)
                .extracting(c -> c.id)
                .containsExactly(
                        "calibrated", "sharp-but-overfit", "rule", "clearly-worse", "worse-still");
    }

    private static CandidateResult candidate(String id, double objective, double logLoss) {
        CandidateResult c = new CandidateResult();
        c.id = id;
        c.objectiveValue = objective;
        c.logLoss = logLoss;
        return c;
    }
}
