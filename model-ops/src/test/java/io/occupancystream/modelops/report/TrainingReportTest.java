package io.occupancystream.modelops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingReportTest {
    private static final Pattern PNG = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    @TempDir Path dir;

    @Test
    void hasEverySectionTheModelVersionAndEveryCandidate() throws IOException {
        String html = write(SyntheticReports.input("occupancy-20240502-101530", 200, 7));

        assertThat(html)
                .contains(
                        "<h2>Summary</h2>",
                        "<h2>Leaderboard</h2>",
                        "<h2>Confusion matrices</h2>",
                        "<h2>ROC curve</h2>",
                        "<h2>Precision-recall curve</h2>",
                        "<h2>Calibration</h2>",
                        "<h2>Feature importance</h2>")
                .contains("occupancy-20240502-101530")
                .contains("baseline-logistic", "xgb-007", "xgb-003", "xgb-012", "baseline-rule")
                .contains("sha256:9f2c1e0b", "2017-12-01T00:00:00Z", "sound &gt; 0.15")
                .contains(
                        "enter at 0.6 held 30 s, leave below 0.3 held 120 s",
                        "MEAN of devices fresh within 130 s, 0 once all (two or more) have been"
                            + " quiet 90 s, then enter at 0.65 held 0 s, leave below 0.35 held 120"
                            + " s");
    }

    @Test
    void marksTheBestDeployableCandidateAsChosen() throws IOException {
        String html = write(SyntheticReports.input("v1", 200, 7));

        assertThat(html).containsOnlyOnce("<tr class=\"chosen\">");
        assertThat(html.substring(html.indexOf("<tr class=\"chosen\">")))
                .startsWith("<tr class=\"chosen\"><td class=\"num\">2</td><td>xgb-007 ");
    }

    @Test
    void embedsFourPngChartsOfTheChartSize() throws IOException {
        List<BufferedImage> images = images(write(SyntheticReports.input("v1", 200, 7)));

        assertThat(images).hasSize(4);
        assertThat(images)
                .allSatisfy(
                        image -> {
                            assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
                            assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
                        });
    }

    @Test
    void sameInputGivesTheSameFile() throws IOException {
        ReportInput input = SyntheticReports.input("v1", 200, 7);

        assertThat(write(input)).isEqualTo(write(input));
    }

    @Test
    void escapesTextFromTheData() throws IOException {
        String html = write(SyntheticReports.input("<script>alert('x')</script>", 200, 7));

        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void validationRowsOfOneClassGiveUndefinedMetricsNotAFailure() throws IOException {
        int rows = 50;
        double[] probabilities = new double[rows];
        double[] sound = new double[rows];
        for (int i = 0; i < rows; i++) {
            probabilities[i] = i / (double) rows;
            sound[i] = i % 5 / 10.0;
        }
        String html = write(SyntheticReports.input("v1", new boolean[rows], probabilities, sound));

        assertThat(html).contains("<th>ROC AUC</th><td class=\"num\">n/a</td>");
        assertThat(images(html)).hasSize(4);
    }

    @Test
    void featuresWithoutImportanceAndTiedScoresStillDraw() throws IOException {
        ReportInput tied =
                SyntheticReports.input(
                        "v1",
                        new boolean[] {true, false, true, false},
                        new double[] {0.5, 0.5, 0.5, 0.5},
                        new double[] {0.2, 0.2, 0.2, 0.2});
        ReportInput input =
                new ReportInput(
                        tied.card,
                        List.of(),
                        tied.validationProbabilities,
                        tied.validationActual,
                        tied.validationRuleScores,
                        tied.ruleThreshold,
                        Map.of());

        assertThat(images(write(input))).hasSize(4);
    }

    @Test
    void refusesValidationArraysOfDifferentLengths() {
        ReportInput input =
                SyntheticReports.input("v1", new boolean[3], new double[3], new double[2]);

        assertThatThrownBy(() -> TrainingReport.write(dir.resolve("report.html"), input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 rule scores, 3 labels");
    }

    private String write(ReportInput input) throws IOException {
        Path file = dir.resolve("report.html");
        TrainingReport.write(file, input);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<BufferedImage> images(String html) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        Matcher png = PNG.matcher(html);
        while (png.find()) {
            byte[] bytes = Base64.getDecoder().decode(png.group(1));
            images.add(ImageIO.read(new ByteArrayInputStream(bytes)));
        }
        return images;
    }
}
