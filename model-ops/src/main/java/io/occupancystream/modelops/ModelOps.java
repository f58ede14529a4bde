package io.occupancystream.modelops;

import io.occupancystream.modelops.evaluate.EvaluateCommand;
import io.occupancystream.modelops.serve.BenchmarkEndpointCommand;
import io.occupancystream.modelops.serve.ServeCommand;
import io.occupancystream.modelops.train.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The model-ops command line: train, evaluate and serve occupancy models. */
@Command(
        name = "model-ops",
        mixinStandardHelpOptions = true,
        version = "occupancy-stream model-ops 0.1.0",
        description = "Trains, evaluates and serves occupancy models, offline.",
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            ServeCommand.class,
            BenchmarkEndpointCommand.class
        })
public final class ModelOps implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ModelOps()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }
}
