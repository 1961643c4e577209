package org.uffdcheck.explore;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.engine.Bound;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.Stats;
import org.uffdcheck.engine.Execution;
import org.uffdcheck.engine.Violation;
import org.uffdcheck.engine.Witness;
import org.uffdcheck.state.ParentLinks;

/** Turns what a breadth-first search found into a result, rebuilding each trace from the parent links. */
final class BfsResult {
    private final Bfs bfs;

    BfsResult(Bfs bfs) {
        this.bfs = bfs;
    }

    ExploreResult build(int deepest, long transitions, long states, Bound bound, Stats.Waits waits) {
        List<Violation> violations = new ArrayList<>();
        for (Findings.End e : bfs.findings.violations()) {
            violations.add(new Violation(e.what(), execution(e)));
            if (!bfs.all) break;
        }
        List<Witness> witnesses = new ArrayList<>();
        for (int i = 0; i < bfs.checks.reachableCount(); i++) {
            Findings.End w = bfs.findings.witness(i);
            witnesses.add(new Witness(bfs.checks.reachable(i), w == null ? null : execution(w)));
        }
        Stats stats = new Stats(states, transitions, deepest, bfs.control.elapsedSeconds(),
                bfs.visited.bytes() + bfs.links.bytes(), waits);
        return Verdict.of(violations, bfs.control, bound, stats, witnesses, bfs.visited);
    }

    private Execution execution(Findings.End e) {
        ParentLinks links = bfs.links;
        int len = e.ordinal() >= 0 ? 1 : 0;
        for (long id = e.id(); links.parent(id) >= 0; id = links.parent(id)) len++;
        int[] ordinals = new int[len];
        int k = len;
        if (e.ordinal() >= 0) ordinals[--k] = e.ordinal();
        for (long id = e.id(); links.parent(id) >= 0; id = links.parent(id)) ordinals[--k] = links.ordinal(id);
        return PathRebuilder.fromOrdinals(bfs.ts, ordinals);
    }
}
