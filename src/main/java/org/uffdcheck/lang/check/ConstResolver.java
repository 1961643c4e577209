package org.uffdcheck.lang.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;

/**
 * Gives every constant its value, whatever the order of the declarations and the files they are
 * in: a library may derive a constant from constants its including model declares. Each constant
 * is folded after those it names; a cycle among them is reported once, naming its members.
 */
final class ConstResolver {
    private static final int ON_PATH = 1, DONE = 2;

    private final Names names;
    private final Diagnostics diags;
    private final TypeResolver types;
    private final Map<String, Decl.Const> decls = new LinkedHashMap<>();
    private final Map<String, Integer> state = new HashMap<>();

    ConstResolver(Names names, Diagnostics diags, TypeResolver types) {
        this.names = names;
        this.diags = diags;
        this.types = types;
    }

    /** consts: the declarations that took their name (a duplicate has been reported and is left out). */
    void resolve(List<Decl.Const> consts, List<Decl> all) {
        for (Decl.Const c : consts) decls.put(c.name().name(), c);
        for (Decl d : all) {
            if (d instanceof Decl.Global g) names.globals.add(g.name().name());
        }
        for (String root : decls.keySet()) {
            if (!state.containsKey(root)) visit(root);
        }
    }

    /** Depth first over the constants a constant names, with an explicit stack: chains may be long. */
    private void visit(String root) {
        Deque<String> path = new ArrayDeque<>();
        Deque<Iterator<String>> pending = new ArrayDeque<>();
        enter(root, path, pending);
        while (!path.isEmpty()) {
            Iterator<String> next = pending.peek();
            if (!next.hasNext()) {
                pending.pop();
                fold(path.pop());
                continue;
            }
            String dep = next.next();
            Integer st = state.get(dep);
            if (st == null) enter(dep, path, pending);
            else if (st == ON_PATH) cycle(dep, path);
        }
    }

    private void enter(String name, Deque<String> path, Deque<Iterator<String>> pending) {
        state.put(name, ON_PATH);
        path.push(name);
        Set<String> deps = new LinkedHashSet<>();
        namesIn(decls.get(name).value(), deps);
        deps.retainAll(decls.keySet());
        pending.push(deps.iterator());
    }

    private void fold(String name) {
        state.put(name, DONE);
        Decl.Const c = decls.get(name);
        if (names.broken.contains(name)) return;
        Integer v = types.constant(c.value(), "value of " + name);
        if (v == null) names.broken.add(name);
        else names.values.put(name, new Symbol.Const(name, Type.Int.ANY, v));
    }

    /** path holds the constants being folded, innermost first; dep is one of them. */
    private void cycle(String dep, Deque<String> path) {
        List<String> members = new ArrayList<>();
        for (String p : path) {
            members.add(0, p);
            if (p.equals(dep)) break;
        }
        names.broken.addAll(members);
        members.add(dep);
        diags.error(decls.get(dep).name().span(), "constant " + dep + " depends on itself: " + String.join(" -> ", members));
    }

    /** Every name an expression mentions (recursing as deep as folding the expression does). */
    private static void namesIn(Expr e, Set<String> out) {
        if (e instanceof Expr.Name n) out.add(n.ident().name());
        else if (e instanceof Expr.Unary u) namesIn(u.operand(), out);
        else if (e instanceof Expr.Binary b) {
            namesIn(b.left(), out);
            namesIn(b.right(), out);
        }
    }
}
