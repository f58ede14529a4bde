package io.occupancystream.job.scoring;

import io.occupancystream.job.aws.AwsFailure;
import io.occupancystream.job.features.Feature;
import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.features.RecentReadings;
import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.results.FallbackReason;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;

/**
 * The start-up check of endpoint scoring: one real InvokeEndpoint, with a feature row built by the
 * code that builds every request, before the job graph is submitted. A failure that no retry can
 * fix (no region, no credentials, credentials refused, access denied, no such endpoint) stops the
 * start with a message naming what is missing; any other failure (throttling, 5xx, the endpoint
 * unreachable or slow) is only logged, since the job itself rides those out with the rule.
 *
 * <p>It runs where the job's {@code main} runs: locally, in the launching JVM; on MSF, on the
 * JobManager, with the application's service execution role, the same role the tasks use.
 */
public final class EndpointCheck {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointCheck.class);

    private final EndpointSettings settings;
    private final double threshold;
    private final Duration timeout;

    /**
     * @param timeout how long to wait for the answer; a slower endpoint is logged, not refused
     */
    public EndpointCheck(EndpointSettings settings, double threshold, Duration timeout) {
        this.settings = settings;
        this.threshold = threshold;
        this.timeout = timeout;
    }

    /**
     * Calls the endpoint once.
     *
     * @throws EndpointUnusableException if no retry could make the call succeed
     */
    public void run() throws EndpointUnusableException {
        EndpointModelClient client;
        try {
            client = EndpointModelClient.open(settings, threshold);
        } catch (SdkClientException e) {
            // the SDK found no region: "Unable to load region from any of the providers ..."
            throw new EndpointUnusableException(
                    "no AWS region for endpoint "
                            + settings.name
                            + ": set scoring.endpoint.region, or AWS_REGION (or a profile's"
                            + " region) for the AWS SDK's default region chain. AWS SDK: "
                            + e.getMessage());
        }
        try (client) {
            ModelAnswer answer =
                    client.score(List.of(probeRow()))
                            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(
                    "Endpoint check: {} in {} answered (model version {})",
                    settings.name,
                    client.region(),
                    answer.modelVersion);
        } catch (ExecutionException e) {
            FallbackReason reason = ModelFailure.classify(e);
            if (reason.isPermanent()) {
                throw new EndpointUnusableException(
                        explain(reason, client.region(), AwsFailure.describe(e)));
            }
            LOG.warn(
                    "Endpoint check: {} did not answer ({}: {}); starting anyway, readings fall"
                            + " back to the rule while it fails",
                    settings.name,
                    reason,
                    AwsFailure.describe(e));
        } catch (TimeoutException e) {
            LOG.warn(
                    "Endpoint check: {} did not answer within {}; starting anyway",
                    settings.name,
                    timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointUnusableException("interrupted while checking the endpoint");
        }
    }

    private String explain(FallbackReason reason, Region region, String failure) {
        switch (reason) {
            case NO_CREDENTIALS:
                return "no AWS credentials to call endpoint "
                        + settings.name
                        + ": the AWS SDK's default chain found none (environment variables"
                        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, Java system properties,"
                        + " a web identity token, a profile in ~/.aws, a container or instance"
                        + " role; on MSF, the application's service execution role). "
                        + failure;
            case INVALID_CREDENTIALS:
                return "AWS refused the credentials used to call endpoint "
                        + settings.name
                        + " (unknown, expired or wrongly signed): renew them. "
                        + failure;
            case ACCESS_DENIED:
                return "the credentials' identity may not call endpoint "
                        + settings.name
                        + ": it needs permission sagemaker:InvokeEndpoint on "
                        + endpointArn(region)
                        + ". "
                        + failure;
            case ENDPOINT_NOT_FOUND:
                return "no endpoint "
                        + settings.name
                        + " in region "
                        + region
                        + " of the caller's account: check scoring.endpoint.name and"
                        + " scoring.endpoint.region (empty: the AWS default region chain). "
                        + failure;
            default:
                throw new IllegalArgumentException(reason + " is not a permanent failure");
        }
    }

    /** The endpoint's ARN as IAM policies name it (SageMaker lower-cases names in ARNs). */
    private String endpointArn(Region region) {
        String partition = region.metadata() == null ? "aws" : region.metadata().partition().id();
        return "arn:"
                + partition
                + ":sagemaker:"
                + region.id()
                + ":ACCOUNT_ID:endpoint/"
                + settings.name.toLowerCase(Locale.ROOT);
    }

    /**
     * A valid request row: an unoccupied room's first reading, its own quiet floor, through the
     * job's feature code.
     */
    static String probeRow() {
        Reading reading = new Reading("startup-check", 0, 21.0, 0.0, HvacStatus.STANDBY, null);
        return FeatureCsv.features(
                Feature.vector(new RecentReadings(reading, List.of(), reading.sound)));
    }
}
