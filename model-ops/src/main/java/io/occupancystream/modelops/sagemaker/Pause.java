package io.occupancystream.modelops.sagemaker;

import java.time.Duration;

/** Waits between polls; tests replace it so that nothing sleeps. */
@FunctionalInterface
public interface Pause {
    Pause THREAD = d -> Thread.sleep(d.toMillis());

    void pause(Duration duration) throws InterruptedException;
}
