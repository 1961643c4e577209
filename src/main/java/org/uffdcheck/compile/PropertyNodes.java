package org.uffdcheck.compile;

import java.util.IdentityHashMap;
import java.util.Map;
import org.uffdcheck.lang.ast.Expr;

/**
 * What each node of a scenario's property expressions compiled to. A violation is explained by
 * evaluating the same compiled nodes one by one, so the explanation cannot disagree with the
 * search about a value.
 */
final class PropertyNodes {
    final Map<Expr, IntExpr> scalars = new IdentityHashMap<>();
    final Map<Expr, Addr> addrs = new IdentityHashMap<>();
}
