package io.occupancystream.job.scoring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a {@code text/csv} inference answer into P(occupied) and a label per row. One line per row
 * sent, in one of the forms the containers write (AWS, "Configure inference output in generated
 * containers"; the keys in the order model-ops asks for them, some left out where a container does
 * not support them):
 *
 * <ul>
 *   <li>{@code predicted_label,probability,probabilities,labels}, or without {@code probability} or
 *       also without {@code predicted_label}: P(occupied) is the entry of {@code probabilities} at
 *       the positive label's place in {@code labels}. Lists are read as the doc's example writes
 *       them ({@code "[0.9, 0.1]"}, {@code "['1', '0']"}), quoted or not, with single, double or no
 *       quotes around each label.
 *   <li>{@code predicted_label,probability}: an ensembling container's, whose {@code probability}
 *       is the predicted label's, so P(occupied) is 1 - probability when the label is negative.
 *   <li>a bare probability of occupied (SageMaker's built-in XGBoost), which may also come as one
 *       comma-separated line for all rows.
 * </ul>
 *
 * Labels are read case-insensitively: {@code true}, {@code 1} and {@code 1.0} are occupied, {@code
 * false}, {@code 0} and {@code 0.0} not. Without {@code predicted_label} the model's threshold
 * decides. Any other shape, or another number of lines than rows sent, is a {@link
 * BadResponseException}.
 */
public final class CsvPredictions {
    private static final Pattern DECIMAL = Pattern.compile("[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?");

    private CsvPredictions() {}

    public static ModelAnswer parse(byte[] body, int rows, double threshold, String modelVersion) {
        String[] lines = new String(body, StandardCharsets.UTF_8).trim().split("\r?\n");
        if (lines.length == 1 && rows > 1 && oneLineOfProbabilities(lines[0], rows)) {
            lines = lines[0].split(","); // built-in XGBoost answers on one line
        }
        if (lines.length != rows) {
            throw new BadResponseException(rows + " rows sent, " + lines.length + " answered");
        }
        boolean[] occupied = new boolean[rows];
        float[] probabilities = new float[rows];
        for (int i = 0; i < rows; i++) {
            List<String> cells = cells(lines[i]);
            int scalars = (int) cells.stream().takeWhile(c -> !isList(c)).count();
            int lists = (int) cells.stream().skip(scalars).filter(CsvPredictions::isList).count();
            if (scalars + lists != cells.size()) {
                throw new BadResponseException(
                        "line " + (i + 1) + " has a value after a list: " + lines[i]);
            }
            if (lists == 2 && scalars <= 2) {
                probabilities[i] = fromLists(cells.get(scalars), cells.get(scalars + 1), i);
                occupied[i] = scalars == 0 ? probabilities[i] >= threshold : label(cells.get(0), i);
            } else if (lists == 0 && scalars == 2) {
                occupied[i] = label(cells.get(0), i);
                float p = probability(cells.get(1), i, lines[i]);
                // Only an ensembling container answers without the lists (a tuning pipeline's last
                // container supports them, and promotion asks for them where supported), and its
                // probability is the predicted label's (AWS, "Configure inference output in
                // generated containers"), so a negative label's is P(free).
                probabilities[i] =
                        occupied[i] ? p : (float) (1.0 - Double.parseDouble(cells.get(1)));
            } else if (lists == 0 && scalars == 1) {
                probabilities[i] = probability(cells.get(0), i, lines[i]);
                occupied[i] = probabilities[i] >= threshold;
            } else {
                throw new BadResponseException(
                        "line "
                                + (i + 1)
                                + " is not [predicted_label,[probability,]]probabilities,labels,"
                                + " predicted_label,probability or a probability: "
                                + lines[i]);
            }
        }
        return new ModelAnswer(occupied, probabilities, modelVersion);
    }

    /** The probability in {@code probabilities} at the place of the one positive label. */
    private static float fromLists(String probabilitiesCell, String labelsCell, int row) {
        List<String> each = items(probabilitiesCell);
        List<String> labels = items(labelsCell);
        if (each.size() != labels.size()) {
            throw new BadResponseException(
                    "line "
                            + (row + 1)
                            + " has "
                            + each.size()
                            + " probabilities for "
                            + labels.size()
                            + " labels");
        }
        int positive = -1;
        for (int j = 0; j < labels.size(); j++) {
            if (label(labels.get(j), row)) {
                if (positive >= 0) {
                    throw new BadResponseException(
                            "line " + (row + 1) + " has two positive labels: " + labelsCell);
                }
                positive = j;
            }
        }
        if (positive < 0) {
            throw new BadResponseException(
                    "line " + (row + 1) + " has no positive label: " + labelsCell);
        }
        return probability(each.get(positive), row, probabilitiesCell);
    }

    /**
     * A line's cells: split at commas outside brackets and quotes, each trimmed and unquoted (RFC
     * 4180 quotes; Python's {@code '"{}"'.format(list)} does not double inner quotes, which inside
     * brackets do not matter).
     */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"' && depth == 0) {
                quoted = !quoted;
            } else if (c == ',' && depth == 0 && !quoted) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }

    private static boolean isList(String cell) {
        return cell.startsWith("[") && cell.endsWith("]");
    }

    /** A list cell's items, each trimmed and without its quotes. */
    private static List<String> items(String list) {
        List<String> items = new ArrayList<>();
        for (String item : list.substring(1, list.length() - 1).split(",")) {
            String trimmed = item.trim();
            boolean quoted =
                    trimmed.length() >= 2
                            && (trimmed.charAt(0) == '\'' || trimmed.charAt(0) == '"')
                            && trimmed.charAt(trimmed.length() - 1) == trimmed.charAt(0);
            items.add(quoted ? trimmed.substring(1, trimmed.length() - 1) : trimmed);
        }
        return items;
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
     * Whether one line holds one probability per row, all plain decimals. With two rows, "1,0.93"
     * is also one label,probability line (a count mismatch), so a leading label token means that
     * form.
     */
    private static boolean oneLineOfProbabilities(String line, int rows) {
        String[] cells = line.split(",");
        for (String cell : cells) {
            if (!DECIMAL.matcher(cell.trim()).matches()) {
                return false;
            }
        }
        return cells.length == rows && (rows > 2 || !isLabelToken(cells[0].trim()));
    }

    private static boolean isLabelToken(String cell) {
        return positive(cell) || negative(cell);
    }

    private static boolean label(String cell, int row) {
        if (positive(cell)) {
            return true;
        }
        if (negative(cell)) {
            return false;
        }
        throw new BadResponseException("line " + (row + 1) + " has label '" + cell + "'");
    }

    private static boolean positive(String cell) {
        return cell.equalsIgnoreCase("true") || cell.equals("1") || cell.equals("1.0");
    }

    private static boolean negative(String cell) {
        return cell.equalsIgnoreCase("false") || cell.equals("0") || cell.equals("0.0");
    }
}
