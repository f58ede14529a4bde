package io.occupancystream.modelops.sagemaker;

import java.io.PrintWriter;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/**
 * Follows an endpoint that is being created or updated until it serves the new config, printing
 * each status. A blue/green rollback leaves it InService on the old config, which counts as a
 * failure, like the Failed and UpdateRollbackFailed statuses and running out of time.
 */
final class EndpointWaiter {
    private final SageMakerClient sageMaker;
    private final PromotionSettings settings;
    private final Pause pause;
    private final PrintWriter out;

    EndpointWaiter(
            SageMakerClient sageMaker, PromotionSettings settings, Pause pause, PrintWriter out) {
        this.sageMaker = sageMaker;
        this.settings = settings;
        this.pause = pause;
        this.out = out;
    }

    void awaitServing(String config) throws InterruptedException {
        long deadline = System.nanoTime() + settings.maxWait.toNanos();
        EndpointStatus last = null;
        while (true) {
            DescribeEndpointResponse e =
                    sageMaker.describeEndpoint(r -> r.endpointName(settings.endpointName));
            if (e.endpointStatus() != last) {
                last = e.endpointStatus();
                out.println("  endpoint " + settings.endpointName + ": " + last);
            }
            if (e.endpointStatus() == EndpointStatus.IN_SERVICE) {
                if (!config.equals(e.endpointConfigName())) {
                    throw new PromotionException(
                            "the deployment of "
                                    + config
                                    + " was rolled back; the endpoint still serves "
                                    + e.endpointConfigName()
                                    + reason(e));
                }
                return;
            }
            if (e.endpointStatus() == EndpointStatus.FAILED
                    || e.endpointStatus() == EndpointStatus.UPDATE_ROLLBACK_FAILED) {
                throw new PromotionException(
                        "endpoint " + settings.endpointName + " is " + last + reason(e));
            }
            if (System.nanoTime() > deadline) {
                throw new PromotionException(
                        "endpoint "
                                + settings.endpointName
                                + " still "
                                + last
                                + " after "
                                + settings.maxWait);
            }
            pause.pause(settings.pollInterval);
        }
    }

    private static String reason(DescribeEndpointResponse e) {
        return e.failureReason() == null ? "" : ": " + e.failureReason();
    }
}
