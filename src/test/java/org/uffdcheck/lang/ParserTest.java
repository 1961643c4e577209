package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uffdcheck.lang.Models.body;
import static org.uffdcheck.lang.Models.parseOk;
import static org.uffdcheck.lang.Models.show;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.ScenarioItem;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.ast.TypeExpr;

class ParserTest {

    private static TypeExpr type(String text) {
        return ((Decl.Global) parseOk("var v: " + text + ";").decls().get(0)).type();
    }

    @Test
    void rangeTypesVersusIntArrays() {
        TypeExpr.Int range = assertInstanceOf(TypeExpr.Int.class, type("int[0..3]"));
        assertEquals("0..3", show(range.lo()) + ".." + show(range.hi()));
        assertEquals("int[0..3]", range.span().text());

        TypeExpr.Array arr = assertInstanceOf(TypeExpr.Array.class, type("int[4]"));
        assertEquals("4", show(arr.size()));
        TypeExpr.Int elem = assertInstanceOf(TypeExpr.Int.class, arr.element());
        assertNull(elem.lo());

        TypeExpr.Int plain = assertInstanceOf(TypeExpr.Int.class, type("int"));
        assertNull(plain.hi());
    }

    @Test
    void arraySuffixesAreOutermostFirst() {
        TypeExpr.Array outer = assertInstanceOf(TypeExpr.Array.class, type("int[2][3]"));
        assertEquals("2", show(outer.size()));
        TypeExpr.Array inner = assertInstanceOf(TypeExpr.Array.class, outer.element());
        assertEquals("3", show(inner.size()));
        assertInstanceOf(TypeExpr.Int.class, inner.element());

        TypeExpr.Array ranged = assertInstanceOf(TypeExpr.Array.class, type("int[0..MAX][NR_PAGES]"));
        assertEquals("NR_PAGES", show(ranged.size()));
        assertEquals("MAX", show(((TypeExpr.Int) ranged.element()).hi()));
        assertEquals("int[0..MAX][NR_PAGES]", ranged.span().text());
    }

    @Test
    void otherTypes() {
        TypeExpr.List list = assertInstanceOf(TypeExpr.List.class, type("list<int[0..3], 4>"));
        assertEquals("4", show(list.capacity()));
        assertInstanceOf(TypeExpr.Int.class, list.element());
        assertEquals("list<int[0..3], 4>", list.span().text());
        TypeExpr.List nested = assertInstanceOf(TypeExpr.List.class, type("list<list<Msg, N>, N + 1>"));
        assertEquals("(N + 1)", show(nested.capacity()));
        assertInstanceOf(TypeExpr.Named.class, ((TypeExpr.List) nested.element()).element());
        assertInstanceOf(TypeExpr.Bool.class, type("bool"));
        assertInstanceOf(TypeExpr.RwSem.class, type("rwsem"));
        assertInstanceOf(TypeExpr.SpinLock.class, type("spinlock"));
        assertEquals("userfaultfd_ctx", ((TypeExpr.Named) type("userfaultfd_ctx")).name().name());
    }

    @Test
    void declarations() {
        List<Decl> ds = parseOk("""
                include "kernel/mm.uffd";
                const NR_PAGES = 4;
                enum uffd_event { PAGEFAULT, FORK, REMAP, REMOVE, UNMAP, }
                struct uffd_msg { event: uffd_event; addr: int[0..NR_PAGES]; }
                var mmap_sem: rwsem;
                var released: bool = false;
                proc handle_userfault(addr: int, write: bool): bool { return true; }
                proc noop() { }
                invariant no_lost_wakeup: !(released && waiting > 0);
                reachable fault_resolved: faulter@end_done;
                """).decls();
        Decl.Include inc = (Decl.Include) ds.get(0);
        assertEquals("kernel/mm.uffd", inc.path());
        assertEquals("\"kernel/mm.uffd\"", inc.pathSpan().text());
        assertEquals("include \"kernel/mm.uffd\";", inc.span().text());
        assertEquals("NR_PAGES", ((Decl.Const) ds.get(1)).name().span().text());
        Decl.Enum en = (Decl.Enum) ds.get(2);
        assertEquals("[PAGEFAULT, FORK, REMAP, REMOVE, UNMAP]", en.members().toString());
        assertEquals('}', en.span().text().charAt(en.span().text().length() - 1));
        Decl.Struct st = (Decl.Struct) ds.get(3);
        assertEquals(2, st.fields().size());
        assertEquals("addr: int[0..NR_PAGES];", st.fields().get(1).span().text());
        assertInstanceOf(TypeExpr.RwSem.class, ((Decl.Global) ds.get(4)).type());
        assertEquals("false", show(((Decl.Global) ds.get(5)).init()));
        Decl.Proc p = (Decl.Proc) ds.get(6);
        assertEquals("handle_userfault", p.name().name());
        assertEquals(2, p.params().size());
        assertEquals("write: bool", p.params().get(1).span().text());
        assertInstanceOf(TypeExpr.Bool.class, p.returnType());
        assertNull(((Decl.Proc) ds.get(7)).returnType());
        Decl.Property inv = (Decl.Property) ds.get(8);
        assertEquals(Decl.PropertyKind.INVARIANT, inv.kind());
        assertEquals(Decl.PropertyKind.REACHABLE, ((Decl.Property) ds.get(9)).kind());
        assertEquals("reachable fault_resolved: faulter@end_done;", ds.get(9).span().text());
    }

    @Test
    void statements() {
        List<Stmt> s = body("""
                    var ret: int = 0;
                    down_read(mm.mmap_sem);
                    ctx.msgs[n] = uffd_msg { event: PAGEFAULT, addr: addr };
                    ret = handle_mm_fault(addr);
                    if (ctx.released) { up_read(mm.mmap_sem); return -1; }
                    else if (must_wait) { skip; } else { ret = 1; }
                    while (len(ctx.fault_pending_wqh) > 0) { break; }
                    for (m in ctx.msgs) { continue; }
                    for (i in 0..NR_PAGES - 1) { pages[i] = 0; }
                    atomic { ctx.refile = true; wake_up(ctx.fd_wqh); }
                    end_wait: await !waiting;
                    either { await ctx.released; } or { await woken; } or { skip; }
                    select addr in 0..NR_PAGES - 1;
                    assert mapped[addr], "page must be mapped after UFFDIO_COPY";
                    assert ok;
                    return;
                    { skip; }
                """);
        assertEquals(16, s.size());
        Stmt.Local local = (Stmt.Local) s.get(0);
        assertEquals("var ret: int = 0;", local.span().text());
        Stmt.Call call = (Stmt.Call) s.get(1);
        assertEquals("down_read(mm.mmap_sem);", call.span().text());
        assertEquals("down_read[mm.mmap_sem]", show(call.call()));
        Stmt.Assign asg = (Stmt.Assign) s.get(2);
        assertEquals("ctx.msgs[n]", show(asg.target()));
        assertInstanceOf(Expr.StructLit.class, asg.value());
        assertInstanceOf(Expr.Call.class, ((Stmt.Assign) s.get(3)).value());
        Stmt.If iff = (Stmt.If) s.get(4);
        Stmt.If elseIf = assertInstanceOf(Stmt.If.class, iff.orElse());
        assertInstanceOf(Stmt.Block.class, elseIf.orElse());
        assertEquals("if (ctx.released) { up_read(mm.mmap_sem); return -1; }\n"
                + "    else if (must_wait) { skip; } else { ret = 1; }", iff.span().text());
        assertInstanceOf(Stmt.Break.class, ((Stmt.While) s.get(5)).body().stmts().get(0));
        assertEquals("ctx.msgs", show(((Stmt.For) s.get(6)).domain()));
        assertInstanceOf(Expr.Range.class, ((Stmt.For) s.get(7)).domain());
        assertEquals(2, ((Stmt.Atomic) s.get(8)).body().stmts().size());
        Stmt.Labeled lab = (Stmt.Labeled) s.get(9);
        assertEquals("end_wait", lab.label().name());
        assertEquals("end_wait: await !waiting;", lab.span().text());
        assertInstanceOf(Stmt.Await.class, lab.stmt());
        assertEquals(3, ((Stmt.Either) s.get(10)).branches().size());
        Stmt.Select sel = (Stmt.Select) s.get(11);
        assertEquals("addr", show(sel.target()));
        assertEquals("0..(NR_PAGES - 1)", show(sel.range()));
        assertEquals("page must be mapped after UFFDIO_COPY", ((Stmt.Assert) s.get(12)).message());
        assertNull(((Stmt.Assert) s.get(13)).message());
        assertNull(((Stmt.Return) s.get(14)).value());
        assertInstanceOf(Stmt.Block.class, s.get(15));
        assertEquals("{ skip; }", s.get(15).span().text());
    }

    @Test
    void scenarioItems() {
        Decl.Scenario sc = (Decl.Scenario) parseOk("""
                scenario fork_during_fault {
                    init { released = false; nr_faults = 0; }
                    thread faulter = handle_userfault(0, true);
                    thread monitor = uffd_monitor();
                    check no_lost_wakeup, fault_resolved;
                    max_states 100000;
                    max_depth 2 * NR_PAGES;
                    expect violation no_lost_wakeup;
                    expect holds;
                    expect deadlock;
                }
                """).decls().get(0);
        assertEquals("fork_during_fault", sc.name().name());
        List<ScenarioItem> items = sc.items();
        assertEquals(2, ((ScenarioItem.Init) items.get(0)).body().stmts().size());
        ScenarioItem.Thread t = (ScenarioItem.Thread) items.get(1);
        assertEquals("faulter", t.name().name());
        assertEquals("handle_userfault", t.proc().name());
        assertEquals(2, t.args().size());
        assertEquals("thread faulter = handle_userfault(0, true);", t.span().text());
        assertEquals(0, ((ScenarioItem.Thread) items.get(2)).args().size());
        assertEquals("[no_lost_wakeup, fault_resolved]", ((ScenarioItem.Check) items.get(3)).properties().toString());
        ScenarioItem.Bound states = (ScenarioItem.Bound) items.get(4);
        assertEquals("max_states", states.kind().name());
        assertEquals("100000", show(states.value()));
        assertEquals("(2 * NR_PAGES)", show(((ScenarioItem.Bound) items.get(5)).value()));
        ScenarioItem.Expect v = (ScenarioItem.Expect) items.get(6);
        assertEquals("violation", v.verdict().name());
        assertEquals("no_lost_wakeup", v.property().name());
        assertNull(((ScenarioItem.Expect) items.get(7)).property());
        assertEquals("deadlock", ((ScenarioItem.Expect) items.get(8)).verdict().name());
    }

    @Test
    void scenarioWordsAreOrdinaryNamesElsewhere() {
        List<Stmt> s = body("var check: int = 0; init = thread + holds; expect: skip;");
        assertEquals(3, s.size());
        assertInstanceOf(Stmt.Labeled.class, s.get(2));
    }
}
