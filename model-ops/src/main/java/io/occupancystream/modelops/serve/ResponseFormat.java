package io.occupancystream.modelops.serve;

import io.occupancystream.modelops.model.InferenceKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.IntFunction;

/**
 * How an InvokeEndpoint answer is written, chosen by the request's {@code Accept}, as SageMaker
 * Autopilot's inference containers write the keys they were asked for ({@link InferenceKey}, in the
 * order asked): in CSV one line per row, a list as a quoted Python list ({@code true,0.93,"[0.07,
 * 0.93]","['false', 'true']"}, as in AWS's "Configure inference output in generated containers");
 * in JSON {@code {"predictions":[{"predicted_label":"true",
 * "probability":"0.93","probabilities":[0.07,0.93],"labels":["false","true"]}]}} (scalars as
 * strings; the JSON form of the lists is not documented, see docs/models.md). Rows stay in request
 * order. A probability is written as the shortest decimal that reads back as the same float,
 * without an exponent.
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

    byte[] format(
            AnswerStyle style,
            List<InferenceKey> keys,
            float[] probabilities,
            DoublePredicate occupied) {
        StringBuilder out = new StringBuilder(probabilities.length * 32 * keys.size());
        if (this == JSON) {
            out.append("{\"predictions\":[");
        }
        for (int i = 0; i < probabilities.length; i++) {
            float p = probabilities[i];
            boolean predicted = occupied.test(p);
            out.append(this == JSON ? (i == 0 ? "{" : ",{") : "");
            for (int k = 0; k < keys.size(); k++) {
                InferenceKey key = keys.get(k);
                if (this == CSV) {
                    out.append(k == 0 ? "" : ",");
                } else {
                    out.append(k == 0 ? "\"" : ",\"").append(key.key()).append("\":");
                }
                switch (key) {
                    case PREDICTED_LABEL:
                        scalar(out, Boolean.toString(predicted));
                        break;
                    case PROBABILITY:
                        scalar(out, decimal(style.probability(p, predicted)));
                        break;
                    case PROBABILITIES:
                        float[] each = style.probabilities(p);
                        list(out, each.length, j -> decimal(each[j]), false);
                        break;
                    default:
                        list(out, style.labels().size(), j -> style.labels().get(j), true);
                        break;
                }
            }
            out.append(this == JSON ? "}" : "\n");
        }
        if (this == JSON) {
            out.append("]}");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Built-in XGBoost's answer: P(occupied) of every row on one line, comma-separated. */
    static byte[] oneLineOfProbabilities(float[] probabilities) {
        StringBuilder out = new StringBuilder(probabilities.length * 12);
        for (int i = 0; i < probabilities.length; i++) {
            out.append(i == 0 ? "" : ",").append(decimal(probabilities[i]));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void scalar(StringBuilder out, String value) {
        if (this == CSV) {
            out.append(value);
        } else {
            out.append('"').append(value).append('"');
        }
    }

    /** A CSV list is Python's {@code str(list)} in double quotes; a JSON one, an array. */
    private void list(StringBuilder out, int size, IntFunction<String> item, boolean strings) {
        String quote = strings ? (this == CSV ? "'" : "\"") : "";
        out.append(this == CSV ? "\"[" : "[");
        for (int j = 0; j < size; j++) {
            out.append(j == 0 ? "" : this == CSV ? ", " : ",")
                    .append(quote)
                    .append(item.apply(j))
                    .append(quote);
        }
        out.append(this == CSV ? "]\"" : "]");
    }

    private static String decimal(float probability) {
        String shortest = Float.toString(probability);
        return shortest.indexOf('E') < 0
                ? shortest
                : new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
}
