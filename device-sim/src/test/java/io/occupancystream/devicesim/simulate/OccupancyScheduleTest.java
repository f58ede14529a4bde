package io.occupancystream.devicesim.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccupancyScheduleTest {
    private static final LocalDate MONDAY = LocalDate.of(2024, 1, 8);
    private static final int ROOMS = 10;
    private static final int MINUTES_PER_DAY = 24 * 60;

    /** Occupancy share over a week of 10 rooms, sampled each minute, for the matching minutes. */
    private static double occupiedShare(boolean weekend, int fromMinute, int toMinute) {
        long occupied = 0;
        long sampled = 0;
        for (int room = 1; room <= ROOMS; room++) {
            OccupancySchedule schedule = new OccupancySchedule(Seeds.derive(1, room));
            for (int d = 0; d < 7; d++) {
                LocalDate day = MONDAY.plusDays(d);
                boolean isWeekend =
                        day.getDayOfWeek() == DayOfWeek.SATURDAY
                                || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (isWeekend != weekend) {
                    continue;
                }
                for (int minute = fromMinute; minute < toMinute; minute++) {
                    sampled++;
                    if (schedule.isOccupied(day, minute * 60)) {
                        occupied++;
                    }
                }
            }
        }
        return (double) occupied / sampled;
    }

    @Test
    void weekdayNightsAreAlmostAlwaysEmpty() {
        assertThat(occupiedShare(false, 0, 6 * 60)).isLessThan(0.02);
    }

    @Test
    void weekdayWorkingHoursAreMostlyOccupied() {
        assertThat(occupiedShare(false, 9 * 60, 17 * 60 + 30)).isGreaterThan(0.60);
    }

    @Test
    void weekdayWorkingHoursHaveAbsences() {
        assertThat(occupiedShare(false, 9 * 60, 17 * 60 + 30)).isLessThan(0.95);
    }

    @Test
    void weekendsAreMostlyEmpty() {
        assertThat(occupiedShare(true, 0, MINUTES_PER_DAY)).isLessThan(0.05);
    }

    @Test
    void occupancyChangesInEpisodesOfAtLeastFiveMinutes() {
        for (int room = 1; room <= ROOMS; room++) {
            OccupancySchedule schedule = new OccupancySchedule(Seeds.derive(1, room));
            for (int d = 0; d < 7; d++) {
                LocalDate day = MONDAY.plusDays(d);
                List<Integer> changes = new ArrayList<>();
                boolean previous = schedule.isOccupied(day, 0);
                for (int second = 1; second < 24 * 3600; second++) {
                    boolean occupied = schedule.isOccupied(day, second);
                    if (occupied != previous) {
                        changes.add(second);
                    }
                    previous = occupied;
                }
                for (int i = 1; i < changes.size(); i++) {
                    assertThat(changes.get(i) - changes.get(i - 1))
                            .as("room %d on %s at second %d", room, day, changes.get(i))
                            .isGreaterThanOrEqualTo(OccupancySchedule.MIN_EPISODE_SECONDS);
                }
            }
        }
    }

    @Test
    void aDayDoesNotDependOnWhichDaysWereAskedBefore() {
        OccupancySchedule straight = new OccupancySchedule(7);
        OccupancySchedule jumping = new OccupancySchedule(7);
        jumping.isOccupied(MONDAY.plusDays(40), 100);
        jumping.isOccupied(MONDAY.minusDays(3), 100);

        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            assertThat(jumping.isOccupied(MONDAY, minute * 60))
                    .isEqualTo(straight.isOccupied(MONDAY, minute * 60));
        }
    }
}
