package io.occupancystream.job.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark's figures, in run order: printed as a table with the targets checked, and
 * written as JSON ({@code {"mode": {"readingsPerSecond": ..., "p50Ms": ..., "p99Ms": ...}}}).
 */
final class BenchReport {
    private final Map<String, ModeResult> results = new LinkedHashMap<>();

    void add(ModeResult result) {
        results.put(result.mode, result);
    }

    void print(PrintStream out) {
        out.printf(
                "%n%-24s %9s %8s %12s %9s %9s %9s  %s%n",
                "mode", "readings", "seconds", "readings/s", "p50 ms", "p99 ms", "fallback", "");
        for (ModeResult r : results.values()) {
            out.printf(
                    "%-24s %9d %8.2f %12.1f %9.1f %9.1f %9d  %s%n",
                    r.mode,
                    r.readings,
                    r.seconds,
                    r.readingsPerSecond,
                    r.p50Ms,
                    r.p99Ms,
                    r.fallbackTotal(),
                    note(r));
        }
        out.println();
        String batched = BenchMode.ENDPOINT_ASYNC_BATCHED.label();
        target(out, batched, BenchMode.ENDPOINT_BLOCKING.label(), 100);
        combinedCeiling(out, batched);
        target(out, BenchMode.EMBEDDED.label(), BenchMode.NONE.label(), 0.8);
    }

    /**
     * The pipeline and the endpoint share the machine's cores, so each reading costs the CPU time
     * of both: together they reach at most 1/(1/none + 1/endpoint alone) readings/s.
     */
    private void combinedCeiling(PrintStream out, String batched) {
        ModeResult none = results.get(BenchMode.NONE.label());
        ModeResult endpoint = results.get(EndpointCapacity.MODE);
        if (none == null || endpoint == null) {
            return;
        }
        double ceiling = 1 / (1 / none.readingsPerSecond + 1 / endpoint.readingsPerSecond);
        out.printf(
                "combined ceiling 1/(1/%s + 1/%s) = %.1f readings/s%n",
                none.mode, endpoint.mode, ceiling);
        ModeResult m = results.get(batched);
        if (m != null) {
            ratio(out, m, "combined ceiling", ceiling, 0.9);
        }
    }

    private static String note(ModeResult r) {
        if (r.fallbacks.isEmpty()) {
            return r.note;
        }
        return (r.note.isEmpty() ? "" : r.note + "; ") + "fallbacks " + r.fallbacks;
    }

    private void target(PrintStream out, String mode, String base, double atLeast) {
        ModeResult m = results.get(mode);
        ModeResult b = results.get(base);
        if (m != null && b != null && b.fallbackTotal() > 0) {
            out.printf(
                    "%s / %s (target >= %sx): not measured, %d of %d readings of %s fell back%n",
                    mode, base, atLeast, b.fallbackTotal(), b.readings, base);
        } else if (m != null && b != null) {
            ratio(out, m, base, b.readingsPerSecond, atLeast);
        }
    }

    private static void ratio(
            PrintStream out, ModeResult m, String base, double baseRate, double atLeast) {
        if (m.fallbackTotal() > 0) {
            // A reading the rule decided costs no model call: its rate says nothing of the model.
            out.printf(
                    "%s / %s (target >= %sx): not measured, %d of %d readings fell back %s%n",
                    m.mode, base, atLeast, m.fallbackTotal(), m.readings, m.fallbacks);
            return;
        }
        double ratio = m.readingsPerSecond / baseRate;
        out.printf(
                "%s / %s = %.2fx (target >= %sx): %s%n",
                m.mode,
                base,
                ratio,
                atLeast,
                ratio >= atLeast
                        ? "met"
                        : String.format(
                                "MISSED by %.2fx (%.0f%% of target)",
                                atLeast - ratio, 100 * ratio / atLeast));
    }

    void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        for (ModeResult r : results.values()) {
            root.putObject(r.mode)
                    .put("readingsPerSecond", r.readingsPerSecond)
                    .put("p50Ms", r.p50Ms)
                    .put("p99Ms", r.p99Ms);
        }
        mapper.writeValue(file.toFile(), root);
    }
}
