package io.occupancystream.devicesim.view;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live view's web server on 127.0.0.1: the page and its scripts from the jar ({@code /}, the
 * chart library under {@code /webjars/}), the board as JSON ({@code /state?since=VERSION}), and
 * server-sent events ({@code /events?since=VERSION}): every {@code push} interval each browser gets
 * one {@code board} event with what changed after the version it last got (the first one: after
 * {@code since}), which also tells it the board's clock while nothing changes.
 */
public final class ViewServer implements AutoCloseable {
    static final String PAGE = "/io/occupancystream/devicesim/view/static";

    private final RoomBoard board;
    private final Duration push;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService pusher =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread thread = new Thread(r, "view events");
                        thread.setDaemon(true);
                        return thread;
                    });
    private Javalin app;

    public ViewServer(RoomBoard board, Duration push) {
        this.board = board;
        this.push = push;
    }

    /** Starts serving on 127.0.0.1:{@code port} (0: any free port). */
    public ViewServer start(int port) {
        app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.staticFiles.add(PAGE, Location.CLASSPATH);
                            config.staticFiles.enableWebjars();
                        });
        app.get("/state", this::state);
        app.sse("/events", this::subscribe);
        app.start("127.0.0.1", port);
        pusher.scheduleWithFixedDelay(
                this::pushAll, push.toMillis(), push.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The page's address. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + app.port() + "/");
    }

    private void state(Context ctx) {
        ctx.contentType("application/json").result(board.snapshot(since(ctx)).toString());
    }

    private void subscribe(SseClient client) {
        client.keepAlive();
        Subscriber subscriber = new Subscriber(client, since(client.ctx()));
        subscribers.add(subscriber);
        client.onClose(() -> subscribers.remove(subscriber));
    }

    private static long since(Context ctx) {
        String since = ctx.queryParam("since");
        try {
            return since == null ? 0 : Long.parseLong(since);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private void pushAll() {
        for (Subscriber subscriber : subscribers) {
            if (subscriber.client.terminated()) {
                subscribers.remove(subscriber);
                continue;
            }
            var snapshot = board.snapshot(subscriber.since);
            long version = snapshot.get("version").asLong();
            subscriber.client.sendEvent("board", snapshot.toString(), Long.toString(version));
            subscriber.since = version;
        }
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        if (app != null) {
            app.stop();
        }
    }

    /** One browser's event stream and the board version it has. */
    private static final class Subscriber {
        final SseClient client;
        long since;

        Subscriber(SseClient client, long since) {
            this.client = client;
            this.since = since;
        }
    }
}
