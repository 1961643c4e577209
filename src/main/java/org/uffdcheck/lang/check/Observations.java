package org.uffdcheck.lang.check;

import java.util.List;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Stmt;

/**
 * The observations a model declares by using them. A name means one kind of observation
 * everywhere, so every observe of it passes as many arguments, each of the same kind: a recording
 * is matched by name and values, and a read(...) with its arguments in another order would be
 * another observation under the same name.
 */
public final class Observations {
    private Observations() {}

    /**
     * An observation name as its first observe wrote it; a null type is an argument already
     * reported as wrong, which agrees with anything.
     */
    public record Signature(Stmt.Observe first, List<Type> types) {
        void agree(Stmt.Observe o, List<Type> got, Diagnostics diags) {
            String name = o.name().name();
            String as = " (as at " + first.span().where() + ")";
            if (got.size() != types.size()) {
                diags.error(o.span(), "observation '" + name + "' takes " + types.size() + " argument"
                        + (types.size() == 1 ? "" : "s") + as + ", found " + got.size());
                return;
            }
            for (int i = 0; i < got.size(); i++) {
                Type want = types.get(i), t = got.get(i);
                if (want != null && t != null && !kind(want).equals(kind(t))) {
                    diags.error(o.args().get(i).span(), "argument " + (i + 1) + " of observation '" + name + "' is "
                            + kind(want) + as + ", found " + kind(t));
                }
            }
        }
    }

    /** int of any range is one kind: the observation shows the value, not the variable's bounds. */
    public static String kind(Type t) {
        return t instanceof Type.Int ? "int" : t.show();
    }
}
