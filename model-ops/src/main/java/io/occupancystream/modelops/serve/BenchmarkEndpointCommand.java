package io.occupancystream.modelops.serve;

import picocli.CommandLine.Command;

@Command(name = "BenchmarkEndpointCommand")
public final class BenchmarkEndpointCommand implements Runnable {
    @Override
    public void run() {}
}
