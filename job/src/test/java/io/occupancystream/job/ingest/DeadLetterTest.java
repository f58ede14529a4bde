package io.occupancystream.job.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.occupancystream.job.reading.ReadingJson;
import io.occupancystream.job.reading.RejectReason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeadLetterTest {
    @Test
    void keepsShortInputWhole() {
        DeadLetter d = DeadLetter.of("not json", RejectReason.MALFORMED_JSON, "bad");

        assertThat(d.toJson())
                .isEqualTo(
                        "{\"reason\":\"MALFORMED_JSON\",\"detail\":\"bad\",\"rawBytes\":8,"
                                + "\"truncated\":false,\"raw\":\"not json\"}");
    }

    @Test
    void cutsOversizeInputAtMaxBytesOnACharacterBoundary() {
        // 'a' then two-byte characters: byte MAX_BYTES falls in the middle of one.
        String raw = "a" + "é".repeat(ReadingJson.MAX_BYTES);

        DeadLetter d = DeadLetter.of(raw, RejectReason.OVERSIZE, "big");

        assertThat(d.truncated).isTrue();
        assertThat(d.rawBytes).isEqualTo(1 + 2 * ReadingJson.MAX_BYTES);
        assertThat(d.raw.getBytes(StandardCharsets.UTF_8)).hasSize(ReadingJson.MAX_BYTES - 1);
        assertThat(raw).startsWith(d.raw);
    }

    @Test
    void inputOfExactlyMaxBytesIsNotTruncated() {
        String raw = "x".repeat(ReadingJson.MAX_BYTES);

        DeadLetter d = DeadLetter.of(raw, RejectReason.MALFORMED_JSON, "x");

        assertThat(d.truncated).isFalse();
        assertThat(d.raw).isEqualTo(raw);
    }
}
