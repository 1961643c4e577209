package org.uffdcheck.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios uffdcheck bench runs: first the Linux 4.11 models of models/ at growing size, then
 * a generated fork/munmap/monitor protocol, smallest first. This is the one place to change the
 * series.
 */
final class BenchSeries {
    private BenchSeries() {}

    /**
     * One benchmark scenario. Kernel scenarios run the Linux 4.11 models of models/ (pages to copy,
     * one or two monitor threads); the others are the generated
     * fork/munmap/monitor protocol (forks, munmaps, monitor threads, pages each monitor copies),
     * which sizes more freely. A large scenario (10^8 states, minutes and a few GB) runs only when
     * asked for.
     */
    record Scenario(String name, boolean quick, boolean kernel, int forks, int munmaps, int monitors, int pages,
                    boolean large) {
        String modelText(Path models) {
            return kernel ? KernelBenchModel.text(models, pages, monitors == 2)
                    : BenchModel.text(forks, munmaps, monitors, pages);
        }
    }

    private static Scenario protocol(String name, int forks, int munmaps, int monitors, int pages, boolean quick) {
        return new Scenario(name, quick, false, forks, munmaps, monitors, pages, false);
    }

    private static Scenario kernel(String name, int pages, int monitors, boolean quick) {
        return new Scenario(name, quick, true, 0, 1, monitors, pages, false);
    }

    static List<Scenario> all() {
        return List.of(
                kernel("k4.11-p2-m1", 2, 1, true),
                kernel("k4.11-p3-m1", 3, 1, true),
                kernel("k4.11-p2-m2", 2, 2, true),
                kernel("k4.11-p3-m2", 3, 2, false),
                kernel("k4.11-p4-m2", 4, 2, false),
                protocol("f1-u1-m1-p1", 1, 1, 1, 1, true),
                protocol("f2-u1-m1-p2", 2, 1, 1, 2, true),
                protocol("f2-u2-m1-p2", 2, 2, 1, 2, true),
                protocol("f2-u2-m2-p1", 2, 2, 2, 1, true),
                protocol("f2-u2-m2-p2", 2, 2, 2, 2, false),
                protocol("f3-u2-m2-p2", 3, 2, 2, 2, false),
                protocol("f3-u2-m2-p3", 3, 2, 2, 3, false),
                protocol("f3-u2-m2-p4", 3, 2, 2, 4, false),
                new Scenario("f3-u2-m2-p7", false, false, 3, 2, 2, 7, true));
    }
}
