package org.uffdcheck.lang.check;


/** Checked types. Every value is stored in a whole number of int slots of the state vector. */
public sealed interface Type {
    /** Number of int slots a value of this type occupies. */
    int slots();

    String show();

    /** Types whose values fit one slot and can be compared and printed as a number. */
    default boolean isScalar() {
        return this instanceof Bool || this instanceof Int || this instanceof Enum || this instanceof Pointer
                || this instanceof Task || this instanceof Refcount || this instanceof Atomic || this instanceof Null;
    }

    record Bool() implements Type {
        public int slots() { return 1; }
        public String show() { return "bool"; }
    }

    /** Bounded when lo <= hi are the declared limits; int without limits is a 32-bit integer. */
    record Int(int lo, int hi, boolean bounded) implements Type {
        public static final Int ANY = new Int(Integer.MIN_VALUE, Integer.MAX_VALUE, false);
        public int slots() { return 1; }
        public String show() { return bounded ? "int[" + lo + ".." + hi + "]" : "int"; }
    }

    record Enum(String name, java.util.List<String> members) implements Type {
        public int slots() { return 1; }
        public String show() { return name; }
    }

    record Struct(String name, java.util.List<Field> fields, int slots) implements Type {
        public String show() { return name; }

        public Field field(String n) {
            for (Field f : fields) if (f.name().equals(n)) return f;
            return null;
        }
    }

    record Field(String name, Type type, int offset) {}

    /** The checker makes only arrays that fit a state, so slots() cannot overflow. */
    record ArrayOf(Type element, int size) implements Type {
        public int slots() { return element.slots() * size; }

        /** As written: int[2][3] is 2 arrays of int[3], so the outer size comes first. */
        public String show() {
            StringBuilder dims = new StringBuilder();
            Type t = this;
            while (t instanceof ArrayOf a) {
                dims.append('[').append(a.size).append(']');
                t = a.element;
            }
            return t.show() + dims;
        }
    }

    /** Slot 0 holds the length, then capacity elements. */
    record ListOf(Type element, int capacity) implements Type {
        public int slots() { return 1 + element.slots() * capacity; }
        public String show() { return "list<" + element.show() + ", " + capacity + ">"; }
    }

    /** 0 free; positive: bit t set for each reader thread t; -(t+1): held for writing by thread t. */
    record RwSem() implements Type {
        public int slots() { return 1; }
        public String show() { return "rwsem"; }
    }

    /** 0 free; t+1: held by thread t. */
    record SpinLock() implements Type {
        public int slots() { return 1; }
        public String show() { return "spinlock"; }
    }

    /** Refers to an object of the named struct in its pool: 0 is null, i+1 the i-th object. */
    record Pointer(String target) implements Type {
        public int slots() { return 1; }
        public String show() { return target + "*"; }
    }

    /** The type of null, which fits every pointer. */
    record Null() implements Type {
        public int slots() { return 1; }
        public String show() { return "null"; }
    }

    /** A thread: 0 none, t+1 the scenario's thread t. */
    record Task() implements Type {
        public int slots() { return 1; }
        public String show() { return "task"; }
    }

    /** A reference count: an int whose decrement below zero is a fault. */
    record Refcount() implements Type {
        public int slots() { return 1; }
        public String show() { return "refcount"; }
    }

    /** atomic_t: an int changed in one step by the atomic_* built-ins; no underflow check, as in the kernel. */
    record Atomic() implements Type {
        public int slots() { return 1; }
        public String show() { return "atomic_t"; }
    }

    /** Types that read and assign like an int. */
    static boolean intLike(Type t) { return t instanceof Int || t instanceof Refcount || t instanceof Atomic; }

    /** The type of a procedure that returns nothing. */
    record Void() implements Type {
        public int slots() { return 0; }
        public String show() { return "nothing"; }
    }

    static boolean assignable(Type to, Type from) {
        if (intLike(to) && intLike(from)) return true;
        if (to instanceof Pointer && from instanceof Null) return true;
        return to.equals(from);
    }
}
