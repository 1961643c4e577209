package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void aLifelinePerThreadAndARowPerStep() {
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        String html = HtmlReport.render(List.of(cx));
        assertEquals(cx.threadCount(), count(html, "<line class=\"lifeline\""));
        assertEquals(cx.steps().size() + 1, count(html, "<g class=\"step[^\"]*\" data-step="), "the initial state and each step");
        assertTrue(count(html, "<rect class=\"lock") >= 1, "mmap_sem is held for writing");
        assertTrue(count(html, "<path class=\"event") >= 1, "the FORK event is queued");
        assertTrue(html.contains("violated: deadlock"));
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @Test
    void theEventArrowGoesFromTheQueuingThreadToTheReader() {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.THREE_THREADS, "three"));
        String html = HtmlReport.render(List.of(cx));
        Matcher m = Pattern.compile("<path class=\"event\" d=\"M(\\d+),(\\d+) L(\\d+),(\\d+)\"").matcher(html);
        assertTrue(m.find(), "an arrow for the element the consumer reads");
        int consumerLine = lifelineX(html, "consumer");
        int x0 = Integer.parseInt(m.group(1));
        int x1 = Integer.parseInt(m.group(3));
        assertTrue(x0 == lifelineX(html, "producer_thread_number_one") || x0 == lifelineX(html, "producer_thread_number_two"));
        assertTrue(Math.abs(x1 - consumerLine) <= 8, "ends at the consumer's lifeline");
        assertTrue(Integer.parseInt(m.group(4)) > Integer.parseInt(m.group(2)), "points down, to a later step");
        assertFalse(m.find(), "one element is read, so one arrow");
    }

    private static int lifelineX(String html, String thread) {
        Matcher m = Pattern.compile("<line class=\"lifeline\" data-thread=\"" + thread + "\" x1=\"(\\d+)\"").matcher(html);
        assertTrue(m.find(), "lifeline of " + thread);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aLassosCycleIsMarkedInTheChartAndThePanelSaysWhereTheCycleIs() {
        Counterexample cx = Counterexamples.of(Counterexamples.LIVELOCK, "livelock");
        int loop = cx.trace().loop();
        int last = cx.steps().size();
        assertTrue(loop < last, "a cycle of at least one step");
        String html = HtmlReport.render(List.of(cx));
        assertEquals(last - loop, count(html, "<g class=\"step[^\"]* cycle\" data-step="), "each step of the cycle is marked");
        assertEquals(1, count(html, "<g class=\"cycle\" data-loop=\"" + loop + "\" data-last=\"" + last + "\">"));
        Matcher m = Pattern.compile("<path class=\"cycle-back\" d=\"M(\\d+),(\\d+) L\\d+,\\d+ L\\d+,(\\d+)").matcher(html);
        assertTrue(m.find(), "an arrow back to the state the cycle returns to");
        assertTrue(Integer.parseInt(m.group(3)) < Integer.parseInt(m.group(2)), "it points up, from the last step to the loop");
        assertTrue(html.contains("function cycleNote"), "the panel names the cycle");
    }

    @Test
    void thePageFetchesNothing() {
        Counterexample cx = Counterexamples.of(Counterexamples.ABBA, "abba");
        String html = HtmlReport.render(List.of(cx));
        assertFalse(Pattern.compile("\\b(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), "no src or href");
        assertFalse(html.contains("@import"));
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "only url(#...) references inside the page");
        assertTrue(html.contains("Content-Security-Policy"));
    }

    @Test
    void textFromTheModelIsEscaped() {
        assertEquals("a &lt; b &amp;&amp; c &gt; &quot;d&quot;", Html.esc("a < b && c > \"d\""));
        assertEquals("\"<\\/script>\"", Html.scriptSafe("\"</script>\""));
    }

    @Test
    void thePanelsDataHoldsTheObjectsAndTheScriptShowsThem() throws Exception {
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.HEAP, "publish_early"));
        String html = HtmlReport.render(List.of(cx));
        Matcher m = Pattern.compile("<script type=\"application/json\" class=\"trace-data\">\n(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(m.find(), "the trace is embedded");
        com.fasterxml.jackson.databind.JsonNode t = JsonTrace.MAPPER.readTree(m.group(1).replace("<\\/", "</"));
        com.fasterxml.jackson.databind.JsonNode last = t.get("states").get(cx.steps().size());
        assertEquals(2, last.at("/" + JsonTrace.HEAP + "/ctx#1/refcount").asInt());
        assertEquals("freed", last.at("/#meta/objects/ctx#2/status").asText());
        assertTrue(html.contains("Objects after this step"), "the page's script has a table for them");
        assertTrue(html.contains("\"" + JsonTrace.HEAP + "\""), "and reads them from the heap variable");
    }
}
