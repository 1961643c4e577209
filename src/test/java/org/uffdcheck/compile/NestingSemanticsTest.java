package org.uffdcheck.compile;

import static org.uffdcheck.compile.Sem.assertHolds;
import static org.uffdcheck.compile.Sem.assertViolation;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.ExploreResult;
import org.uffdcheck.lang.Nesting;

/**
 * Models nested as deep as the parser allows check, compile and evaluate to the right verdict. The
 * search runs on a thread with a 256 KB stack, a sixty-fourth of what search workers are given, so
 * evaluating at the limit is seen to need far less than they have.
 */
class NestingSemanticsTest {
    private static final int DEEP = Nesting.LIMIT - 2;
    private static final long SMALL_STACK = 256 << 10;

    /** (x + (x + ... (x + 0))): DEEP nested sums, DEEP * x. */
    private static String nestedSum() {
        return "(x + ".repeat(DEEP) + "0" + ")".repeat(DEEP);
    }

    private static String model(String invariant) {
        return "var x: int[0..1];\nvar total: int[0..1000];\n"
                + "proc p() { " + "if (x == 0) { ".repeat(DEEP) + "x = 1;" + " }".repeat(DEEP)
                + " total = " + nestedSum() + "; }\n"
                + "invariant inv: " + invariant + ";\n"
                + "scenario s { thread t = p(); expect holds; }\n";
    }

    private static ExploreResult exploreOnSmallStack(CompiledScenario cs) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(Sem.explore(cs));
            } catch (Throwable e) {
                out.set(e);
            }
        }, "small-stack", SMALL_STACK);
        t.start();
        t.join();
        if (out.get() instanceof Throwable e) throw new AssertionError("search failed on a small stack", e);
        return (ExploreResult) out.get();
    }

    @Test
    void deepStatementsAndExpressionsRunOnASmallStack() throws InterruptedException {
        // The invariant is exactly LIMIT levels high. One state before each of the DEEP nested ifs,
        // then before x = 1, before total = ..., and at the end.
        CompiledScenario cs = Sem.compile(model(nestedSum() + " <= " + DEEP));
        ExploreResult r = exploreOnSmallStack(cs);
        assertHolds(DEEP + 3, r);
    }

    @Test
    void deepQuantifiersFindTheViolationOnASmallStack() throws InterruptedException {
        // One value per domain: nesting, not the number of combinations, is what is tested.
        StringBuilder quantified = new StringBuilder();
        for (int i = 0; i < DEEP - 4; i++) quantified.append("forall k").append(i).append(" in 0..0: ");
        quantified.append("total + k0 < ").append(DEEP);
        CompiledScenario cs = Sem.compile(model(quantified.toString()));
        ExploreResult r = exploreOnSmallStack(cs);
        assertViolation("inv", DEEP + 2, r);
    }
}
