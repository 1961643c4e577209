package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.ProcInfo;
import org.uffdcheck.lang.check.ScenarioInfo;
import org.uffdcheck.lang.check.Symbol;

/**
 * Where everything lives in the state vector:
 * [error] [globals...] [quantifier scratch...] then per thread [pc, fp, stack...].
 * A frame is [return pc, caller's fp, variables...]; fp is relative to the thread's stack.
 */
final class Layout {
    static final int ERROR = 0;
    static final int FRAME_HEADER = 2;

    final int[] globalAddr;
    final int boundBase;
    final int[] threadBase;
    final int[] stackSize;
    final int stateSize;
    /** The init code runs as one more thread whose region follows the state proper. */
    final int initBase;
    final int initStateSize;
    private final Map<ProcInfo, ProcLayout> procs = new IdentityHashMap<>();

    /** Offsets of a procedure's variables within its frame, and the frame's size. */
    static final class ProcLayout {
        final ProcInfo info;
        final int[] varOffset;
        final int frameSize;
        int entry;

        ProcLayout(ProcInfo info) {
            this.info = info;
            varOffset = new int[info.vars.size()];
            int off = FRAME_HEADER;
            for (int i = 0; i < varOffset.length; i++) {
                varOffset[i] = off;
                off += info.vars.get(i).type().slots();
            }
            frameSize = off;
        }
    }

    Layout(CheckedModel model, ScenarioInfo scenario) {
        int next = 1;
        globalAddr = new int[model.globals.size()];
        for (Symbol.Global g : model.globals) {
            globalAddr[g.index()] = next;
            next += g.type().slots();
        }
        boundBase = next;
        next += model.boundSlots();
        List<ScenarioInfo.ThreadStart> threads = scenario.threads();
        threadBase = new int[threads.size() + 1];
        stackSize = new int[threads.size() + 1];
        for (int t = 0; t < threads.size(); t++) {
            threadBase[t] = next;
            stackSize[t] = stackNeed(threads.get(t).proc(), new ArrayList<>());
            next += 2 + stackSize[t];
        }
        stateSize = next;
        initBase = next;
        threadBase[threads.size()] = next;
        stackSize[threads.size()] = stackNeed(scenario.init(), new ArrayList<>());
        initStateSize = next + 2 + stackSize[threads.size()];
    }

    ProcLayout proc(ProcInfo p) {
        return procs.computeIfAbsent(p, ProcLayout::new);
    }

    Iterable<ProcLayout> procs() { return procs.values(); }

    /** Deepest stack a call of p can need; the checker has ruled out recursion. */
    private int stackNeed(ProcInfo p, List<ProcInfo> path) {
        int deepest = 0;
        for (ProcInfo c : p.callees) deepest = Math.max(deepest, stackNeed(c, path));
        return proc(p).frameSize + deepest;
    }
}
