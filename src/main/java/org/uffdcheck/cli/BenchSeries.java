package org.uffdcheck.cli;

import java.util.List;

/**
 * The scenarios uffdcheck bench runs, smallest first. Each is a fork/munmap/monitor model written
 * in the modelling language, sized by how many forking and unmapping threads, monitor threads and
 * background page copies it has. This is the one place to change the series: a later version will
 * run the real kernel scenarios from models/ here instead of generated text.
 */
final class BenchSeries {
    private BenchSeries() {}

    /** One benchmark scenario: forks, munmaps, monitor threads, pages each monitor copies. */
    record Scenario(String name, int forks, int munmaps, int monitors, int pages, boolean quick) {
        String modelText() {
            return BenchModel.text(forks, munmaps, monitors, pages);
        }
    }

    static List<Scenario> all() {
        return List.of(
                new Scenario("f1-u1-m1-p1", 1, 1, 1, 1, true),
                new Scenario("f2-u1-m1-p2", 2, 1, 1, 2, true),
                new Scenario("f2-u2-m1-p2", 2, 2, 1, 2, true),
                new Scenario("f2-u2-m2-p1", 2, 2, 2, 1, true),
                new Scenario("f2-u2-m2-p2", 2, 2, 2, 2, false),
                new Scenario("f3-u2-m2-p2", 3, 2, 2, 2, false),
                new Scenario("f3-u2-m2-p3", 3, 2, 2, 3, false),
                new Scenario("f3-u2-m2-p4", 3, 2, 2, 4, false));
    }
}
