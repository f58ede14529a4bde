package io.occupancystream.modelops.train;

/** Where the candidate search reports each finished candidate (a progress bar, or nothing). */
public interface Progress extends AutoCloseable {
    Progress NONE =
            new Progress() {
                @Override
                public void start(int candidates) {}

                @Override
                public void step(String status) {}

                @Override
                public void close() {}
            };

    void start(int candidates);

    void step(String status);

    @Override
    void close();
}
