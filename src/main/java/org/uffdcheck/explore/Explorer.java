package org.uffdcheck.explore;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Fairness;
import org.uffdcheck.engine.StateChecks;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.state.MemoryBudget;
import org.uffdcheck.state.StateQueue;

/**
 * Runs one search of a transition system against its state checks. run() does the work on the
 * calling thread; requestStop() and progress() may be called from any other thread, e.g. a
 * shutdown hook that wants the partial result when the user presses Ctrl-C.
 */
public final class Explorer {
    private final TransitionSystem ts;
    private final StateChecks checks;
    private final ExploreOptions opts;
    private final MemoryBudget budget;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile Consumer<Progress> listener;
    private volatile RunControl control;
    private Fairness fairness = Fairness.WEAK;

    public Explorer(TransitionSystem ts, StateChecks checks, ExploreOptions opts) {
        this(ts, checks, opts, MemoryBudget.ofProcess(opts.maxMemory()));
    }

    /** A search within budget instead of the process budget opts.maxMemory() names. */
    public Explorer(TransitionSystem ts, StateChecks checks, ExploreOptions opts, MemoryBudget budget) {
        this.ts = ts;
        this.checks = checks;
        this.opts = opts;
        this.budget = budget;
    }

    /** Which runs count for liveness properties (weak fairness unless set). */
    public void fairness(Fairness f) {
        this.fairness = f;
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
        return c == null ? new Progress(0, 0, 0, 0, 0, budget.inUse(), budget.limit()) : c.progress();
    }

    /**
     * Runs the search. Reaching the memory budget ends it as a bound does; so does running out of
     * heap anyway (the stores check the budget before they grow, but not every allocation can),
     * with the counts last published, once the search's structures are unreachable and freed.
     */
    public ExploreResult run() {
        RunControl c = new RunControl(opts, stop, listener, budget);
        control = c;
        try {
            ExploreResult safety = strategy(c).run();
            // Liveness is judged on the whole graph, which only a complete exact search has seen.
            if (checks.livenessCount() == 0 || safety.status() != ExploreResult.Status.HOLDS) return safety;
            if (!livenessSound(opts)) throw new IllegalStateException("liveness needs one exact breadth-first search");
            return new LiveSearch(ts, checks, fairness, c, opts.all()).run(safety);
        } catch (MemoryBudget.Refused e) {
            return stoppedBy(c, c.memoryBound());
        } catch (OutOfMemoryError e) {
            return stoppedBy(c, RunControl.heapBound());
        } catch (StateQueue.SpillFailed e) {
            return stoppedBy(c, new Bound(Bound.Kind.DISK, e.getMessage()));
        }
    }

    /**
     * Whether a search with these options sees the whole graph as liveness needs it: an exhaustive
     * exact breadth-first search. The liveness pass numbers the graph again on one thread, so
     * any number of workers may run the safety search before it.
     */
    public static boolean livenessSound(ExploreOptions o) {
        return o.mode() == ExploreOptions.Mode.BFS && !o.bitstate();
    }

    /** The one place a mode becomes a strategy; the switch has no default, so a new mode must choose. */
    private Search strategy(RunControl c) {
        return switch (opts.mode()) {
            case BFS -> new Bfs(ts, checks, opts, c);
            case DFS -> new Dfs(ts, checks, opts, c);
            case SIMULATE -> new Simulation(ts, checks, opts, c);
        };
    }

    /** The search ran out of room (budget, heap or disk): a bound, reported with what it reached. */
    private static ExploreResult stoppedBy(RunControl c, Bound bound) {
        Progress p = c.progress();
        Stats stats = new Stats(p.states(), p.transitions(), p.depth(), p.seconds(), 0);
        return new ExploreResult(ExploreResult.Status.BOUND_REACHED, null, null, bound, null, stats, List.of());
    }
}
