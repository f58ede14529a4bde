package io.occupancystream.job.rooms;

import io.occupancystream.job.results.Result;

/** A result's room decision in one line, for tests to compare. */
final class Decided {
    private Decided() {}

    /** "id room device=… room=… roomScore of roomVoters". */
    static String line(Result r) {
        return String.format(
                "%s %s device=%s room=%s %s of %d",
                r.id(), r.room, r.deviceOccupancy, r.roomOccupancy, r.roomScore, r.roomVoters);
    }
}
