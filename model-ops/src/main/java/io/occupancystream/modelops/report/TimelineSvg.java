package io.occupancystream.modelops.report;

import io.occupancystream.model.results.ResultLine;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A timeline as inline SVG: 0/1 series as filled step lanes (label, decisions), the rest as lines
 * on their own scale (probability, sound), all on one time axis. Every timeline of a page shares
 * the axis, so they line up one under another. Series are thinned by {@link Downsample} and broken
 * where readings pause.
 */
final class TimelineSvg {
    static final int WIDTH = 1100;
    static final int LEFT = 190;
    private static final int RIGHT = 20;
    private static final int TOP = 6;
    private static final int LANE_HEIGHT = 14;
    private static final int LINE_HEIGHT = 60;
    private static final int GAP = 8;
    private static final int AXIS_HEIGHT = 22;
    private static final long[] TICK_STEPS = {3600, 6 * 3600, 12 * 3600, 86400, 7 * 86400};
    private static final int MAX_TICKS = 12;

    /**
     * Samples further apart than this (or than two of {@link Downsample}'s stretches) are not
     * joined: the device was silent or the run had a gap, and a line across it would invent
     * readings. Devices report about every 30 s.
     */
    private static final long GAP_SECONDS = 15 * 60;

    private static final DateTimeFormatter TICK =
            DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** One series; readings without a value for it are left out of it. */
    static final class Series {
        final String name;
        final String color;
        final boolean lane;

        /** The top of a line's scale (a lane's is 1). */
        final double max;

        /** A line's dashed reference level, or NaN for none. */
        final double reference;

        final long[] times;
        final double[] values;

        private Series(
                String name,
                String color,
                boolean lane,
                double max,
                double reference,
                List<Long> times,
                List<Double> values) {
            this.name = name;
            this.color = color;
            this.lane = lane;
            this.max = max;
            this.reference = reference;
            this.times = times.stream().mapToLong(Long::longValue).toArray();
            this.values = values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        static Series lane(
                String name,
                String color,
                List<ResultLine> readings,
                Function<ResultLine, Boolean> value) {
            return of(name, color, true, 1, Double.NaN, readings, r -> toDouble(value.apply(r)));
        }

        static Series line(
                String name,
                String color,
                double max,
                double reference,
                List<ResultLine> readings,
                Function<ResultLine, Double> value) {
            return of(name, color, false, max, reference, readings, value);
        }

        private static Series of(
                String name,
                String color,
                boolean lane,
                double max,
                double reference,
                List<ResultLine> readings,
                Function<ResultLine, Double> value) {
            List<Long> times = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (ResultLine r : readings) {
                Double v = value.apply(r);
                if (v != null) {
                    times.add(r.timestamp);
                    values.add(v);
                }
            }
            return new Series(name, color, lane, max, reference, times, values);
        }

        private static Double toDouble(Boolean b) {
            return b == null ? null : b ? 1.0 : 0.0;
        }
    }

    private final long from;
    private final long to;

    /** An axis from {@code from} to {@code to}, epoch seconds. */
    TimelineSvg(long from, long to) {
        this.from = from;
        this.to = Math.max(to, from + 1);
    }

    String draw(String title, List<Series> series) {
        int height = TOP;
        for (Series s : series) {
            height += (s.lane ? LANE_HEIGHT : LINE_HEIGHT) + GAP;
        }
        int axisTop = height;
        height += AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(title))
                .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        ticks(svg, axisTop);
        int top = TOP;
        for (Series s : series) {
            int h = s.lane ? LANE_HEIGHT : LINE_HEIGHT;
            band(svg, s, top, h);
            top += h + GAP;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private void band(StringBuilder svg, Series s, int top, int h) {
        svg.append("<g data-series=\"").append(Html.escape(s.name)).append("\">");
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                        LEFT - 8,
                        top + (s.lane ? h - 3 : 11),
                        Html.escape(s.name)));
        svg.append(
                String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f6f6\"/>",
                        LEFT,
                        top,
                        WIDTH - LEFT - RIGHT,
                        h));
        int[] kept = Downsample.indexes(s.times, s.values, Downsample.MAX_POINTS);
        long gap = Math.max(GAP_SECONDS, 2 * (to - from) / (Downsample.MAX_POINTS / 2));
        int first = 0;
        for (int k = 1; k <= kept.length; k++) {
            if (k == kept.length || s.times[kept[k]] - s.times[kept[k - 1]] > gap) {
                segment(svg, s, Arrays.copyOfRange(kept, first, k), top, h);
                first = k;
            }
        }
        if (!s.lane) {
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#777\">%s</text>",
                            LEFT - 8,
                            top + h,
                            Html.escape("0 to " + Format.value(s.max))));
        }
        if (!Double.isNaN(s.reference)) {
            double y = top + h - h * Math.min(s.reference, s.max) / s.max;
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#888\""
                                    + " stroke-dasharray=\"4 3\"/>",
                            LEFT,
                            y,
                            WIDTH - RIGHT,
                            y));
        }
        svg.append("</g>\n");
    }

    /**
     * One polyline through the samples {@code kept}; a lane is a step drawn down to its floor, each
     * state holding until the next reading, as a decision does.
     */
    private void segment(StringBuilder svg, Series s, int[] kept, int top, int h) {
        double bottom = top + h;
        StringBuilder points = new StringBuilder();
        if (s.lane) {
            point(points, x(s.times[kept[0]]), bottom);
        }
        double previous = Double.NaN;
        for (int i : kept) {
            double y = bottom - h * Math.min(s.values[i], s.max) / s.max;
            if (s.lane && !Double.isNaN(previous) && y != previous) {
                point(points, x(s.times[i]), previous);
            }
            point(points, x(s.times[i]), y);
            previous = y;
        }
        if (s.lane) {
            point(points, x(s.times[kept[kept.length - 1]]), bottom);
        }
        svg.append("<polyline points=\"")
                .append(points)
                .append(
                        s.lane
                                ? "\" fill=\"" + s.color + "\" stroke=\"none\"/>"
                                : "\" fill=\"none\" stroke=\""
                                        + s.color
                                        + "\" stroke-width=\"1\"/>");
    }

    private void ticks(StringBuilder svg, int axisTop) {
        long step = TICK_STEPS[TICK_STEPS.length - 1];
        for (long candidate : TICK_STEPS) {
            if ((to - from) / candidate <= MAX_TICKS) {
                step = candidate;
                break;
            }
        }
        for (long t = Math.floorDiv(from + step - 1, step) * step; t <= to; t += step) {
            double x = x(t);
            svg.append(
                    String.format(
                            Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                                    + " fill=\"#555\">%s</text>\n",
                            x,
                            TOP,
                            x,
                            axisTop,
                            x,
                            axisTop + 14,
                            TICK.format(Instant.ofEpochSecond(t))));
        }
    }

    private double x(long t) {
        return LEFT + (double) (t - from) * (WIDTH - LEFT - RIGHT) / (to - from);
    }

    private static void point(StringBuilder points, double x, double y) {
        if (points.length() > 0) {
            points.append(' ');
        }
        points.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }
}
