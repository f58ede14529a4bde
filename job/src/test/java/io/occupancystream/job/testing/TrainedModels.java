package io.occupancystream.job.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.occupancystream.job.JobSettings;
import io.occupancystream.job.OccupancyPipeline;
import io.occupancystream.job.PipelineOutputs;
import io.occupancystream.job.features.FeatureCsv;
import io.occupancystream.job.scoring.RuleScorer;
import io.occupancystream.job.scoring.ScoringStage;
import io.occupancystream.job.training.TrainingSetWriter;
import io.occupancystream.model.ModelArtifact;
import io.occupancystream.model.ModelCard;
import io.occupancystream.modelops.data.TrainingSet;
import io.occupancystream.modelops.data.TrainingSetReader;
import io.occupancystream.modelops.train.ModelTrainer;
import io.occupancystream.modelops.train.Objective;
import io.occupancystream.modelops.train.Progress;
import io.occupancystream.modelops.train.TrainedModel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Real models for the scoring tests, built once per JVM: the job itself replays a simulated
 * recording ({@link VariedReadings}) with rule scoring and writes its training sets, and model-ops
 * trains an XGBoost model on them. Its features are therefore the job's {@code Feature.columns()}.
 * Also a copy of that model whose {@code model.json} lists other features.
 *
 * <p>The first call runs a Flink job: from a MiniCluster test it runs there, elsewhere on a local
 * environment. The directory lives in {@code java.io.tmpdir}, one per JVM, and is deleted at exit.
 *
 * <p>The model directory holds {@code model.json} and {@code model.tar.gz} only, and the archive is
 * written here rather than by {@code TrainedModel.writeTo}: on the job's class path
 * commons-compress meets Flink's older commons-lang3, so its tar writer fails (reading works), and
 * the report needs chart libraries the job excludes.
 */
public final class TrainedModels {
    /** 2017-12-22T05:00:00Z. */
    public static final long START = 1513918800L;

    /** Feature names of {@link #withOtherFeatures()} that the job does not send. */
    public static final List<String> OTHER_FEATURES = List.of("humidity", "co2_ppm");

    private static final int DEVICES = 3;
    private static final int STEPS = 300;
    private static final long SEED = 42;

    private static Path root;
    private static Path model;
    private static Path otherFeatures;

    private TrainedModels() {}

    /** A model directory trained on the job's own training sets. */
    public static synchronized Path model() {
        if (model == null) {
            try {
                model = build(root().resolve("model"));
            } catch (Exception e) {
                throw new IllegalStateException("building the test model failed", e);
            }
        }
        return model;
    }

    /**
     * The same model, but its {@code model.json} lists {@link #OTHER_FEATURES} in place of the
     * job's last two features (hvac_cooling, hvac_standby).
     */
    public static synchronized Path withOtherFeatures() {
        if (otherFeatures == null) {
            try {
                Path source = model();
                Path dir = Files.createDirectories(root().resolve("other-features"));
                Files.copy(source.resolve(ModelArtifact.FILE), dir.resolve(ModelArtifact.FILE));
                ObjectMapper json = new ObjectMapper();
                ObjectNode card =
                        (ObjectNode) json.readTree(source.resolve(ModelCard.FILE).toFile());
                ArrayNode features = (ArrayNode) card.get("features");
                int size = features.size();
                features.remove(size - 1);
                features.remove(size - 2);
                OTHER_FEATURES.forEach(features::add);
                json.writeValue(dir.resolve(ModelCard.FILE).toFile(), card);
                otherFeatures = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return otherFeatures;
    }

    private static Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("occupancy-stream-test-models-");
            Path dir = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        }
        return root;
    }

    private static Path build(Path modelDir) throws Exception {
        Path training = root().resolve("training");
        JobSettings config =
                JobSettings.withOverrides(List.of("output.path=" + root().resolve("out")));
        RuleScorer rule = config.scoring.rule();
        List<String> recording = VariedReadings.recording(DEVICES, STEPS, SEED);
        StreamExecutionEnvironment env = MiniClusters.environment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        new OccupancyPipeline(
                        config,
                        e -> e.fromData(recording),
                        ScoringStage.of(rule),
                        rule,
                        new PipelineOutputs(
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new CollectingSink<>(),
                                new TrainingSetWriter(training.toString(), Duration.ofHours(1))),
                        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build(env);
        env.execute("training sets for the test model");

        TrainingSet rows = new TrainingSetReader(FeatureCsv.TARGET, null, null).read(training);
        TrainedModel trained =
                new ModelTrainer(2, 7, Objective.F1, 2)
                        .train(rows, "simulated recording", Progress.NONE);
        // The scoring tests hold each result's decision against its probability and the card's
        // threshold; the device and room rules chosen for this set would latch it over time, which
        // the rooms stage's own tests cover.
        trained.card.decision = null;
        trained.card.room = null;
        Files.createDirectories(modelDir);
        writeArtifact(modelDir.resolve(ModelArtifact.FILE), trained.xgboostModel);
        trained.card.write(modelDir);
        return modelDir;
    }

    /** {@code model.tar.gz} with the one entry {@link ModelArtifact#ENTRY}, as a ustar archive. */
    private static void writeArtifact(Path file, byte[] model) throws IOException {
        byte[] header = new byte[512];
        put(header, 0, ModelArtifact.ENTRY);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", model.length));
        put(header, 136, "00000000000");
        Arrays.fill(header, 148, 156, (byte) ' ');
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        header[154] = 0;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(header);
            out.write(model);
            out.write(new byte[(512 - model.length % 512) % 512]);
            out.write(new byte[1024]);
        }
    }

    private static void put(byte[] header, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
