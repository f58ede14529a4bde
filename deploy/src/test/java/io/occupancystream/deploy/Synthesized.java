package io.occupancystream.deploy;

import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.assertions.Template;

/**
 * The stacks synthesized once per context, in a fixed account and region so that ARNs read as
 * literals. Synthesis starts jsii's Node process, so the tests share one.
 */
final class Synthesized {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String BUCKET = "occupancy-stream-" + ACCOUNT + "-" + REGION;

    static final Synthesized DEFAULT = new Synthesized(Map.of());

    final DataStack data;
    final ApplicationStack application;
    final RetrainingStack retraining;
    final Template dataTemplate;
    final Template applicationTemplate;
    final Template retrainingTemplate;

    Synthesized(Map<String, String> context) {
        App app = App.Builder.create().context(Map.copyOf(context)).build();
        application =
                DeployApp.build(app, Environment.builder().account(ACCOUNT).region(REGION).build());
        data = (DataStack) app.getNode().findChild(DeployApp.DATA_STACK);
        retraining = (RetrainingStack) app.getNode().findChild(DeployApp.RETRAINING_STACK);
        dataTemplate = Template.fromStack(data);
        applicationTemplate = Template.fromStack(application);
        retrainingTemplate = Template.fromStack(retraining);
    }
}
