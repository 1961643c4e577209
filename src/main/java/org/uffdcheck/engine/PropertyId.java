package org.uffdcheck.engine;

import java.util.Objects;

/**
 * Which property a violation breaks. Several runtime faults report against one name (six against
 * memory_safe), so the name alone does not tell two violations apart; the kind and the fault do.
 * The factories are the only way in, so a FAULT always carries its fault and no other kind does.
 *
 * @param name  the property as scenarios name it in check and expect lines
 * @param kind  what sort of property it is, which decides how a state is judged against it
 * @param fault the runtime fault for a FAULT, null for every other kind
 */
public record PropertyId(String name, Kind kind, Fault fault) {
    /**
     * The sorts of property. The forbid_user_wait lock rule (no_wait_under_mmap_sem) is a FAULT, not
     * a kind of its own: the runtime raises it at the step that breaks it, the path ends there, and
     * it is expected, counted, reported and replayed exactly as the other faults are.
     */
    public enum Kind {
        INVARIANT,
        /** A runtime fault, memory-safety ones and the lock rules included. */
        FAULT,
        DEADLOCK,
        /** "This can happen": judged satisfied, not violated, by a state. */
        REACHABLE,
        // Liveness kinds: judged on the fair runs of the whole graph, never by one state.
        /** eventually NAME: P; every fair run reaches a state where P holds. */
        EVENTUALLY,
        /** leadsto NAME: P ~> Q; on every fair run, each state where P holds is followed by one where Q holds. */
        LEADSTO;

        /** Whether the kind is judged on runs (cycles and ends) rather than on single states. */
        public boolean liveness() {
            return this == EVENTUALLY || this == LEADSTO;
        }
    }

    public static final PropertyId DEADLOCK = new PropertyId("deadlock", Kind.DEADLOCK, null);

    public PropertyId {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FAULT) != (fault != null)) throw new IllegalArgumentException(kind + " " + name + " with fault " + fault);
        if (fault != null && !fault.property.equals(name)) throw new IllegalArgumentException(name + " is not the property of " + fault);
        if (kind == Kind.DEADLOCK && !name.equals("deadlock")) throw new IllegalArgumentException("a deadlock property named " + name);
    }

    public static PropertyId invariant(String name) { return new PropertyId(name, Kind.INVARIANT, null); }

    public static PropertyId of(Fault fault) { return new PropertyId(fault.property, Kind.FAULT, fault); }

    public static PropertyId reachable(String name) { return new PropertyId(name, Kind.REACHABLE, null); }

    public static PropertyId eventually(String name) { return new PropertyId(name, Kind.EVENTUALLY, null); }

    public static PropertyId leadsto(String name) { return new PropertyId(name, Kind.LEADSTO, null); }

    /** For results that carry only a name: the deadlock property, or else an invariant of that name. */
    public static PropertyId named(String name) {
        return name.equals(DEADLOCK.name) ? DEADLOCK : invariant(name);
    }

    /** The name, with the fault's kind when other faults share the name: "memory_safe (leak)". */
    public String show() {
        if (kind != Kind.FAULT) return name;
        for (Fault f : Fault.values()) {
            if (f != fault && f.property.equals(name)) return name + " (" + fault.kind + ")";
        }
        return name;
    }
}
