package org.uffdcheck.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Counterexamples as one self-contained HTML page: styles, script and data are inline, nothing is
 * fetched. Each counterexample gets an SVG sequence chart (readable without script) and, with
 * script, a panel that shows the full state after the step clicked and what that step changed.
 * The page marks its body data-ready="true" once the script has run, and selects the step named
 * by a "#step=N" (or "#cx=K&step=N") fragment.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String render(List<Counterexample> all) {
        return render(all.size() == 1 ? "uffdcheck: " + all.get(0).property() + " in " + all.get(0).scenario().info().name()
                : "uffdcheck: " + all.size() + " counterexamples", all);
    }

    /** With a title of the caller's: a diff's page shows the runs of two models. */
    public static String render(String title, List<Counterexample> all) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                + "script-src 'unsafe-inline'; img-src data:\">\n");
        sb.append("<title>").append(Html.esc(title)).append("</title>\n<style>\n").append(resource("report.css")).append("</style>\n");
        sb.append("</head>\n<body>\n<header><h1>").append(Html.esc(title)).append("</h1></header>\n<main>\n");
        for (int i = 0; i < all.size(); i++) section(sb, i, all.get(i));
        sb.append("</main>\n<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void section(StringBuilder sb, int i, Counterexample cx) {
        sb.append(String.format("<section class=\"counterexample\" id=\"cx%d\" data-cx=\"%d\">%n", i, i));
        sb.append("<h2>scenario ").append(Html.esc(cx.scenario().info().name())).append(" of ")
                .append(Html.esc(cx.modelFile())).append("</h2>\n");
        String head = cx.kind() == Counterexample.Kind.DIFFERENCE ? "<b class=\"property\">difference</b>: "
                : "violated: <b class=\"property\">" + Html.esc(cx.property()) + "</b>: ";
        sb.append("<p class=\"violated\">").append(head)
                .append(Html.esc(cx.explanation())).append(" &mdash; ").append(cx.steps().size()).append(" steps</p>\n");
        sb.append("<p class=\"hint\">Click a step (or focus it and press Enter) to see the state after it; "
                + "bars beside a lifeline show the locks its thread holds, arrows go from the step that queued an "
                + "element to the step that read it.</p>\n");
        sb.append("<div class=\"layout\">\n<div class=\"chart-box\">\n").append(SequenceChart.render(cx)).append("</div>\n");
        sb.append("<aside class=\"details\"><p class=\"placeholder\">Click a step to see the state.</p></aside>\n</div>\n");
        sb.append("<script type=\"application/json\" class=\"trace-data\">\n")
                .append(Html.scriptSafe(JsonTrace.write(List.of(cx)))).append("</script>\n</section>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
