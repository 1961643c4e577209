package org.uffdcheck.lang.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Nested blocks of local names inside one procedure (or one invariant, for quantifier variables). */
final class Scope {
    private final Deque<Map<String, Symbol>> blocks = new ArrayDeque<>();

    Scope() { push(); }

    void push() { blocks.push(new HashMap<>()); }

    void pop() { blocks.pop(); }

    void declare(String name, Symbol s) { blocks.peek().put(name, s); }

    Symbol lookup(String name) {
        for (Map<String, Symbol> b : blocks) {
            Symbol s = b.get(name);
            if (s != null) return s;
        }
        return null;
    }
}
