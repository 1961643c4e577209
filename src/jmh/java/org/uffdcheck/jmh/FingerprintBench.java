package org.uffdcheck.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.uffdcheck.state.Fingerprint;

/** Fingerprint.of on state vectors of the sizes models have (tens of ints). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FingerprintBench {
    @Param({"16", "60", "200"})
    int width;

    private int[][] states;
    private int next;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(1);
        states = new int[1024][width];
        for (int[] s : states) for (int i = 0; i < width; i++) s[i] = rnd.nextInt(16);
    }

    @Benchmark
    public long fingerprint() {
        int[] s = states[next++ & 1023];
        return Fingerprint.of(s);
    }
}
