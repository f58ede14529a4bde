package io.occupancystream.modelops.sagemaker;

import java.io.PrintWriter;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.EndpointStatus;

/**
 * Follows an endpoint that is being created or updated until it serves the new config, printing
 * each status; a failure ({@link EndpointProgress}) or running out of time throws.
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
            EndpointProgress look = EndpointProgress.look(sageMaker, settings.endpointName, config);
            if (look.status() != last) {
                last = look.status();
                out.println("  endpoint " + settings.endpointName + ": " + last);
            }
            if (look.state() == EndpointProgress.State.SERVING) {
                return;
            }
            if (look.state() == EndpointProgress.State.FAILED) {
                throw new PromotionException(look.message());
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
}
