package org.uffdcheck.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * The scenarios uffdcheck bench runs, smallest first within each family: the Linux 4.11 models
 * at growing size, then the coarser fork/munmap/monitor protocol. Each row is a model file under
 * models/bench/ (its parameters are constants there); this is the one place to change the series.
 */
final class BenchSeries {
    private BenchSeries() {}

    /**
     * One benchmark row: the model file {@code bench/<file>} under the models directory, with one
     * scenario. Rows whose search takes more than a few seconds sit in bench/slow/, which
     * {@code uffdcheck test} walks past. A large row (10^8 states, minutes and a few GB) runs
     * only when asked for.
     */
    record Scenario(String name, boolean quick, boolean large, String file) {
        Path modelFile(Path models) {
            return models.resolve("bench").resolve(file);
        }
    }

    private static Scenario row(String name, boolean quick) {
        return new Scenario(name, quick, false, name + ".uffd");
    }

    private static Scenario slow(String name, boolean quick, boolean large) {
        return new Scenario(name, quick, large, "slow/" + name + ".uffd");
    }

    static List<Scenario> all() {
        return List.of(
                row("k4.11-p2-m1", true),
                row("k4.11-p3-m1", true),
                row("k4.11-p2-m2", true),
                slow("k4.11-p3-m2", false, false),
                slow("k4.11-p4-m2", false, false),
                row("f1-u1-m1-p1", true),
                row("f2-u1-m1-p2", true),
                row("f2-u2-m1-p2", true),
                slow("f2-u2-m2-p1", true, false),
                slow("f2-u2-m2-p2", false, false),
                slow("f3-u2-m2-p2", false, false),
                slow("f3-u2-m2-p3", false, false),
                slow("f3-u2-m2-p4", false, false),
                slow("f3-u2-m2-p7", false, true));
    }
}
