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
    final boolean promoted;
    final String reason;
    final String modelPackageArn;
    final String endpointConfig;
    final Instant decidedAt;

    private PromotionDecision(
            Challenger challenger,
            Champion champion,
            boolean promoted,
            String reason,
            String modelPackageArn,
            String endpointConfig,
            Instant decidedAt) {
        this.challenger = challenger;
        this.champion = champion;
        this.promoted = promoted;
        this.reason = reason;
        this.modelPackageArn = modelPackageArn;
        this.endpointConfig = endpointConfig;
        this.decidedAt = decidedAt;
    }

    static PromotionDecision decide(
            Challenger challenger, Optional<Champion> current, boolean force) {
        Champion champion = current.orElse(null);
        boolean promoted;
        String reason;
        if (champion == null) {
            promoted = true;
            reason = "no endpoint yet";
        } else if (force) {
            promoted = true;
            reason = "forced";
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
                challenger, champion, promoted, reason, null, null, Instant.now());
    }

    PromotionDecision deployed(String packageArn, String config) {
        return new PromotionDecision(
                challenger, champion, promoted, reason, packageArn, config, decidedAt);
    }

    public boolean promoted() {
        return promoted;
    }

    String summary() {
        String championText =
                champion == null
                        ? "none"
                        : String.format(
                                Locale.ROOT,
                                "%s (%s %s)",
                                champion.model,
                                champion.metricName,
                                EndpointPromoter.format(champion.metricValue));
        return String.format(
                Locale.ROOT,
                "Challenger %s (%s %s) vs champion %s: %s (%s)",
                challenger.name,
                challenger.metricName,
                EndpointPromoter.format(challenger.metricValue),
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
        root.put("modelPackageArn", modelPackageArn);
        root.put("endpointConfig", endpointConfig);
        return root.toPrettyString();
    }
}
