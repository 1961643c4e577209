package org.uffdcheck.compile;

/** A compiled expression of any size: writes its value into dst at off. */
abstract class ValueExpr {
    abstract void write(int[] s, int frame, int[] dst, int off);

    static final class Scalar extends ValueExpr {
        final IntExpr e;
        Scalar(IntExpr e) { this.e = e; }
        void write(int[] s, int frame, int[] dst, int off) { dst[off] = e.eval(s, frame); }
    }

    static final class Copy extends ValueExpr {
        final Addr src;
        final int n;
        Copy(Addr src, int n) { this.src = src; this.n = n; }
        void write(int[] s, int frame, int[] dst, int off) { System.arraycopy(s, src.at(s, frame), dst, off, n); }
    }

    /** A struct literal; fields not named are zero. */
    static final class Struct extends ValueExpr {
        final int n;
        final int[] offsets;
        final ValueExpr[] fields;
        Struct(int n, int[] offsets, ValueExpr[] fields) { this.n = n; this.offsets = offsets; this.fields = fields; }
        void write(int[] s, int frame, int[] dst, int off) {
            java.util.Arrays.fill(dst, off, off + n, 0);
            for (int i = 0; i < fields.length; i++) fields[i].write(s, frame, dst, off + offsets[i]);
        }
    }
}
