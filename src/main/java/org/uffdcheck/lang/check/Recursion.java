package org.uffdcheck.lang.check;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ast.Decl;

/**
 * Reports call cycles. Without recursion every thread's stack has a fixed maximum size, which keeps
 * the state vector a fixed length.
 */
final class Recursion {
    private Recursion() {}

    static void report(Collection<ProcInfo> procs, Map<String, Decl.Proc> decls, Diagnostics diags) {
        Set<ProcInfo> done = new HashSet<>();
        for (ProcInfo p : procs) {
            ProcInfo cyc = cycleFrom(p, new HashSet<>(), done);
            if (cyc != null) {
                diags.error(decls.get(cyc.name).name().span(),
                        "procedure " + cyc.name + " calls itself (directly or through others); recursion is not supported");
                return;
            }
        }
    }

    private static ProcInfo cycleFrom(ProcInfo p, Set<ProcInfo> onPath, Set<ProcInfo> done) {
        if (done.contains(p)) return null;
        if (!onPath.add(p)) return p;
        for (ProcInfo c : p.callees) {
            ProcInfo cyc = cycleFrom(c, onPath, done);
            if (cyc != null) return cyc;
        }
        onPath.remove(p);
        done.add(p);
        return null;
    }
}
