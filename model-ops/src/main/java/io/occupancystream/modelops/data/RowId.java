package io.occupancystream.modelops.data;

/** Which reading a training row is (epoch seconds, thing name, room) and its raw sound. */
final class RowId {
    final long timestamp;
    final String thing;
    final String room;

    /** NaN when the training set has no sound column of its own. */
    final double sound;

    RowId(long timestamp, String thing, String room, double sound) {
        this.timestamp = timestamp;
        this.thing = thing;
        this.room = room;
        this.sound = sound;
    }
}
