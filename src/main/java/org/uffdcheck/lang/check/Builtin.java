package org.uffdcheck.lang.check;

import java.util.HashMap;
import java.util.Map;

/** Built-in operations: kernel locks, bounded-list operations and a few pure functions. */
public enum Builtin {
    DOWN_READ("down_read", 1, true),
    DOWN_WRITE("down_write", 1, true),
    UP_READ("up_read", 1, true),
    UP_WRITE("up_write", 1, true),
    SPIN_LOCK("spin_lock", 1, true),
    SPIN_UNLOCK("spin_unlock", 1, true),
    PUSH_BACK("push_back", 2, true),
    PUSH_FRONT("push_front", 2, true),
    POP_FRONT("pop_front", 1, true),
    REMOVE("remove", 2, true),
    CLEAR("clear", 1, true),
    LEN("len", 1, false),
    CONTAINS("contains", 2, false),
    MIN("min", 2, false),
    MAX("max", 2, false),
    KMALLOC("kmalloc", 1, true),
    KFREE("kfree", 1, true),
    REFCOUNT_INC("refcount_inc", 1, true),
    REFCOUNT_DEC_AND_TEST("refcount_dec_and_test", 1, true),
    SET_CURRENT_STATE("set_current_state", 1, true),
    SCHEDULE("schedule", 0, true),
    WAKE_UP_PROCESS("wake_up_process", 1, true),
    SIGNAL_PENDING("signal_pending", 1, false),
    FATAL_SIGNAL_PENDING("fatal_signal_pending", 1, false),
    DOWN_READ_KILLABLE("down_read_killable", 1, true),
    DOWN_WRITE_KILLABLE("down_write_killable", 1, true),
    DOWN_READ_TRYLOCK("down_read_trylock", 1, true),
    DOWN_WRITE_TRYLOCK("down_write_trylock", 1, true),
    DOWNGRADE_WRITE("downgrade_write", 1, true),
    ATOMIC_READ("atomic_read", 1, false),
    ATOMIC_SET("atomic_set", 2, true),
    ATOMIC_INC("atomic_inc", 1, true),
    ATOMIC_DEC("atomic_dec", 1, true),
    ATOMIC_DEC_AND_TEST("atomic_dec_and_test", 1, true),
    ATOMIC_INC_NOT_ZERO("atomic_inc_not_zero", 1, true),
    KMEM_CACHE_ALLOC("kmem_cache_alloc", 1, true),
    /** A choice when the scenario injects its failure kind, so it is a step of its own. */
    SHOULD_FAIL("should_fail", 1, true);

    public final String spelling;
    public final int arity;
    /** Changes the state, so it may only stand as a statement (or, for pop_front, an assignment). */
    public final boolean effect;

    Builtin(String spelling, int arity, boolean effect) {
        this.spelling = spelling;
        this.arity = arity;
        this.effect = effect;
    }

    private static final Map<String, Builtin> BY_NAME = new HashMap<>();

    static {
        for (Builtin b : values()) BY_NAME.put(b.spelling, b);
    }

    public static Builtin named(String name) { return BY_NAME.get(name); }
}
