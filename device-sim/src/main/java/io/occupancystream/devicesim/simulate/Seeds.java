package io.occupancystream.devicesim.simulate;

/**
 * Derives independent seeds from the simulation seed, so that each device and each part of a device
 * gets its own random stream and adding a device does not change the others.
 */
final class Seeds {
    private Seeds() {}

    static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long part : parts) {
            h = mix(h ^ mix(part + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** The SplitMix64 finalizer: spreads nearby inputs over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
