package org.uffdcheck.compile;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Diagnostics;
import org.uffdcheck.lang.ModelError;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ProcInfo;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.lang.check.Sizes;
import org.uffdcheck.lang.check.Symbol;
import org.uffdcheck.lang.check.Type;

/**
 * Where everything lives in the state vector:
 * [error] [globals...] [pools...] [quantifier scratch...] [failures left per injected kind...]
 * then per thread [header, stack...].
 * A frame is [return pc, caller's frame, variables...]; the caller's frame is stored relative to the
 * thread's stack.
 */
final class Layout {
    static final int ERROR = 0;
    static final int FRAME_HEADER = 2;
    /** A thread's region starts [pc, frame, task state, signal, spinlocks held], then its stack. */
    static final int HDR = 5;
    static final int TASK_STATE = 2;
    static final int SIGNAL = 3;
    static final int SPINS = 4;
    /** SIGNAL values: may not be killed, may receive one fatal signal, fatal signal pending. */
    static final int SIG_NONE = 0, SIG_ALLOWED = 1, SIG_PENDING = 2;

    final int[] globalAddr;
    /** Pools by struct name, in declaration order. */
    final Map<String, Pool> pools = new java.util.LinkedHashMap<>();
    final int boundBase;
    /** The slots counting the failures each injected kind has left, in the scenario's order. */
    final int injectBase;
    final String[] injectKinds;
    /** For every slot of a thread region, that thread's task value (t+1); 0 elsewhere. */
    final int[] owner;
    final int[] threadBase;
    final int[] stackSize;
    final int stateSize;
    /** The init code runs as one more thread whose region follows the state proper. */
    final int initBase;
    final int initStateSize;
    private final Map<ProcInfo, ProcLayout> procs = new IdentityHashMap<>();
    private final Map<ProcInfo, Long> stackNeeds = new IdentityHashMap<>();

    /** Offsets of a procedure's variables within its frame, and the frame's size. */
    static final class ProcLayout {
        final ProcInfo info;
        final int[] varOffset;
        final int frameSize;
        int entry;
        /** Declares stack objects, which die when it returns. */
        boolean hasStackObjects;

        /** The frame's size, exact even when it is too big to lay out (then offsets are not used). */
        final long slots;

        ProcLayout(ProcInfo info) {
            this.info = info;
            varOffset = new int[info.vars.size()];
            long off = FRAME_HEADER;
            for (int i = 0; i < varOffset.length; i++) {
                varOffset[i] = (int) Math.min(off, Integer.MAX_VALUE);
                off += info.vars.get(i).type().slots();
            }
            slots = off;
            frameSize = (int) Math.min(off, Integer.MAX_VALUE);
        }
    }

    /**
     * Objects of one struct: cap records of [status, fields...]. Status: never allocated, live on
     * the heap, freed, or (STACK and above) live in the frame whose key it holds. Freed records are
     * never reused, so a stale pointer always finds them freed.
     */
    record Pool(int id, Type.Struct type, int base, int stride, int cap) {
        static final int UNUSED = 0, LIVE = 1, FREED = 2, STACK = 16;

        int record(int ptr) { return base + (ptr - 1) * stride; }

        static boolean live(int status) { return status == LIVE || status >= STACK; }

        /** The status of a stack object owned by the frame at rel in thread t's stack (rel < 2^16: see Sizes). */
        static int stackKey(int t, int rel) { return STACK + (t << 16 | rel); }
    }

    /**
     * Sizes are added as longs and checked against the limit before any becomes an address, so a
     * state too big to search is a located error, never a wrapped-around size.
     */
    Layout(CheckedModel model, ScenarioInfo scenario) {
        long shared = 1;
        for (Symbol.Global g : model.globals) shared += g.type().slots();
        for (Map.Entry<String, Integer> e : model.pools.entrySet()) {
            shared += (1L + model.typeNamed(e.getKey()).slots()) * e.getValue();
        }
        List<ScenarioInfo.ThreadStart> threads = scenario.threads();
        long stacks = 0;
        for (ScenarioInfo.ThreadStart t : threads) stacks += HDR + stackNeed(t.proc());
        long init = HDR + stackNeed(scenario.init());
        long total = shared + model.boundSlots() + scenario.injects().size() + stacks + init;
        if (!Sizes.fits(total)) {
            Diagnostics d = new Diagnostics();
            d.error(scenario.span(), "scenario " + scenario.name() + " needs " + Sizes.over(total) + " (globals and pools "
                    + shared + ", forall and exists " + model.boundSlots() + ", thread stacks " + stacks + ", init " + init + ")");
            throw new ModelError(d);
        }
        int next = 1;
        globalAddr = new int[model.globals.size()];
        for (Symbol.Global g : model.globals) {
            globalAddr[g.index()] = next;
            next += g.type().slots();
        }
        for (Map.Entry<String, Integer> e : model.pools.entrySet()) {
            Type.Struct st = (Type.Struct) model.typeNamed(e.getKey());
            Pool p = new Pool(pools.size(), st, next, 1 + st.slots(), e.getValue());
            pools.put(e.getKey(), p);
            next += p.stride() * p.cap();
        }
        boundBase = next;
        next += model.boundSlots();
        injectBase = next;
        injectKinds = scenario.injects().keySet().toArray(new String[0]);
        next += injectKinds.length;
        threadBase = new int[threads.size() + 1];
        stackSize = new int[threads.size() + 1];
        for (int t = 0; t < threads.size(); t++) {
            threadBase[t] = next;
            stackSize[t] = (int) stackNeed(threads.get(t).proc());
            next += HDR + stackSize[t];
        }
        stateSize = next;
        initBase = next;
        threadBase[threads.size()] = next;
        stackSize[threads.size()] = (int) stackNeed(scenario.init());
        initStateSize = next + HDR + stackSize[threads.size()];
        owner = new int[initStateSize];
        for (int t = 0; t <= threads.size(); t++) {
            int end = t < threads.size() ? threadBase[t] + HDR + stackSize[t] : initStateSize;
            java.util.Arrays.fill(owner, threadBase[t], end, t + 1);
        }
    }

    /** The slot counting the failures of kind left, or -1 when the scenario does not inject it. */
    int injectSlot(String kind) {
        for (int i = 0; i < injectKinds.length; i++) if (injectKinds[i].equals(kind)) return injectBase + i;
        return -1;
    }

    ProcLayout proc(ProcInfo p) {
        return procs.computeIfAbsent(p, ProcLayout::new);
    }

    /**
     * Deepest stack a call of p can need; the checker has ruled out recursion. Remembered per
     * procedure, as shared callees would otherwise be walked once per path to them.
     */
    private long stackNeed(ProcInfo p) {
        Long known = stackNeeds.get(p);
        if (known != null) return known;
        long deepest = 0;
        for (ProcInfo c : p.callees) deepest = Math.max(deepest, stackNeed(c));
        long need = proc(p).slots + deepest;
        stackNeeds.put(p, need);
        return need;
    }
}
