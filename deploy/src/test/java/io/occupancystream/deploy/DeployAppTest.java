package io.occupancystream.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;

class DeployAppTest {
    @Test
    void synthWithoutAnAccountWritesTemplatesThatTakeRegionAndAccountWhereDeployed(
            @TempDir Path out) throws IOException {
        App app = App.Builder.create().outdir(out.toString()).build();
        DeployApp.build(app, DeployApp.environment(Map.of()));
        app.synth();

        JsonNode data = read(out.resolve(DeployApp.DATA_STACK + ".template.json"));
        JsonNode application = read(out.resolve(DeployApp.APPLICATION_STACK + ".template.json"));
        JsonNode retraining = read(out.resolve(DeployApp.RETRAINING_STACK + ".template.json"));
        assertThat(data.path("Resources").size()).isEqualTo(12);
        assertThat(application.path("Resources").size()).isEqualTo(10);
        List<String> retrainingTypes = new ArrayList<>();
        retraining.path("Resources").forEach(r -> retrainingTypes.add(r.path("Type").asText()));
        assertThat(retrainingTypes)
                .containsExactlyInAnyOrder(
                        "AWS::SNS::Topic",
                        "AWS::SNS::TopicPolicy",
                        "AWS::Logs::LogGroup",
                        "AWS::IAM::Role",
                        "AWS::IAM::Policy",
                        "AWS::Lambda::Function",
                        "AWS::Logs::LogGroup",
                        "AWS::IAM::Role",
                        "AWS::IAM::Policy",
                        "AWS::StepFunctions::StateMachine",
                        "AWS::IAM::Role",
                        "AWS::IAM::Policy",
                        "AWS::Scheduler::Schedule");
        JsonNode kinesis = application.findValue("PropertyGroups").get(1).path("PropertyMap");
        assertThat(kinesis.path("region").toString()).isEqualTo("{\"Ref\":\"AWS::Region\"}");
        // Plain CloudFormation takes them: no bootstrap version parameter or rule.
        assertThat(data.has("Parameters")).isFalse();
        assertThat(application.has("Rules")).isFalse();
        JsonNode artifacts = read(out.resolve("manifest.json")).path("artifacts");
        for (String stack : List.of(DeployApp.APPLICATION_STACK, DeployApp.RETRAINING_STACK)) {
            assertThat(artifacts.path(stack).path("dependencies").toString())
                    .as(stack)
                    .isEqualTo("[\"" + DeployApp.DATA_STACK + "\"]");
        }
    }

    @Test
    void environmentComesFromTheCdkVariables() {
        assertThat(
                        DeployApp.environment(
                                        Map.of(
                                                "CDK_DEFAULT_ACCOUNT", "111122223333",
                                                "CDK_DEFAULT_REGION", "us-east-1"))
                                .getRegion())
                .isEqualTo("us-east-1");
        assertThat(DeployApp.environment(Map.of()).getAccount()).isNull();
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file));
    }
}
