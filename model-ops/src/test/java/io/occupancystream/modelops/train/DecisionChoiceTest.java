package io.occupancystream.modelops.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.model.decision.DecisionRule;
import io.occupancystream.model.decision.FusionMethod;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.eval.DecisionReplay;
import io.occupancystream.modelops.testing.IdentifiedRows;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device and room rules chosen on validation rows, simplest first. */
class DecisionChoiceTest {
    private static final long T = 1513919981L;

    @TempDir Path dir;

    @Test
    void aFlickeringDeviceGetsHysteresisAndASteadyOneAPlainThreshold() throws Exception {
        // Occupied hours flicker between 0.9 and 0.35; empty hours are 0.1 with spikes of 0.45.
        // No single threshold separates them; entering at 0.5 and leaving under 0.35 does.
        IdentifiedRows flicker = new IdentifiedRows();
        IdentifiedRows steady = new IdentifiedRows();
        for (int i = 0; i < 480; i++) {
            boolean occupied = i / 60 % 2 == 1;
            double p = occupied ? (i % 2 == 0 ? 0.9 : 0.35) : (i % 7 == 0 ? 0.45 : 0.1);
            flicker.row(T + i * 30L, "a", "lab", p, occupied);
            steady.row(T + i * 30L, "a", "lab", occupied ? 0.9 : 0.1, occupied);
        }
        TrainingSet flickering = flicker.read(dir.resolve("flicker"));
        TrainingSet still = steady.read(dir.resolve("steady"));

        DecisionChoice a = DecisionChoice.on(flickering, flickering.column("sound"));
        DecisionChoice b = DecisionChoice.on(still, still.column("sound"));

        assertThat(a.device).isEqualTo(new DecisionRule(0.5, 0.35, 0));
        assertThat(b.device).isEqualTo(DecisionRule.threshold(0.15));
        // One device per room: the room decides as its device.
        assertThat(a.room.method).isEqualTo(FusionMethod.MEAN);
        assertThat(a.room.decision).isEqualTo(a.device);
        assertThat(a.room.freshnessSeconds).isEqualTo(DecisionReplay.FRESHNESS_SECONDS);
    }

    @Test
    void aRoomWhereOneDeviceHearsThePeopleFusesByTheLoudest() throws Exception {
        // "near" hears people (0.9, else 0.1); "far-1" and "far-2" hear noise (0.1 or 0.8)
        // whoever is there. The mean of the three overlaps between occupied and empty; the
        // highest does not: 0.9 only when occupied.
        Random noise = new Random(7);
        IdentifiedRows rows = new IdentifiedRows();
        for (int i = 0; i < 480; i++) {
            boolean occupied = i / 60 % 2 == 1;
            long t = T + i * 30L;
            rows.row(t, "near", "lab", occupied ? 0.9 : 0.1, occupied);
            rows.row(t, "far-1", "lab", noise.nextBoolean() ? 0.8 : 0.1, occupied);
            rows.row(t, "far-2", "lab", noise.nextBoolean() ? 0.8 : 0.1, occupied);
        }
        TrainingSet all = rows.read(dir);

        DecisionChoice choice = DecisionChoice.on(all, all.column("sound"));

        assertThat(choice.room.method).isEqualTo(FusionMethod.MAX);
        assertThat(choice.room.decision).isEqualTo(DecisionRule.threshold(0.85));
        boolean[] room =
                DecisionReplay.of(all, all.column("sound"), choice.device, choice.room).room;
        for (int r = 0; r < all.rows(); r++) {
            assertThat(room[r]).as("row %d", r).isEqualTo(all.label(r));
        }
    }

    @Test
    void rulesAreTriedSimplestFirst() {
        assertThat(DecisionChoice.candidates().get(0)).isEqualTo(DecisionRule.threshold(0.05));
        // Enter 0.05..0.95 and leave 0.05..enter on a 0.05 grid (190 pairs), for 5 dwells.
        assertThat(DecisionChoice.candidates())
                .contains(new DecisionRule(0.95, 0.05, 600))
                .doesNotContain(new DecisionRule(0.5, 0.55, 0))
                .hasSize(5 * 190);
    }
}
