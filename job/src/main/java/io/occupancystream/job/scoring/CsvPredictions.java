package io.occupancystream.job.scoring;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads a {@code text/csv} inference answer: one line per row sent, either {@code
 * predicted_label,probability} (Autopilot's and the local endpoint's form) or a bare probability
 * (SageMaker's built-in XGBoost), which the model's threshold turns into a label. Any other shape,
 * or another number of lines than rows sent, is a {@link BadResponseException}.
 */
final class CsvPredictions {
    private static final Pattern DECIMAL = Pattern.compile("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    private CsvPredictions() {}

    static ModelAnswer parse(byte[] body, int rows, double threshold, String modelVersion) {
        String[] lines = new String(body, StandardCharsets.UTF_8).trim().split("\r?\n");
        if (lines.length == 1 && rows > 1 && oneLineOfProbabilities(lines[0], rows)) {
            lines = lines[0].split(","); // built-in XGBoost may answer on one line
        }
        if (lines.length != rows) {
            throw new BadResponseException(rows + " rows sent, " + lines.length + " answered");
        }
        boolean[] occupied = new boolean[rows];
        float[] probabilities = new float[rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines[i].trim().split(",");
            probabilities[i] = probability(cells[cells.length - 1].trim(), i, lines[i]);
            if (cells.length == 1) {
                occupied[i] = probabilities[i] >= threshold;
            } else if (cells.length == 2) {
                occupied[i] = label(cells[0].trim(), i);
            } else {
                throw new BadResponseException("line " + (i + 1) + " is not label,probability");
            }
        }
        return new ModelAnswer(occupied, probabilities, modelVersion);
    }

    /** A probability: a plain decimal number in [0, 1], no NaN, infinity or hex floats. */
    private static float probability(String cell, int row, String line) {
        if (DECIMAL.matcher(cell).matches()) {
            float p = Float.parseFloat(cell);
            if (p >= 0 && p <= 1) {
                return p;
            }
        }
        throw new BadResponseException(
                "line " + (row + 1) + " has no probability in [0, 1]: " + line);
    }

    /**
     * Whether one line holds one probability per row. With two rows, "1,0.93" is also one
     * label,probability line (a count mismatch), so a leading label token means that form.
     */
    private static boolean oneLineOfProbabilities(String line, int rows) {
        String[] cells = line.split(",");
        return cells.length == rows && (rows > 2 || !isLabelToken(cells[0].trim()));
    }

    private static boolean isLabelToken(String cell) {
        switch (cell) {
            case "true":
            case "false":
            case "0":
            case "1":
            case "0.0":
            case "1.0":
                return true;
            default:
                return false;
        }
    }

    private static boolean label(String cell, int row) {
        switch (cell) {
            case "true":
            case "1":
            case "1.0":
                return true;
            case "false":
            case "0":
            case "0.0":
                return false;
            default:
                throw new BadResponseException("line " + (row + 1) + " has label '" + cell + "'");
        }
    }
}
