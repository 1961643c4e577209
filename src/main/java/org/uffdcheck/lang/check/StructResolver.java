package org.uffdcheck.lang.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.TypeExpr;

/** Lays out structs in an order where every field's type is known first; reports containment cycles. */
final class StructResolver {
    private final Names names;
    private final Diagnostics diags;
    private final TypeResolver types;
    private final BiPredicate<String, Span> declare;

    StructResolver(Names names, Diagnostics diags, TypeResolver types, BiPredicate<String, Span> declare) {
        this.names = names;
        this.diags = diags;
        this.types = types;
        this.declare = declare;
    }

    void resolve(List<Decl> all) {
        Map<String, Decl.Struct> pending = new LinkedHashMap<>();
        for (Decl d : all) {
            if (d instanceof Decl.Struct s && declare.test(s.name().name(), s.name().span())) {
                pending.put(s.name().name(), s);
            }
        }
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (Decl.Struct s : new ArrayList<>(pending.values())) {
                if (waitsOn(s, pending)) continue;
                layout(s);
                pending.remove(s.name().name());
                progress = true;
            }
        }
        for (Decl.Struct s : pending.values()) {
            diags.error(s.name().span(), "struct " + s.name().name() + " contains itself");
        }
    }

    private boolean waitsOn(Decl.Struct s, Map<String, Decl.Struct> pending) {
        for (Decl.Field f : s.fields()) {
            if (refersTo(f.type(), pending)) return true;
        }
        return false;
    }

    private static boolean refersTo(TypeExpr t, Map<String, Decl.Struct> pending) {
        if (t instanceof TypeExpr.Named n) return pending.containsKey(n.name().name());
        if (t instanceof TypeExpr.Array a) return refersTo(a.element(), pending);
        if (t instanceof TypeExpr.List l) return refersTo(l.element(), pending);
        return false;
    }

    private void layout(Decl.Struct s) {
        List<Type.Field> fields = new ArrayList<>();
        long offset = 0;
        for (Decl.Field f : s.fields()) {
            boolean dup = false;
            for (Type.Field g : fields) dup |= g.name().equals(f.name().name());
            if (dup) {
                diags.error(f.name().span(), "duplicate field '" + f.name().name() + "' in struct " + s.name().name());
                continue;
            }
            Type t = types.resolve(f.type());
            if (t == null) continue;
            fields.add(new Type.Field(f.name().name(), t, (int) offset));
            offset += t.slots();
            if (!Sizes.fits(offset)) {
                diags.error(f.name().span(), "with field " + f.name().name() + ", struct " + s.name().name() + " needs "
                        + Sizes.over(offset));
                names.broken.add(s.name().name());
                return;
            }
        }
        names.types.put(s.name().name(), new Type.Struct(s.name().name(), List.copyOf(fields), (int) offset));
    }
}
