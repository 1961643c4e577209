package org.uffdcheck.engine;

/**
 * What a search cost. storeBytes counts the visited set and the parent links, the memory that
 * grows with the number of states; waits, where the workers of a breadth-first search stood idle.
 */
public record Stats(long states, long transitions, int depth, double seconds, long storeBytes, Waits waits) {
    private static final double TWO_64 = 0x1p64;
    private static final double TWO_65 = 0x1p65;

    /**
     * Time the workers of a search spent waiting, summed over workers: at the end of a level for
     * the others to finish it, and for their block's turn to store its new states in order.
     */
    public record Waits(int workers, long levelNanos, long turnNanos) {
        public static final Waits NONE = new Waits(1, 0, 0);

        /** A sum of waits as a share of the workers' whole time over a search of seconds. */
        public double share(long nanos, double seconds) {
            return seconds > 0 ? nanos / (seconds * 1e9 * workers) : 0;
        }
    }

    /** The cost of a search that does not wait, or does not count its waits. */
    public Stats(long states, long transitions, int depth, double seconds, long storeBytes) {
        this(states, transitions, depth, seconds, storeBytes, Waits.NONE);
    }

    public double statesPerSecond() {
        return seconds > 0 ? states / seconds : 0;
    }

    public double bytesPerState() {
        return states > 0 ? (double) storeBytes / states : 0;
    }

    /**
     * Estimated chance that two distinct states shared a fingerprint, so that one of them was
     * wrongly taken as visited. This is TLC's estimate: each of the t - n transitions that hit
     * a known fingerprint could have been a collision with one of n states, plus the birthday
     * bound over the n distinct fingerprints themselves.
     */
    public double collisionProbability() {
        double n = states;
        double t = Math.max(transitions, states);
        double p = n * (t - n) / TWO_64 + n * n / TWO_65;
        return Math.max(0, Math.min(1, p));
    }
}
