package io.occupancystream.devicesim.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardThrottleTest {
    private static final long MIB = 1024 * 1024;

    private long nowNanos = 7_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private ShardThrottle throttle(int shards) {
        return new ShardThrottle(
                shards,
                () -> nowNanos,
                nanos -> {
                    sleeps.add(nanos);
                    nowNanos += nanos;
                });
    }

    @Test
    void oneShardTakesAThousandRecordsASecond() throws InterruptedException {
        ShardThrottle throttle = throttle(1);

        throttle.acquire(500, 500 * 200);
        throttle.acquire(500, 500 * 200);
        throttle.acquire(500, 500 * 200);

        assertThat(sleeps).containsExactly(500_000_000L, 500_000_000L);
    }

    @Test
    void eachShardAddsItsLimit() throws InterruptedException {
        ShardThrottle throttle = throttle(4);

        throttle.acquire(500, 500 * 200);
        throttle.acquire(500, 500 * 200);

        assertThat(sleeps).containsExactly(125_000_000L);
    }

    @Test
    void oneShardTakesOneMebibyteASecond() throws InterruptedException {
        ShardThrottle throttle = throttle(1);

        throttle.acquire(10, 3 * MIB);
        throttle.acquire(10, 100);

        assertThat(sleeps).containsExactly(3_000_000_000L);
    }

    @Test
    void timeSpentElsewhereCountsButIsNotSavedForABurst() throws InterruptedException {
        ShardThrottle throttle = throttle(1);

        throttle.acquire(500, 100);
        nowNanos += 200_000_000L;
        throttle.acquire(500, 100);
        nowNanos += 10_000_000_000L;
        throttle.acquire(500, 100);
        throttle.acquire(500, 100);

        assertThat(sleeps).containsExactly(300_000_000L, 500_000_000L);
    }
}
