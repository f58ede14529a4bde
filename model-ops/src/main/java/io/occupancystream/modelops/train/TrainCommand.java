package io.occupancystream.modelops.train;

import picocli.CommandLine.Command;

@Command(name = "TrainCommand")
public final class TrainCommand implements Runnable {
    @Override
    public void run() {}
}
