package org.uffdcheck.lang.check;

import org.uffdcheck.lang.Span;

/** What a name in an expression stands for. */
public sealed interface Symbol {
    String name();

    Type type();

    /** A variable shared by all threads; index is its declaration order. */
    record Global(String name, Type type, Span span, int index) implements Symbol {}

    /** A parameter or local of a procedure; index is its place among the procedure's variables. */
    record Local(String name, Type type, Span span, int index) implements Symbol {}

    record Const(String name, Type type, int value) implements Symbol {}

    /** current: the thread executing the statement. */
    record Current(String name, Type type) implements Symbol {}

    record EnumMember(String name, Type.Enum type, int ordinal) implements Symbol {}

    /**
     * The variable of forall/exists. It lives in a scratch area of the state that is zero between
     * evaluations; offset is its place there.
     */
    record Bound(String name, Type type, int offset) implements Symbol {}
}
