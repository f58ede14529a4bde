package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag's AwsSolutions pack finds nothing that is not suppressed with a reason. */
class NagTest {
    @Test
    void dataStackPassesAwsSolutions() {
        assertClean(Synthesized.DEFAULT.data);
    }

    @Test
    void applicationStackPassesAwsSolutions() {
        assertClean(Synthesized.DEFAULT.application);
    }

    @Test
    void retrainingStackPassesAwsSolutions() {
        assertClean(Synthesized.DEFAULT.retraining);
    }

    @Test
    void applicationStackWithShadowUpdatesPassesAwsSolutions() {
        assertClean(
                new Synthesized(
                                Map.of(
                                        "shadowEndpoint",
                                        "https://abc-ats.iot.eu-west-1.amazonaws.com"))
                        .application);
    }

    private static void assertClean(Stack stack) {
        Annotations annotations = Annotations.fromStack(stack);
        assertThat(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))).isEmpty();
        assertThat(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")))
                .isEmpty();
    }
}
