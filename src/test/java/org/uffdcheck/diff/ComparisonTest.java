package org.uffdcheck.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Hand-made cases of what must and must not differ, and how the difference is told. */
class ComparisonTest {
    private static final int A = 1;
    private static final int B = 2;
    private static final int T = Lts.INTERNAL;

    @Test
    void aNewObservationIsATraceDifferenceOfTheNewSide() {
        Lts old = Lts.of(2, new int[] {0, 1, A});
        Lts neu = Lts.of(3, new int[] {0, 1, A}, new int[] {1, 2, B});
        Difference d = ComparisonProperties.compare(old, neu).difference();
        assertEquals(Difference.Kind.TRACE, d.kind());
        assertEquals(1, d.side());
        assertArrayEquals(new int[] {A}, d.trace());
        assertEquals(B, d.label());
        assertArrayEquals(new int[0], d.otherNext());
    }

    @Test
    void internalStepsAndRetryLoopsAreNoDifference() {
        Lts direct = Lts.of(2, new int[] {0, 1, A});
        // Spins internally between 0 and 1 before it observes: fair abstraction leaves the loop.
        Lts spinning = Lts.of(4, new int[] {0, 1, T}, new int[] {1, 0, T}, new int[] {1, 2, T}, new int[] {2, 3, A});
        assertEquals(Outcome.Status.SAME, ComparisonProperties.compare(direct, spinning).status());
    }

    @Test
    void blockingWhereTheOtherAlwaysOffersIsARefusal() {
        Lts old = Lts.of(2, new int[] {0, 1, A});
        // Same traces, but may first step internally into a state that never observes anything.
        Lts neu = Lts.of(3, new int[] {0, 1, A}, new int[] {0, 2, T});
        Difference d = ComparisonProperties.compare(old, neu).difference();
        assertEquals(Difference.Kind.REFUSAL, d.kind());
        assertEquals(1, d.side());
        assertArrayEquals(new int[0], d.trace());
        assertArrayEquals(new int[0], d.stableOffer());
        assertEquals(1, d.otherOffers().size());
        assertArrayEquals(new int[] {A}, d.otherOffers().get(0));
    }

    @Test
    void aLivelockWithNoWayOutRefusesLikeADeadlock() {
        Lts blocked = Lts.of(2, new int[] {0, 1, A});
        Lts livelock = Lts.of(3, new int[] {0, 1, A}, new int[] {1, 2, T}, new int[] {2, 1, T});
        assertEquals(Outcome.Status.SAME, ComparisonProperties.compare(blocked, livelock).status());
    }

    @Test
    void anInternalChoiceIsNotAnExternalOne() {
        // a + b against tau.a + tau.b: same traces, but the second can refuse either.
        Lts external = Lts.of(3, new int[] {0, 1, A}, new int[] {0, 2, B});
        Lts internal = Lts.of(5, new int[] {0, 1, T}, new int[] {0, 2, T}, new int[] {1, 3, A}, new int[] {2, 4, B});
        Difference d = ComparisonProperties.compare(external, internal).difference();
        assertEquals(Difference.Kind.REFUSAL, d.kind());
        assertEquals(1, d.side());
        assertEquals(1, d.stableOffer().length);
    }

    @Test
    void aTraceDifferenceIsPreferredWithinItsLayer() {
        Lts old = Lts.of(3, new int[] {0, 1, A}, new int[] {0, 2, T});
        Lts neu = Lts.of(3, new int[] {0, 1, A}, new int[] {0, 2, B});
        assertEquals(Difference.Kind.TRACE, ComparisonProperties.compare(old, neu).difference().kind());
    }

    @Test
    void internalInterleavingsCompressToTheirObservations() {
        // Two threads' internal steps in either order, then one observation: a diamond, then a.
        Lts diamond = Lts.of(5, new int[] {0, 1, T}, new int[] {0, 2, T}, new int[] {1, 3, T}, new int[] {2, 3, T},
                new int[] {3, 4, A});
        Lts q = Compressed.of(diamond).quotient;
        assertEquals(2, q.states());
        assertEquals(1, q.edges());
        // A choice that an internal step resolves is kept: a + tau.b is not a + b.
        Lts choice = Lts.of(4, new int[] {0, 1, A}, new int[] {0, 2, T}, new int[] {2, 3, B});
        assertEquals(3, Compressed.of(choice).quotient.states());
    }

    @Test
    void aTraceLimitEndsWithABound() {
        Lts loop = Lts.of(1, new int[] {0, 0, A});
        Lts longer = Lts.of(2, new int[] {0, 1, A}, new int[] {1, 1, A});
        Outcome o = Comparison.compare(Compressed.of(loop).quotient, Compressed.of(longer).quotient, 0, 5);
        assertEquals(Outcome.Status.SAME, o.status());
        Lts ends = Lts.of(7, new int[] {0, 1, A}, new int[] {1, 2, A}, new int[] {2, 3, A}, new int[] {3, 4, A},
                new int[] {4, 5, A}, new int[] {5, 6, A});
        Outcome cut = Comparison.compare(Compressed.of(loop).quotient, Compressed.of(ends).quotient, 0, 3);
        assertEquals(Outcome.Status.BOUND, cut.status());
        assertEquals(3, cut.depth());
        assertEquals(Outcome.Status.DIFFERENT, ComparisonProperties.compare(loop, ends).status());
        assertEquals(6, ComparisonProperties.compare(loop, ends).difference().trace().length);
    }
}
