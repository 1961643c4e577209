package org.uffdcheck.lang.check;

import java.util.Collection;
import java.util.Set;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Stmt;

/** Finds every statement label before bodies are checked, so thread@label may name any of them. */
final class Labels {
    private Labels() {}

    static void collect(Collection<Decl.Proc> procs, Set<String> into) {
        for (Decl.Proc p : procs) walk(p.body(), into);
    }

    private static void walk(Stmt s, Set<String> into) {
        if (s instanceof Stmt.Labeled l) {
            into.add(l.label().name());
            walk(l.stmt(), into);
        } else if (s instanceof Stmt.Block b) {
            for (Stmt t : b.stmts()) walk(t, into);
        } else if (s instanceof Stmt.If i) {
            walk(i.then(), into);
            if (i.orElse() != null) walk(i.orElse(), into);
        } else if (s instanceof Stmt.While w) {
            walk(w.body(), into);
        } else if (s instanceof Stmt.For f) {
            walk(f.body(), into);
        } else if (s instanceof Stmt.Atomic a) {
            walk(a.body(), into);
        } else if (s instanceof Stmt.Either e) {
            for (Stmt.Block b : e.branches()) walk(b, into);
        }
    }
}
