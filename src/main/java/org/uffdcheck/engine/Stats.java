package org.uffdcheck.engine;

/**
 * What a search cost. storeBytes counts the visited set and the parent links, the memory that
 * grows with the number of states.
 */
public record Stats(long states, long transitions, int depth, double seconds, long storeBytes) {
    private static final double TWO_64 = 0x1p64;
    private static final double TWO_65 = 0x1p65;

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
