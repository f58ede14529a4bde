package io.occupancystream.modelops;

import io.occupancystream.model.FeatureMismatchException;
import io.occupancystream.modelops.data.DescribeDataCommand;
import io.occupancystream.modelops.data.TrainingDataException;
import io.occupancystream.modelops.eval.EvaluateCommand;
import io.occupancystream.modelops.report.RunPageCommand;
import io.occupancystream.modelops.sagemaker.AutopilotCommand;
import io.occupancystream.modelops.sagemaker.DeployLocalModelCommand;
import io.occupancystream.modelops.sagemaker.PromotionException;
import io.occupancystream.modelops.sagemaker.RetrainCommand;
import io.occupancystream.modelops.serve.BenchmarkEndpointCommand;
import io.occupancystream.modelops.serve.ServeCommand;
import io.occupancystream.modelops.train.TrainCommand;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/** The model-ops command line: train, evaluate, serve and deploy occupancy models. */
@Command(
        name = "model-ops",
        mixinStandardHelpOptions = true,
        version = "occupancy-stream model-ops 0.1.0",
        description =
                "Trains, evaluates and serves occupancy models, offline or with SageMaker"
                        + " (Autopilot, model packages, endpoints with blue/green updates).",
        subcommands = {
            TrainCommand.class,
            DescribeDataCommand.class,
            EvaluateCommand.class,
            ServeCommand.class,
            BenchmarkEndpointCommand.class,
            AutopilotCommand.class,
            DeployLocalModelCommand.class,
            RetrainCommand.class,
            RunPageCommand.class
        })
public final class ModelOps implements Runnable {
    /** Exit code for unusable input: bad training data, a model for other features. */
    public static final int BAD_INPUT = 1;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with user errors reported as one line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ModelOps());
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof TrainingDataException
                            || e instanceof FeatureMismatchException
                            || e instanceof NoSuchFileException
                            || e instanceof PromotionException
                            || e instanceof SdkException) {
                        commandLine
                                .getErr()
                                .println(
                                        commandLine.getCommandSpec().qualifiedName()
                                                + ": "
                                                + message(e));
                        return BAD_INPUT;
                    }
                    throw e;
                });
        return cli;
    }

    private static String message(Exception e) {
        return e instanceof NoSuchFileException
                ? "no such file: " + e.getMessage()
                : e.getMessage();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }
}
