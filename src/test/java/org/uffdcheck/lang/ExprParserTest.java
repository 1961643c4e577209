package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uffdcheck.lang.Models.expr;
import static org.uffdcheck.lang.Models.show;

import org.junit.jupiter.api.Test;
import org.uffdcheck.lang.ast.Expr;

class ExprParserTest {

    @Test
    void precedenceAndAssociativity() {
        assertEquals("(a || (b && c))", show(expr("a || b && c")));
        assertEquals("((a && b) || c)", show(expr("a && b || c")));
        assertEquals("((a == b) && (c != d))", show(expr("a == b && c != d")));
        assertEquals("((1 + (2 * 3)) < (4 % 2))", show(expr("1 + 2 * 3 < 4 % 2")));
        assertEquals("((a - b) - c)", show(expr("a - b - c")));
        assertEquals("((a / b) * c)", show(expr("a / b * c")));
        assertEquals("((a < b) < c)", show(expr("a < b < c")));
        assertEquals("((!done) && ((-x) >= 0))", show(expr("!done && -x >= 0")));
        assertEquals("((a || b) && c)", show(expr("(a || b) && c")));
        assertEquals("(!(!ok))", show(expr("!!ok")));
    }

    @Test
    void literalsAndPostfix() {
        assertEquals("255", show(expr("0xff")));
        assertEquals("(true || false)", show(expr("true || false")));
        assertEquals("mm.vmas[i].flags", show(expr("mm.vmas[i].flags")));
        assertEquals("len[ctx.fault_pending_wqh]", show(expr("len(ctx.fault_pending_wqh)")));
        assertEquals("contains[q, (addr + 1)]", show(expr("contains(q, addr + 1)")));
        assertEquals("now[]", show(expr("now()")));
        assertEquals("(monitor@end_wait && (faulter@in_fault == false))",
                show(expr("monitor@end_wait && faulter@in_fault == false")));
    }

    @Test
    void structLiterals() {
        assertEquals("Msg{event: PAGEFAULT, addr: (base + 4)}", show(expr("Msg { event: PAGEFAULT, addr: base + 4, }")));
        assertEquals("Empty{}", show(expr("Empty {}")));
        assertEquals("(m == Msg{event: FORK})", show(expr("m == Msg { event: FORK }")));
    }

    @Test
    void quantifiersExtendRight() {
        assertEquals("(forall i in 0..(N - 1): ((pages[i] == 0) || mapped[i]))",
                show(expr("forall i in 0..N-1: pages[i] == 0 || mapped[i]")));
        assertEquals("(exists m in ctx.msgs: (m.addr == a))", show(expr("exists m in ctx.msgs: m.addr == a")));
        assertEquals("(ready && (forall t in 0..2: (exists u in 0..2: (t != u))))",
                show(expr("ready && forall t in 0..2: exists u in 0..2: t != u")));
        assertEquals("((forall i in 0..1: p[i]) && q)", show(expr("(forall i in 0..1: p[i]) && q")));
    }

    @Test
    void spansCoverTheWholeExpression() {
        assertEquals("(a || b) && c[1]", expr("(a || b) && c[1]").span().text());
        Expr.Binary b = (Expr.Binary) expr("x + len(q)");
        assertEquals("len(q)", b.right().span().text());
        assertEquals("forall i in 0..3: a[i]", expr("forall i in 0..3: a[i]").span().text());
        assertEquals("Msg { event: FORK }", expr("Msg { event: FORK }").span().text());
        assertEquals("t@end_idle", expr("t@end_idle").span().text());
        assertEquals("-(x)", expr("-(x)").span().text());
    }
}
