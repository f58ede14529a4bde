package io.occupancystream.job.shadow;

import java.io.Serializable;

/** Where and how the job updates device shadows with its decisions. */
public final class ShadowSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public final String endpoint;
    public final String region;
    public final String shadowName;
    public final int maxInFlight;

    public ShadowSettings(String endpoint, String region, String shadowName, int maxInFlight) {
        this.endpoint = endpoint;
        this.region = region;
        this.shadowName = shadowName;
        this.maxInFlight = maxInFlight;
    }
}
