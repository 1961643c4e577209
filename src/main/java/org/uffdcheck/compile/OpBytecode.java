package org.uffdcheck.compile;

import static org.objectweb.asm.Opcodes.*;
import static org.uffdcheck.compile.ExprBytecode.C;
import static org.uffdcheck.compile.ExprBytecode.FRAME;
import static org.uffdcheck.compile.ExprBytecode.S;
import static org.uffdcheck.compile.ExprBytecode.TB;
import static org.uffdcheck.compile.ExprBytecode.TID;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.uffdcheck.engine.Fault;

/**
 * Emits the body of one instruction's choices or exec method, doing what the Op's own method
 * does, step for step. Instructions it has no lowering for, and those whose expressions are too
 * big for one method, call the Op (a call site of one receiver class, which the JIT inlines).
 */
final class OpBytecode {
    /** Expression nodes one instruction may have before it is left to its Op. */
    private static final int MAX_NODES = 200;

    private final ExprBytecode eb;

    OpBytecode(ExprBytecode eb) { this.eb = eb; }

    /** The op has the default choices(): always one alternative. */
    static boolean trivialChoices(Op op) {
        for (Class<?> c = op.getClass(); c != Op.class; c = c.getSuperclass()) {
            try {
                c.getDeclaredMethod("choices", int[].class, int.class, int.class, int.class);
                return false;
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            }
        }
        return true;
    }

    /**
     * The op's exec only moves the pc to next and succeeds. An observe is one: the successor
     * generator records its observation, since only it knows which step the observe labels.
     */
    static boolean onlyMoves(Op op) {
        return op.getClass() == BasicOps.Skip.class || op.getClass() == BasicOps.Jump.class
                || op.getClass() == BasicOps.Await.class || op.getClass() == ObserveOp.class;
    }

    void choices(Op op) {
        MethodVisitor mv = eb.mv;
        if (op instanceof BasicOps.Await a && small(a.cond)) {
            eb.scalar(a.cond);
            Label no = new Label();
            mv.visitJumpInsn(IFEQ, no);
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IRETURN);
            mv.visitLabel(no);
            mv.visitInsn(ICONST_0);
        } else if (op instanceof BasicOps.Either e) {
            eb.push(e.targets.length);
        } else if (op instanceof LockOps.Lock l && plainLock(l)) {
            lockChoices(l);
        } else {
            callOp(op, "choices", "([IIII)I", 4);
        }
        mv.visitInsn(IRETURN);
    }

    void exec(Op op) {
        if (!lowered(op)) callOp(op, "exec", "([IIIII)Z", 5);
        eb.mv.visitInsn(IRETURN);
    }

    /** Emits op's exec, leaving true on the stack; false when there is no lowering for it. */
    private boolean lowered(Op op) {
        MethodVisitor mv = eb.mv;
        if (op instanceof BasicOps.AssignScalar a && small(a.e, a.dst)) {
            int v = eb.temp();
            eb.scalar(a.e);
            range(a.lo, a.hi);
            mv.visitVarInsn(ISTORE, v);
            mv.visitVarInsn(ALOAD, S);
            eb.addr(a.dst);
            mv.visitVarInsn(ILOAD, v);
            mv.visitInsn(IASTORE);
            moveTo(op.next);
        } else if (op instanceof BasicOps.Branch b && small(b.cond)) {
            Label no = new Label();
            eb.scalar(b.cond);
            mv.visitJumpInsn(IFEQ, no);
            moveTo(b.next);
            mv.visitInsn(IRETURN);
            mv.visitLabel(no);
            moveTo(b.ifFalse);
        } else if (op instanceof BasicOps.Assert a && small(a.cond)) {
            Label ok = new Label();
            eb.scalar(a.cond);
            mv.visitJumpInsn(IFNE, ok);
            eb.fault(Fault.ASSERT);
            mv.visitLabel(ok);
            moveTo(op.next);
        } else if (op instanceof BasicOps.Either e && small((Object[]) e.guards)) {
            either(e);
        } else if (op instanceof BasicOps.Reset r) {
            reset(r);
        } else if (op instanceof LockOps.Lock l && plainLock(l) && small(l.lock)) {
            lockExec(l);
        } else if (op instanceof ListOps.Push p && !p.front && p.es == 1 && p.value instanceof ValueExpr.Scalar v
                && small(p.list, v.e)) {
            push(p, v.e);
        } else if (op instanceof ListOps.PopFront p && small(p.list, p.dest)) {
            popFront(p);
        } else {
            return false;
        }
        return true;
    }

    private void either(BasicOps.Either e) {
        MethodVisitor mv = eb.mv;
        int n = e.targets.length;
        Label[] cases = new Label[n];
        Label no = new Label();
        for (int i = 0; i < n; i++) cases[i] = new Label();
        mv.visitVarInsn(ILOAD, C);
        mv.visitTableSwitchInsn(0, n - 1, no, cases);
        for (int i = 0; i < n; i++) {
            mv.visitLabel(cases[i]);
            if (e.guards[i] != null) {
                eb.scalar(e.guards[i]);
                mv.visitJumpInsn(IFEQ, no);
            }
            moveTo(e.targets[i]);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(no);
        mv.visitInsn(ICONST_0);
    }

    private void reset(BasicOps.Reset r) {
        MethodVisitor mv = eb.mv;
        for (int i = 0; i < r.offsets.length; i++) {
            if (r.sizes[i] <= 8) {
                for (int j = 0; j < r.sizes[i]; j++) {
                    mv.visitVarInsn(ALOAD, S);
                    eb.frameOffsetIndex(r.offsets[i] + j);
                    mv.visitInsn(ICONST_0);
                    mv.visitInsn(IASTORE);
                }
            } else {
                mv.visitVarInsn(ALOAD, S);
                eb.frameOffsetIndex(r.offsets[i]);
                eb.frameOffsetIndex(r.offsets[i] + r.sizes[i]);
                mv.visitInsn(ICONST_0);
                mv.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([IIII)V", false);
            }
        }
        moveTo(r.next);
    }

    /** The rwsem and spinlock operations with no result and no signal to look at. */
    private static boolean plainLock(LockOps.Lock l) {
        return switch (l.kind) {
            case DOWN_READ, DOWN_WRITE, UP_READ, UP_WRITE, SPIN_LOCK, SPIN_UNLOCK -> true;
            default -> false;
        };
    }

    private void lockChoices(LockOps.Lock l) {
        MethodVisitor mv = eb.mv;
        LockOps.Kind k = l.kind;
        if (k == LockOps.Kind.DOWN_READ || k == LockOps.Kind.DOWN_WRITE || k == LockOps.Kind.SPIN_LOCK) {
            mv.visitVarInsn(ALOAD, S);
            eb.addr(l.lock);
            mv.visitVarInsn(ILOAD, TB);
            eb.push(k == LockOps.Kind.DOWN_READ ? 1 : 0);
            eb.push(k == LockOps.Kind.SPIN_LOCK ? 1 : 0);
            eb.helper("acquirable", "([IIIZZ)I");
        } else {
            // A release never blocks, but its lock is still read, and its address may fault.
            eb.load(l.lock);
            mv.visitInsn(POP);
            mv.visitInsn(ICONST_1);
        }
    }

    private void lockExec(LockOps.Lock l) {
        MethodVisitor mv = eb.mv;
        mv.visitVarInsn(ALOAD, S);
        eb.addr(l.lock);
        mv.visitVarInsn(ILOAD, TID);
        switch (l.kind) {
            case DOWN_READ -> eb.helper("downRead", "([III)V");
            case DOWN_WRITE -> eb.helper("downWrite", "([III)V");
            case UP_READ -> eb.helper("upRead", "([III)V");
            case UP_WRITE -> eb.helper("upWrite", "([III)V");
            case SPIN_LOCK, SPIN_UNLOCK -> {
                mv.visitVarInsn(ILOAD, TB);
                eb.helper(l.kind == LockOps.Kind.SPIN_LOCK ? "spinLock" : "spinUnlock", "([IIII)V");
            }
            default -> throw new IllegalStateException(l.kind + " is not lowered");
        }
        moveTo(l.next);
    }

    /** push_back of one scalar slot, as ListOps.Push.exec. */
    private void push(ListOps.Push p, IntExpr value) {
        MethodVisitor mv = eb.mv;
        int b = eb.temp(), n = eb.temp(), end = eb.temp();
        listHead(p.list, b, n);
        Label room = new Label();
        mv.visitVarInsn(ILOAD, n);
        eb.push(p.cap);
        mv.visitJumpInsn(IF_ICMPLT, room);
        eb.fault(Fault.LIST_FULL);
        mv.visitLabel(room);
        mv.visitVarInsn(ILOAD, b);
        eb.push(1);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ILOAD, n);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, end);
        mv.visitVarInsn(ALOAD, S);
        mv.visitVarInsn(ILOAD, end);
        eb.scalar(value);
        mv.visitInsn(IASTORE);
        if (p.range != null) {
            load(end);
            range(p.range[0], p.range[1]);
            mv.visitInsn(POP);
        }
        mv.visitVarInsn(ALOAD, S);
        mv.visitVarInsn(ILOAD, b);
        mv.visitVarInsn(ILOAD, n);
        eb.push(1);
        mv.visitInsn(IADD);
        mv.visitInsn(IASTORE);
        moveTo(p.next);
    }

    /** pop_front, as ListOps.PopFront.exec. */
    private void popFront(ListOps.PopFront p) {
        MethodVisitor mv = eb.mv;
        int b = eb.temp(), n = eb.temp(), d = eb.temp();
        listHead(p.list, b, n);
        Label some = new Label();
        mv.visitVarInsn(ILOAD, n);
        mv.visitJumpInsn(IFNE, some);
        eb.fault(Fault.LIST_EMPTY);
        mv.visitLabel(some);
        if (p.dest != null) {
            eb.addr(p.dest);
            mv.visitVarInsn(ISTORE, d);
            mv.visitVarInsn(ALOAD, S);
            mv.visitVarInsn(ILOAD, b);
            eb.push(1);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ALOAD, S);
            mv.visitVarInsn(ILOAD, d);
            eb.push(p.es);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", false);
            if (p.range != null) {
                load(d);
                range(p.range[0], p.range[1]);
                mv.visitInsn(POP);
            }
            // The destination may have been an element of the list itself: look the list up again.
            eb.addr(p.list);
            mv.visitVarInsn(ISTORE, b);
        }
        mv.visitVarInsn(ALOAD, S);
        mv.visitVarInsn(ILOAD, b);
        mv.visitVarInsn(ILOAD, n);
        eb.push(p.es);
        eb.helper("dropFirst", "([IIII)V");
        moveTo(p.next);
    }

    /** Locals b and n become the list's slot and its length. */
    private void listHead(Addr list, int b, int n) {
        eb.addr(list);
        eb.mv.visitVarInsn(ISTORE, b);
        load(b);
        eb.mv.visitVarInsn(ISTORE, n);
    }

    private void load(int slotLocal) {
        eb.mv.visitVarInsn(ALOAD, S);
        eb.mv.visitVarInsn(ILOAD, slotLocal);
        eb.mv.visitInsn(IALOAD);
    }

    /** Checks the int on the stack against lo..hi (BasicOps.checkRange), leaving it there. */
    private void range(int lo, int hi) {
        if (lo == Integer.MIN_VALUE && hi == Integer.MAX_VALUE) return;
        eb.push(lo);
        eb.push(hi);
        eb.mv.visitMethodInsn(INVOKESTATIC, Type.getInternalName(BasicOps.class), "checkRange", "(III)I", false);
    }

    /** s[tb] = pc, then true on the stack. */
    private void moveTo(int pc) {
        MethodVisitor mv = eb.mv;
        mv.visitVarInsn(ALOAD, S);
        mv.visitVarInsn(ILOAD, TB);
        eb.push(pc);
        mv.visitInsn(IASTORE);
        mv.visitInsn(ICONST_1);
    }

    /** Calls the op's own method, the op being a constant of the generated class. */
    private void callOp(Op op, String method, String desc, int args) {
        MethodVisitor mv = eb.mv;
        eb.constant(op);
        mv.visitVarInsn(ALOAD, S);
        for (int i = 1; i < args; i++) mv.visitVarInsn(ILOAD, i);
        mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(op.getClass()), method, desc, false);
    }

    private static boolean small(Object... nodes) {
        int n = 0;
        for (Object o : nodes) if (o != null) n += ExprBytecode.size(o);
        return n <= MAX_NODES;
    }

    static {
        assert S == 0 && TID == 1 && TB == 2 && FRAME == 3 && C == 4;
    }
}
