package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.CandidateResult;
import io.occupancystream.modelops.testing.IdentifiedRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leave-one-device-out: a device's rows are scored by a model that never saw that device, and the
 * model is chosen by its worst device, not by the pooled figure.
 */
class LeaveOneDeviceOutTest {
    private static final long T = 1513919981L;

    @TempDir Path dir;

    @Test
    void aDevicesRowsAreScoredByAModelTrainedWithoutIt() throws Exception {
        // a and b hear people above 1; c's microphone is ten times as loud, so its empty room
        // reads 5. A model that learned c would call 5 empty; one trained on a and b alone calls
        // it occupied.
        IdentifiedRows rows = new IdentifiedRows();
        for (int i = 0; i < 400; i++) {
            boolean occupied = i % 2 == 0;
            long t = T + i * 30L;
            rows.row(t, "a", "lab", occupied ? 2 + i % 7 * 0.1 : 0.2 + i % 5 * 0.1, occupied);
            rows.row(t, "b", "lab", occupied ? 2 + i % 5 * 0.1 : 0.3 + i % 3 * 0.1, occupied);
            rows.row(t, "c", "lab", occupied ? 20 + i % 7 : 5 + i % 3 * 0.1, occupied);
        }
        TrainingSet all = rows.read(dir);

        XgboostTrainer.Fit fit = new LeaveOneDeviceOut(new XgboostTrainer(1)).fit(all, hp(), 1);

        for (int r = 0; r < all.rows(); r++) {
            boolean emptyC = all.thing(r).equals("c") && !all.label(r);
            if (emptyC) {
                assertThat(fit.validationProbabilities[r]).as("row %d", r).isGreaterThan(0.5);
            } else {
                assertThat(fit.validationProbabilities[r] >= 0.5)
                        .as("row %d", r)
                        .isEqualTo(all.label(r));
            }
        }
        assertThat(fit.rounds).isPositive();
    }

    @Test
    void stretchesAreContiguousQuartersOfTheRowsInTimeOrder() throws Exception {
        // 8 windows of 3 rows (one hour each), 24 rows: 4 stretches of 6.
        IdentifiedRows rows = new IdentifiedRows();
        for (int w = 0; w < 8; w++) {
            for (int i = 0; i < 3; i++) {
                rows.row(T + w * 3600L + i, "thing-" + i, "lab", w, w % 2 == 0);
            }
        }
        int[] blocks = LeaveOneDeviceOut.blocks(rows.read(dir));

        assertThat(blocks)
                .containsExactly(
                        0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3);
    }

    @Test
    void theWorstDeviceChoosesNotThePooledFigure() {
        // "pooled" is better over all rows, but one device does badly with it; "even" is a little
        // worse pooled and better on its worst device.
        CandidateResult pooled = candidate("pooled", 0.95, 0.80);
        CandidateResult even = candidate("even", 0.93, 0.90);
        List<CandidateResult> results = new ArrayList<>(List.of(pooled, even));

        CandidateSearch.rank(results);

        assertThat(results).extracting(c -> c.id).containsExactly("even", "pooled");
    }

    private static CandidateResult candidate(String id, double f1, double worstDevice) {
        CandidateResult c = new CandidateResult();
        c.id = id;
        c.f1 = f1;
        c.worstDeviceF1 = worstDevice;
        c.worstDevice = "roe-s4";
        c.logLoss = 0.1;
        c.objectiveValue = Objective.F1.of(c);
        return c;
    }

    private static Map<String, Object> hp() {
        Map<String, Object> hp = new LinkedHashMap<>();
        hp.put("max_depth", 2);
        hp.put("eta", 0.3);
        return hp;
    }
}
