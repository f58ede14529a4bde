package io.occupancystream.modelops.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** The candidate search's progress as a bar on standard error. */
public final class ProgressBarProgress implements Progress {
    private ProgressBar bar;

    @Override
    public void start(int candidates) {
        bar =
                new ProgressBarBuilder()
                        .setTaskName("candidates")
                        .setInitialMax(candidates)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(250)
                        .build();
    }

    @Override
    public void step(String status) {
        bar.step();
        bar.setExtraMessage(" " + status);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.maxHint(bar.getCurrent());
            bar.close();
        }
    }
}
