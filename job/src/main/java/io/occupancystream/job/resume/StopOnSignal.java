package io.occupancystream.job.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM stop a local run with a savepoint instead of ending the JVM, whose
 * shutdown would tear the MiniCluster down under the savepoint; a second signal aborts at once (as
 * a crash: the run resumes from its last checkpoint). Flink itself handles signals through the same
 * {@code sun.misc} API.
 */
public final class StopOnSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopOnSignal.class);

    /** As a shell reports a process that SIGINT ended. */
    private static final int ABORTED = 130;

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopOnSignal() {}

    /** Until closed, the first signal stops {@code run} with a savepoint. */
    public static StopOnSignal install(ResumableRun run) {
        StopOnSignal installed = new StopOnSignal();
        AtomicInteger received = new AtomicInteger();
        SignalHandler handler =
                signal -> {
                    if (received.incrementAndGet() == 1) {
                        LOG.info(
                                "SIG{}: stopping with a savepoint (again to abort)",
                                signal.getName());
                        run.stop();
                    } else {
                        LOG.warn("SIG{} again: aborting", signal.getName());
                        Runtime.getRuntime().halt(ABORTED);
                    }
                };
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                installed.previous.add(Signal.handle(signal, handler));
                installed.signals.add(signal);
            } catch (IllegalArgumentException e) {
                LOG.warn(
                        "SIG{} cannot be handled here ({}): it ends the run", name, e.getMessage());
            }
        }
        return installed;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
