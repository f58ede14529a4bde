package io.occupancystream.job.scoring;

import java.nio.charset.StandardCharsets;

/**
 * Reads a {@code text/csv} inference answer: one line per row sent, either {@code
 * predicted_label,probability} (Autopilot's and the local endpoint's form) or a bare probability
 * (SageMaker's built-in XGBoost), which the model's threshold turns into a label. Any other shape,
 * or another number of lines than rows sent, is a {@link BadResponseException}.
 */
final class CsvPredictions {
    private CsvPredictions() {}

    static ModelAnswer parse(byte[] body, int rows, double threshold, String modelVersion) {
        String[] lines = new String(body, StandardCharsets.UTF_8).trim().split("\r?\n");
        if (lines.length == 1 && rows > 1 && lines[0].split(",").length == rows) {
            lines = lines[0].split(","); // built-in XGBoost may answer on one line
        }
        if (lines.length != rows) {
            throw new BadResponseException(rows + " rows sent, " + lines.length + " answered");
        }
        boolean[] occupied = new boolean[rows];
        float[] probabilities = new float[rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines[i].trim().split(",");
            try {
                probabilities[i] = Float.parseFloat(cells[cells.length - 1].trim());
            } catch (NumberFormatException e) {
                throw new BadResponseException(
                        "line " + (i + 1) + " has no probability: " + lines[i]);
            }
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
