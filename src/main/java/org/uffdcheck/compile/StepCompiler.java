package org.uffdcheck.compile;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates a scenario's Steps as one hidden class: per instruction a static method for its
 * alternatives and one for its effect, with the layout's offsets, the next pcs and the
 * expressions compiled in (OpBytecode), behind two switches on the pc. The generated class calls
 * the Op itself for what OpBytecode does not lower, so the interpreter stays the one definition.
 *
 * <p>The switches are split into chunks of CHUNK pcs: HotSpot does not JIT-compile a method of
 * more than 8000 bytes of bytecode, and a scenario of the kernel models has thousands of pcs.
 */
final class StepCompiler {
    private static final int CHUNK = 32;
    private static final String OP_ARGS = "([IIII)";
    private static final String CHOICES = "(I[IIII)I", EXEC = "(I[IIIII)Z";

    private final Op[] ops;
    private final ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
        // Frames merge only int[] and the state's own types; nothing needs loading to find a common type.
        @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
    };
    private final String name = Type.getInternalName(StepCompiler.class).replace("StepCompiler", "GeneratedSteps");
    private final ExprBytecode eb = new ExprBytecode(name);
    private final OpBytecode ob = new OpBytecode(eb);
    /** Which pcs got a method of their own for choices and for exec; the rest are inlined in the switch. */
    private final boolean[] ownChoices, ownExec;

    private StepCompiler(Op[] ops) {
        this.ops = ops;
        this.ownChoices = new boolean[ops.length];
        this.ownExec = new boolean[ops.length];
    }

    /** The scenario's steps as generated code; the interpreter's when the class cannot be made. */
    static Steps compile(Op[] ops) {
        try {
            return new StepCompiler(ops).generate();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // ASM refuses a class past the class-file limits (constant pool, method size): the
            // interpreter answers the same, only slower.
            return new Steps.Interpreted(ops);
        }
    }

    private Steps generate() throws ReflectiveOperationException {
        cw.visit(V17, ACC_FINAL | ACC_SUPER, name, null, ExprBytecode.STEPS, null);
        constructor();
        for (int pc = 1; pc < ops.length; pc++) {
            Op op = ops[pc];
            if (op == null) continue;
            if (!OpBytecode.trivialChoices(op)) {
                ownChoices[pc] = true;
                MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "c" + pc, OP_ARGS + "I", null, null);
                eb.begin(mv, 4);
                mv.visitCode();
                ob.choices(op);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
            if (!OpBytecode.onlyMoves(op)) {
                ownExec[pc] = true;
                MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "e" + pc, "([IIIII)Z", null, null);
                eb.begin(mv, 5);
                mv.visitCode();
                ob.exec(op);
                mv.visitMaxs(0, 0);
                mv.visitEnd();
            }
        }
        int chunks = (ops.length + CHUNK - 1) / CHUNK;
        for (int k = 0; k < chunks; k++) {
            chunk(k, true);
            chunk(k, false);
        }
        dispatch("choices", CHOICES, chunks);
        dispatch("exec", EXEC, chunks);
        eb.constantFields(cw);
        cw.visitEnd();
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(cw.toByteArray(),
                java.util.List.copyOf(eb.constants), true);
        return (Steps) lookup.lookupClass().getDeclaredConstructor(Op[].class).newInstance((Object) ops);
    }

    private void constructor() {
        MethodVisitor mv = cw.visitMethod(0, "<init>", "([" + Type.getDescriptor(Op.class) + ")V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESPECIAL, ExprBytecode.STEPS, "<init>", "([" + Type.getDescriptor(Op.class) + ")V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** choices(pc, ...) or exec(pc, ...): picks the chunk of pc. */
    private void dispatch(String method, String desc, int chunks) {
        boolean exec = method.equals("exec");
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, method, desc, null, null);
        mv.visitCode();
        Label[] cases = new Label[chunks];
        Label bad = new Label();
        for (int k = 0; k < chunks; k++) cases[k] = new Label();
        mv.visitVarInsn(ILOAD, 1);
        mv.visitIntInsn(SIPUSH, Integer.numberOfTrailingZeros(CHUNK));
        mv.visitInsn(IUSHR);
        mv.visitTableSwitchInsn(0, chunks - 1, bad, cases);
        for (int k = 0; k < chunks; k++) {
            mv.visitLabel(cases[k]);
            for (int i = 1; i <= (exec ? 6 : 5); i++) mv.visitVarInsn(i == 2 ? ALOAD : ILOAD, i);
            mv.visitMethodInsn(INVOKESTATIC, name, (exec ? "x" : "a") + k, exec ? "(I[IIIII)Z" : "(I[IIII)I", false);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(bad);
        throwNoOp(mv, 1);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** The switch over the pcs of chunk k: calls a pc's method, or does its one move in place. */
    private void chunk(int k, boolean choices) {
        int lo = k * CHUNK, hi = Math.min(ops.length, lo + CHUNK) - 1;
        // Arguments: pc 0, s 1, tid 2, tb 3, frame 4, c 5.
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, (choices ? "a" : "x") + k,
                choices ? "(I[IIII)I" : "(I[IIIII)Z", null, null);
        mv.visitCode();
        Label[] cases = new Label[hi - lo + 1];
        Label bad = new Label();
        for (int i = 0; i < cases.length; i++) cases[i] = ops[lo + i] == null ? bad : new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitTableSwitchInsn(lo, hi, bad, cases);
        for (int pc = lo; pc <= hi; pc++) {
            if (ops[pc] == null) continue;
            mv.visitLabel(cases[pc - lo]);
            if (choices && !ownChoices[pc]) {
                mv.visitInsn(ICONST_1);
            } else if (!choices && !ownExec[pc]) {
                // s[tb] = next; true
                mv.visitVarInsn(ALOAD, 1);
                mv.visitVarInsn(ILOAD, 3);
                mv.visitLdcInsn(ops[pc].next);
                mv.visitInsn(IASTORE);
                mv.visitInsn(ICONST_1);
            } else {
                for (int i = 1; i <= (choices ? 4 : 5); i++) mv.visitVarInsn(i == 1 ? ALOAD : ILOAD, i);
                mv.visitMethodInsn(INVOKESTATIC, name, (choices ? "c" : "e") + pc, choices ? OP_ARGS + "I" : "([IIIII)Z", false);
            }
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(bad);
        throwNoOp(mv, 0);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static void throwNoOp(MethodVisitor mv, int pcLocal) {
        mv.visitVarInsn(ILOAD, pcLocal);
        mv.visitMethodInsn(INVOKESTATIC, ExprBytecode.STEPS, "noOp", "(I)Ljava/lang/IllegalStateException;", false);
        mv.visitInsn(ATHROW);
    }
}
