package org.uffdcheck.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uffdcheck.engine.ExploreOptions;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.engine.ExploreResult.Status;

/**
 * One state with more successors than the visited table's first capacity: a search that stored a
 * whole group before growing the table used to fail with "fingerprint table full".
 */
class WideStateTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aStateWithMoreSuccessorsThanTheTableHoldsIsExploredWhole(int workers) {
        int leaves = 40_000;
        int[][] adj = new int[leaves + 1][];
        adj[0] = new int[leaves];
        for (int i = 0; i < leaves; i++) {
            adj[0][i] = i + 1;
            adj[i + 1] = new int[0];
        }
        Graph g = new Graph(adj, 2);
        ExploreOptions bfs = ExploreOptions.defaults().withProgressSeconds(0).withWorkers(workers);
        ExploreResult r = new Explorer(g.system(), g.noChecks(), bfs).run();
        assertEquals(leaves + 1, r.stats().states());
        assertEquals(leaves, r.stats().transitions());
        assertEquals(Status.HOLDS, r.status());
    }
}
