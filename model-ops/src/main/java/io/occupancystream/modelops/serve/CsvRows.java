package io.occupancystream.modelops.serve;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rows of an InvokeEndpoint request in {@code text/csv}: no header, one row a line, each the
 * model's feature values in the model's order, parsed into one row-major array for a single
 * predictor call. Every value is a finite number or nothing is parsed: the first problem is
 * reported with its 1-based row and, for a value, its column name. Immutable.
 */
final class CsvRows {
    static final String CONTENT_TYPE = "text/csv";
    private static final int SHOWN_VALUE_CHARS = 32;

    private final float[] values;
    private final int count;

    private CsvRows(float[] values, int count) {
        this.values = values;
        this.count = count;
    }

    /** Accepts {@code text/csv}, with or without a UTF-8 (or US-ASCII) charset parameter. */
    static void requireCsv(String contentType) throws ErrorResponse {
        if (contentType == null || contentType.isBlank()) {
            throw ErrorResponse.unsupportedMediaType(
                    "Content-Type is missing; send " + CONTENT_TYPE);
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(CONTENT_TYPE)) {
            throw ErrorResponse.unsupportedMediaType(
                    "Content-Type " + contentType + " is not supported; send " + CONTENT_TYPE);
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset") && parameter.length == 2) {
                String charset = parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("us-ascii")) {
                    throw ErrorResponse.unsupportedMediaType(
                            "charset " + charset + " is not supported; send UTF-8");
                }
            }
        }
    }

    static CsvRows parse(byte[] body, List<String> features) throws ErrorResponse {
        int columns = features.size();
        int end = body.length;
        // One line break after the last row is what most writers produce; it ends that row.
        if (end > 0 && body[end - 1] == '\n') {
            end--;
            if (end > 0 && body[end - 1] == '\r') {
                end--;
            }
        }
        if (isBlank(body, 0, end)) {
            throw ErrorResponse.validation(
                    "request body is empty; send one or more CSV rows of "
                            + columns
                            + " values ("
                            + String.join(",", features)
                            + ")");
        }
        int rows = 1 + count(body, 0, end, (byte) '\n');
        float[] values = new float[rows * columns];
        int lineStart = 0;
        for (int row = 0; row < rows; row++) {
            int lineEnd = indexOf(body, lineStart, end, (byte) '\n');
            int contentEnd = lineEnd;
            if (contentEnd > lineStart && body[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            parseRow(body, lineStart, contentEnd, row, values, features);
            lineStart = lineEnd + 1;
        }
        return new CsvRows(values, rows);
    }

    int count() {
        return count;
    }

    /** {@link #count()} rows of the model's features, row-major; not a copy. */
    float[] values() {
        return values;
    }

    private static void parseRow(
            byte[] body, int start, int end, int row, float[] values, List<String> features)
            throws ErrorResponse {
        int columns = features.size();
        if (isBlank(body, start, end)) {
            throw ErrorResponse.validation("row " + (row + 1) + " is empty");
        }
        int got = 1 + count(body, start, end, (byte) ',');
        if (got != columns) {
            throw ErrorResponse.validation(
                    "row "
                            + (row + 1)
                            + " has "
                            + got
                            + " values, the model takes "
                            + columns
                            + " ("
                            + String.join(",", features)
                            + ")");
        }
        if (row == 0 && text(body, start, end).trim().equals(String.join(",", features))) {
            throw ErrorResponse.validation(
                    "row 1 is the header (" + text(body, start, end) + "); send values only");
        }
        int fieldStart = start;
        for (int column = 0; column < columns; column++) {
            int fieldEnd = indexOf(body, fieldStart, end, (byte) ',');
            values[row * columns + column] =
                    parseValue(body, fieldStart, fieldEnd, row, features.get(column));
            fieldStart = fieldEnd + 1;
        }
    }

    private static float parseValue(byte[] body, int start, int end, int row, String feature)
            throws ErrorResponse {
        while (start < end && isSpace(body[start])) {
            start++;
        }
        while (end > start && isSpace(body[end - 1])) {
            end--;
        }
        if (start == end) {
            throw ErrorResponse.validation(
                    "row " + (row + 1) + ", column " + feature + ": the value is empty");
        }
        // Float.parseFloat also takes NaN, Infinity, hex and a trailing f or d: not CSV numbers.
        boolean decimal = true;
        for (int i = start; i < end && decimal; i++) {
            decimal = isDecimalChar(body[i]);
        }
        String value = new String(body, start, end - start, StandardCharsets.ISO_8859_1);
        if (decimal) {
            try {
                float parsed = Float.parseFloat(value);
                if (Float.isFinite(parsed)) {
                    return parsed;
                }
                throw invalidValue(body, start, end, row, feature, "is not a finite number");
            } catch (NumberFormatException e) {
                throw invalidValue(body, start, end, row, feature, "is not a number");
            }
        }
        String unsigned = value.toLowerCase().replaceFirst("^[+-]", "");
        boolean nonFinite =
                unsigned.equals("nan") || unsigned.equals("inf") || unsigned.equals("infinity");
        throw invalidValue(
                body,
                start,
                end,
                row,
                feature,
                nonFinite ? "is not a finite number" : "is not a number");
    }

    private static ErrorResponse invalidValue(
            byte[] body, int start, int end, int row, String feature, String problem) {
        String value = text(body, start, end);
        String shown =
                value.length() > SHOWN_VALUE_CHARS
                        ? value.substring(0, SHOWN_VALUE_CHARS) + "..."
                        : value;
        return ErrorResponse.validation(
                "row " + (row + 1) + ", column " + feature + ": '" + shown + "' " + problem);
    }

    private static boolean isDecimalChar(byte b) {
        return (b >= '0' && b <= '9') || b == '.' || b == '-' || b == '+' || b == 'e' || b == 'E';
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isBlank(byte[] body, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isSpace(body[i]) && body[i] != '\r' && body[i] != '\n') {
                return false;
            }
        }
        return true;
    }

    private static int count(byte[] body, int start, int end, byte b) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (body[i] == b) {
                count++;
            }
        }
        return count;
    }

    private static int indexOf(byte[] body, int start, int end, byte b) {
        for (int i = start; i < end; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return end;
    }

    private static String text(byte[] body, int start, int end) {
        return new String(body, start, end - start, StandardCharsets.UTF_8);
    }
}
