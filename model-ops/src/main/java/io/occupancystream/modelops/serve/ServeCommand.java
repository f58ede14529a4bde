package io.occupancystream.modelops.serve;

import picocli.CommandLine.Command;

@Command(name = "ServeCommand")
public final class ServeCommand implements Runnable {
    @Override
    public void run() {}
}
