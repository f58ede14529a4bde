package io.occupancystream.devicesim.view;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A running live view: its server, the threads that follow its sources, and their clients. */
public final class LiveView implements AutoCloseable {
    private final ViewServer server;
    private final List<Thread> followers = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    LiveView(ViewServer server) {
        this.server = server;
    }

    void follow(PollLoop loop) {
        followers.add(loop.start());
    }

    void closeLater(AutoCloseable client) {
        clients.add(client);
    }

    public URI url() {
        return server.url();
    }

    @Override
    public void close() throws Exception {
        for (Thread follower : followers) {
            follower.interrupt();
        }
        for (Thread follower : followers) {
            follower.join();
        }
        for (AutoCloseable client : clients) {
            client.close();
        }
        server.close();
    }
}
