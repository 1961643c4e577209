package org.uffdcheck.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** push_front's in-place rotation moves the last k slots of a range to its front, keeping order. */
class RotateProperties {
    @Property
    void rotateRightMatchesACopyingRotation(@ForAll @IntRange(min = 1, max = 5) int k,
                                            @ForAll @IntRange(min = 0, max = 6) int elements,
                                            @ForAll @IntRange(min = 0, max = 3) int from) {
        int len = (elements + 1) * k;
        int[] s = new int[from + len + 2];
        for (int i = 0; i < s.length; i++) s[i] = i * 7 + 1;
        int[] want = s.clone();
        for (int i = 0; i < len; i++) want[from + (i + k) % len] = s[from + i];
        ListOps.rotateRight(s, from, from + len, k);
        assertArrayEquals(want, s);
    }
}
