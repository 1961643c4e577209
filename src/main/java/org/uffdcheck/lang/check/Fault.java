package org.uffdcheck.lang.check;

/**
 * Mistakes the runtime catches in any model. Each is a property of its own that a scenario can
 * expect to be violated; all are always checked.
 */
public enum Fault {
    ASSERT("assert", "assertion failed"),
    UNLOCK_NOT_HELD("unlock_not_held", "released a lock this thread does not hold"),
    RECURSIVE_LOCK("recursive_lock", "took for reading an rwsem this thread already holds"),
    INDEX_OUT_OF_BOUNDS("index_out_of_bounds", "index out of bounds"),
    LIST_FULL("list_full", "added to a full list"),
    LIST_EMPTY("list_empty", "took from an empty list"),
    VALUE_OUT_OF_RANGE("value_out_of_range", "value out of the variable's range"),
    ARITHMETIC("arithmetic", "integer overflow or division by zero"),
    ATOMIC_TOO_LONG("atomic_too_long", "atomic block ran for too many steps without finishing or blocking");

    public final String property;
    public final String description;

    Fault(String property, String description) {
        this.property = property;
        this.description = description;
    }

    public static Fault byProperty(String name) {
        for (Fault f : values()) if (f.property.equals(name)) return f;
        return null;
    }
}
