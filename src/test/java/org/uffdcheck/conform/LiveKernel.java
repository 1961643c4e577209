package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The harness for tests that need the live kernel: built once per JVM. Where it cannot be had (no
 * C compiler, no userfaultfd) such a test is skipped with the reason printed, except under CI=true,
 * where it fails: CI must run them (.ci/run installs the compiler; it runs as root).
 */
final class LiveKernel {
    private static Path binary;
    private static String unavailable;

    private LiveKernel() {}

    static synchronized Path harness() {
        if (binary == null && unavailable == null) probe();
        if (unavailable != null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isEmpty() && !ci.equals("false")) fail("CI is set but the live kernel tests cannot run: " + unavailable);
            System.out.println("skipped: the live kernel tests cannot run here: " + unavailable);
            Assumptions.abort(unavailable);
        }
        return binary;
    }

    private static void probe() {
        try {
            Path b = HarnessBuild.build();
            OpScript empty = new OpScript("probe", 1, -1, List.of("process 0", "uffd 0 0 fork", "vma 0 0 1 0"),
                    List.of(), List.of());
            HarnessOutput r = new HarnessRun(b, 5000, 50).run(empty);
            if (r.unavailable() != null) unavailable = r.unavailable();
            else binary = b;
        } catch (HarnessBuild.Unavailable e) {
            unavailable = e.getMessage();
        } catch (Exception e) {
            unavailable = "the harness could not be run: " + e;
        }
    }
}
