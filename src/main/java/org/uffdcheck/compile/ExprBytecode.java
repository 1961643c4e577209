package org.uffdcheck.compile;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;
import org.uffdcheck.engine.Fault;

/**
 * Emits the bytecode of compiled expressions and addresses, evaluating exactly as IntExpr.eval
 * and Addr.at do: the same order, the same faults and overflow checks. A node it has no lowering
 * for is called as the interpreter would call it, through a constant of the generated class.
 *
 * <p>Every generated method has the state in local 0, the thread in 1, its region in 2 and the
 * frame in 3; temporaries are taken from next upwards.
 */
final class ExprBytecode {
    static final int S = 0, TID = 1, TB = 2, FRAME = 3, C = 4;
    static final String STEPS = Type.getInternalName(Steps.class);
    private static final Handle CLASS_DATA = new Handle(H_INVOKESTATIC, Type.getInternalName(MethodHandles.class),
            "classData", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
            false);

    /** The objects generated code refers to, in the order of their indexes: the hidden class's data. */
    final List<Object> constants = new ArrayList<>();
    /** The generated class, whose static final fields k0, k1, ... hold the constants. */
    private final String owner;

    ExprBytecode(String owner) { this.owner = owner; }
    MethodVisitor mv;
    int next;

    /** Starts a method whose own arguments take locals 0 .. firstFree - 1. */
    void begin(MethodVisitor mv, int firstFree) {
        this.mv = mv;
        this.next = firstFree;
    }

    int temp() { return next++; }

    /**
     * Pushes o, typed as its class. Static final fields, not dynamic constants: the JIT folds both,
     * but gives up compiling a whole method that holds a dynamic constant not yet resolved, as one
     * on a path not yet taken is.
     */
    void constant(Object o) {
        int i = constants.size();
        constants.add(o);
        mv.visitFieldInsn(GETSTATIC, owner, "k" + i, Type.getDescriptor(o.getClass()));
    }

    /** Declares the constants' fields and the class initialiser that fills them from the class data. */
    void constantFields(org.objectweb.asm.ClassVisitor cv) {
        for (int i = 0; i < constants.size(); i++) {
            cv.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, "k" + i, Type.getDescriptor(constants.get(i).getClass()), null, null)
                    .visitEnd();
        }
        MethodVisitor init = cv.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        init.visitCode();
        init.visitLdcInsn(new ConstantDynamic("_", "Ljava/util/List;", CLASS_DATA));
        for (int i = 0; i < constants.size(); i++) {
            init.visitInsn(DUP);
            init.visitLdcInsn(i);
            init.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)Ljava/lang/Object;", true);
            init.visitTypeInsn(CHECKCAST, Type.getInternalName(constants.get(i).getClass()));
            init.visitFieldInsn(PUTSTATIC, owner, "k" + i, Type.getDescriptor(constants.get(i).getClass()));
        }
        init.visitInsn(POP);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** Throws fault f (FaultException, as the interpreter throws it). */
    void fault(Fault f) {
        mv.visitFieldInsn(GETSTATIC, Type.getInternalName(Fault.class), f.name(), Type.getDescriptor(Fault.class));
        mv.visitMethodInsn(INVOKESTATIC, STEPS, "fault", "(" + Type.getDescriptor(Fault.class) + ")"
                + Type.getDescriptor(FaultException.class), false);
        mv.visitInsn(ATHROW);
    }

    void helper(String name, String desc) { mv.visitMethodInsn(INVOKESTATIC, STEPS, name, desc, false); }

    /** Pushes e's value. */
    void scalar(IntExpr e) {
        if (e instanceof IntExpr.Const k) push(k.v);
        else if (e instanceof IntExpr.Slot sl) {
            mv.visitVarInsn(ALOAD, S);
            push(sl.addr);
            mv.visitInsn(IALOAD);
        } else if (e instanceof IntExpr.Local l) {
            mv.visitVarInsn(ALOAD, S);
            frameOffset(l.off);
            mv.visitInsn(IALOAD);
        } else if (e instanceof IntExpr.Load ld) {
            load(ld.a);
        } else if (e instanceof IntExpr.Len len) {
            load(len.list);
        } else if (e instanceof IntExpr.Not n) {
            scalar(n.e);
            bool(IFEQ);
        } else if (e instanceof IntExpr.Neg n) {
            scalar(n.e);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "negateExact", "(I)I", false);
        } else if (e instanceof IntExpr.And a) {
            Label no = new Label(), end = new Label();
            scalar(a.l);
            mv.visitJumpInsn(IFEQ, no);
            scalar(a.r);
            mv.visitJumpInsn(IFEQ, no);
            ends(1, 0, no, end);
        } else if (e instanceof IntExpr.Or o) {
            Label yes = new Label(), end = new Label();
            scalar(o.l);
            mv.visitJumpInsn(IFNE, yes);
            scalar(o.r);
            mv.visitJumpInsn(IFNE, yes);
            ends(0, 1, yes, end);
        } else if (e instanceof IntExpr.Eq q) {
            compare(q.l, q.r, IF_ICMPEQ);
        } else if (e instanceof IntExpr.Lt q) {
            compare(q.l, q.r, IF_ICMPLT);
        } else if (e instanceof IntExpr.Le q) {
            compare(q.l, q.r, IF_ICMPLE);
        } else if (e instanceof IntExpr.Add b) {
            exact(b.l, b.r, "addExact");
        } else if (e instanceof IntExpr.Sub b) {
            exact(b.l, b.r, "subtractExact");
        } else if (e instanceof IntExpr.Mul b) {
            exact(b.l, b.r, "multiplyExact");
        } else if (e instanceof IntExpr.Div d) {
            scalar(d.l);
            scalar(d.r);
            helper(d.mod ? "mod" : "div", "(II)I");
        } else if (e instanceof IntExpr.MinMax m) {
            scalar(m.l);
            scalar(m.r);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", m.max ? "max" : "min", "(II)I", false);
        } else {
            constant(e);
            mv.visitVarInsn(ALOAD, S);
            mv.visitVarInsn(ILOAD, FRAME);
            mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(e.getClass()), "eval", "([II)I", false);
        }
    }

    /** Pushes s[a]. */
    void load(Addr a) {
        mv.visitVarInsn(ALOAD, S);
        addr(a);
        mv.visitInsn(IALOAD);
    }

    /** Pushes the slot a designates. */
    void addr(Addr a) {
        if (a instanceof Addr.Fixed f) push(f.addr);
        else if (a instanceof Addr.Local l) frameOffsetIndex(l.off);
        else if (a instanceof Addr.Offset o) {
            addr(o.base);
            push(o.off);
            mv.visitInsn(IADD);
        } else if (a instanceof Addr.ArrayElem ae) {
            int i = temp();
            scalar(ae.index);
            mv.visitVarInsn(ISTORE, i);
            inBounds(i, () -> push(ae.size));
            addr(ae.base);
            mv.visitVarInsn(ILOAD, i);
            scaled(ae.elemSlots);
            mv.visitInsn(IADD);
        } else if (a instanceof Addr.ListElem le) {
            int b = temp(), i = temp();
            addr(le.base);
            mv.visitVarInsn(ISTORE, b);
            scalar(le.index);
            mv.visitVarInsn(ISTORE, i);
            inBounds(i, () -> {
                mv.visitVarInsn(ALOAD, S);
                mv.visitVarInsn(ILOAD, b);
                mv.visitInsn(IALOAD);
            });
            mv.visitVarInsn(ILOAD, b);
            push(1);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ILOAD, i);
            scaled(le.elemSlots);
            mv.visitInsn(IADD);
        } else if (a instanceof Addr.Deref d) {
            scalar(d.ptr);
            if (d.pool == null) {
                helper("derefNoPool", "(I)I");
            } else {
                mv.visitVarInsn(ALOAD, S);
                constant(d.pool);
                helper("deref", "(I[I" + Type.getDescriptor(Layout.Pool.class) + ")I");
            }
        } else {
            constant(a);
            mv.visitVarInsn(ALOAD, S);
            mv.visitVarInsn(ILOAD, FRAME);
            mv.visitMethodInsn(INVOKEVIRTUAL, Type.getInternalName(a.getClass()), "at", "([II)I", false);
        }
    }

    /** Faults INDEX_OUT_OF_BOUNDS unless 0 <= local i < the value pushLimit pushes. */
    private void inBounds(int i, Runnable pushLimit) {
        Label bad = new Label(), ok = new Label();
        mv.visitVarInsn(ILOAD, i);
        mv.visitJumpInsn(IFLT, bad);
        mv.visitVarInsn(ILOAD, i);
        pushLimit.run();
        mv.visitJumpInsn(IF_ICMPLT, ok);
        mv.visitLabel(bad);
        fault(Fault.INDEX_OUT_OF_BOUNDS);
        mv.visitLabel(ok);
    }

    /** Pushes frame + off. */
    void frameOffsetIndex(int off) {
        mv.visitVarInsn(ILOAD, FRAME);
        if (off != 0) {
            push(off);
            mv.visitInsn(IADD);
        }
    }

    private void frameOffset(int off) { frameOffsetIndex(off); }

    private void scaled(int k) {
        if (k == 1) return;
        push(k);
        mv.visitInsn(IMUL);
    }

    private void exact(IntExpr l, IntExpr r, String name) {
        scalar(l);
        scalar(r);
        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", name, "(II)I", false);
    }

    private void compare(IntExpr l, IntExpr r, int ifTrue) {
        Label yes = new Label(), end = new Label();
        scalar(l);
        scalar(r);
        mv.visitJumpInsn(ifTrue, yes);
        ends(0, 1, yes, end);
    }

    /** The value on the stack becomes 1 where jump (a one-operand test) is taken, else 0. */
    private void bool(int jump) {
        Label yes = new Label(), end = new Label();
        mv.visitJumpInsn(jump, yes);
        ends(0, 1, yes, end);
    }

    /** Falls through pushing first; at target pushes second; both meet at end. */
    private void ends(int first, int second, Label target, Label end) {
        push(first);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(target);
        push(second);
        mv.visitLabel(end);
    }

    /** How many nodes e has, to keep a step's method well under the JIT's size limit. */
    static int size(Object node) {
        if (node instanceof IntExpr.Not n) return 1 + size(n.e);
        if (node instanceof IntExpr.Neg n) return 1 + size(n.e);
        if (node instanceof IntExpr.And b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Or b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Eq b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Lt b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Le b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Add b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Sub b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Mul b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Div b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.MinMax b) return 1 + size(b.l) + size(b.r);
        if (node instanceof IntExpr.Load l) return 1 + size(l.a);
        if (node instanceof IntExpr.Len l) return 1 + size(l.list);
        if (node instanceof Addr.Offset o) return 1 + size(o.base);
        if (node instanceof Addr.ArrayElem a) return 1 + size(a.base) + size(a.index);
        if (node instanceof Addr.ListElem a) return 1 + size(a.base) + size(a.index);
        if (node instanceof Addr.Deref d) return 1 + size(d.ptr);
        return 1;
    }
}
