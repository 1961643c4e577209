package org.uffdcheck.lang.check;

import org.uffdcheck.lang.ast.Expr;

/** Argument and result types of the built-ins. */
final class BuiltinTypes {
    private BuiltinTypes() {}

    static Type check(ExprChecker c, Builtin b, Expr.Call call) {
        var args = call.args();
        return switch (b) {
            case DOWN_READ, DOWN_WRITE, UP_READ, UP_WRITE -> {
                lockArg(c, args.get(0), new Type.RwSem(), b);
                yield new Type.Void();
            }
            case SPIN_LOCK, SPIN_UNLOCK -> {
                lockArg(c, args.get(0), new Type.SpinLock(), b);
                yield new Type.Void();
            }
            case PUSH_BACK, PUSH_FRONT -> {
                Type.ListOf l = listArg(c, args.get(0), b);
                if (l != null) c.expect(args.get(1), l.element(), b.spelling);
                else c.check(args.get(1));
                yield new Type.Void();
            }
            case REMOVE, CONTAINS -> {
                Type.ListOf l = listArg(c, args.get(0), b);
                if (l != null && !l.element().isScalar()) {
                    c.diags.error(args.get(0).span(), b.spelling + " compares whole elements; it needs a list of bool, int or enum");
                }
                if (l != null) c.expect(args.get(1), l.element(), b.spelling);
                else c.check(args.get(1));
                yield b == Builtin.CONTAINS ? new Type.Bool() : new Type.Void();
            }
            case POP_FRONT -> {
                Type.ListOf l = listArg(c, args.get(0), b);
                yield l == null ? null : l.element();
            }
            case CLEAR -> {
                listArg(c, args.get(0), b);
                yield new Type.Void();
            }
            case LEN -> {
                Type t = c.check(args.get(0));
                if (t != null && !(t instanceof Type.ListOf) && !(t instanceof Type.ArrayOf)) {
                    c.diags.error(args.get(0).span(), "len: expected a list or an array, found " + t.show());
                }
                yield Type.Int.ANY;
            }
            case KMALLOC, KMEM_CACHE_ALLOC -> {
                Expr a = args.get(0);
                Type t = a instanceof Expr.Name n ? c.names.types.get(n.ident().name()) : null;
                if (!(t instanceof Type.Struct st)) {
                    c.diags.error(a.span(), b.spelling + " needs a struct type, as in " + b.spelling + "(userfaultfd_ctx)");
                    yield null;
                }
                c.out.allocated.add(st.name());
                yield new Type.Pointer(st.name());
            }
            case KFREE -> {
                Type t = c.check(args.get(0));
                if (t != null && !(t instanceof Type.Pointer)) {
                    c.diags.error(args.get(0).span(), "kfree: expected a pointer, found " + t.show());
                }
                yield new Type.Void();
            }
            case REFCOUNT_INC, REFCOUNT_DEC_AND_TEST -> {
                Type t = c.check(args.get(0));
                if (t != null && !(t instanceof Type.Refcount)) {
                    c.diags.error(args.get(0).span(), b.spelling + ": expected a refcount, found " + t.show());
                } else if (t != null && !StmtChecker.isLvalue(args.get(0))) {
                    c.diags.error(args.get(0).span(), b.spelling + " needs the refcount itself (a variable or field)");
                }
                yield b == Builtin.REFCOUNT_INC ? new Type.Void() : new Type.Bool();
            }
            case SET_CURRENT_STATE -> {
                c.expect(args.get(0), c.names.types.get(Checker.TASK_STATE), b.spelling);
                yield new Type.Void();
            }
            case SCHEDULE -> {
                yield new Type.Void();
            }
            case WAKE_UP_PROCESS, SIGNAL_PENDING, FATAL_SIGNAL_PENDING -> {
                c.expect(args.get(0), new Type.Task(), b.spelling);
                yield b == Builtin.WAKE_UP_PROCESS ? new Type.Void() : new Type.Bool();
            }
            case DOWN_READ_KILLABLE, DOWN_WRITE_KILLABLE, DOWN_READ_TRYLOCK, DOWN_WRITE_TRYLOCK -> {
                lockArg(c, args.get(0), new Type.RwSem(), b);
                yield new Type.Bool();
            }
            case DOWNGRADE_WRITE -> {
                lockArg(c, args.get(0), new Type.RwSem(), b);
                yield new Type.Void();
            }
            case ATOMIC_READ, ATOMIC_INC, ATOMIC_DEC, ATOMIC_DEC_AND_TEST, ATOMIC_INC_NOT_ZERO, ATOMIC_SET -> {
                atomicArg(c, args.get(0), b);
                if (b == Builtin.ATOMIC_SET) c.expect(args.get(1), Type.Int.ANY, b.spelling);
                yield switch (b) {
                    case ATOMIC_READ -> Type.Int.ANY;
                    case ATOMIC_DEC_AND_TEST, ATOMIC_INC_NOT_ZERO -> new Type.Bool();
                    default -> new Type.Void();
                };
            }
            case SHOULD_FAIL -> {
                // The argument names a kind of failure, not a value: it is not looked up.
                if (args.get(0) instanceof Expr.Name n) c.out.failKinds.add(n.ident().name());
                else c.diags.error(args.get(0).span(), "should_fail needs the name of a kind of failure, as in should_fail(split_vma)");
                yield new Type.Bool();
            }
            case MIN, MAX -> {
                c.expect(args.get(0), Type.Int.ANY, b.spelling);
                c.expect(args.get(1), Type.Int.ANY, b.spelling);
                yield Type.Int.ANY;
            }
        };
    }

    private static void lockArg(ExprChecker c, Expr arg, Type want, Builtin b) {
        Type t = c.check(arg);
        if (t != null && !t.equals(want)) {
            c.diags.error(arg.span(), b.spelling + ": expected " + want.show() + ", found " + t.show());
        }
        if (t != null && !StmtChecker.isLvalue(arg)) {
            c.diags.error(arg.span(), b.spelling + " needs the lock itself (a variable or field)");
        }
    }

    private static void atomicArg(ExprChecker c, Expr arg, Builtin b) {
        Type t = c.check(arg);
        if (t != null && !(t instanceof Type.Atomic)) {
            c.diags.error(arg.span(), b.spelling + ": expected an atomic_t, found " + t.show());
        } else if (t != null && !StmtChecker.isLvalue(arg)) {
            c.diags.error(arg.span(), b.spelling + " needs the atomic_t itself (a variable or field)");
        }
    }

    private static Type.ListOf listArg(ExprChecker c, Expr arg, Builtin b) {
        Type t = c.check(arg);
        if (t == null) return null;
        if (t instanceof Type.ListOf l) {
            if (b.effect && !StmtChecker.isLvalue(arg)) {
                c.diags.error(arg.span(), b.spelling + " needs the list itself (a variable or field)");
            }
            return l;
        }
        c.diags.error(arg.span(), b.spelling + ": expected a list, found " + t.show());
        return null;
    }
}
