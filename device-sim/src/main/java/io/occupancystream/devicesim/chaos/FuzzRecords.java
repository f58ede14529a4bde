package io.occupancystream.devicesim.chaos;

import io.occupancystream.job.reading.HvacStatus;
import io.occupancystream.job.reading.Reading;
import io.occupancystream.job.reading.ReadingJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Seeded records for the input stream, most of them not valid readings: malformed JSON, wrong
 * types, missing fields, values out of range, huge records (past the job's 64 KiB limit, up to
 * Kinesis's 1 MiB), deeply nested ones, invalid UTF-8, odd line endings and random bytes; about a
 * quarter valid. Record {@code i} claims thing {@code fz-i} and timestamp {@code start + 2i} in its
 * first bytes, so whatever the job makes of it (a result with that id, or a dead letter whose raw
 * text names the thing) can be traced back to it. The same seed gives the same records.
 */
final class FuzzRecords {
    /** What a record is made as; the job decides what it is. */
    enum Kind {
        VALID,
        TRUNCATED,
        TRAILING_GARBAGE,
        WRONG_TYPE,
        MISSING_FIELD,
        OUT_OF_RANGE,
        HUGE,
        DEEPLY_NESTED,
        INVALID_UTF8,
        ODD_LINE_ENDINGS,
        RANDOM_BYTES
    }

    private static final Kind[] KINDS = Kind.values();
    private static final int MAX_KINESIS_RECORD = 1024 * 1024;

    private final Random random;
    private final long start;
    private final double hugeShare;
    private long next;

    /**
     * @param hugeShare the fraction of records made huge (each 64 KiB to 1 MiB); the rest are
     *     spread evenly over the other kinds, valid counted twice
     */
    FuzzRecords(long seed, long startEpochSecond, double hugeShare) {
        this.random = new Random(seed);
        this.start = startEpochSecond;
        this.hugeShare = hugeShare;
    }

    /** Only kinds that fit on one line of a JSON Lines file: no raw line breaks, valid UTF-8. */
    ChaosRecord nextOneLine() {
        Kind kind;
        do {
            kind = KINDS[random.nextInt(KINDS.length)];
        } while (kind == Kind.HUGE
                || kind == Kind.INVALID_UTF8
                || kind == Kind.ODD_LINE_ENDINGS
                || kind == Kind.RANDOM_BYTES
                || kind == Kind.VALID);
        return make(kind);
    }

    ChaosRecord next() {
        if (random.nextDouble() < hugeShare) {
            return make(Kind.HUGE);
        }
        int pick = random.nextInt(KINDS.length);
        return make(KINDS[pick] == Kind.HUGE ? Kind.VALID : KINDS[pick]);
    }

    private ChaosRecord make(Kind kind) {
        long i = next++;
        String thing = "fz-" + i;
        long timestamp = start + 2 * i;
        Reading reading =
                new Reading(
                        thing,
                        timestamp,
                        50 + random.nextInt(400) / 10.0,
                        random.nextInt(100),
                        HvacStatus.values()[random.nextInt(HvacStatus.values().length)],
                        random.nextBoolean() ? null : random.nextBoolean());
        String valid = ReadingJson.write(reading);
        String head = "{\"thingName\":\"" + thing + "\",\"timestamp\":" + timestamp;
        return ChaosRecord.fuzzed(body(kind, valid, head), thing, timestamp);
    }

    private byte[] body(Kind kind, String valid, String head) {
        switch (kind) {
            case VALID:
                return utf8(valid);
            case TRUNCATED:
                return utf8(
                        valid.substring(
                                0, head.length() + random.nextInt(valid.length() - head.length())));
            case TRAILING_GARBAGE:
                return utf8(valid + pick("}", "]", "x", "{}", ",", valid, "\u0000"));
            case WRONG_TYPE:
                return utf8(
                        pick(
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":\"warm\",\"sound\":3}}}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":70,\"sound\":[3]}}}",
                                head + ",\"state\":[]}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":70,\"sound\":3,\"hvacStatus\":7}}}",
                                "[" + valid + "]",
                                "{\"thingName\":[\""
                                        + head.substring(14, head.indexOf('"', 14))
                                        + "\"]}",
                                head.replace("\"timestamp\":", "\"timestamp\":\"") + "\"}"));
            case MISSING_FIELD:
                return utf8(
                        pick(
                                head + "}",
                                head + ",\"state\":{\"reported\":{\"sound\":3}}}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":null,\"sound\":3}}}"));
            case OUT_OF_RANGE:
                return utf8(
                        pick(
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":1e308,\"sound\":3}}}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":70,\"sound\":-1}}}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":NaN,\"sound\":3}}}",
                                head
                                        + ",\"state\":{\"reported\":{\"temperature\":70,\"sound\":3,\"hvacStatus\":\"OFF\"}}}",
                                head.replaceFirst("\"timestamp\":\\d+", "\"timestamp\":-5") + "}",
                                head.replaceFirst(
                                                "\"timestamp\":\\d+",
                                                "\"timestamp\":99999999999999")
                                        + ",\"state\":{\"reported\":{\"temperature\":70,\"sound\":3}}}"));
            case HUGE:
                return huge(head);
            case DEEPLY_NESTED:
                // Past Jackson's nesting limit of 1,000, yet small: kinesalite, unlike Kinesis,
                // puts no 10 MiB cap on a GetRecords answer, and large records in every answer
                // stall the job's consumer.
                int depth = 200 + random.nextInt(3000);
                return utf8(head + ",\"state\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
            case INVALID_UTF8:
                return withInvalidUtf8(utf8(valid), head.length());
            case ODD_LINE_ENDINGS:
                String ending = pick("\r\n", "\r", "\n", "\u2028", "\n\n");
                return utf8(
                        pick(
                                valid + ending,
                                valid.replace(",", "," + ending),
                                valid.replace("STANDBY", "STAND" + ending + "BY"),
                                ending + valid));
            case RANDOM_BYTES:
                byte[] tail = new byte[1 + random.nextInt(2000)];
                random.nextBytes(tail);
                return concat(utf8(head + ","), tail);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private byte[] huge(String head) {
        int size = 64 * 1024 + random.nextInt(MAX_KINESIS_RECORD - 64 * 1024 - 1024);
        StringBuilder json = new StringBuilder(size + 100);
        json.append(head)
                .append(",\"state\":{\"reported\":{\"temperature\":70,\"sound\":3,\"note\":\"");
        while (json.length() < size) {
            json.append((char) ('a' + random.nextInt(26)));
        }
        json.append("\"}}}");
        return utf8(json.toString());
    }

    /** Bytes that no UTF-8 decoder accepts, somewhere after the thing and timestamp. */
    private byte[] withInvalidUtf8(byte[] valid, int keep) {
        byte[][] bad = {
            {(byte) 0xFF},
            {(byte) 0xC3, (byte) 0x28},
            {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80}
        };
        int at = keep + random.nextInt(valid.length - keep);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, at);
        byte[] insert = bad[random.nextInt(bad.length)];
        out.write(insert, 0, insert.length);
        out.write(valid, at, valid.length - at);
        return out.toByteArray();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
