package io.occupancystream.devicesim.delivery;

import io.occupancystream.job.reading.ParsedReading;
import io.occupancystream.job.reading.Reading;

/** One line of a recording, as recorded, with what the job's parser makes of it. */
public final class RecordedLine {
    private final String file;
    private final long number;
    private final String text;
    private final ParsedReading parsed;

    public RecordedLine(String file, long number, String text, ParsedReading parsed) {
        this.file = file;
        this.number = number;
        this.text = text;
        this.parsed = parsed;
    }

    public String file() {
        return file;
    }

    public long number() {
        return number;
    }

    public String text() {
        return text;
    }

    public ParsedReading parsed() {
        return parsed;
    }

    /** The reading in the line, or null when the line is not a valid reading. */
    public Reading reading() {
        return parsed.isValid() ? parsed.reading() : null;
    }

    /**
     * The thingName of a valid reading; a bad line has none to trust, so its line number spreads
     * bad lines over the shards.
     */
    public String partitionKey() {
        return parsed.isValid() ? parsed.reading().thingName : "line-" + number;
    }
}
