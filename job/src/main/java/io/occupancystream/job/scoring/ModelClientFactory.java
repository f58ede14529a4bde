package io.occupancystream.job.scoring;

import java.io.Serializable;

/** Opens a {@link ModelClient} in each parallel task; shipped to the task managers. */
@FunctionalInterface
public interface ModelClientFactory extends Serializable {
    ModelClient open() throws Exception;
}
