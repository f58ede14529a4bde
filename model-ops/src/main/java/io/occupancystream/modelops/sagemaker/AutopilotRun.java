package io.occupancystream.modelops.sagemaker;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AutoMLCandidate;
import software.amazon.awssdk.services.sagemaker.model.DescribeAutoMlJobV2Response;

/**
 * Starts an Autopilot job, follows it (status, secondary status, candidates so far) until it ends,
 * and turns its best candidate into a {@link Challenger}.
 */
public final class AutopilotRun {
    /** Fewer pages on every poll; valid for MaxResults in every version of the API reference. */
    static final int CANDIDATES_PER_PAGE = 100;

    /** An Autopilot candidate is measured on Autopilot's own split only. */
    static final ChampionComparison COMPARISON =
            ChampionComparison.recordedMetrics(
                    "the challenger is an Autopilot model, measured on Autopilot's own validation"
                            + " split; it cannot be scored here");

    private final SageMakerClient sageMaker;
    private final Pause pause;
    private final Duration pollInterval;
    private final Duration maxWait;
    private final PrintWriter out;

    public AutopilotRun(
            SageMakerClient sageMaker,
            Pause pause,
            Duration pollInterval,
            Duration maxWait,
            PrintWriter out) {
        this.sageMaker = sageMaker;
        this.pause = pause;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
        this.out = out;
    }

    public String start(AutopilotJobSpec spec) {
        return start(sageMaker, spec, out);
    }

    static String start(SageMakerClient sageMaker, AutopilotJobSpec spec, PrintWriter out) {
        String arn = sageMaker.createAutoMLJobV2(spec.request()).autoMLJobArn();
        out.println("Started Autopilot job " + arn);
        return arn;
    }

    /**
     * Starts the job, waits for it and returns its best candidate as a challenger trained on {@code
     * trainingRows}.
     */
    public Challenger bestCandidate(AutopilotJobSpec spec, long trainingRows)
            throws InterruptedException {
        start(spec);
        return challenger(await(spec.jobName), trainingRows);
    }

    /** Waits until the job completes; a failed or stopped job throws with SageMaker's reason. */
    public DescribeAutoMlJobV2Response await(String jobName) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        String last = null;
        while (true) {
            DescribeAutoMlJobV2Response job = describe(sageMaker, jobName);
            AutopilotProgress look = AutopilotProgress.of(job);
            String progress =
                    job.autoMLJobStatus()
                            + " / "
                            + job.autoMLJobSecondaryStatusAsString()
                            + ", candidates so far: "
                            + candidates(jobName);
            if (!Objects.equals(progress, last)) {
                out.println("  " + jobName + ": " + progress);
                last = progress;
            }
            if (look.state() == AutopilotProgress.State.COMPLETED) {
                return job;
            }
            if (look.state() == AutopilotProgress.State.ENDED) {
                throw new PromotionException(look.message());
            }
            if (System.nanoTime() > deadline) {
                throw new PromotionException(
                        "Autopilot job "
                                + jobName
                                + " still "
                                + job.autoMLJobStatus()
                                + " after "
                                + maxWait);
            }
            pause.pause(pollInterval);
        }
    }

    static DescribeAutoMlJobV2Response describe(SageMakerClient sageMaker, String jobName) {
        return sageMaker.describeAutoMLJobV2(r -> r.autoMLJobName(jobName));
    }

    private int candidates(String jobName) {
        int count = 0;
        for (AutoMLCandidate ignored :
                sageMaker
                        .listCandidatesForAutoMLJobPaginator(
                                r -> r.autoMLJobName(jobName).maxResults(CANDIDATES_PER_PAGE))
                        .candidates()) {
            count++;
        }
        return count;
    }

    /** The completed job's best candidate, answering what {@link InferenceOutput} asks. */
    static Challenger challenger(DescribeAutoMlJobV2Response job, long trainingRows) {
        AutoMLCandidate best = job.bestCandidate();
        if (best == null) {
            throw new PromotionException(
                    "Autopilot job " + job.autoMLJobName() + " has no best candidate");
        }
        return new Challenger(
                job.autoMLJobName(),
                InferenceOutput.containers(
                        job.autoMLProblemTypeConfig().tabularJobConfig().mode(),
                        best.inferenceContainers()),
                best.finalAutoMLJobObjectiveMetric().metricNameAsString(),
                best.finalAutoMLJobObjectiveMetric().value(),
                "autopilot:" + job.autoMLJobName() + "/" + best.candidateName(),
                trainingRows);
    }
}
