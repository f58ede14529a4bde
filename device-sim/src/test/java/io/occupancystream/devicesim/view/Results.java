package io.occupancystream.devicesim.view;

import io.occupancystream.job.ingest.DeadLetter;
import io.occupancystream.job.reading.RejectReason;
import io.occupancystream.job.results.FallbackReason;
import io.occupancystream.job.results.Result;
import io.occupancystream.job.results.ScoreSource;

/** Lines of the job's outputs for the tests, written by the job's own classes. */
final class Results {
    static final String MODEL_VERSION = "occupancy-xgb-test";

    private Results() {}

    /** A result the model scored: the room's decision and the device's own. */
    static Result model(String thing, String room, long timestamp, double probability) {
        Result r = new Result();
        r.thingName = thing;
        r.room = room;
        r.timestamp = timestamp;
        r.sound = 10;
        r.probability = probability;
        r.deviceOccupancy = probability >= 0.5;
        r.roomOccupancy = probability >= 0.5;
        r.roomScore = probability;
        r.roomVoters = 1;
        r.source = ScoreSource.MODEL;
        r.modelVersion = MODEL_VERSION;
        return r;
    }

    /** A result the rule decided because the model could not answer. */
    static Result fallback(
            String thing, String room, long timestamp, boolean occupied, FallbackReason reason) {
        Result r = new Result();
        r.thingName = thing;
        r.room = room;
        r.timestamp = timestamp;
        r.sound = occupied ? 40 : 1;
        r.deviceOccupancy = occupied;
        r.roomOccupancy = occupied;
        r.roomVoters = 1;
        r.source = ScoreSource.FALLBACK;
        r.fallbackReason = reason;
        return r;
    }

    static String deadLetter(RejectReason reason) {
        return DeadLetter.of("{\"bad\":true}", reason, "test").toJson();
    }
}
