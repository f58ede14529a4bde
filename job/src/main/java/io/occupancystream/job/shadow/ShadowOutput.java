package io.occupancystream.job.shadow;

import io.occupancystream.job.outputs.OutputSink;
import io.occupancystream.job.results.Result;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Attaches the {@link ShadowUpdateSink} to the results. */
public final class ShadowOutput implements OutputSink<Result> {
    private final ShadowSettings settings;

    public ShadowOutput(ShadowSettings settings) {
        this.settings = settings;
    }

    @Override
    public void attach(DataStream<Result> results) {
        results.sinkTo(new ShadowUpdateSink(settings)).name("Device shadows").uid("shadow-updates");
    }
}
