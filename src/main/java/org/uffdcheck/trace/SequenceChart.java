package org.uffdcheck.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uffdcheck.compile.CompiledScenario;
import org.uffdcheck.compile.Describer;

/**
 * A counterexample as an SVG sequence chart: a lifeline per thread, a row per step (row 0 is the
 * initial state), bars beside a lifeline while its thread holds a lock, and an arrow from the step
 * that queued an element on a list to the step of another thread that read it.
 */
final class SequenceChart {
    static final int LEFT = 48;
    static final int LANE = 280;
    static final int TOP = 64;
    static final int ROW = 38;
    private static final double CHAR = 7.2;
    /** Room right of the lanes for a lasso's cycle bracket. */
    private static final int CYCLE_MARGIN = 36;
    private static final String[] LOCK_COLOURS = {"#d9480f", "#1971c2", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599"};

    private final Counterexample cx;
    private final StringBuilder svg = new StringBuilder();
    private final Map<String, String> lockColour = new LinkedHashMap<>();

    private SequenceChart(Counterexample cx) { this.cx = cx; }

    static String render(Counterexample cx) { return new SequenceChart(cx).build(); }

    private static int x(int thread) { return LEFT + thread * LANE + 24; }

    /** Middle of row r; row 0 is the initial state, row i the step i. */
    private static int y(int row) { return TOP + row * ROW + ROW / 2; }

    private String build() {
        int n = cx.threadCount();
        int steps = cx.steps().size();
        int width = LEFT + n * LANE + 8 + (cx.trace().lasso() ? CYCLE_MARGIN : 0);
        int endRow = steps + 1;
        int height = y(endRow) + ROW + 44;
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\">%n", width, height, width, height));
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"arrowhead\"/></marker></defs>\n");
        rows(width, steps);
        for (int t = 0; t < n; t++) {
            svg.append(String.format("<g class=\"thread\" data-thread=\"%s\"><rect class=\"head\" x=\"%d\" y=\"8\" width=\"%d\" height=\"28\" rx=\"4\"/>"
                    + "<text class=\"head-name\" x=\"%d\" y=\"27\">%s</text>", Html.esc(cx.threadName(t)), x(t) - 20, LANE - 40,
                    x(t) - 12, Html.esc(clip(cx.threadName(t), LANE - 60))));
            svg.append(String.format("<line class=\"lifeline\" data-thread=\"%s\" x1=\"%d\" y1=\"36\" x2=\"%d\" y2=\"%d\"/></g>%n",
                    Html.esc(cx.threadName(t)), x(t), x(t), y(endRow)));
        }
        lockBars(steps);
        eventArrows(endRow);
        dots();
        ends(endRow);
        if (cx.trace().lasso()) cycle(width);
        svg.append(String.format("<g class=\"verdict\"><rect x=\"4\" y=\"%d\" width=\"%d\" height=\"30\" rx=\"4\"/>"
                + "<text x=\"14\" y=\"%d\">%s: %s</text></g>%n", y(endRow) + ROW / 2 + 6, width - 8,
                y(endRow) + ROW / 2 + 26, Html.esc(cx.headline()), Html.esc(clip(cx.explanation(), width - 200))));
        svg.append("</svg>\n");
        return svg.toString();
    }

    /** A clickable band per row with the step number and the statement beside its thread's lifeline. */
    private void rows(int width, int steps) {
        String[] procShown = new String[cx.threadCount()];
        svg.append(String.format("<g class=\"step\" data-step=\"0\" tabindex=\"0\"><rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "<text class=\"num\" x=\"8\" y=\"%d\">0</text><text class=\"stmt init\" x=\"%d\" y=\"%d\">initial state</text></g>%n",
                y(0) - ROW / 2, width, ROW, y(0) + 4, LEFT, y(0) + 4));
        for (TraceStep s : cx.steps()) {
            int r = s.number();
            int tx = x(s.thread()) + 14;
            int room = LANE - 60;
            String head = s.line() + " " + s.statement();
            List<String> marks = new ArrayList<>();
            for (Effect e : s.effects()) marks.add(e.mark());
            marks.addAll(RaceDiagram.otherChanges(s));
            if (!s.proc().equals(procShown[s.thread()])) marks.add("in " + s.proc() + "()");
            procShown[s.thread()] = s.proc();
            String cls = (s.fault() != null ? " fault" : "") + (cx.trace().lasso() && r > cx.trace().loop() ? " cycle" : "");
            svg.append(String.format("<g class=\"step%s\" data-step=\"%d\" data-thread=\"%s\" tabindex=\"0\">", cls,
                    r, Html.esc(s.threadName())));
            svg.append(String.format("<title>%s</title>", Html.esc(s.threadName() + " in " + s.proc() + " at " + s.location()
                    + ": " + s.statement() + (marks.isEmpty() ? "" : "\n" + String.join("\n", marks)))));
            svg.append(String.format("<rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>", y(r) - ROW / 2, width, ROW));
            svg.append(String.format("<text class=\"num\" x=\"8\" y=\"%d\">%d</text>", y(r) - 2, r));
            svg.append(String.format("<text class=\"stmt\" x=\"%d\" y=\"%d\">%s</text>", tx, y(r) - 3, Html.esc(clip(head, room))));
            if (!marks.isEmpty()) {
                svg.append(String.format("<text class=\"marks\" x=\"%d\" y=\"%d\">%s</text>", tx, y(r) + 12,
                        Html.esc(clip(String.join("  ", marks), room))));
            }
            svg.append("</g>\n");
        }
    }

    private void dots() {
        for (TraceStep s : cx.steps()) {
            svg.append(String.format("<circle class=\"dot%s\" cx=\"%d\" cy=\"%d\" r=\"5\"/>%n", s.fault() != null ? " fault" : "",
                    x(s.thread()), y(s.number()) - 7));
        }
    }

    /** A bar left of the lifeline for each stretch of states in which the thread holds a lock. */
    private void lockBars(int steps) {
        Effects effects = new Effects(cx.scenario());
        List<int[]> states = cx.trace().states();
        Map<Effects.Holding, Integer> since = new LinkedHashMap<>();
        for (int i = 0; i <= steps + 1; i++) {
            List<Effects.Holding> now = i <= steps ? effects.holdings(states.get(i)) : List.of();
            for (Effects.Holding h : now) if (h.thread() < cx.threadCount()) since.putIfAbsent(h, i);
            for (Effects.Holding h : new ArrayList<>(since.keySet())) {
                if (now.contains(h)) continue;
                bar(h.lock(), h.thread(), h.mode(), since.remove(h), i);
            }
        }
    }

    private void bar(String lock, int thread, String mode, int from, int to) {
        String colour = lockColour.computeIfAbsent(lock, k -> LOCK_COLOURS[lockColour.size() % LOCK_COLOURS.length]);
        int index = new ArrayList<>(lockColour.keySet()).indexOf(lock);
        int bx = x(thread) - 12 - 7 * (index % 3);
        int y0 = y(from) - 7;
        int y1 = to > cx.steps().size() ? y(cx.steps().size() + 1) : y(to) - 7;
        String what = lock + (mode.isEmpty() ? "" : " (" + mode + ")") + " held by " + cx.threadName(thread)
                + (to > cx.steps().size() ? " from state " + from + " to the end" : " in states " + from + " to " + (to - 1));
        svg.append(String.format("<rect class=\"lock%s\" data-lock=\"%s\" data-thread=\"%s\" x=\"%d\" y=\"%d\" width=\"5\" height=\"%d\" "
                + "fill=\"%s\"><title>%s</title></rect>%n", mode.equals("read") ? " read" : "", Html.esc(lock),
                Html.esc(cx.threadName(thread)), bx, y0, Math.max(4, y1 - y0), colour, Html.esc(what)));
    }

    /** Queued elements matched first-in first-out with the reads of the same list by value. */
    private void eventArrows(int endRow) {
        Map<String, Deque<TraceStep>> pending = new HashMap<>();
        Map<String, Deque<String>> pendingValue = new HashMap<>();
        for (TraceStep s : cx.steps()) {
            for (Effect e : s.effects()) {
                if (e.kind() == Effect.Kind.QUEUED) {
                    pending.computeIfAbsent(e.target(), k -> new ArrayDeque<>()).add(s);
                    pendingValue.computeIfAbsent(e.target(), k -> new ArrayDeque<>()).add(e.detail());
                } else if (e.kind() == Effect.Kind.READ && pending.containsKey(e.target())) {
                    Deque<TraceStep> q = pending.get(e.target());
                    Deque<String> vq = pendingValue.get(e.target());
                    if (q.isEmpty() || !vq.peekFirst().equals(e.detail())) continue;
                    TraceStep from = q.pollFirst();
                    vq.pollFirst();
                    if (from.thread() != s.thread()) arrow(from, s.thread(), y(s.number()) - 7, e, "event", s.number());
                }
            }
        }
        for (Map.Entry<String, Deque<TraceStep>> e : pending.entrySet()) {
            Deque<String> vq = pendingValue.get(e.getKey());
            for (TraceStep from : e.getValue()) {
                arrow(from, -1, y(endRow) - 10, new Effect(Effect.Kind.QUEUED, e.getKey(), vq.pollFirst(), from.thread()),
                        "event pending", -1);
            }
        }
    }

    private void arrow(TraceStep from, int toThread, int toY, Effect e, String cls, int toStep) {
        int x0 = x(from.thread());
        int y0 = y(from.number()) - 7;
        int x1 = toThread < 0 ? x0 + 40 : x(toThread) + (x(toThread) > x0 ? -6 : 6);
        String what = e.detail() + " queued on " + e.target() + " at step " + from.number()
                + (toStep < 0 ? ", not read by the end" : ", read at step " + toStep);
        svg.append(String.format("<path class=\"%s\" d=\"M%d,%d L%d,%d\" marker-end=\"url(#arrow)\"><title>%s</title></path>%n",
                cls, x0, y0, x1, toY, Html.esc(what)));
        if (toThread < 0) {
            svg.append(String.format("<text class=\"marks\" x=\"%d\" y=\"%d\">not read</text>%n", x1 + 6, toY - 4));
        }
    }

    /** Where each lifeline ends: finished, blocked, about to run, or stopped by a fault. */
    private void ends(int endRow) {
        CompiledScenario cs = cx.scenario();
        int[] last = cx.trace().last();
        boolean[] canMove = RaceDiagram.canMove(cs, last);
        boolean faulted = cs.fault(last) != null;
        Describer d = cs.describer();
        for (int t = 0; t < cx.threadCount(); t++) {
            List<Describer.Frame> frames = d.frames(last, t);
            String state = frames.isEmpty() ? "finished" : faulted ? "stopped" : canMove[t] ? "next" : "blocked";
            String text = frames.isEmpty() ? "finished" : state + ": " + frames.get(0).line() + " " + frames.get(0).statement();
            svg.append(String.format("<g class=\"end %s\" data-thread=\"%s\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"24\" rx=\"4\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text></g>%n", state, Html.esc(cx.threadName(t)), x(t) - 20, y(endRow) - 12,
                    LANE - 40, x(t) - 12, y(endRow) + 4, Html.esc(clip(text, LANE - 56))));
        }
    }

    /**
     * A lasso's cycle in the right margin: a bracket beside its steps with an arrow from the last
     * one back up to the state it returns to; a run that ends gets a mark on its last row instead.
     */
    private void cycle(int width) {
        int loop = cx.trace().loop();
        int last = cx.steps().size();
        int x = width - CYCLE_MARGIN + 10;
        if (loop == last) {
            svg.append(String.format("<g class=\"cycle ends\" data-loop=\"%d\"><title>the run ends here and stays for ever</title>"
                    + "<circle cx=\"%d\" cy=\"%d\" r=\"6\"/><text x=\"%d\" y=\"%d\">end</text></g>%n", loop, x + 6, y(last),
                    x - 2, y(last) + 18));
            return;
        }
        int top = y(loop) + 4;
        int bottom = y(last);
        String what = "cycle: steps " + (loop + 1) + "-" + last + " repeat for ever; after step " + last
                + " the run is back in the state " + (loop == 0 ? "it starts in" : "after step " + loop);
        svg.append(String.format("<g class=\"cycle\" data-loop=\"%d\" data-last=\"%d\"><title>%s</title>"
                + "<rect class=\"cycle-band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                + "<path class=\"cycle-back\" d=\"M%d,%d L%d,%d L%d,%d L%d,%d\" marker-end=\"url(#arrow)\"/>"
                + "<text class=\"cycle-label\" x=\"%d\" y=\"%d\" transform=\"rotate(-90 %d %d)\">cycle</text></g>%n",
                loop, last, Html.esc(what), y(loop + 1) - ROW / 2, 4, (last - loop) * ROW, x - 6, bottom, x + 6, bottom, x + 6, top,
                x - 4, top, x + 18, (top + bottom) / 2 + 14, x + 18, (top + bottom) / 2 + 14));
    }

    /** Cuts text to fit px pixels of the chart's monospace font. */
    static String clip(String s, int px) {
        int max = (int) (px / CHAR);
        return s.length() <= max ? s : s.substring(0, Math.max(1, max - 1)) + "\u2026";
    }
}
