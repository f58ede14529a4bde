package io.occupancystream.deploy;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.BootstraplessSynthesizer;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: the data stack, the application stack and the retraining stack, checked by cdk-nag's
 * AwsSolutions rules. Without an account and region in the environment (CDK_DEFAULT_ACCOUNT,
 * CDK_DEFAULT_REGION) the templates are environment-agnostic and take both from where they are
 * deployed.
 */
public final class DeployApp {
    public static final String DATA_STACK = "OccupancyData";
    public static final String APPLICATION_STACK = "OccupancyApplication";
    public static final String RETRAINING_STACK = "OccupancyRetraining";

    private DeployApp() {}

    public static void main(String[] args) {
        SynthCommand command;
        try {
            command = SynthCommand.parse(Arrays.asList(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("bin/deploy: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (command.help) {
            System.out.print(SynthCommand.usage());
            return;
        }
        App app =
                App.Builder.create()
                        .outdir(command.outDir)
                        .context(new LinkedHashMap<>(command.context))
                        .build();
        build(app, environment(System.getenv()));
        app.synth();
        System.out.println("Templates written to " + command.outDir);
        // jsii's Node process would otherwise keep the JVM alive for a while.
        System.exit(0);
    }

    /** Adds the stacks, configured from the app's context, to the app. */
    static ApplicationStack build(App app, Environment env) {
        DeploySettings settings = DeploySettings.of(context(app));
        DataStack data = new DataStack(app, DATA_STACK, props(env), settings);
        ApplicationStack application =
                new ApplicationStack(app, APPLICATION_STACK, props(env), settings);
        application.addStackDependency(data);
        new RetrainingStack(app, RETRAINING_STACK, props(env), settings).addStackDependency(data);
        Aspects.of(app).add(new AwsSolutionsChecks());
        return application;
    }

    /**
     * The stacks have no assets (the jars are uploaded by hand), so their templates carry no CDK
     * bootstrap parameter or rule: {@code aws cloudformation deploy} takes them in an account that
     * was never bootstrapped. (The CDK CLI still assumes its bootstrap deploy role.)
     */
    private static StackProps props(Environment env) {
        return StackProps.builder().env(env).synthesizer(new BootstraplessSynthesizer()).build();
    }

    static Environment environment(Map<String, String> variables) {
        return Environment.builder()
                .account(variables.get("CDK_DEFAULT_ACCOUNT"))
                .region(variables.get("CDK_DEFAULT_REGION"))
                .build();
    }

    /** The context keys that are settings; CDK's own (feature flags and the like) are left out. */
    private static Map<String, String> context(App app) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : DeploySettings.DEFAULTS.keySet()) {
            Object value = app.getNode().tryGetContext(key);
            if (value != null) {
                values.put(key, value.toString());
            }
        }
        return values;
    }
}
