package org.uffdcheck.lang.ast;

import java.util.List;
import org.uffdcheck.lang.Span;

/** The lines of a scenario block. */
public sealed interface ScenarioItem {
    Span span();

    /** thread NAME = proc(args); */
    record Thread(Ident name, Ident proc, List<Expr> args, Span span) implements ScenarioItem {}

    /** init { assignments to globals } run once to build the initial state. */
    record Init(Stmt.Block body, Span span) implements ScenarioItem {}

    /** check NAME, NAME, ...; invariants, reachables, deadlock. */
    record Check(List<Ident> properties, Span span) implements ScenarioItem {}

    /** kill T1, T2; each may receive one fatal signal where it sleeps killably. */
    record Kill(List<Ident> threads, Span span) implements ScenarioItem {}

    /** inject NAME [max N], ...; allocation and limit failures the search may choose. */
    record Inject(List<Failure> kinds, Span span) implements ScenarioItem {}

    /** One kind of an inject line; max is null when the line gives none. */
    record Failure(Ident name, Expr max) {}

    /** max_states N;  max_depth N; */
    record Bound(Ident kind, Expr value, Span span) implements ScenarioItem {}

    /** fairness none|weak|strong; which runs count for the scenario's eventually and leadsto properties. */
    record FairnessLine(Ident mode, Span span) implements ScenarioItem {}

    /** expect holds;  expect violation NAME;  expect deadlock; */
    record Expect(Ident verdict, Ident property, Span span) implements ScenarioItem {}
}
