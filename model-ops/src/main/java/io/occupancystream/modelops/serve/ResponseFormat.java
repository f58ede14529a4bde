package io.occupancystream.modelops.serve;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.DoublePredicate;

/**
 * How an InvokeEndpoint answer is written, chosen by the request's {@code Accept}, as SageMaker
 * Autopilot's inference containers write it: one {@code predicted_label,probability} line per row
 * in CSV, or {@code {"predictions":[{"predicted_label":"true","probability":"0.97312"}]}} in JSON
 * (strings both). Rows stay in request order. A probability is written as the shortest decimal that
 * reads back as the same float, without an exponent.
 */
enum ResponseFormat {
    CSV("text/csv"),
    JSON("application/json");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    String contentType() {
        return contentType;
    }

    /**
     * The first supported media range of {@code accept}, in the order listed; CSV when absent or
     * for {@code *}{@code /*} and {@code text/*}.
     */
    static ResponseFormat forAccept(String accept) throws ErrorResponse {
        if (accept == null || accept.isBlank()) {
            return CSV;
        }
        for (String range : accept.split(",")) {
            String mediaType = range.split(";", 2)[0].trim().toLowerCase();
            switch (mediaType) {
                case "text/csv":
                case "text/*":
                case "*/*":
                    return CSV;
                case "application/json":
                case "application/*":
                    return JSON;
                default:
                    break;
            }
        }
        throw ErrorResponse.notAcceptable(
                "Accept " + accept + " is not supported; ask for text/csv or application/json");
    }

    byte[] format(float[] probabilities, DoublePredicate occupied) {
        StringBuilder out = new StringBuilder(probabilities.length * 32);
        if (this == JSON) {
            out.append("{\"predictions\":[");
        }
        for (int i = 0; i < probabilities.length; i++) {
            String label = Boolean.toString(occupied.test(probabilities[i]));
            String probability = decimal(probabilities[i]);
            if (this == CSV) {
                out.append(label).append(',').append(probability).append('\n');
            } else {
                out.append(i == 0 ? "" : ",")
                        .append("{\"predicted_label\":\"")
                        .append(label)
                        .append("\",\"probability\":\"")
                        .append(probability)
                        .append("\"}");
            }
        }
        if (this == JSON) {
            out.append("]}");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decimal(float probability) {
        String shortest = Float.toString(probability);
        return shortest.indexOf('E') < 0
                ? shortest
                : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
