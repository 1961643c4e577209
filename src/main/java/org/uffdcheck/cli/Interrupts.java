package org.uffdcheck.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.uffdcheck.explore.Explorer;

/**
 * Ctrl-C stops the running search rather than killing the process, so the command can still say
 * how far it got before the JVM exits. The exit status is then 3, like any other search that ends
 * before a verdict, rather than the 130 the JVM would give.
 */
final class Interrupts {
    private volatile Runnable current;
    private volatile boolean interrupted;
    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "uffdcheck-interrupt");

    Interrupts() { Runtime.getRuntime().addShutdownHook(hook); }

    void running(Explorer e) {
        stopping(e == null ? null : e::requestStop);
    }

    /** What stops the work in progress (a diff builds graphs, not with an Explorer); null when none runs. */
    void stopping(Runnable stop) {
        current = stop;
        if (interrupted && stop != null) stop.run();
    }

    boolean interrupted() { return interrupted; }

    /** The command has printed its report; a pending exit may go ahead. */
    void done() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // The JVM is already shutting down because of Ctrl-C; the hook is running.
        }
    }

    private void onSignal() {
        interrupted = true;
        Runnable stop = current;
        if (stop != null) stop.run();
        try {
            reported.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        // The JVM is shutting down with the signal's status; only halt can still choose another.
        Runtime.getRuntime().halt(Main.BOUND);
    }
}
