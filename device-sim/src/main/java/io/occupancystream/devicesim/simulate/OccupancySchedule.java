package io.occupancystream.devicesim.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.Random;

/**
 * Whether one room is occupied, from a plan drawn per local day: on weekdays a working day around
 * 09:00-17:30 with lunch, errands and meetings elsewhere as absences and some meetings held in the
 * room; weekends and nights empty except for rare visits.
 *
 * <p>Each day's plan depends only on the seed and the date, so the answer for an instant does not
 * depend on where the simulation started. Occupancy changes in episodes of at least {@link
 * #MIN_EPISODE_SECONDS}, never by the second.
 */
public final class OccupancySchedule {
    static final int MIN_EPISODE_SECONDS = 5 * 60;

    private static final int SECONDS_PER_DAY = 24 * 3600;
    private static final int MINUTE = 60;
    private static final int HOUR = 3600;

    private final long seed;
    private LocalDate plannedDay;
    private BitSet plan;

    public OccupancySchedule(long seed) {
        this.seed = seed;
    }

    public boolean isOccupied(LocalDate day, int secondOfDay) {
        if (!day.equals(plannedDay)) {
            plan = planFor(day);
            plannedDay = day;
        }
        return plan.get(secondOfDay);
    }

    private BitSet planFor(LocalDate day) {
        Random random = new Random(Seeds.derive(seed, day.toEpochDay()));
        BitSet occupied = new BitSet(SECONDS_PER_DAY);
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        if (dayOfWeek == DayOfWeek.SATURDAY || dayOfWeek == DayOfWeek.SUNDAY) {
            if (random.nextDouble() < 0.12) {
                int start = between(random, 10 * HOUR, 15 * HOUR);
                occupied.set(start, start + between(random, HOUR, 3 * HOUR));
            }
        } else if (random.nextDouble() >= 0.04) { // otherwise a day off
            planWorkingDay(random, occupied);
        }
        if (random.nextDouble() < 0.05) { // working late, or the cleaners
            int start = between(random, 19 * HOUR, 22 * HOUR);
            occupied.set(start, start + between(random, 15 * MINUTE, 90 * MINUTE));
        }
        if (random.nextDouble() < 0.01) { // a night-time visit
            int start = between(random, 0, 5 * HOUR);
            occupied.set(start, start + between(random, 10 * MINUTE, 45 * MINUTE));
        }
        enforceMinimumEpisodes(occupied);
        return occupied;
    }

    private static void planWorkingDay(Random random, BitSet occupied) {
        int arrive =
                random.nextDouble() < 0.08
                        ? between(random, 7 * HOUR + 30 * MINUTE, 8 * HOUR + 30 * MINUTE)
                        : around(random, 9 * HOUR, 15 * MINUTE, 8 * HOUR, 10 * HOUR);
        int leave =
                random.nextDouble() < 0.10
                        ? between(random, 18 * HOUR + 30 * MINUTE, 20 * HOUR)
                        : around(
                                random,
                                17 * HOUR + 30 * MINUTE,
                                20 * MINUTE,
                                16 * HOUR,
                                18 * HOUR + 30 * MINUTE);
        occupied.set(arrive, leave);
        if (random.nextDouble() < 0.75) {
            int start = between(random, 11 * HOUR + 45 * MINUTE, 13 * HOUR + 15 * MINUTE);
            occupied.clear(start, start + between(random, 20 * MINUTE, 60 * MINUTE));
        }
        int errands = random.nextInt(3);
        for (int i = 0; i < errands; i++) {
            int start = between(random, arrive, leave);
            occupied.clear(start, start + between(random, 10 * MINUTE, 25 * MINUTE));
        }
        int meetings = random.nextInt(3);
        for (int i = 0; i < meetings; i++) {
            // Meetings start on the half hour and may be held here or elsewhere.
            int start = between(random, 16, 36) * 30 * MINUTE;
            int end = start + (1 + random.nextInt(3)) * 30 * MINUTE;
            if (random.nextBoolean()) {
                occupied.set(start, end);
            } else {
                occupied.clear(start, end);
            }
        }
    }

    /** Flips episodes shorter than the minimum inside the day into their neighbours. */
    private static void enforceMinimumEpisodes(BitSet occupied) {
        int start = 0;
        while (start < SECONDS_PER_DAY) {
            boolean value = occupied.get(start);
            int end = value ? occupied.nextClearBit(start) : occupied.nextSetBit(start);
            if (end < 0 || end > SECONDS_PER_DAY) {
                end = SECONDS_PER_DAY;
            }
            boolean inside = start > 0 && end < SECONDS_PER_DAY;
            if (inside && end - start < MIN_EPISODE_SECONDS) {
                occupied.set(start, end, !value);
            }
            start = end;
        }
    }

    private static int between(Random random, int fromInclusive, int toExclusive) {
        return fromInclusive + random.nextInt(toExclusive - fromInclusive);
    }

    private static int around(Random random, int mean, int sd, int min, int max) {
        double value = mean + random.nextGaussian() * sd;
        return (int) Math.max(min, Math.min(max, Math.round(value)));
    }
}
