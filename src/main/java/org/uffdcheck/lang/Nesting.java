package org.uffdcheck.lang;

import java.util.function.Supplier;

/**
 * How deep a model's expressions, statements and types may nest. Every pass after the parser
 * (checking, compiling, evaluating, describing) recurses on the syntax tree, so the parser bounds
 * the tree's height rather than only how its text nests: a flat chain {@code a + a + ... + a} is as
 * deep a tree as the same number of nested parentheses.
 */
public final class Nesting {
    /** Levels each of an expression, a statement and a type may nest; see "Limits" in the language reference. */
    public static final int LIMIT = 256;

    private Nesting() {}

    static String tooDeep(String what) {
        return what + " nested deeper than " + LIMIT + " levels";
    }

    /** How deep one kind of construct is nested at the parser's position. */
    static final class Depth {
        private final TokenCursor in;
        private final String what;
        private int level;

        Depth(TokenCursor in, String what) {
            this.in = in;
            this.what = what;
        }

        /** Runs body one level deeper, or refuses the token at hand as that level is past the limit. */
        <T> T nest(Supplier<T> body) {
            enter();
            try {
                return body.get();
            } finally {
                leave();
            }
        }

        /** As nest, for the expression parser, which recurses most and so saves the lambda's frame. */
        void enter() {
            if (level >= LIMIT) throw in.fail(in.peek().span(), tooDeep(what));
            level++;
        }

        void leave() { level--; }

        int level() { return level; }

        void set(int level) { this.level = level; }
    }
}
