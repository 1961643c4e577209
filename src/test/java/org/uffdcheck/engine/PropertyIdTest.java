package org.uffdcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.uffdcheck.engine.PropertyId.Kind;

/** An id is well-formed whichever way it is made: a FAULT carries its fault, no other kind one. */
public class PropertyIdTest {
    @Test
    void eachFactoryGivesItsKind() {
        assertEquals(Kind.INVARIANT, PropertyId.invariant("small").kind());
        assertEquals(Kind.REACHABLE, PropertyId.reachable("one").kind());
        assertEquals(Kind.DEADLOCK, PropertyId.DEADLOCK.kind());
        PropertyId uaf = PropertyId.of(Fault.USE_AFTER_FREE);
        assertEquals(Kind.FAULT, uaf.kind());
        assertEquals("memory_safe", uaf.name());
        assertEquals(Fault.USE_AFTER_FREE, uaf.fault());
        assertNull(PropertyId.invariant("small").fault());
        assertNull(PropertyId.reachable("one").fault());
        assertNull(PropertyId.DEADLOCK.fault());
    }

    @Test
    void theLockRuleIsAFault() {
        PropertyId rule = PropertyId.of(Fault.USER_WAIT_UNDER_LOCK);
        assertEquals(Kind.FAULT, rule.kind());
        assertEquals("no_wait_under_mmap_sem", rule.name());
    }

    @Test
    void kindsSharingANameAreDifferentProperties() {
        assertNotEquals(PropertyId.invariant("p"), PropertyId.reachable("p"));
        assertNotEquals(PropertyId.of(Fault.LEAK), PropertyId.of(Fault.DOUBLE_FREE));
        assertNotEquals(PropertyId.invariant("memory_safe"), PropertyId.of(Fault.LEAK));
    }

    @Test
    void aNameAloneIsTheDeadlockOrAnInvariant() {
        assertEquals(PropertyId.DEADLOCK, PropertyId.named("deadlock"));
        assertEquals(PropertyId.invariant("small"), PropertyId.named("small"));
    }

    @Test
    void malformedIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PropertyId("assert", Kind.FAULT, null));
        assertThrows(IllegalArgumentException.class, () -> new PropertyId("small", Kind.INVARIANT, Fault.ASSERT));
        assertThrows(IllegalArgumentException.class, () -> new PropertyId("one", Kind.REACHABLE, Fault.LEAK));
        assertThrows(IllegalArgumentException.class, () -> new PropertyId("assert", Kind.FAULT, Fault.LEAK));
        assertThrows(IllegalArgumentException.class, () -> new PropertyId("stuck", Kind.DEADLOCK, null));
        assertThrows(NullPointerException.class, () -> new PropertyId("small", null, null));
    }

    @Test
    void aWitnessIsForAReachabilityPropertyOnly() {
        assertEquals("one", new Witness(PropertyId.reachable("one"), null).name());
        assertThrows(IllegalArgumentException.class, () -> new Witness(PropertyId.invariant("small"), null));
    }
}
