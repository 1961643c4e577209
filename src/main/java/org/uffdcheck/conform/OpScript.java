package org.uffdcheck.conform;

import java.util.List;

/**
 * What the harness runs for one scenario: the set-up lines, then each thread's operations, in the
 * op-script format of docs/conformance.md. fds is the monitor's fd table size, -1 for no limit.
 */
public record OpScript(String scenario, int pages, int fds, List<String> setup, List<Thread> threads,
                       List<String> kills) {
    public OpScript {
        setup = List.copyOf(setup);
        threads = List.copyOf(threads);
        kills = List.copyOf(kills);
    }

    /** Process number of the monitor's threads. */
    public static final int MONITOR = -1;

    /** A model thread: its process (or MONITOR) and its operations, one op line each. */
    public record Thread(String name, int process, List<String> ops) {
        public Thread {
            ops = List.copyOf(ops);
        }
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# uffdcheck conform op script\n");
        sb.append("scenario ").append(scenario).append('\n');
        sb.append("pages ").append(pages).append('\n');
        if (fds >= 0) sb.append("fds ").append(fds).append('\n');
        for (String s : setup) sb.append(s).append('\n');
        for (Thread t : threads) {
            sb.append("thread ").append(t.name()).append(' ')
                    .append(t.process() == MONITOR ? "monitor" : Integer.toString(t.process())).append('\n');
            for (String op : t.ops()) sb.append("  ").append(op).append('\n');
        }
        for (String k : kills) sb.append("kill ").append(k).append('\n');
        return sb.toString();
    }

    /** The thread of that name, or null. */
    public Thread thread(String name) {
        for (Thread t : threads) if (t.name().equals(name)) return t;
        return null;
    }
}
