package org.uffdcheck.lang.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Stmt;

/**
 * Judges every goto of one body against the label it names. A jump may leave or enter blocks as
 * in C, except where the code it lands in would run in a state no structured path reaches: inside
 * another atomic block than its own (an atomic block is one step from its start), inside a for
 * loop's body (the iterator is unset), or in the scope of a declaration it skipped (the variable
 * or stack object would not exist).
 */
final class Gotos {
    /** The statements enclosing a place, outermost first, and where each next one sits in it. */
    private record Site(List<Stmt> outer, List<Integer> index) {}

    private final Map<String, Site> labels = new HashMap<>();
    private final List<Stmt.Goto> gotos = new ArrayList<>();
    private final List<Site> gotoSites = new ArrayList<>();
    private final List<Stmt> outer = new ArrayList<>();
    private final List<Integer> index = new ArrayList<>();

    private Gotos() {}

    static void check(Stmt.Block body, String proc, Diagnostics diags, CheckedModel out) {
        Gotos g = new Gotos();
        g.walk(body);
        for (int i = 0; i < g.gotos.size(); i++) {
            Stmt.Goto jump = g.gotos.get(i);
            Site from = g.gotoSites.get(i);
            if (!g.judge(jump, from, proc, diags)) continue;
            // Leaving a for loop other than through its head must still clear its counter: the
            // head starts a new run of the loop only from a zero counter.
            List<Stmt.For> left = new ArrayList<>();
            for (int d = from.outer().size() - 1; d >= 0; d--) {
                if (from.outer().get(d) instanceof Stmt.For f && !encloses(g.labels.get(jump.label().name()), f)) left.add(f);
            }
            if (!left.isEmpty()) out.forsLeft.put(jump, left);
        }
    }

    private void walk(Stmt s) {
        if (s instanceof Stmt.Goto g) {
            gotos.add(g);
            gotoSites.add(here());
            return;
        }
        if (s instanceof Stmt.Labeled l) labels.putIfAbsent(l.label().name(), here());
        outer.add(s);
        index.add(-1);
        if (s instanceof Stmt.Block b) {
            for (int i = 0; i < b.stmts().size(); i++) {
                index.set(index.size() - 1, i);
                walk(b.stmts().get(i));
            }
        } else if (s instanceof Stmt.Labeled l) {
            walk(l.stmt());
        } else if (s instanceof Stmt.If i) {
            walk(i.then());
            if (i.orElse() != null) walk(i.orElse());
        } else if (s instanceof Stmt.While w) {
            walk(w.body());
        } else if (s instanceof Stmt.For f) {
            walk(f.body());
        } else if (s instanceof Stmt.Atomic a) {
            walk(a.body());
        } else if (s instanceof Stmt.Either e) {
            for (Stmt.Block b : e.branches()) walk(b);
        }
        outer.remove(outer.size() - 1);
        index.remove(index.size() - 1);
    }

    private Site here() { return new Site(List.copyOf(outer), List.copyOf(index)); }

    /** Reports what is wrong with the jump; true when nothing is. */
    private boolean judge(Stmt.Goto g, Site from, String proc, Diagnostics diags) {
        String name = g.label().name();
        Site to = labels.get(name);
        if (to == null) {
            diags.error(g.label().span(), "goto: no label '" + name + "' in " + proc);
            return false;
        }
        for (Stmt s : to.outer()) {
            if (s instanceof Stmt.Atomic && !encloses(from, s)) {
                diags.error(g.span(), "goto " + name + " jumps into an atomic block; an atomic block is entered at its start");
                return false;
            }
            if (s instanceof Stmt.For && !encloses(from, s)) {
                diags.error(g.span(), "goto " + name + " jumps into the body of a for loop, whose variable would not be set");
                return false;
            }
        }
        for (Stmt s : from.outer()) {
            if (s instanceof Stmt.Atomic && !encloses(to, s)) {
                diags.error(g.span(), "goto " + name + " jumps out of an atomic block; an atomic block is left at its end");
                return false;
            }
        }
        String skipped = skippedDeclaration(from, to);
        if (skipped != null) {
            diags.error(g.span(), "goto " + name + " jumps past the declaration of '" + skipped
                    + "' into its scope, where it would not be set");
            return false;
        }
        return true;
    }

    /** A declaration whose scope holds the label but not the goto: the jump would skip it. */
    private static String skippedDeclaration(Site from, Site to) {
        for (int d = 0; d < to.outer().size(); d++) {
            if (!(to.outer().get(d) instanceof Stmt.Block b)) continue;
            int reachedAt = to.index().get(d);
            int fromAt = positionIn(from, b);
            for (int j = 0; j < reachedAt; j++) {
                String v = declared(b.stmts().get(j));
                if (v != null && fromAt <= j) return v;
            }
        }
        return null;
    }

    /** Where the site sits in block b, or -1 when b does not enclose it. */
    private static int positionIn(Site site, Stmt.Block b) {
        for (int i = 0; i < site.outer().size(); i++) if (site.outer().get(i) == b) return site.index().get(i);
        return -1;
    }

    private static boolean encloses(Site site, Stmt s) {
        for (Stmt o : site.outer()) if (o == s) return true;
        return false;
    }

    private static String declared(Stmt s) {
        while (s instanceof Stmt.Labeled l) s = l.stmt();
        if (s instanceof Stmt.Local l) return l.name().name();
        if (s instanceof Stmt.StackVar v) return v.name().name();
        return null;
    }
}
