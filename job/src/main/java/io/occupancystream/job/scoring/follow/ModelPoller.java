package io.occupancystream.job.scoring.follow;

import io.occupancystream.job.features.Feature;
import io.occupancystream.job.metrics.CloudWatchNames;
import io.occupancystream.job.metrics.MetricName;
import io.occupancystream.job.metrics.MsfMetricGroup;
import io.occupancystream.model.ModelCard;
import io.occupancystream.model.ModelLocation;
import io.occupancystream.model.OccupancyPredictor;
import io.occupancystream.model.aws.AwsEndpoint;
import java.io.IOException;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the model at {@code scoring.model.path} (a folder or an {@code s3://} prefix): on a tick,
 * once the poll interval has passed since its last read, reads {@code model.json}; when its bytes
 * differ from the last card seen, checks it and emits a {@link ModelRelease} for the scoring tasks.
 * The first read emits too, so that every scoring task holds a release to checkpoint.
 *
 * <p>A card is refused, counted in {@code model.cardsRefused}, logged, and not read again until it
 * changes, when it does not parse, lists other features than the job computes, or (embedded
 * scoring) its {@code model.tar.gz} does not load; the scoring tasks then keep their model. A card
 * or artifact that cannot be read is only logged and read again at the next poll, as is a card that
 * changed while its artifact was read (write {@code model.tar.gz} first, then {@code model.json}).
 *
 * <p>Runs with parallelism 1 in a task of its own, so the reads never hold up scoring. The last
 * card seen is operator state, so a restore does not emit again what the scoring tasks' checkpoint
 * holds, and emits at the next poll a card that changed while the job was down.
 */
public class ModelPoller extends ProcessFunction<Long, ModelRelease>
        implements CheckpointedFunction {
    private static final Logger LOG = LoggerFactory.getLogger(ModelPoller.class);

    private final String location;
    private final boolean withArtifact;
    private final long intervalMillis;

    private transient AwsEndpoint s3;
    private transient ListState<String> lastCardState;
    private transient String lastCard;
    private transient long lastPollMillis;
    private transient boolean polled;
    private transient Counter refused;

    /**
     * @param withArtifact whether releases carry {@code model.tar.gz} (embedded scoring)
     */
    public ModelPoller(String location, boolean withArtifact, long intervalMillis) {
        this.location = location;
        this.withArtifact = withArtifact;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open(Configuration parameters) {
        s3 = AwsEndpoint.aws();
        MetricGroup group =
                getRuntimeContext()
                        .getMetricGroup()
                        .addGroup(MetricName.MODEL_CARDS_REFUSED.group());
        refused = group.counter(MetricName.MODEL_CARDS_REFUSED.leaf());
        new MsfMetricGroup(getRuntimeContext().getMetricGroup())
                .rate(CloudWatchNames.of(MetricName.MODEL_CARDS_REFUSED), refused);
    }

    @Override
    public void processElement(Long tick, Context ctx, Collector<ModelRelease> out) {
        long now = ctx.timerService().currentProcessingTime();
        if (polled && now - lastPollMillis < intervalMillis) {
            return;
        }
        polled = true;
        lastPollMillis = now;
        poll(out);
    }

    private void poll(Collector<ModelRelease> out) {
        ModelRelease release;
        try {
            if (ModelRelease.sha256(ModelLocation.read(location, s3, ModelCard.FILE))
                    .equals(lastCard)) {
                return;
            }
            release = ModelRelease.read(location, s3, withArtifact);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Cannot read the model at {}; the model in use keeps scoring, and it is read"
                            + " again at the next poll: {}",
                    location,
                    e.toString());
            return;
        }
        lastCard = ModelRelease.sha256(release.card);
        String version;
        try {
            version = check(release);
        } catch (IOException | RuntimeException e) {
            refused.inc();
            LOG.warn(
                    "Refused the model card at {}; the model in use keeps scoring: {}",
                    location,
                    e.getMessage());
            return;
        }
        LOG.info("Model {} at {}: the scoring tasks switch to it", version, location);
        out.collect(release);
    }

    /** The release's model version, if the job can score with it. */
    private String check(ModelRelease release) throws IOException {
        ModelCard card = release.parseCard();
        card.requireFeatures(Feature.columns());
        if (withArtifact) {
            try (OccupancyPredictor loaded = release.load()) {
                return loaded.version();
            }
        }
        return card.modelVersion;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        lastCardState.clear();
        if (lastCard != null) {
            lastCardState.add(lastCard);
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        lastCardState =
                context.getOperatorStateStore()
                        .getListState(new ListStateDescriptor<>("model-card-sha256", Types.STRING));
        for (String digest : lastCardState.get()) {
            lastCard = digest;
        }
    }
}
