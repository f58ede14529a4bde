package io.occupancystream.devicesim;

import io.occupancystream.devicesim.delivery.DeliveryException;
import io.occupancystream.devicesim.localstack.LocalStackCommand;
import io.occupancystream.devicesim.replay.ReplayCommand;
import io.occupancystream.devicesim.roe.ImportRoeCommand;
import io.occupancystream.devicesim.simulate.SimulateCommand;
import io.occupancystream.devicesim.tail.TailCommand;
import io.occupancystream.devicesim.view.ViewCommand;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The {@code device-sim} command line: makes the thermostat readings that the job consumes.
 *
 * <p>Exit codes: 0 done, {@value #EXIT_BAD_INPUT} bad input data, an unreadable or unwritable file,
 * readings not delivered or an AWS error, 2 usage error.
 */
@Command(
        name = "device-sim",
        description = "Makes smart-thermostat readings for the occupancy-stream job.",
        subcommands = {
            ImportRoeCommand.class,
            SimulateCommand.class,
            ReplayCommand.class,
            TailCommand.class,
            ViewCommand.class,
            LocalStackCommand.class
        })
public final class DeviceSim implements Runnable {
    public static final int EXIT_BAD_INPUT = 1;

    @Spec CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit.")
    boolean helpRequested;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with device-sim's error handling, for main and for tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new DeviceSim()).setExecutionExceptionHandler(new BadInputHandler());
    }

    /** Bad input, file, delivery and AWS problems get a one-line message, not a stack trace. */
    private static final class BadInputHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(
                Exception ex, CommandLine commandLine, ParseResult parseResult) throws Exception {
            String message;
            if (ex instanceof InputDataException || ex instanceof DeliveryException) {
                message = ex.getMessage();
            } else if (ex instanceof NoSuchFileException) {
                message = "no such file: " + ex.getMessage();
            } else if (ex instanceof IOException) {
                message = ex.toString();
            } else if (ex instanceof SdkException) {
                message = ex.getMessage();
            } else {
                throw ex;
            }
            commandLine
                    .getErr()
                    .println("device-sim " + commandLine.getCommandName() + ": " + message);
            return EXIT_BAD_INPUT;
        }
    }
}
