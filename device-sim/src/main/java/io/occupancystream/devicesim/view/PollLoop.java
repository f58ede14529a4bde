package io.occupancystream.devicesim.view;

import io.occupancystream.devicesim.delivery.Pacer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source's poll again and again until interrupted, {@code interval} apart. A failed poll
 * is shown on the board (and logged once until the source answers again), never fatal: a stream
 * that is not there yet, or a network that comes back, is picked up on a later poll.
 */
final class PollLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);

    /** One poll of a source. */
    interface Poll {
        void poll() throws Exception;
    }

    private final String source;
    private final Poll poll;
    private final RoomBoard board;
    private final Duration interval;
    private final Pacer.Sleeper sleeper;

    PollLoop(String source, Poll poll, RoomBoard board, Duration interval, Pacer.Sleeper sleeper) {
        this.source = source;
        this.poll = poll;
        this.board = board;
        this.interval = interval;
        this.sleeper = sleeper;
    }

    @Override
    public void run() {
        boolean failing = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    poll.poll();
                    board.sourceReached(source);
                    failing = false;
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    board.sourceFailed(source, e.toString());
                    if (!failing) {
                        LOG.warn("Cannot read {}: {} (trying again)", source, e.toString());
                    }
                    failing = true;
                }
                sleeper.sleepNanos(interval.toNanos());
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the loop on a daemon thread named after the source. */
    Thread start() {
        Thread thread = new Thread(this, "view " + source);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
