package io.occupancystream.job.bench;

/**
 * Which readings have their latency measured, and their ids ({@code thingName:timestamp}, as {@code
 * Result.id()} has it), read from raw lines written by {@link ReplayFiles} without parsing the
 * JSON. Timing every reading would slow the pipeline down noticeably (a map entry per reading);
 * readings whose timestamp is a multiple of {@link #SAMPLE_EVERY} seconds, about one in eight,
 * spread through the replay, are plenty for p99.
 */
final class ReadingIds {
    static final int SAMPLE_EVERY = 8;

    private static final String THING_NAME = "\"thingName\":\"";
    private static final String TIMESTAMP = "\"timestamp\":";

    private ReadingIds() {}

    static boolean sampled(long timestamp) {
        return timestamp % SAMPLE_EVERY == 0;
    }

    /** The line's id if its latency is measured, else null. */
    static String sampledId(String line) {
        int timestamp = line.indexOf(TIMESTAMP);
        int name = line.indexOf(THING_NAME);
        if (name < 0 || timestamp < 0) {
            throw new IllegalArgumentException("not a line of the benchmark's replay: " + line);
        }
        timestamp += TIMESTAMP.length();
        int timestampEnd = timestamp;
        long seconds = 0;
        while (timestampEnd < line.length() && Character.isDigit(line.charAt(timestampEnd))) {
            seconds = 10 * seconds + (line.charAt(timestampEnd) - '0');
            timestampEnd++;
        }
        if (!sampled(seconds)) {
            return null;
        }
        name += THING_NAME.length();
        return line.substring(name, line.indexOf('"', name)) + ":" + seconds;
    }
}
