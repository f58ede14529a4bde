package io.occupancystream.job.reading;

/** The outcome of parsing one raw record: either a reading, or a reason and a detail. */
public final class ParsedReading {
    private final Reading reading;
    private final RejectReason reason;
    private final String detail;

    private ParsedReading(Reading reading, RejectReason reason, String detail) {
        this.reading = reading;
        this.reason = reason;
        this.detail = detail;
    }

    static ParsedReading valid(Reading reading) {
        return new ParsedReading(reading, null, null);
    }

    static ParsedReading rejected(RejectReason reason, String detail) {
        return new ParsedReading(null, reason, detail);
    }

    public boolean isValid() {
        return reading != null;
    }

    public Reading reading() {
        return reading;
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + reading : reason + ": " + detail;
    }
}
