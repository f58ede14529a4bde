package io.occupancystream.job.resume;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.StateMigrationException;

/**
 * Recognizes the failures of a job that cannot take the state it resumed from, and says what to do
 * instead of Flink's advice, which names options of Flink's own command line.
 */
final class RestoreFailure {
    /** What Flink says when a checkpoint holds state of an operator (uid) the job lacks. */
    private static final Pattern UNMAPPED_OPERATOR =
            Pattern.compile("Cannot map checkpoint/savepoint state for operator (\\S+)");

    private RestoreFailure() {}

    static Optional<RestoreFailedException> explain(Throwable failure, RetainedCheckpoint from) {
        Optional<Throwable> unmapped =
                ExceptionUtils.findThrowable(
                        failure,
                        t ->
                                t.getMessage() != null
                                        && UNMAPPED_OPERATOR.matcher(t.getMessage()).find());
        if (unmapped.isPresent()) {
            Matcher operator = UNMAPPED_OPERATOR.matcher(unmapped.get().getMessage());
            operator.find();
            return Optional.of(
                    new RestoreFailedException(
                            "Cannot resume from "
                                    + from
                                    + ": it holds state of operator "
                                    + operator.group(1)
                                    + ", which this job does not have (the job graph changed)."
                                    + " Start over with --fresh (moves the earlier run's outputs"
                                    + " aside), or resume without that state with"
                                    + " --allow-non-restored-state.",
                            failure));
        }
        return ExceptionUtils.findThrowable(failure, StateMigrationException.class)
                .map(
                        incompatible ->
                                new RestoreFailedException(
                                        "Cannot resume from "
                                                + from
                                                + ": its state does not fit this job's code ("
                                                + incompatible.getMessage()
                                                + "). Start over with --fresh (moves the earlier"
                                                + " run's outputs aside), or run the version"
                                                + " that wrote it.",
                                        failure));
    }
}
