package io.occupancystream.job.outputs;

import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Where one of the pipeline's outputs goes. Production wires files, stdout or streams; tests wire
 * collecting sinks.
 */
@FunctionalInterface
public interface OutputSink<T> {
    void attach(DataStream<T> stream);
}
