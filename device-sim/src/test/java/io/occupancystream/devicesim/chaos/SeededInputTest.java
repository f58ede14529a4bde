package io.occupancystream.devicesim.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad records among the simulated readings, whatever the number of devices. */
class SeededInputTest {
    @Test
    void aBadRecordFollowsEachFiftyReadingsAtATicksEndWithAnEvenNumberOfDevices() {
        // 4 devices: 52 readings (13 ticks), then a bad record; 19 such runs in 1,007 records.
        assertThat(badRecords(new SeededInput(1, 4, 50), 1_007)).isEqualTo(19);
    }

    @Test
    void aBadRecordFollowsEachFiftyReadingsAtATicksEndWithAnOddNumberOfDevices() {
        // 3 devices: 51 readings (17 ticks), then a bad record; 19 such runs in 988 records.
        assertThat(badRecords(new SeededInput(7, 3, 50), 988)).isEqualTo(19);
    }

    private static long badRecords(SeededInput input, int records) {
        long bad = 0;
        for (int i = 0; i < records; i++) {
            if (!input.next().mustBeAResult()) {
                bad++;
            }
        }
        return bad;
    }
}
