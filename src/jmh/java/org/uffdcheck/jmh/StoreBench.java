package org.uffdcheck.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.uffdcheck.state.BitStateSet;
import org.uffdcheck.state.Fingerprint;
import org.uffdcheck.state.FingerprintTable;

/**
 * Inserting into the visited store at a realistic fill: the table is first filled to the given
 * number of states (larger than the caches), then each operation inserts one new fingerprint
 * ("insertNew") or looks up one already there ("insertSeen", what most transitions do).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public class StoreBench {
    @Param({"10000000"})
    long filled;

    private FingerprintTable table;
    private BitStateSet bits;
    private long nextNew;
    private long nextSeen;

    @Setup(Level.Iteration)
    public void setup() {
        table = new FingerprintTable(1 << 16);
        bits = new BitStateSet(30, 3);
        for (long v = 1; v <= filled; v++) {
            table.add(Fingerprint.fmix64(v));
            if (table.wantsGrowth()) table.grow();
            bits.add(Fingerprint.fmix64(v));
        }
        nextNew = filled + 1;
        nextSeen = 1;
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        table.free();
        bits.free();
    }

    @Benchmark
    public boolean insertNew() {
        boolean fresh = table.add(Fingerprint.fmix64(nextNew++));
        if (table.wantsGrowth()) table.grow();
        return fresh;
    }

    @Benchmark
    public boolean insertSeen() {
        long v = nextSeen;
        nextSeen = v == filled ? 1 : v + 1;
        return table.add(Fingerprint.fmix64(Math.floorMod(v * 0x9E3779B97F4A7C15L, filled) + 1));
    }

    @Benchmark
    public boolean bitstateInsertNew() {
        return bits.add(Fingerprint.fmix64(nextNew++));
    }
}
