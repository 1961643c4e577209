package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.ModelFile;
import org.uffdcheck.lang.ast.Stmt;

/** Parsing helpers shared by the parser tests. */
final class Models {
    private Models() {}

    static ModelFile parse(String text, Diagnostics diags) {
        return Parser.parse(new SourceFile(Path.of("uffd.uffd"), "models/uffd.uffd", text), diags);
    }

    /** Parses text that must be free of errors. */
    static ModelFile parseOk(String text) {
        Diagnostics diags = new Diagnostics();
        ModelFile f = parse(text, diags);
        assertFalse(diags.hasErrors(), () -> diags.render());
        return f;
    }

    /** Rendered diagnostics of text that is expected to be wrong. */
    static String errors(String text) {
        Diagnostics diags = new Diagnostics();
        parse(text, diags);
        return diags.hasErrors() ? diags.render() : "";
    }

    static Expr expr(String text) {
        Decl.Const c = (Decl.Const) parseOk("const X = " + text + ";").decls().get(0);
        return c.value();
    }

    /** The statements of a procedure body. */
    static java.util.List<Stmt> body(String stmts) {
        Decl.Proc p = (Decl.Proc) parseOk("proc t() {\n" + stmts + "\n}").decls().get(0);
        return p.body().stmts();
    }

    /** A compact prefix rendering of expressions, to assert on tree shape. */
    static String show(Expr e) {
        if (e instanceof Expr.IntLit i) return Long.toString(i.value());
        if (e instanceof Expr.BoolLit b) return Boolean.toString(b.value());
        if (e instanceof Expr.Name n) return n.ident().name();
        if (e instanceof Expr.Field f) return show(f.target()) + "." + f.field();
        if (e instanceof Expr.Index i) return show(i.target()) + "[" + show(i.index()) + "]";
        if (e instanceof Expr.Unary u) return "(" + (u.op() == Expr.UnaryOp.NOT ? "!" : "-") + show(u.operand()) + ")";
        if (e instanceof Expr.Binary b) return "(" + show(b.left()) + " " + b.op().symbol + " " + show(b.right()) + ")";
        if (e instanceof Expr.Call c) return c.callee() + c.args().stream().map(Models::show).toList().toString();
        if (e instanceof Expr.StructLit s) {
            return s.type() + "{" + String.join(", ", s.fields().stream().map(f -> f.field() + ": " + show(f.value())).toList()) + "}";
        }
        if (e instanceof Expr.Quantifier q) {
            return "(" + (q.forall() ? "forall " : "exists ") + q.var() + " in " + show(q.domain()) + ": " + show(q.body()) + ")";
        }
        if (e instanceof Expr.Range r) return show(r.lo()) + ".." + show(r.hi());
        Expr.At a = (Expr.At) e;
        return a.thread() + "@" + a.label();
    }
}
