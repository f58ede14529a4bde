package io.occupancystream.deploy;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kinesis.Stream;
import software.amazon.awscdk.services.kinesis.StreamEncryption;
import software.amazon.awscdk.services.kinesis.StreamMode;
import software.constructs.Construct;

/**
 * The job's three Kinesis streams: readings in, results and dead letters out. Provisioned with a
 * fixed shard count (one shard takes 1,000 records/s, far above a building's thermostats, and costs
 * less than on-demand's minimum), encrypted with the AWS-managed key, which needs no KMS permission
 * in the roles.
 */
final class OccupancyStreams extends Construct {
    final Stream input;
    final Stream results;
    final Stream deadLetters;

    OccupancyStreams(Construct scope, String id, DeploySettings settings) {
        super(scope, id);
        input = stream("Input", settings.inputStream, settings);
        results = stream("Results", settings.resultsStream, settings);
        deadLetters = stream("DeadLetters", settings.deadLetterStream, settings);
    }

    private Stream stream(String id, String name, DeploySettings settings) {
        return Stream.Builder.create(this, id)
                .streamName(name)
                .streamMode(StreamMode.PROVISIONED)
                .shardCount(settings.shardsPerStream)
                .retentionPeriod(Duration.hours(settings.streamRetentionHours))
                .encryption(StreamEncryption.MANAGED)
                // Records are transient (results and dead letters are also counted by the job);
                // deleting the stack should stop the shard-hours being billed.
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
    }
}
