package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzed records: reproducible, traceable, within Kinesis's record size, of every kind. */
class FuzzRecordsTest {
    private static final long START = 1_704_672_000L;

    @Test
    void theSameSeedGivesTheSameRecords() {
        FuzzRecords a = new FuzzRecords(3, START, 0.01);
        FuzzRecords b = new FuzzRecords(3, START, 0.01);
        for (int i = 0; i < 2000; i++) {
            assertThat(a.next().data).isEqualTo(b.next().data);
        }
    }

    @Test
    void eachRecordNamesItsThingAndTimestampFirstAndFitsKinesis() {
        FuzzRecords fuzz = new FuzzRecords(5, START, 0.01);
        int invalidUtf8 = 0;
        int huge = 0;
        for (int i = 0; i < 5000; i++) {
            ChaosRecord record = fuzz.next();
            assertThat(record.resultId).isEqualTo("fz-" + i + ":" + (START + 2L * i));
            assertThat(record.partitionKey).isEqualTo("fz-" + i);
            String head =
                    new String(
                            record.data,
                            0,
                            Math.min(40, record.data.length),
                            StandardCharsets.ISO_8859_1);
            assertThat(head).contains(record.marker);
            assertThat(record.data.length).isLessThan(1024 * 1024);
            huge += record.data.length > 64 * 1024 ? 1 : 0;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(record.data));
            } catch (CharacterCodingException e) {
                invalidUtf8++;
            }
        }
        assertThat(huge).isGreaterThan(0);
        assertThat(invalidUtf8).isGreaterThan(0);
    }

    @Test
    void oneLineRecordsHaveNoLineBreaksAndAreValidUtf8() throws Exception {
        FuzzRecords fuzz = new FuzzRecords(9, START, 0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(fuzz.nextOneLine().data))
                            .toString());
        }
        assertThat(lines).noneMatch(line -> line.contains("\n") || line.contains("\r"));
    }
}
