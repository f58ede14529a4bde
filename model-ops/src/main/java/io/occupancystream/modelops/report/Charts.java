package io.occupancystream.modelops.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.io.IOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYDataset;

/** The report's charts as PNG images of a fixed size, drawn off-screen with JFreeChart. */
final class Charts {
    static {
        // Charts are drawn into images only; without this a Mac would open a Dock icon, and a
        // server with a stale DISPLAY would try to reach it. First, before AWT is touched.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final int WIDTH = 640;
    static final int HEIGHT = 420;

    static final Color MODEL = new Color(0x1f77b4);
    static final Color RULE = new Color(0xff7f0e);
    static final Color REFERENCE = new Color(0x888888);

    private static final Color GRID = new Color(0xdddddd);
    private static final String FONT = Font.SANS_SERIF;
    private static final StandardChartTheme THEME = theme();

    private Charts() {}

    enum Style {
        LINE,
        LINE_AND_POINTS,
        POINT,
        DASHED_LINE
    }

    /** One named curve or point set; names must differ within a chart (they are the legend). */
    static final class Series {
        final String name;
        final double[] xs;
        final double[] ys;
        final Color color;
        final Style style;

        Series(String name, double[] xs, double[] ys, Color color, Style style) {
            if (xs.length != ys.length) {
                throw new IllegalArgumentException(
                        name + ": " + xs.length + " x values but " + ys.length + " y values");
            }
            this.name = name;
            this.xs = xs;
            this.ys = ys;
            this.color = color;
            this.style = style;
        }

        static Series diagonal(String name) {
            return new Series(
                    name, new double[] {0, 1}, new double[] {0, 1}, REFERENCE, Style.DASHED_LINE);
        }
    }

    /**
     * Rates or probabilities against each other, both axes 0 to 1. Series are drawn in order, so
     * later ones lie on top.
     */
    static byte[] unitSquare(String xLabel, String yLabel, List<Series> series) throws IOException {
        DefaultXYDataset dataset = new DefaultXYDataset();
        for (Series s : series) {
            dataset.addSeries(s.name, new double[][] {s.xs, s.ys});
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        XYPlot plot = new XYPlot(dataset, unitAxis(xLabel), unitAxis(yLabel), renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setNoDataMessage("no curve: the validation rows are not of both classes");
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        JFreeChart chart = chart(plot, true);
        for (int i = 0; i < series.size(); i++) {
            Style style = series.get(i).style;
            renderer.setSeriesPaint(i, series.get(i).color);
            renderer.setSeriesLinesVisible(i, style != Style.POINT);
            renderer.setSeriesShapesVisible(
                    i, style == Style.POINT || style == Style.LINE_AND_POINTS);
            renderer.setSeriesShape(i, style == Style.POINT ? circle(11) : circle(6));
            renderer.setSeriesStroke(i, stroke(style));
        }
        return png(chart);
    }

    /** One bar per name, top to bottom in the given order. */
    static byte[] horizontalBars(String valueLabel, List<String> names, List<Double> values)
            throws IOException {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int i = 0; i < names.size(); i++) {
            dataset.addValue(values.get(i), valueLabel, names.get(i));
        }
        BarRenderer renderer = new BarRenderer();
        NumberAxis valueAxis = new NumberAxis(valueLabel);
        valueAxis.setUpperMargin(0.15); // room for the label right of the longest bar
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis(), valueAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        plot.setRangeGridlinePaint(GRID);
        plot.setNoDataMessage("no features");
        JFreeChart chart = chart(plot, false);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, MODEL);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(
                new StandardCategoryItemLabelGenerator(
                        StandardCategoryItemLabelGenerator.DEFAULT_LABEL_FORMAT_STRING,
                        new DecimalFormat(
                                "#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultItemLabelFont(new Font(FONT, Font.PLAIN, 11));
        return png(chart);
    }

    private static NumberAxis unitAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        // A little beyond 0 and 1 so curves along the edges are not hidden by the plot's border.
        axis.setRange(-0.02, 1.02);
        axis.setTickUnit(
                new NumberTickUnit(
                        0.1,
                        new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        return axis;
    }

    /** Series styles must be set afterwards: the theme clears them. */
    private static JFreeChart chart(Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
        THEME.apply(chart);
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(REFERENCE);
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart) throws IOException {
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
    }

    private static Shape circle(double diameter) {
        return new Ellipse2D.Double(-diameter / 2, -diameter / 2, diameter, diameter);
    }

    private static BasicStroke stroke(Style style) {
        if (style == Style.DASHED_LINE) {
            return new BasicStroke(
                    1.2f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10f,
                    new float[] {6f, 4f},
                    0f);
        }
        return new BasicStroke(2f);
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("report", false);
        theme.setLargeFont(new Font(FONT, Font.PLAIN, 13));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 11));
        return theme;
    }
}
