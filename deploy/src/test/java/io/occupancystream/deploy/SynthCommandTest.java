package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SynthCommandTest {
    @Test
    void contextPairsAndOutFolderAreRead() {
        SynthCommand command =
                SynthCommand.parse(
                        List.of(
                                "--default-out",
                                "deploy/cdk.out",
                                "synth",
                                "--context",
                                "endpointName=other",
                                "-c",
                                "shardsPerStream=2",
                                "--out",
                                "elsewhere"),
                        Map.of("CDK_OUTDIR", "from-cli"));
        assertThat(command.context)
                .containsExactly(
                        Map.entry("endpointName", "other"), Map.entry("shardsPerStream", "2"));
        assertThat(command.outDir).isEqualTo("elsewhere");
    }

    @Test
    void cdkCliOutFolderWinsOverTheLaunchersDefault() {
        assertThat(
                        SynthCommand.parse(
                                        List.of("--default-out", "deploy/cdk.out", "synth"),
                                        Map.of("CDK_OUTDIR", "from-cli"))
                                .outDir)
                .isEqualTo("from-cli");
        assertThat(SynthCommand.parse(List.of("--default-out", "d", "synth"), Map.of()).outDir)
                .isEqualTo("d");
    }

    @Test
    void unknownContextKeyIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(
                        () ->
                                SynthCommand.parse(
                                        List.of("synth", "--context", "endpointname=x"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown context key 'endpointname'; known keys: ")
                .hasMessageContaining("endpointName");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                SynthCommand.parse(
                                        List.of("synth", "-c", "shardsPerStream=0"), Map.of()))
                .hasMessage("context shardsPerStream=0 is not a positive whole number");
        assertThatThrownBy(
                        () ->
                                SynthCommand.parse(
                                        List.of("synth", "-c", "fallbackRateThreshold=5"),
                                        Map.of()))
                .hasMessage("context fallbackRateThreshold=5 is not a fraction between 0 and 1");
        assertThatThrownBy(
                        () ->
                                SynthCommand.parse(
                                        List.of("synth", "-c", "autoScaling=yes"), Map.of()))
                .hasMessage("context autoScaling=yes is not true or false");
        assertThatThrownBy(() -> SynthCommand.parse(List.of("synth", "-c", "novalue"), Map.of()))
                .hasMessage("--context takes key=value, not 'novalue'");
    }

    @Test
    void withoutSynthItSaysHowToUseIt() {
        assertThatThrownBy(() -> SynthCommand.parse(List.of(), Map.of()))
                .hasMessageStartingWith("no command\nUsage: bin/deploy synth");
        assertThat(SynthCommand.parse(List.of("--help"), Map.of()).help).isTrue();
        assertThat(SynthCommand.usage())
                .contains("  jarKey = artifacts/job-0.1.0-SNAPSHOT-msf.jar\n")
                .contains("  bucketName = (empty)\n")
                .contains("  endpointName = roomOccupancyEndpoint\n");
    }
}
