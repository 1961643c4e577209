package org.uffdcheck.state;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How much memory a search may use, counted for the whole process: what the stores hold off the
 * heap (reserved here before they allocate it), plus what the JVM itself holds (heap in use,
 * metaspace and code). Stores ask before they grow, never after, so a search that reaches the
 * budget stops with what it has instead of failing in an allocation.
 */
public final class MemoryBudget {
    public static final long KIB = 1L << 10;
    public static final long MIB = 1L << 20;
    public static final long GIB = 1L << 30;
    /** Below this the JVM alone does not fit; smaller --max-memory values are refused as usage errors. */
    public static final long MINIMUM = 32 * MIB;

    private final long limit;
    private final LongSupplier jvm;
    private final Runnable collect;
    private final AtomicLong offHeap = new AtomicLong();

    /**
     * A budget of limit bytes; jvm says what the process uses besides the reservations, and
     * collect is run once before a refusal, so that garbage on the heap is not counted as use.
     */
    public MemoryBudget(long limit, LongSupplier jvm, Runnable collect) {
        if (limit <= 0) throw new IllegalArgumentException("limit " + limit);
        this.limit = limit;
        this.jvm = jvm;
        this.collect = collect;
    }

    /** A budget for this process: limit bytes, or {@link #defaultLimit()} when limit is 0. */
    public static MemoryBudget ofProcess(long limit) {
        return new MemoryBudget(limit > 0 ? limit : defaultLimit(), MemoryBudget::jvmInUse, System::gc);
    }

    /** A budget that never refuses: for tools and tests that manage memory themselves. */
    public static MemoryBudget unlimited() {
        return new MemoryBudget(Long.MAX_VALUE, () -> 0, () -> { });
    }

    public long limit() {
        return limit;
    }

    /** Bytes in use now: the process's own memory plus every reservation. */
    public long inUse() {
        return jvm.getAsLong() + offHeap.get();
    }

    /** Bytes reserved by stores, off the heap. */
    public long reserved() {
        return offHeap.get();
    }

    /** Reserves bytes of off-heap memory (allocated by Unsafe) if they fit; false, reserving nothing, if not. */
    public boolean reserve(long bytes) {
        if (!fits(bytes)) return false;
        offHeap.addAndGet(bytes);
        return true;
    }

    /** Counts bytes that must be had whatever the budget says (the few KiB a store starts with). */
    public void force(long bytes) {
        offHeap.addAndGet(bytes);
    }

    public void release(long bytes) {
        offHeap.addAndGet(-bytes);
    }

    /**
     * Whether bytes more would stay within the budget. A first "no" collects the heap's garbage and
     * asks again: refusing is rare (it ends a search), so the collection costs nothing in practice.
     */
    public boolean fits(long bytes) {
        if (bytes < 0) return false;
        if (within(bytes)) return true;
        collect.run();
        return within(bytes);
    }

    private boolean within(long bytes) {
        long use = inUse();
        return use <= limit && bytes <= limit - use;
    }

    /**
     * The default budget: the smaller of the machine's memory (a container's limit, where there is
     * one) less an eighth of it, at least 512 MiB, for the system and other programs; and four times
     * the maximum heap, so that -Xmx scales it (the JVM's own default heap is a quarter of the
     * machine, which makes the second term the whole machine). Never below {@link #MINIMUM}.
     */
    public static long defaultLimit() {
        return defaultLimit(physicalMemory(), Runtime.getRuntime().maxMemory());
    }

    static long defaultLimit(long physical, long maxHeap) {
        long byHeap = maxHeap > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * maxHeap;
        long byMachine = physical > 0 ? physical - Math.max(512 * MIB, physical / 8) : Long.MAX_VALUE;
        return Math.max(MINIMUM, Math.min(byMachine, byHeap));
    }

    /** The machine's (or container's) memory in bytes, or -1 when the JVM cannot say. */
    static long physicalMemory() {
        try {
            var os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getTotalMemorySize();
        } catch (RuntimeException | LinkageError e) {
            // An unusual runtime: the heap term alone bounds the default.
        }
        return -1;
    }

    /** The JVM's own use: heap in use, plus metaspace and compiled code. */
    static long jvmInUse() {
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        long nonHeap = 0;
        try {
            nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getCommitted();
        } catch (RuntimeException e) {
            // Leave it out.
        }
        return heap + nonHeap;
    }

    /**
     * Parses a size as given on the command line: plain bytes, or a number with K, M, G or T
     * (powers of 1024, optionally followed by "B" or "iB"), such as 300M or 8G. Throws
     * IllegalArgumentException with a message fit for the user.
     */
    public static long parseSize(String text) {
        String s = text == null ? "" : text.strip();
        String why = "'" + s + "' is not a size; write plain bytes or a number with K, M, G or T, such as 300M or 8G";
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.endsWith("IB")) upper = upper.substring(0, upper.length() - 2);
        else if (upper.endsWith("B")) upper = upper.substring(0, upper.length() - 1);
        int shift = 0;
        if (!upper.isEmpty()) {
            switch (upper.charAt(upper.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = -1;
            }
            if (shift >= 0) upper = upper.substring(0, upper.length() - 1);
            else shift = 0;
        }
        if (upper.isEmpty() || !upper.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(why);
        }
        String tooLarge = "'" + s + "' is too large a size";
        long n;
        try {
            n = Long.parseLong(upper);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(tooLarge);
        }
        if (n > Long.MAX_VALUE >> shift) throw new IllegalArgumentException(tooLarge);
        return n << shift;
    }

    /** "300 MiB", "8 GiB", "1.5 GiB", "512 KiB" or "100 bytes": how sizes are shown to the user. */
    public static String format(long bytes) {
        if (bytes < KIB) return bytes + " bytes";
        long unit = bytes >= GIB ? GIB : bytes >= MIB ? MIB : KIB;
        String name = unit == GIB ? "GiB" : unit == MIB ? "MiB" : "KiB";
        if (bytes % unit == 0) return bytes / unit + " " + name;
        double v = (double) bytes / unit;
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, name);
    }

    /** An allocation the budget refused where the caller has no other way out than to stop. */
    public static final class Refused extends RuntimeException {
        private final long bytes;

        public Refused(long bytes) {
            super("memory budget refuses " + format(bytes), null, false, false);
            this.bytes = bytes;
        }

        public long bytes() {
            return bytes;
        }
    }
}
