package org.uffdcheck.trace;

import java.util.ArrayList;
import java.util.List;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;

/**
 * A counterexample the way kernel developers draw races in commit messages: one column per thread,
 * one row per step with the procedure, the source line and the statement, the changes that matter
 * marked, then the violated property and the state that breaks it: globals, then objects.
 *
 * Unless full is asked for, a run of three or more steps of one thread in which every step but the
 * last changes no global is folded into one row: no other thread can see those steps, and the row
 * still shows the last one.
 */
public final class RaceDiagram {
    /** The width the diagram aims at; three threads fit it, more wrap inside narrower columns. */
    public static final int WIDTH = 100;
    private static final int MIN_COLUMN = 18;
    private static final int MAX_COLUMN = 46;

    private RaceDiagram() {}

    public static String render(Counterexample cx, boolean full) {
        int n = cx.threadCount();
        int loop = cx.trace().loop();
        List<Row> rows = cx.trace().lasso() ? lassoRows(cx.steps(), loop, full) : rows(cx.steps(), full);
        int labelWidth = 4;
        for (Row r : rows) labelWidth = Math.max(labelWidth, r.label().length());
        int width = Math.max(MIN_COLUMN, Math.min(MAX_COLUMN, (WIDTH - labelWidth) / Math.max(1, n) - 2));

        StringBuilder sb = new StringBuilder();
        List<List<String>> head = new ArrayList<>();
        List<List<String>> rule = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            head.add(Columns.wrap(cx.threadName(t), width, "", ""));
            rule.add(List.of("-".repeat(width)));
        }
        Columns.row(sb, "step", labelWidth, head, width);
        Columns.row(sb, "-".repeat(labelWidth), labelWidth, rule, width);
        String[] procShown = new String[n];
        int lineWidth = 1;
        for (TraceStep s : cx.steps()) lineWidth = Math.max(lineWidth, Integer.toString(s.line()).length());
        for (Row r : rows) {
            if (cx.trace().lasso() && r.steps().get(0).number() == loop + 1) {
                sb.append("-- cycle: steps ").append(loop + 1).append('-').append(cx.steps().size())
                        .append(" repeat for ever --\n");
            }
            List<List<String>> cells = emptyCells(n);
            cells.set(r.last().thread(), cell(r, procShown, width, lineWidth));
            Columns.row(sb, r.label(), labelWidth, cells, width);
        }
        if (cx.trace().lasso() && loop == cx.steps().size()) sb.append("-- the run ends here and stays for ever --\n");
        Columns.row(sb, "-".repeat(labelWidth), labelWidth, rule, width);
        Columns.row(sb, "end", labelWidth, endCells(cx, width), width);
        sb.append('\n');
        sb.append(String.format("%s: %s%n", cx.headline(), cx.explanation()));
        // A difference is told by observations, which the diff lists; the state dump would bury them.
        if (cx.kind() != Counterexample.Kind.DIFFERENCE) endState(sb, cx);
        sb.append(legend());
        return sb.toString();
    }

    private static void endState(StringBuilder sb, Counterexample cx) {
        sb.append("state at the end:\n");
        int[] last = cx.trace().last();
        Describer d = cx.scenario().describer();
        List<String> lines = new ArrayList<>();
        for (Describer.Var g : d.globals()) lines.add(g.name() + " = " + d.show(g.type(), last, g.at()));
        lines.addAll(d.objectLines(last));
        for (String line : lines) {
            for (String l : Columns.wrap(line, WIDTH, "  ", "      ")) sb.append(l).append('\n');
        }
    }

    /** Several counterexamples (one per violated property), one after the other. */
    public static String render(List<Counterexample> all, boolean full) {
        StringBuilder sb = new StringBuilder();
        for (Counterexample cx : all) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(render(cx, full));
        }
        return sb.toString();
    }

    static String legend() {
        StringBuilder sb = new StringBuilder("legend:");
        for (Effect.Kind k : Effect.Kind.values()) sb.append("  [").append(k.sign).append("] ").append(k.meaning);
        sb.append("; LINE statement; a-b: steps a to b, folded");
        return String.join("\n", Columns.wrap(sb.toString(), WIDTH, "", "        ")) + "\n";
    }

    /** Consecutive steps shown as one row; hidden counts the folded steps before the last. */
    record Row(List<TraceStep> steps) {
        TraceStep last() { return steps.get(steps.size() - 1); }

        String label() {
            int a = steps.get(0).number();
            int b = last().number();
            return a == b ? Integer.toString(a) : a + "-" + b;
        }
    }

    /** A lasso's rows: its prefix and its cycle are folded apart, so that the cycle starts a row. */
    static List<Row> lassoRows(List<TraceStep> steps, int loop, boolean full) {
        List<Row> out = new ArrayList<>(rows(steps.subList(0, loop), full));
        out.addAll(rows(steps.subList(loop, steps.size()), full));
        return out;
    }

    static List<Row> rows(List<TraceStep> steps, boolean full) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        while (i < steps.size()) {
            int j = i;
            if (!full) {
                while (j + 1 < steps.size() && steps.get(j).foldable() && steps.get(j + 1).thread() == steps.get(i).thread()) j++;
                if (j - i < 2) j = i;
            }
            rows.add(new Row(steps.subList(i, j + 1)));
            i = j + 1;
        }
        return rows;
    }

    private static List<String> cell(Row r, String[] procShown, int width, int lineWidth) {
        List<String> out = new ArrayList<>();
        TraceStep first = r.steps().get(0);
        if (!first.proc().equals(procShown[first.thread()])) out.add(clip(first.proc() + "()", width));
        if (r.steps().size() > 1) {
            int hidden = r.steps().size() - 1;
            TraceStep lastHidden = r.steps().get(hidden - 1);
            out.add(clip("... " + hidden + " steps, lines " + first.line() + "-" + lastHidden.line(), width));
            if (!r.last().proc().equals(first.proc())) out.add(clip(r.last().proc() + "()", width));
        }
        TraceStep s = r.last();
        procShown[s.thread()] = s.proc();
        String num = Columns.pad(Integer.toString(s.line()), lineWidth, true) + " ";
        out.addAll(Columns.wrap(s.statement(), width, num, " ".repeat(num.length())));
        for (Effect e : s.effects()) out.addAll(Columns.wrap(e.mark(), width, "", "    "));
        for (String c : otherChanges(s)) out.addAll(Columns.wrap(c, width, "  ", "    "));
        return out;
    }

    /** Changes the marks do not already say; entering a procedure shows as its name instead. */
    static List<String> otherChanges(TraceStep s) {
        List<String> out = new ArrayList<>();
        for (String c : s.changes()) {
            if (c.startsWith("enters ")) continue;
            if (c.equals(s.threadName() + " finished")) {
                out.add("(finished)");
                continue;
            }
            String lhs = c.contains(" = ") ? root(c.substring(0, c.indexOf(" = "))) : c;
            boolean marked = false;
            for (Effect e : s.effects()) if (root(e.target()).equals(lhs)) marked = true;
            if (!marked) out.add(c);
        }
        return out;
    }

    private static String root(String path) {
        int cut = path.length();
        int b = path.indexOf('[');
        int d = path.indexOf('.');
        if (b >= 0) cut = b;
        if (d >= 0 && d < cut) cut = d;
        return path.substring(0, cut);
    }

    /** Where each thread stands at the end: blocked, about to run a statement, or finished. */
    private static List<List<String>> endCells(Counterexample cx, int width) {
        CompiledScenario cs = cx.scenario();
        int[] last = cx.trace().last();
        boolean[] canMove = canMove(cs, last);
        boolean faulted = cs.fault(last) != null;
        Describer d = cs.describer();
        List<List<String>> cells = emptyCells(cx.threadCount());
        for (int t = 0; t < cx.threadCount(); t++) {
            List<Describer.Frame> frames = d.frames(last, t);
            if (frames.isEmpty()) {
                cells.set(t, List.of("(finished)"));
                continue;
            }
            Describer.Frame f = frames.get(0);
            String how = faulted ? "stopped at" : canMove[t] ? "next" : "blocked at";
            List<String> c = new ArrayList<>();
            c.add(clip(how + " " + f.proc() + "()", width));
            c.addAll(Columns.wrap(f.statement(), width, f.line() + " ", " ".repeat((f.line() + " ").length())));
            cells.set(t, c);
        }
        return cells;
    }

    static boolean[] canMove(CompiledScenario cs, int[] s) {
        boolean[] out = new boolean[cs.threadCount()];
        cs.newStepper().successors(s, (next, label) -> out[CompiledScenario.threadOfLabel(label)] = true);
        return out;
    }

    private static List<List<String>> emptyCells(int n) {
        List<List<String>> cells = new ArrayList<>();
        for (int t = 0; t < n; t++) cells.add(List.of());
        return cells;
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
