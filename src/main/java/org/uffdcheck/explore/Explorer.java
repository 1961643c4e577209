package org.uffdcheck.explore;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.uffdcheck.compile.TransitionSystem;
import org.uffdcheck.props.StateChecks;

/**
 * Runs one search of a transition system against its state checks. run() does the work on the
 * calling thread; requestStop() and progress() may be called from any other thread, e.g. a
 * shutdown hook that wants the partial result when the user presses Ctrl-C.
 */
public final class Explorer {
    private final TransitionSystem ts;
    private final StateChecks checks;
    private final ExploreOptions opts;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile Consumer<Progress> listener;
    private volatile RunControl control;

    public Explorer(TransitionSystem ts, StateChecks checks, ExploreOptions opts) {
        this.ts = ts;
        this.checks = checks;
        this.opts = opts;
    }

    /** Called on the searching thread about every opts.progressSeconds() seconds. */
    public void onProgress(Consumer<Progress> listener) {
        this.listener = listener;
    }

    /** Asks the search to stop soon; run() then returns INTERRUPTED with what it reached. */
    public void requestStop() {
        stop.set(true);
    }

    public Progress progress() {
        RunControl c = control;
        return c == null ? new Progress(0, 0, 0, 0, 0) : c.progress();
    }

    public ExploreResult run() {
        RunControl c = new RunControl(opts, stop, listener);
        control = c;
        switch (opts.mode()) {
            case DFS:
                return new Dfs(ts, checks, opts, c).run();
            case SIMULATE:
                return new Simulation(ts, checks, opts, c).run();
            case BFS:
            default:
                return new Bfs(ts, checks, opts, c).run();
        }
    }
}
