package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.lang.Diagnostics;

/**
 * The jumps and labels of the procedure being generated. Code is generated back to front, so a
 * goto to a label above it is only resolved once the whole body exists; labels are resolved
 * through jumps, because a thread never rests on a jump and thread@label must see it where it rests.
 */
final class Jumps {
    private final Code code;
    private final Diagnostics diags;
    private final List<BasicOps.Jump> gotos = new ArrayList<>();
    private final List<String> gotoLabels = new ArrayList<>();
    private final Map<String, Integer> labels = new LinkedHashMap<>();
    private int firstPc;

    Jumps(Code code, Diagnostics diags) {
        this.code = code;
        this.diags = diags;
    }

    void startProc() {
        gotos.clear();
        gotoLabels.clear();
        labels.clear();
        firstPc = code.list.size();
    }

    void addGoto(BasicOps.Jump j, String label) {
        gotos.add(j);
        gotoLabels.add(label);
    }

    /** Records a label on the statement entered at pc; returns nothing, resolution waits for finish. */
    void addLabel(String label, int pc) { labels.putIfAbsent(label, pc); }

    /**
     * Points every goto at its label, rejects loops of free instructions (they would run forever
     * inside one step), marks jumps that start an atomic block, and returns each label's resting pc.
     */
    Map<String, Integer> finish() {
        for (int i = 0; i < gotos.size(); i++) {
            Integer target = labels.get(gotoLabels.get(i));
            // The checker rejects unknown labels; 0 only keeps a broken model from being run.
            gotos.get(i).next = target == null ? 0 : target;
        }
        // Following jumps through a cycle would not end; the model is rejected anyway.
        if (rejectFreeCycles()) return Map.of();
        for (int pc = firstPc; pc < code.list.size(); pc++) {
            if (code.list.get(pc) instanceof BasicOps.Jump j) {
                int land = landing(j.next);
                int region = land == 0 ? 0 : code.list.get(land).atomic;
                j.entersAtomic = region != 0 && region != j.atomic;
            }
        }
        Map<String, Integer> resting = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : labels.entrySet()) resting.put(e.getKey(), throughJumps(e.getValue()));
        return resting;
    }

    /** Where a thread sent to pc takes its next step: past jumps only, since other free ops change state. */
    private int throughJumps(int pc) {
        while (pc != 0 && code.list.get(pc) instanceof BasicOps.Jump j) pc = j.next;
        return pc;
    }

    /** The first instruction that is a step, reached from pc through free ones within this procedure. */
    private int landing(int pc) {
        while (pc != 0 && code.list.get(pc).free() && !(code.list.get(pc) instanceof CallOps.Return)) {
            pc = code.list.get(pc).next;
        }
        return pc;
    }

    private boolean rejectFreeCycles() {
        boolean found = false;
        int n = code.list.size() - firstPc;
        byte[] mark = new byte[n];
        for (int start = firstPc; start < code.list.size(); start++) {
            int pc = start;
            while (pc >= firstPc && mark[pc - firstPc] == 0 && freeInProc(pc)) {
                mark[pc - firstPc] = 1;
                pc = code.list.get(pc).next;
            }
            if (pc >= firstPc && mark[pc - firstPc] == 1) {
                report(pc);
                found = true;
            }
            for (pc = start; pc >= firstPc && mark[pc - firstPc] == 1; pc = code.list.get(pc).next) mark[pc - firstPc] = 2;
        }
        return found;
    }

    private boolean freeInProc(int pc) {
        Op op = code.list.get(pc);
        return op.free() && !(op instanceof CallOps.Return);
    }

    /** Names the jump that closes the cycle: the goto or the while (true) the author wrote. */
    private void report(int onCycle) {
        int pc = onCycle;
        do {
            if (code.list.get(pc) instanceof BasicOps.Jump j) {
                diags.error(j.span, "this loop makes no step: '" + j.text + "' would come back here without"
                        + " the thread doing anything another thread or a property could see");
                return;
            }
            pc = code.list.get(pc).next;
        } while (pc != onCycle);
        diags.error(code.list.get(onCycle).span, "this loop makes no step");
    }
}
