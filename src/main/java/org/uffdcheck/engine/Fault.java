package org.uffdcheck.engine;

/**
 * Mistakes the runtime catches in any model. Each is a property of its own that a scenario can
 * expect to be violated; all are always checked.
 */
public enum Fault {
    ASSERT("assert", "assert", "assertion failed"),
    UNLOCK_NOT_HELD("unlock_not_held", "unlock_not_held", "released a lock this thread does not hold"),
    RECURSIVE_LOCK("recursive_lock", "recursive_lock", "took for reading an rwsem this thread already holds"),
    INDEX_OUT_OF_BOUNDS("index_out_of_bounds", "index_out_of_bounds", "index out of bounds"),
    LIST_FULL("list_full", "list_full", "added to a full list"),
    LIST_EMPTY("list_empty", "list_empty", "took from an empty list"),
    VALUE_OUT_OF_RANGE("value_out_of_range", "value_out_of_range", "value out of the variable's range"),
    ARITHMETIC("arithmetic", "arithmetic", "integer overflow or division by zero"),
    ATOMIC_TOO_LONG("atomic_too_long", "atomic_too_long", "atomic block ran for too many steps without finishing or blocking"),
    USE_AFTER_FREE("memory_safe", "use_after_free", "use after free: access through a pointer to a freed object"),
    DOUBLE_FREE("memory_safe", "double_free", "double free"),
    INVALID_FREE("memory_safe", "invalid_free", "kfree of an object that lives on a stack"),
    NULL_DEREF("memory_safe", "null_deref", "null pointer dereference"),
    LEAK("memory_safe", "leak", "leak: an object is allocated but unreachable at the end"),
    REFCOUNT_UNDERFLOW("memory_safe", "refcount_underflow", "reference count decremented below zero"),
    SLEEP_UNDER_SPINLOCK("sleep_under_spinlock", "sleep_under_spinlock", "may sleep while holding a spinlock"),
    USER_WAIT_UNDER_LOCK("no_wait_under_mmap_sem", "wait_under_mmap_sem",
            "waits for user space while holding a lock marked forbid_user_wait"),
    POOL_EXHAUSTED("pool_exhausted", "pool_exhausted", "kmalloc found its pool empty: raise the pool's size"),
    OBSERVE_TWICE("observe_once", "observe_twice", "a second observe in one step: a step makes at most one observation");

    /** The property a violation is reported against; several faults can share one. */
    public final String property;
    /** What exactly went wrong. */
    public final String kind;
    public final String description;

    Fault(String property, String kind, String description) {
        this.property = property;
        this.kind = kind;
        this.description = description;
    }

    /** A mistake in how the model is written rather than a behaviour it has: bad input, not a verdict. */
    public boolean modelError() {
        return this == OBSERVE_TWICE;
    }

    public static Fault byProperty(String name) {
        for (Fault f : values()) if (f.property.equals(name)) return f;
        return null;
    }
}
