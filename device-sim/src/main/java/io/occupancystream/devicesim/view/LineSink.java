package io.occupancystream.devicesim.view;

/** Where a follower hands each line it read, with when it reached its stream or folder. */
interface LineSink {
    void accept(String line, long arrivalMillis);
}
