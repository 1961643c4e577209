package org.uffdcheck.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.compile.Reductions;
import org.uffdcheck.engine.Observation;
import org.uffdcheck.engine.TransitionSystem;
import org.uffdcheck.lang.ModelLoader;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;

/**
 * On random loop-free models of two or three threads that observe: the observations of any run
 * conform; the same with one observation altered conform exactly when a naive enumeration of every
 * run finds one that makes them.
 */
class ConformanceProperties {
    private static final Conformance.Options ANY_END = new Conformance.Options(1_000_000, Set.of());

    @Property(tries = 60)
    void aRunsOwnObservationsConform(@ForAll("models") String model, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        CompiledScenario cs = compile(model);
        List<Observation> run = randomRun(cs, new Random(seed));
        ConformResult r = Conformance.check(cs, Recording.of("run", run), ANY_END);
        ConformResult.Conforms c = assertInstanceOf(ConformResult.Conforms.class, r, model + run);
        assertEquals(run.size(), c.observedAt().size());
    }

    @Property(tries = 60)
    void anAlteredRunConformsOnlyIfSomeRunMakesIt(@ForAll("models") String model, @ForAll @LongRange(min = 0, max = 1000) long seed) {
        CompiledScenario cs = compile(model);
        Random rnd = new Random(seed);
        List<Observation> run = new ArrayList<>(randomRun(cs, rnd));
        if (run.isEmpty()) return;
        int k = rnd.nextInt(run.size());
        Observation o = run.get(k);
        List<String> args = new ArrayList<>(o.args());
        args.set(0, Integer.toString((Integer.parseInt(args.get(0)) + 1 + rnd.nextInt(3)) % 4));
        run.set(k, new Observation(o.thread(), o.name(), args));
        ConformResult r = Conformance.check(cs, Recording.of("altered", run), ANY_END);
        boolean some = someRunMakes(cs, cs.newObservingStepper(), initial(cs), run, 0);
        assertEquals(some, r instanceof ConformResult.Conforms, model + run);
        if (!some) assertEquals(true, r.matched() >= k, "the prefix before the change matches");
    }

    /** Every path from s (the models are loop-free, so there are finitely many). */
    private static boolean someRunMakes(CompiledScenario cs, TransitionSystem.Stepper st, int[] s, List<Observation> rec, int k) {
        if (k == rec.size()) return true;
        List<int[]> next = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        st.successors(s, (n, l) -> {
            next.add(n.clone());
            codes.add(st.observation());
        });
        for (int i = 0; i < next.size(); i++) {
            int code = codes.get(i);
            if (code == 0 && someRunMakes(cs, st, next.get(i), rec, k)) return true;
            if (code != 0 && cs.observation(code).equals(rec.get(k)) && someRunMakes(cs, st, next.get(i), rec, k + 1)) return true;
        }
        return false;
    }

    private static List<Observation> randomRun(CompiledScenario cs, Random rnd) {
        TransitionSystem.Stepper st = cs.newObservingStepper();
        int[] s = initial(cs);
        List<Observation> out = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            List<int[]> next = new ArrayList<>();
            List<Integer> codes = new ArrayList<>();
            st.successors(s, (n, l) -> {
                next.add(n.clone());
                codes.add(st.observation());
            });
            if (next.isEmpty() || rnd.nextInt(10) == 0) break;
            int i = rnd.nextInt(next.size());
            if (codes.get(i) != 0) out.add(cs.observation(codes.get(i)));
            s = next.get(i);
        }
        return out;
    }

    private static int[] initial(CompiledScenario cs) {
        int[] s = new int[cs.stateSize()];
        cs.initialState(s);
        return s;
    }

    private static CompiledScenario compile(String model) {
        try {
            Path dir = Files.createTempDirectory("uffd-conform");
            Path file = dir.resolve("m.uffd");
            Files.writeString(file, model);
            try {
                CheckedModel m = Checker.check(ModelLoader.load(file, "m.uffd"));
                return Compiler.compile(m, m.scenarios.values().iterator().next(), Reductions.NONE);
            } finally {
                Files.delete(file);
                Files.delete(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Two or three threads of two to four actions on two globals; an action observes or not. */
    @Provide
    Arbitrary<String> models() {
        Arbitrary<String> action = Arbitraries.integers().between(0, 47).map(ConformanceProperties::action);
        Arbitrary<String> body = action.list().ofMinSize(2).ofMaxSize(4).map(l -> String.join("\n    ", l));
        return body.list().ofMinSize(2).ofMaxSize(3).map(bodies -> {
            StringBuilder sb = new StringBuilder("var g0: int[0..3];\nvar g1: int[0..3];\n");
            for (int t = 0; t < bodies.size(); t++) sb.append("proc p").append(t).append("() {\n    ").append(bodies.get(t)).append("\n}\n");
            sb.append("scenario s {\n");
            for (int t = 0; t < bodies.size(); t++) sb.append("    thread t").append(t).append(" = p").append(t).append("();\n");
            return sb.append("    check assert;\n    expect holds;\n}\n").toString();
        });
    }

    private static String action(int code) {
        int g = code % 2, h = code / 2 % 2, c = code / 4 % 4, kind = code / 16;
        String assign = "g" + g + " = (g" + h + " + " + c + ") % 4;";
        String observe = "observe o" + (c % 2) + "(g" + g + ", g" + h + ");";
        return switch (kind) {
            case 0 -> assign;
            case 1 -> assign + " " + observe;
            default -> "atomic { " + assign + " g" + h + " = " + c + "; " + observe + " }";
        };
    }
}
