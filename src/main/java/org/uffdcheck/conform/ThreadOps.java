package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One thread's op lines, built call by call from the procedures of the observation vocabulary.
 * A thread runs in one process (the first argument of each process procedure) or in the monitor.
 */
final class ThreadOps {
    private static final Set<String> PROCESS = Set.of("process_fork", "process_fork_twice", "process_munmap",
            "process_exit", "process_touch", "process_mremap", "process_madvise", "process_mmap_fixed",
            "process_close_uffd", "process_poll");
    private static final Set<String> MONITOR = Set.of("mon_read", "mon_read_n", "mon_read_nonblock", "mon_poll",
            "mon_copy", "mon_zeropage", "mon_wake", "mon_close_uffd", "mon_await_asleep", "mon_poll_fault",
            "mon_poll_events");
    /** The harness's room for one thread's ops (MAX_OPS in harness.h). */
    static final int MAX_OPS = 32;
    /** Not yet placed: the first call decides. */
    private static final int UNPLACED = -2;

    final String thread;
    /** The scenario's thread names in order: a task argument t names threads.get(t - 1). */
    private final List<String> threads;
    final List<String> ops = new ArrayList<>();
    int process = UNPLACED;
    /** The threads this one awaits asleep (mon_await_asleep), by name. */
    final List<String> awaited = new ArrayList<>();
    /** An mremap that may move where the kernel chooses (MREMAP_MAYMOVE without MREMAP_FIXED). */
    boolean kernelPlaces;

    ThreadOps(String thread, List<String> threads) {
        this.thread = thread;
        this.threads = threads;
    }

    static boolean known(String proc) {
        return PROCESS.contains(proc) || MONITOR.contains(proc);
    }

    /** Adds the call's ops; null when done, else why the harness cannot run it. */
    String call(String proc, int[] a) {
        if (!known(proc)) return "thread " + thread + " calls " + proc;
        int where = PROCESS.contains(proc) ? a[0] : OpScript.MONITOR;
        if (process != UNPLACED && process != where) {
            return "thread " + thread + " calls " + proc + (where == OpScript.MONITOR ? " in the monitor"
                    : " in process " + where) + ", but runs " + (process == OpScript.MONITOR ? "in the monitor"
                    : "in process " + process) + " already";
        }
        process = where;
        int adds = proc.equals("mon_read_n") ? Math.max(a[1], 0) : proc.equals("process_fork_twice") ? 2 : 1;
        if (ops.size() + adds > MAX_OPS) return "thread " + thread + " has more than " + MAX_OPS + " operations";
        switch (proc) {
            case "process_fork" -> ops.add("fork " + a[1]);
            case "process_fork_twice" -> {
                ops.add("fork " + a[1]);
                ops.add("fork " + a[2]);
            }
            case "process_munmap" -> ops.add("munmap " + a[1] + " " + a[2]);
            case "process_exit" -> ops.add("exit");
            case "process_touch" -> ops.add("touch " + a[1]);
            case "process_mremap" -> {
                ops.add("mremap " + a[1] + " " + a[2] + " " + a[3] + " " + a[4] + " " + a[5]);
                kernelPlaces |= a[4] % 2 == 1 && a[4] / 2 % 2 == 0;
            }
            case "process_madvise" -> ops.add("madvise " + a[1] + " " + a[2] + " " + a[3]);
            case "process_mmap_fixed" -> ops.add("mmap_fixed " + a[1] + " " + a[2]);
            case "process_close_uffd" -> ops.add("close " + a[1]);
            case "process_poll" -> ops.add("poll " + a[1]);
            case "mon_read" -> ops.add("read " + a[0]);
            case "mon_read_nonblock" -> ops.add("read_nonblock " + a[0]);
            case "mon_poll" -> ops.add("poll " + a[0]);
            case "mon_poll_fault" -> ops.add("poll_fault " + a[0]);
            case "mon_poll_events" -> ops.add("poll_events " + a[0] + " " + a[1]);
            case "mon_read_n" -> {
                for (int i = 0; i < a[1]; i++) ops.add("read " + a[0]);
            }
            case "mon_copy" -> ops.add("copy " + a[0] + " " + a[1] + " " + a[2]);
            case "mon_zeropage" -> ops.add("zeropage " + a[0] + " " + a[1] + " " + a[2]);
            case "mon_wake" -> ops.add("wake " + a[0] + " " + a[1] + " " + a[2]);
            case "mon_close_uffd" -> ops.add("close_uffd " + a[0]);
            case "mon_await_asleep" -> {
                String t = a[0] >= 1 && a[0] <= threads.size() ? threads.get(a[0] - 1) : null;
                if (t == null || t.equals(thread)) return "thread " + thread + " awaits " + (t == null ? "no thread" : "itself") + " asleep";
                awaited.add(t);
                ops.add("asleep " + t);
            }
            default -> throw new IllegalStateException(proc);
        }
        return null;
    }
}
