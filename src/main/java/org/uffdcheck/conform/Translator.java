package org.uffdcheck.conform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.Span;
import org.uffdcheck.lang.ast.Expr;
import org.uffdcheck.lang.ast.Stmt;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ProcInfo;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * A conformance scenario as the harness's op script. Its init may call only the set-up procedures
 * (directly or through procedures that do nothing else) and its threads only the process and
 * scripted-monitor procedures (likewise), all with constant arguments; anything else is a located
 * error, so that the harness runs exactly the operations the model explores.
 */
public final class Translator {
    private final CheckedModel model;
    private final ScenarioInfo scenario;
    private final ConstArgs consts;
    private final List<String> setup = new ArrayList<>();
    private int setupUffds;
    /** Set-up uffd numbers, and "m u" for each process's own fd of one (keep lines). */
    private final Set<Integer> uffds = new HashSet<>();
    private final Set<String> keeps = new HashSet<>();
    private boolean kernelPlaces;

    private Translator(CheckedModel model, ScenarioInfo scenario) {
        this.model = model;
        this.scenario = scenario;
        this.consts = new ConstArgs(model);
    }

    /** Throws ModelError, located where the model does what the kernel run cannot. */
    public static OpScript translate(CheckedModel model, ScenarioInfo scenario) {
        return new Translator(model, scenario).run();
    }

    private OpScript run() {
        Integer pages = consts.named("NR_PAGES");
        if (pages == null) throw refuse(scenario.span(), "the model defines no NR_PAGES");
        if (scenario.init().body != null) walkInit(scenario.init().body, new int[0], null);
        Integer fds = consts.named("NR_FDS");
        if (fds != null && fds < setupUffds) throw refuse(scenario.span(), "NR_FDS is below the uffds given at set-up");
        if (!scenario.injects().isEmpty()) {
            throw refuse(scenario.span(), "it injects failures (" + String.join(", ", scenario.injects().keySet())
                    + "), which a kernel run cannot choose");
        }
        List<OpScript.Thread> threads = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ScenarioInfo.ThreadStart t : scenario.threads()) names.add(t.name());
        List<ThreadOps> all = new ArrayList<>();
        for (ScenarioInfo.ThreadStart t : scenario.threads()) {
            ThreadOps ops = thread(t, names);
            all.add(ops);
            threads.add(new OpScript.Thread(t.name(), ops.process, ops.ops));
        }
        awaitedAsleep(all, threads);
        // The model moves to the highest free pages of its area; the harness puts the area where
        // the kernel's choice falls (docs/conformance.md).
        if (kernelPlaces) setup.add(0, "area top");
        limits(pages, threads.size());
        return new OpScript(scenario.name(), pages, fds == null ? -1 : fds, setup, threads, scenario.kills());
    }

    /** The harness's fixed tables (harness.h). */
    private void limits(int pages, int threads) {
        long count = setup.stream().filter(l -> l.startsWith("vma ")).count();
        if (pages < 1 || pages > 1 << 16) throw refuse(scenario.span(), "NR_PAGES must be 1 to 65536 for the harness");
        if (threads > 24) throw refuse(scenario.span(), "the harness runs at most 24 threads");
        if (count > 32 || setupUffds > 16 || setup.size() > 96) {
            throw refuse(scenario.span(), "the set-up is larger than the harness holds (32 VMAs, 16 uffds)");
        }
    }

    private ModelError refuse(Span span, String why) {
        Diagnostics d = new Diagnostics();
        d.error(span, "scenario " + scenario.name() + " cannot run on the kernel: " + why);
        return new ModelError(d);
    }

    /** in: the procedure walked, null for the init block itself. */
    private void walkInit(Stmt.Block body, int[] env, String in) {
        for (Stmt s : body.stmts()) {
            if (s instanceof Stmt.Block b) {
                walkInit(b, env, in);
                continue;
            }
            if (!(s instanceof Stmt.Call c)) {
                throw refuse(s.span(), (in == null ? "init" : "init calls " + in + ", which")
                        + " does more than call set-up procedures");
            }
            String name = c.call().callee().name();
            int[] a = args(c.call(), env, "init");
            switch (name) {
                case "monitor_setup" -> { }
                case "new_process" -> setup.add("process " + a[0]);
                case "new_uffd" -> uffd(a[0], a[1], a[2], a[3], 0, 0);
                case "new_uffd_events" -> uffd(a[0], a[1], a[2], a[3], a[4], a[5]);
                case "new_vma" -> setup.add("vma " + a[0] + " " + a[1] + " " + a[2] + " " + a[3]);
                case "new_page" -> setup.add("page " + a[0] + " " + a[1] + " " + a[2]);
                case "new_process_fd" -> {
                    setup.add("keep " + a[0] + " " + a[1]);
                    keeps.add(a[0] + " " + a[1]);
                }
                default -> {
                    ProcInfo p = userProc(c.call());
                    if (p == null || p.body == null) throw refuse(c.span(), "init calls " + name);
                    walkInit(p.body, a, name);
                }
            }
        }
    }

    private void uffd(int m, int u, int fork, int unmap, int remap, int remove) {
        List<String> f = new ArrayList<>();
        if (fork != 0) f.add("fork");
        if (unmap != 0) f.add("unmap");
        if (remap != 0) f.add("remap");
        if (remove != 0) f.add("remove");
        setup.add("uffd " + u + " " + m + " " + (f.isEmpty() ? "none" : String.join(",", f)));
        setupUffds++;
        uffds.add(u);
    }

    private int[] args(Expr.Call call, int[] env, String who) {
        int[] a = new int[call.args().size()];
        for (int i = 0; i < a.length; i++) {
            Integer v = consts.eval(call.args().get(i), env);
            if (v == null) {
                throw refuse(call.args().get(i).span(), who + " calls " + call.callee().name()
                        + " with an argument that is not a constant");
            }
            a[i] = v;
        }
        return a;
    }

    private ProcInfo userProc(Expr.Call call) {
        return model.callee(call) instanceof ProcInfo p ? p : null;
    }

    /**
     * The harness sees a thread asleep in a system call's wait for its event: a thread of a
     * process, not a monitor thread (whose reads sleep elsewhere).
     */
    private void awaitedAsleep(List<ThreadOps> all, List<OpScript.Thread> threads) {
        for (int i = 0; i < all.size(); i++) {
            for (String name : all.get(i).awaited) {
                for (OpScript.Thread t : threads) {
                    if (t.name().equals(name) && t.process() == OpScript.MONITOR) {
                        throw refuse(scenario.threads().get(i).span(), "thread " + all.get(i).thread + " awaits "
                                + name + " asleep, but " + name + " is a monitor thread, which never waits for an event");
                    }
                }
            }
        }
    }

    /**
     * Why the harness has no fd for the call's poll, or null: poll_fault reads the fdinfo the
     * monitor opened at set-up, and a process polls only its own fd of the uffd.
     */
    private String pollFd(String thread, String proc, int[] a) {
        if (proc.equals("mon_poll_fault") && !uffds.contains(a[0])) {
            return "thread " + thread + " calls mon_poll_fault(" + a[0] + "), but uffd " + a[0]
                    + " is not one of the set-up's (the harness reads the fdinfo of those only)";
        }
        if (proc.equals("process_poll") && !keeps.contains(a[0] + " " + a[1])) {
            return "thread " + thread + " calls process_poll(" + a[0] + ", " + a[1] + "), but process " + a[0]
                    + " has no fd of uffd " + a[1] + " (new_process_fd)";
        }
        return null;
    }

    private ThreadOps thread(ScenarioInfo.ThreadStart t, List<String> names) {
        ThreadOps ops = new ThreadOps(t.name(), names);
        String noFd = pollFd(t.name(), t.proc().name, t.args());
        if (noFd != null) throw refuse(t.span(), noFd);
        String why = ops.call(t.proc().name, t.args());
        if (why != null) {
            if (ThreadOps.known(t.proc().name) || t.proc().body == null) throw refuse(t.span(), why);
            walkThread(t, t.proc().body, t.args(), ops, t.proc().name);
        }
        if (ops.ops.isEmpty()) throw refuse(t.span(), "thread " + t.name() + " does nothing the harness can run");
        kernelPlaces |= ops.kernelPlaces;
        return ops;
    }

    private void walkThread(ScenarioInfo.ThreadStart t, Stmt.Block body, int[] env, ThreadOps ops, String in) {
        for (Stmt s : body.stmts()) {
            if (s instanceof Stmt.Block b) {
                walkThread(t, b, env, ops, in);
                continue;
            }
            if (!(s instanceof Stmt.Call c)) {
                throw refuse(s.span(), "thread " + t.name() + " calls " + in
                        + ", which does more than call process and monitor procedures");
            }
            String name = c.call().callee().name();
            int[] a = args(c.call(), env, "thread " + t.name());
            String noFd = pollFd(t.name(), name, a);
            if (noFd != null) throw refuse(c.span(), noFd);
            String why = ops.call(name, a);
            if (why == null) continue;
            ProcInfo p = userProc(c.call());
            if (ThreadOps.known(name) || p == null || p.body == null) throw refuse(c.span(), why);
            walkThread(t, p.body, a, ops, name);
        }
    }
}
