package io.occupancystream.modelops.evaluate;

import picocli.CommandLine.Command;

@Command(name = "EvaluateCommand")
public final class EvaluateCommand implements Runnable {
    @Override
    public void run() {}
}
