package io.occupancystream.devicesim.view;

import io.occupancystream.devicesim.DurationConverter;
import io.occupancystream.devicesim.delivery.Pacer;
import io.occupancystream.devicesim.kinesis.KinesisOptions;
import io.occupancystream.devicesim.tail.StreamTail;
import io.occupancystream.devicesim.tail.TailCommand;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** {@code device-sim view}: a live web page of the rooms, from the job's outputs. */
@Command(
        name = "view",
        description = {
            "Serves a live page of the rooms on http://127.0.0.1:PORT/ from the job's results and"
                    + " dead letters: a run's output folder (--folder), the Kinesis streams"
                    + " (--results-stream, --dead-letter-stream) and/or the device shadows"
                    + " (--shadows). The page updates itself as results come. Runs until Ctrl-C."
        })
public final class ViewCommand implements Callable<Integer> {
    static final Duration FOLDER_POLL = Duration.ofSeconds(1);
    static final Duration PUSH = Duration.ofMillis(500);

    @Spec CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8088",
            description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(
            names = "--folder",
            paramLabel = "DIR",
            description =
                    "A run's output folder (the job's output.path: a replay's --out, out by"
                            + " default): follows its results/ and dead-letters/ part files"
                            + " as the job commits them.")
    Path folder;

    @Option(
            names = "--results-stream",
            paramLabel = "NAME",
            description = "The job's results stream (e.g. occupancy-results).")
    String resultsStream;

    @Option(
            names = "--dead-letter-stream",
            paramLabel = "NAME",
            description = "The job's dead-letter stream (e.g. occupancy-dead-letters).")
    String deadLetterStream;

    @Option(
            names = "--from",
            paramLabel = "POSITION",
            defaultValue = "LATEST",
            description =
                    "Where to start reading the streams: LATEST (only new records) or"
                            + " TRIM_HORIZON (the oldest kept) (default: ${DEFAULT-VALUE}).")
    TailCommand.From from;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description =
                    "AWS region of the streams and shadows (default: the SDK's region chain,"
                            + " AWS_REGION).")
    String region;

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description =
                    "Kinesis endpoint to use instead of AWS's, e.g. the local stack's"
                            + " http://127.0.0.1:4567.")
    URI kinesisEndpoint;

    @Option(
            names = "--shadows",
            paramLabel = "THING",
            split = ",",
            description =
                    "Things whose device shadows to read with GetThingShadow (the room decision"
                            + " the job wrote), e.g. roe-s1,roe-s2.")
    List<String> shadowThings;

    @Option(
            names = "--shadow-endpoint",
            paramLabel = "URL",
            description =
                    "The account's IoT data endpoint, https://PREFIX-ats.iot.REGION.amazonaws.com"
                            + " (aws iot describe-endpoint --endpoint-type iot:Data-ATS).")
    URI shadowEndpoint;

    @Option(
            names = "--shadow-name",
            paramLabel = "NAME",
            description = "A named shadow (default: the classic shadow, what the job writes).")
    String shadowName;

    @Option(
            names = "--shadow-interval",
            paramLabel = "DURATION",
            defaultValue = "5s",
            converter = DurationConverter.class,
            description = "How often to read the shadows (default: ${DEFAULT-VALUE}).")
    Duration shadowInterval;

    @Option(
            names = "--bucket",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Event time per point of a room's timeline (default: ${DEFAULT-VALUE}).")
    Duration bucket;

    @Option(
            names = "--timeline",
            paramLabel = "DURATION",
            defaultValue = "2h",
            converter = DurationConverter.class,
            description =
                    "Event time a room's timeline keeps, at most 10,000 buckets"
                            + " (default: ${DEFAULT-VALUE}).")
    Duration timeline;

    @Option(
            names = "--recent",
            paramLabel = "DURATION",
            defaultValue = "1m",
            converter = DurationConverter.class,
            description =
                    "The window of the recent fallback rate and dead letters"
                            + " (default: ${DEFAULT-VALUE}).")
    Duration recent;

    @Override
    public Integer call() throws Exception {
        try (LiveView view = start()) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Live view: " + view.url() + " (Ctrl-C stops)");
            out.flush();
            new CountDownLatch(1).await();
        }
        return 0;
    }

    /** Starts the server and the followers of every source given. */
    LiveView start() {
        if (folder == null
                && resultsStream == null
                && deadLetterStream == null
                && shadowThings == null) {
            throw usage(
                    "give --folder DIR, --results-stream NAME, --dead-letter-stream NAME or"
                            + " --shadows THING,...");
        }
        if (shadowThings != null && shadowEndpoint == null) {
            throw usage(
                    "--shadows needs --shadow-endpoint URL (aws iot describe-endpoint"
                            + " --endpoint-type iot:Data-ATS)");
        }
        RoomBoard board;
        try {
            board =
                    new RoomBoard(
                            new ViewSettings(bucket, timeline, recent), System::currentTimeMillis);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        boolean streams = resultsStream != null || deadLetterStream != null;
        KinesisClient kinesis = streams ? kinesisClient() : null;
        IotDataPlaneClient iotData = shadowThings != null ? iotDataClient() : null;
        LiveView view = new LiveView(new ViewServer(board, PUSH).start(port));
        if (folder != null) {
            followFolder(view, board, "results", board::addResult);
            followFolder(
                    view,
                    board,
                    "dead-letters",
                    (source, line, arrival) -> board.addDeadLetter(source, line));
        }
        if (kinesis != null) {
            view.closeLater(kinesis);
            followStream(view, board, kinesis, resultsStream, board::addResult);
            followStream(
                    view,
                    board,
                    kinesis,
                    deadLetterStream,
                    (source, line, arrival) -> board.addDeadLetter(source, line));
        }
        if (iotData != null) {
            view.closeLater(iotData);
            ShadowReader reader =
                    new ShadowReader(
                            iotData, shadowName, shadowThings, board, System::currentTimeMillis);
            view.follow(
                    new PollLoop(
                            "shadows at " + shadowEndpoint,
                            reader,
                            board,
                            shadowInterval,
                            Pacer.Sleeper.THREAD));
        }
        return view;
    }

    /** Where a source's lines go on the board. */
    private interface BoardInput {
        void add(String source, String line, long arrivalMillis);
    }

    private void followFolder(LiveView view, RoomBoard board, String output, BoardInput input) {
        Path outputFolder = folder.resolve(output);
        String source = "folder " + outputFolder;
        view.follow(
                new PollLoop(
                        source,
                        new FolderFollower(
                                outputFolder, (line, arrival) -> input.add(source, line, arrival)),
                        board,
                        FOLDER_POLL,
                        Pacer.Sleeper.THREAD));
    }

    private void followStream(
            LiveView view,
            RoomBoard board,
            KinesisClient kinesis,
            String stream,
            BoardInput input) {
        if (stream == null) {
            return;
        }
        String source = "stream " + stream;
        StreamTail tail = new StreamTail(kinesis, stream, System::nanoTime, Pacer.Sleeper.THREAD);
        view.follow(
                new PollLoop(
                        source,
                        new KinesisFollower(
                                tail,
                                ShardIteratorType.fromValue(from.name()),
                                (line, arrival) -> input.add(source, line, arrival)),
                        board,
                        StreamTail.POLL,
                        Pacer.Sleeper.THREAD));
    }

    private KinesisClient kinesisClient() {
        try {
            return KinesisOptions.newClient(region, kinesisEndpoint);
        } catch (SdkClientException e) {
            throw usage("cannot make a Kinesis client (give --region REGION?): " + e.getMessage());
        }
    }

    private IotDataPlaneClient iotDataClient() {
        try {
            return AwsEndpoint.of(region, shadowEndpoint)
                    .configure(IotDataPlaneClient.builder())
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        } catch (SdkClientException e) {
            throw usage(
                    "cannot make an IoT data client (give --region REGION?): " + e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
