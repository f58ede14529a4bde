package io.occupancystream.modelops.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits time-ordered rows into earlier training rows and later validation rows, never shuffling
 * across time. The cut falls on a window boundary (or between rows when the data has only one
 * window): the latest cut that leaves at least {@code fraction} of the rows, and at least {@code
 * minClassShare} of each class's rows, for validation, so that F1 and a threshold can be measured
 * there. Training keeps at least one row of each class.
 */
public final class TimeSplit {
    public final TrainingSet train;
    public final TrainingSet validation;

    private TimeSplit(TrainingSet train, TrainingSet validation) {
        this.train = train;
        this.validation = validation;
    }

    public static TimeSplit latest(TrainingSet all, double fraction, double minClassShare) {
        int rows = all.rows();
        long positives = all.occupied();
        long negatives = rows - positives;
        long needPositives = (long) Math.ceil(minClassShare * positives);
        long needNegatives = (long) Math.ceil(minClassShare * negatives);
        long suffixPositives = 0;
        int next = rows;
        for (int cut : cutsFromLatest(all)) {
            for (int r = cut; r < next; r++) {
                if (all.label(r)) {
                    suffixPositives++;
                }
            }
            next = cut;
            long suffixRows = rows - cut;
            long suffixNegatives = suffixRows - suffixPositives;
            boolean validationEnough =
                    suffixRows >= fraction * rows
                            && suffixPositives >= needPositives
                            && suffixNegatives >= needNegatives;
            boolean trainingHasBoth =
                    positives - suffixPositives > 0 && negatives - suffixNegatives > 0;
            if (validationEnough && trainingHasBoth) {
                return new TimeSplit(all.slice(0, cut), all.slice(cut, rows));
            }
        }
        throw new TrainingDataException(
                "cannot split "
                        + rows
                        + " rows in time so that the later part holds "
                        + Math.round(fraction * 100)
                        + "% of the rows and "
                        + Math.round(minClassShare * 100)
                        + "% of each class while the earlier part keeps both classes; use data"
                        + " covering more time (occupied and unoccupied periods)");
    }

    /** Row indices where validation may start, latest first. */
    private static List<Integer> cutsFromLatest(TrainingSet all) {
        List<Integer> cuts = new ArrayList<>();
        boolean oneWindow =
                all.rows() == 0 || all.windowStart(0) == all.windowStart(all.rows() - 1);
        for (int r = all.rows() - 1; r > 0; r--) {
            if (oneWindow || all.windowStart(r) != all.windowStart(r - 1)) {
                cuts.add(r);
            }
        }
        return cuts;
    }
}
