package org.uffdcheck.compile;

import java.util.Arrays;

/** Procedure calls and returns. Arguments, locals and the return value live in the caller's thread stack. */
final class CallOps {
    private CallOps() {}

    /** Pushes a frame for callee; dest (may be null) receives the result when the callee returns. */
    static final class Call extends Op {
        final Layout.ProcLayout callee;
        final ValueExpr[] args;
        final int[][] argRange;
        final Addr dest;
        final int[] destRange;

        Call(Layout.ProcLayout callee, ValueExpr[] args, int[][] argRange, Addr dest, int[] destRange) {
            this.callee = callee; this.args = args; this.argRange = argRange; this.dest = dest; this.destRange = destRange;
        }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            int rel = s[tb + 1];
            int newRel = rel + proc.frameSize;
            int newFrame = tb + Layout.HDR + newRel;
            for (int i = 0; i < args.length; i++) {
                int at = newFrame + callee.varOffset[i];
                args[i].write(s, frame, s, at);
                if (argRange[i] != null) BasicOps.checkRange(s[at], argRange[i][0], argRange[i][1]);
            }
            s[newFrame] = pc;
            s[newFrame + 1] = rel;
            s[tb + 1] = newRel;
            s[tb] = callee.entry;
            return true;
        }
    }

    /**
     * return [value]; also the free implicit return at the end of a body (value null). range, when
     * not null, is the declared return type's: the value must fit it whatever the caller does with it.
     */
    static final class Return extends Op {
        final Code code;
        final ValueExpr value;
        final boolean implicit;
        final int[] range;
        /** Pools whose stack objects this frame may own; set once all code is generated. */
        Layout.Pool[] stackPools = new Layout.Pool[0];

        Return(Code code, ValueExpr value, boolean implicit, int[] range) {
            this.code = code; this.value = value; this.implicit = implicit; this.range = range;
        }

        @Override boolean free() { return implicit; }

        boolean exec(int[] s, int tid, int tb, int frame, int c) {
            if (range != null) BasicOps.checkRange(((ValueExpr.Scalar) value).e.eval(s, frame), range[0], range[1]);
            int retPc = s[frame];
            int savedRel = s[frame + 1];
            if (retPc == 0) {
                if (proc.hasStackObjects) HeapOps.releaseFrame(s, stackPools, tid, s[tb + 1]);
                Arrays.fill(s, frame, frame + proc.frameSize, 0);
                s[tb] = 0;
                s[tb + 1] = 0;
                return true;
            }
            Call site = (Call) code.ops[retPc];
            if (site.dest != null) {
                int d = site.dest.at(s, tb + Layout.HDR + savedRel);
                if (value != null) value.write(s, frame, s, d);
                else Arrays.fill(s, d, d + proc.info.returnType.slots(), 0);
                if (site.destRange != null) BasicOps.checkRange(s[d], site.destRange[0], site.destRange[1]);
            }
            if (proc.hasStackObjects) HeapOps.releaseFrame(s, stackPools, tid, s[tb + 1]);
            Arrays.fill(s, frame, frame + proc.frameSize, 0);
            s[tb + 1] = savedRel;
            s[tb] = site.next;
            return true;
        }
    }
}
