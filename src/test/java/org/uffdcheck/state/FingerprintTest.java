package org.uffdcheck.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void zeroIsRemapped() {
        assertEquals(Fingerprint.ZERO_STANDIN, Fingerprint.nonZero(0));
        assertEquals(42L, Fingerprint.nonZero(42));
    }

    @Test
    void lengthMatters() {
        assertNotEquals(Fingerprint.of(new int[] {}), Fingerprint.of(new int[] {0}));
        assertNotEquals(Fingerprint.of(new int[] {0}), Fingerprint.of(new int[] {0, 0}));
        assertNotEquals(Fingerprint.of(new int[] {7}), Fingerprint.of(new int[] {7, 0}));
        assertNotEquals(Fingerprint.of(new int[] {0, 0}), Fingerprint.of(new int[] {0, 0, 0}));
    }

    @Test
    void sliceEqualsWholeArray() {
        int[] big = {9, 1, 2, 3, 9};
        assertEquals(Fingerprint.of(new int[] {1, 2, 3}), Fingerprint.of(big, 1, 3));
    }

    @Test
    void smallVectorsDoNotCollide() {
        // All vectors of length 3 over [-8, 8): distinct vectors must get distinct fingerprints.
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (int a = -8; a < 8; a++) {
            for (int b = -8; b < 8; b++) {
                for (int c = -8; c < 8; c++) {
                    long fp = Fingerprint.of(new int[] {a, b, c});
                    assertNotEquals(0L, fp);
                    seen.add(fp);
                    count++;
                }
            }
        }
        assertEquals(count, seen.size());
    }

    @Property
    void updateFromAParentEqualsHashingAfresh(@ForAll @Size(min = 0, max = 40) List<Integer> values,
                                              @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 39) Integer> changed,
                                              @ForAll int delta) {
        int[] prev = values.stream().mapToInt(Integer::intValue).toArray();
        int[] next = prev.clone();
        for (int i : changed) if (i < next.length) next[i] += delta | 1;
        long sum = Fingerprint.update(Fingerprint.sum(prev, 0, prev.length), prev, next, next.length);
        assertEquals(Fingerprint.sum(next, 0, next.length), sum);
        assertEquals(Fingerprint.of(next), Fingerprint.finish(sum, next.length));
    }

    @Property
    void permutationsDiffer(@ForAll @Size(min = 2, max = 8) List<Integer> values) {
        int[] a = values.stream().mapToInt(Integer::intValue).toArray();
        List<Integer> rotated = new ArrayList<>(values.subList(1, values.size()));
        rotated.add(values.get(0));
        int[] b = rotated.stream().mapToInt(Integer::intValue).toArray();
        if (!java.util.Arrays.equals(a, b)) assertNotEquals(Fingerprint.of(a), Fingerprint.of(b));
        assertNotEquals(0L, Fingerprint.of(a));
    }
}
