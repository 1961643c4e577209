package org.uffdcheck.state;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

/**
 * Frees a direct buffer at once through sun.misc.Unsafe.invokeCleaner, when the runtime has it,
 * instead of waiting for a garbage collection to notice that the buffer is gone: a store that
 * grows by copying into a bigger table must not hold both until the next full collection.
 */
final class DirectMemory {
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object u = null;
        Method m = null;
        try {
            Class<?> c = Class.forName("sun.misc.Unsafe");
            Field f = c.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            u = f.get(null);
            m = c.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without it the buffers are freed when the collector finds them unreachable.
        }
        UNSAFE = u;
        INVOKE_CLEANER = m;
    }

    private DirectMemory() {}

    /** Releases a buffer from ByteBuffer.allocateDirect (not a slice or duplicate of one). */
    static void release(ByteBuffer owner) {
        if (INVOKE_CLEANER == null || owner == null) return;
        try {
            INVOKE_CLEANER.invoke(UNSAFE, owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Leave it to the collector.
        }
    }
}
