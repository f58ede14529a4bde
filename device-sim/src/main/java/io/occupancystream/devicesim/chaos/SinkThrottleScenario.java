package io.occupancystream.devicesim.chaos;

import java.time.Duration;
import java.util.Set;

/**
 * The job's Kinesis sinks refused for a while, as Kinesis refuses PutRecords (see {@link
 * KinesisFaultProxy}): whole calls throttled, then half the entries of each call throttled, then
 * every entry failing internally. Nothing may be dropped.
 */
final class SinkThrottleScenario extends Scenario {
    private static final Duration PHASE = Duration.ofSeconds(12);

    @Override
    String name() {
        return "sink-throttled";
    }

    @Override
    String inject(ScenarioRun run, RunningJob job) throws Exception {
        Set<String> sinks =
                Set.of(run.stack.layout().resultsStream, run.stack.layout().deadLetterStream);
        for (KinesisFaultProxy.Fault fault :
                new KinesisFaultProxy.Fault[] {
                    KinesisFaultProxy.Fault.THROTTLE_CALLS,
                    KinesisFaultProxy.Fault.THROTTLE_ENTRIES,
                    KinesisFaultProxy.Fault.FAIL_ENTRIES
                }) {
            run.kinesisProxy.inject(fault, sinks);
            job.runFor(PHASE);
            run.kinesisProxy.inject(KinesisFaultProxy.Fault.NONE, sinks);
            job.runFor(Duration.ofSeconds(4));
        }
        return String.format(
                "sinks refused %d PutRecords calls, %d entries (%d s each: calls throttled,"
                        + " every other entry throttled, every entry InternalFailure)",
                run.kinesisProxy.refusedCalls(),
                run.kinesisProxy.refusedEntries(),
                PHASE.toSeconds());
    }

    @Override
    boolean holdsToo(ScenarioRun run, RunningJob job, JobLog log) {
        // Faults that met no PutRecords call tested nothing.
        return run.kinesisProxy.refusedCalls() > 0;
    }
}
