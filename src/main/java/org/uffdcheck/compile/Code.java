package org.uffdcheck.compile;

import java.util.ArrayList;
import java.util.List;

/** All instructions of a scenario, indexed by program counter; pc 0 means "finished". */
final class Code {
    final List<Op> list = new ArrayList<>();
    Op[] ops;

    Code() { list.add(null); }

    <T extends Op> T add(T op) {
        op.pc = list.size();
        list.add(op);
        return op;
    }

    void seal() { ops = list.toArray(new Op[0]); }
}
