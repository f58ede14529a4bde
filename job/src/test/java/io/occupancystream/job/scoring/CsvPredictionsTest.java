package io.occupancystream.job.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading text/csv inference answers: one prediction per row sent, or a BadResponseException. */
class CsvPredictionsTest {
    private static final double THRESHOLD = 0.5;
    private static final String VERSION = "occupancy-xgb-test";

    /**
     * AWS, SageMaker Developer Guide, "Configure inference output in generated containers": for an
     * ensembling model {@code probability} is "the probability of the predicted_label" (for an HPO
     * model, the positive class's). So {@code false,0.88} is P(occupied) 0.12. Labels are read in
     * any case.
     */
    @Test
    void labelAndProbabilityLinesGiveTheNegativeLabelsComplement() {
        ModelAnswer answer = parse("true,0.93\nfalse,0.88\nFALSE,0.61\nTrue,0.2\n", 4);

        assertThat(answer.occupied).containsExactly(true, false, false, true);
        assertThat(answer.probabilities).containsExactly(0.93f, 0.12f, 0.39f, 0.2f);
        assertThat(answer.modelVersion).isEqualTo(VERSION);
        assertThat(answer.rows()).isEqualTo(4);
    }

    @Test
    void numericLabelsAndCrLfLineBreaksAndSpacesAreRead() {
        ModelAnswer answer = parse("1, 0.9\r\n0 ,0.9\r\n1.0,0.7\r\n0.0,0.75\r\n", 4);

        assertThat(answer.occupied).containsExactly(true, false, true, false);
        assertThat(answer.probabilities).containsExactly(0.9f, 0.1f, 0.7f, 0.25f);
    }

    /**
     * The same page's example: asked for {@code ['predicted_label', 'probability', 'probabilities',
     * 'labels']} a container answers {@code [1, 0.1, "[0.9, 0.1]", "['1', '0']"]}; "probabilities
     * lists the probability of each label in labels", and probability is 0.1 for an HPO model (the
     * positive class '0') but 0.9 for an ensembling one. P(occupied) is the probabilities entry of
     * the positive label, so both read 0.9.
     */
    @Test
    void theDocsExampleIsReadFromTheLabelList() {
        ModelAnswer answer =
                parse(
                        "1,0.1,\"[0.9, 0.1]\",\"['1', '0']\"\n0,0.9,\"[0.1, 0.9]\",\"['1', '0']\"",
                        2);

        assertThat(answer.occupied).containsExactly(true, false);
        assertThat(answer.probabilities).containsExactly(0.9f, 0.1f);
    }

    /**
     * The page fixes neither the labels' order nor their spelling (ours: true/false, as the
     * training CSV has them) nor the lists' quoting beyond its example, so every such form reads
     * alike, including without probability (its HPO example asks for {@code
     * predicted_label,probabilities,labels}) and without predicted_label (its SDK example asks for
     * {@code probabilities,labels}; the threshold then labels).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "false,0.7,\"[0.7, 0.3]\",\"['false', 'true']\"",
                "false,0.3,\"[0.3, 0.7]\",\"['true', 'false']\"",
                "False,0.7,\"[0.7, 0.3]\",\"['False', 'True']\"",
                "FALSE,0.7,\"[0.7,0.3]\",\"[\"FALSE\",\"TRUE\"]\"",
                "false,0.7,\"[0.7, 0.3]\",\"[\"\"false\"\", \"\"true\"\"]\"",
                "false,0.7,[0.7, 0.3],['false', 'true']",
                "0,0.7,\"[0.7, 0.3]\",\"[0, 1]\"",
                "0.0,0.7,\"[0.7, 0.3]\",\"['0.0', '1.0']\"",
                "false,\"[0.7, 0.3]\",\"['false', 'true']\"",
                "\"[0.7, 0.3]\",\"['false', 'true']\"",
                " false , 0.7 , \"[ 0.7 , 0.3 ]\" , \"[ 'false' , 'true' ]\" "
            })
    void everyListFormGivesTheProbabilityOfThePositiveLabel(String line) {
        ModelAnswer answer = parse(line + "\n" + line, 2);

        assertThat(answer.occupied).containsExactly(false, false);
        assertThat(answer.probabilities).containsExactly(0.3f, 0.3f);
    }

    @Test
    void bareProbabilitiesAreLabelledByTheThreshold() {
        ModelAnswer answer = parse("0.7\n0.2\n0.5\n0.49999\n", 4);

        assertThat(answer.occupied).containsExactly(true, false, true, false);
        assertThat(answer.probabilities).containsExactly(0.7f, 0.2f, 0.5f, 0.49999f);
    }

    @Test
    void bareProbabilitiesOnOneCommaSeparatedLineAreOnePerRow() {
        ModelAnswer answer = parse("0.7,0.2,0.5\n", 3);

        assertThat(answer.occupied).containsExactly(true, false, true);
        assertThat(answer.probabilities).containsExactly(0.7f, 0.2f, 0.5f);
    }

    @Test
    void oneRowAnswersInEitherForm() {
        assertThat(parse("false,0.8", 1).occupied).containsExactly(false);
        assertThat(parse("false,0.8", 1).probabilities).containsExactly(0.2f);
        assertThat(parse("0.8", 1).occupied).containsExactly(true);
        assertThat(parse("0.8", 1).probabilities).containsExactly(0.8f);
    }

    @ParameterizedTest(name = "{1} rows sent, answer \"{0}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "true,0.9\\nfalse,0.1\\ntrue,0.8 | 2 | 2 rows sent, 3 answered",
                "true,0.9 | 3 | 3 rows sent, 1 answered",
                "0.9\\n0.1 | 3 | 3 rows sent, 2 answered",
                "0.9,0.1 | 3 | 3 rows sent, 1 answered"
            })
    void anotherNumberOfLinesThanRowsIsABadResponse(String body, int rows, String message) {
        BadResponseException e = badResponse(body.replace("\\n", "\n"), rows);

        assertThat(e).hasMessage(message);
    }

    @Test
    void unreadableAnswersAreBadResponsesNamingTheLine() {
        assertThat(badResponse("<html>Bad Gateway</html>", 1))
                .hasMessage("line 1 has no probability in [0, 1]: <html>Bad Gateway</html>");
        assertThat(badResponse("true,0.9\nfalse,zero", 2))
                .hasMessage("line 2 has no probability in [0, 1]: false,zero");
        assertThat(badResponse("true,0.9\nmaybe,0.5", 2)).hasMessage("line 2 has label 'maybe'");
        assertThat(badResponse("true,0.9,0.8", 1))
                .hasMessage(
                        "line 1 is not [predicted_label,[probability,]]probabilities,labels,"
                                + " predicted_label,probability or a probability: true,0.9,0.8");
        assertThat(badResponse("", 1)).hasMessage("line 1 has no probability in [0, 1]: ");
        assertThat(badResponse("{\"predictions\":[{\"probability\":\"0.9\"}]}", 1))
                .isInstanceOf(BadResponseException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "true,0.9,\"[0.1, 0.9]\" | line 1 is not"
                        + " [predicted_label,[probability,]]probabilities,labels,"
                        + " predicted_label,probability or a probability: true,0.9,\"[0.1, 0.9]\"",
                "true,\"[0.1, 0.9]\",\"['false', 'true']\",0.9 | line 1 has a value after a list: "
                        + "true,\"[0.1, 0.9]\",\"['false', 'true']\",0.9",
                "true,\"[0.1, 0.9, 0]\",\"['false', 'true']\" | line 1 has 3 probabilities for 2"
                        + " labels",
                "true,\"[0.1, 0.9]\",\"['no', 'yes']\" | line 1 has label 'no'",
                "true,\"[0.1, 0.9]\",\"['0', '0']\" | line 1 has no positive label: ['0', '0']",
                "true,\"[0.1, 0.9]\",\"['1', 'True']\" | line 1 has two positive labels: ['1',"
                        + " 'True']",
                "true,\"[0.1, 1.9]\",\"['false', 'true']\" | line 1 has no probability in [0, 1]:"
                        + " [0.1, 1.9]",
                "maybe,\"[0.1, 0.9]\",\"['false', 'true']\" | line 1 has label 'maybe'"
            })
    void listsThatDoNotSettlePOccupiedAreBadResponses(String line, String message) {
        assertThat(badResponse(line, 1)).hasMessage(message);
    }

    /**
     * A probability must be one: NaN, an infinity, a number outside [0, 1] or Java's hexadecimal
     * float syntax is not a readable prediction, although {@code Float.parseFloat} accepts all of
     * them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"true,NaN", "NaN", "Infinity", "true,1.7", "-0.2", "false,0x1p-1"})
    void aProbabilityThatIsNoProbabilityIsABadResponse(String body) {
        assertThat(badResponse(body, 1)).isInstanceOf(BadResponseException.class);
    }

    private static ModelAnswer parse(String body, int rows) {
        return CsvPredictions.parse(
                body.getBytes(StandardCharsets.UTF_8), rows, THRESHOLD, VERSION);
    }

    private static BadResponseException badResponse(String body, int rows) {
        return catchThrowableOfType(() -> parse(body, rows), BadResponseException.class);
    }
}
