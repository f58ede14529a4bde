package io.occupancystream.modelops.sagemaker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Whether a challenger replaces the champion, why, and with which metrics: printed and kept. */
public final class PromotionDecision {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Challenger challenger;
    final Champion champion;
    final Comparison comparison;
    final boolean promoted;
    final String reason;
    final String modelPackageArn;
    final String endpointConfig;
    final Instant decidedAt;

    private PromotionDecision(
            Challenger challenger,
            Champion champion,
            Comparison comparison,
            boolean promoted,
            String reason,
            String modelPackageArn,
            String endpointConfig,
            Instant decidedAt) {
        this.challenger = challenger;
        this.champion = champion;
        this.comparison = comparison;
        this.promoted = promoted;
        this.reason = reason;
        this.modelPackageArn = modelPackageArn;
        this.endpointConfig = endpointConfig;
        this.decidedAt = decidedAt;
    }

    /**
     * @param comparison what the two are compared on; null when there is no champion
     */
    static PromotionDecision decide(
            Challenger challenger,
            Optional<Champion> current,
            Comparison comparison,
            boolean force) {
        Champion champion = current.orElse(null);
        boolean promoted;
        String reason;
        if (champion == null) {
            promoted = true;
            reason = "no endpoint yet";
        } else if (force) {
            promoted = true;
            reason = "forced";
        } else if (comparison.sameRows) {
            promoted = comparison.challengerF1 > comparison.championF1;
            reason = (promoted ? "better" : "not better") + " F1 on the same held-out rows";
        } else if (Double.isNaN(champion.metricValue)) {
            promoted = false;
            reason = "the current model has no recorded metric; use --force to replace it";
        } else if (!challenger.metricName.equals(champion.metricName)) {
            promoted = false;
            reason =
                    "the metrics differ ("
                            + challenger.metricName
                            + " vs "
                            + champion.metricName
                            + "); use --force to replace it";
        } else if (challenger.metricValue > champion.metricValue) {
            promoted = true;
            reason = "better " + challenger.metricName;
        } else {
            promoted = false;
            reason = "not better on " + challenger.metricName;
        }
        return new PromotionDecision(
                challenger, champion, comparison, promoted, reason, null, null, Instant.now());
    }

    PromotionDecision deployed(String packageArn, String config) {
        return new PromotionDecision(
                challenger, champion, comparison, promoted, reason, packageArn, config, decidedAt);
    }

    public boolean promoted() {
        return promoted;
    }

    /** The endpoint config the endpoint is being moved to; null when not promoted. */
    public String endpointConfig() {
        return endpointConfig;
    }

    private boolean sameRows() {
        return comparison != null && comparison.sameRows;
    }

    public String summary() {
        String championText =
                champion == null
                        ? "none"
                        : String.format(
                                Locale.ROOT,
                                "%s (%s %s)",
                                champion.model,
                                sameRows() ? "F1" : champion.metricName,
                                EndpointPromoter.format(
                                        sameRows() ? comparison.championF1 : champion.metricValue));
        return String.format(
                Locale.ROOT,
                "Challenger %s (%s %s) vs champion %s: %s (%s)",
                challenger.name,
                sameRows() ? "F1" : challenger.metricName,
                EndpointPromoter.format(
                        sameRows() ? comparison.challengerF1 : challenger.metricValue),
                championText,
                promoted ? "PROMOTE" : "KEEP the champion",
                reason);
    }

    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("decidedAt", decidedAt.toString());
        root.put("promoted", promoted);
        root.put("reason", reason);
        ObjectNode c = root.putObject("challenger");
        c.put("name", challenger.name);
        c.put("source", challenger.source);
        c.put("metric", challenger.metricName);
        c.put("value", challenger.metricValue);
        c.put("trainingRows", challenger.trainingRows);
        if (champion == null) {
            root.putNull("champion");
        } else {
            ObjectNode ch = root.putObject("champion");
            ch.put("model", champion.model);
            ch.put("metric", champion.metricName);
            if (Double.isNaN(champion.metricValue)) {
                ch.putNull("value");
            } else {
                ch.put("value", champion.metricValue);
            }
        }
        if (comparison == null) {
            root.putNull("comparison");
        } else {
            root.set("comparison", comparison.toJson());
        }
        root.put("modelPackageArn", modelPackageArn);
        root.put("endpointConfig", endpointConfig);
        return root.toPrettyString();
    }
}
