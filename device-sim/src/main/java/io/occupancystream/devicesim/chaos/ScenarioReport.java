package io.occupancystream.devicesim.chaos;

import java.util.Locale;

/** One scenario's outcome: whether its invariants held, and its figures on one line. */
final class ScenarioReport {
    final String scenario;
    final boolean holds;
    final String figures;
    final double seconds;

    ScenarioReport(String scenario, boolean holds, String figures, double seconds) {
        this.scenario = scenario;
        this.holds = holds;
        this.figures = figures;
        this.seconds = seconds;
    }

    String line() {
        return String.format(
                Locale.ROOT,
                "%s %s in %.0f s: %s",
                scenario,
                holds ? "PASS" : "FAIL",
                seconds,
                figures);
    }
}
