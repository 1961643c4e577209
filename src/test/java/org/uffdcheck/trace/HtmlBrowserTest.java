package org.uffdcheck.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the HTML report from a file into headless Chromium and checks what the browser rendered
 * after the page's script ran. Skipped only when no chromium is installed and CI is not set; under
 * CI a missing browser fails the test. Screenshots go to target/html-report/ for people to look at.
 */
class HtmlBrowserTest {
    @TempDir
    Path dir;

    private static Path chromium() {
        for (String name : new String[] {"chromium", "chromium-browser"}) {
            String path = System.getenv("PATH");
            if (path == null) continue;
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, name);
                if (Files.isExecutable(p)) return p;
            }
        }
        return null;
    }

    /** The browser, or the test skipped when there is none and CI is not set. */
    private static Path browserOrSkip() {
        Path browser = chromium();
        String ci = System.getenv("CI");
        Assumptions.assumeTrue(browser != null || (ci != null && !ci.isEmpty()), "no chromium and not under CI");
        assertTrue(browser != null, "CI is set but no chromium is installed (.ci/run installs it)");
        return browser;
    }

    @Test
    void theForkDeadlockRendersAndAClickedStepShowsItsState() throws Exception {
        Path browser = browserOrSkip();
        Counterexample cx = Counterexamples.of(Counterexamples.FORK, "fork_waits_under_mmap_sem");
        Path page = dir.resolve("fork.html");
        Files.writeString(page, HtmlReport.render(List.of(cx)), StandardCharsets.UTF_8);
        int pick = 3;
        String url = page.toUri() + "#step=" + pick;

        String dom = run(browser, "--dump-dom", url);
        assertTrue(dom.contains("data-ready=\"true\""), "the page's script ran");
        assertEquals(cx.threadCount(), HtmlReportTest.count(dom, "<line class=\"lifeline\""));
        assertEquals(cx.steps().size() + 1, HtmlReportTest.count(dom, "<g class=\"step[^\"]*\" data-step="));
        assertTrue(dom.contains("violated: deadlock"), "the violated property is shown");
        assertTrue(Pattern.compile("<g class=\"step selected\" data-step=\"" + pick + "\"").matcher(dom).find(),
                "the step named in the fragment is selected");
        Matcher details = Pattern.compile("<aside class=\"details\" data-step=\"" + pick + "\">(.*?)</aside>", Pattern.DOTALL).matcher(dom);
        assertTrue(details.find(), "the details panel shows step " + pick);
        String panel = details.group(1);
        TraceStep st = cx.steps().get(pick - 1);
        assertTrue(panel.contains("Step " + pick + ": " + st.threadName()), panel);
        assertTrue(panel.contains(Html.esc(st.statement())), panel);
        for (String var : new String[] {"mmap_sem", "event_wqh", "fork_read", "copied"}) {
            assertTrue(panel.contains(">" + var + "<"), "the full state lists " + var);
        }
        assertTrue(panel.contains("class=\"changed\""), "what the step changed is marked");

        Path shots = Path.of("target", "html-report");
        Files.createDirectories(shots);
        Path shot = shots.resolve("fork_waits_under_mmap_sem.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(browser, "--screenshot=" + shot, url);
        assertTrue(Files.size(shot) > 10_000, "a screenshot with something on it");
    }

    @Test
    void thePanelShowsEveryObjectWithItsFieldsAndStatus() throws Exception {
        Path browser = browserOrSkip();
        Counterexample cx = Counterexamples.of(Counterexamples.compileText(dir, Counterexamples.HEAP, "publish_early"));
        Path page = dir.resolve("heap.html");
        Files.writeString(page, HtmlReport.render(List.of(cx)), StandardCharsets.UTF_8);
        int pick = cx.steps().size();
        String dom = run(browser, "--dump-dom", page.toUri() + "#step=" + pick);
        Matcher details = Pattern.compile("<aside class=\"details\" data-step=\"" + pick + "\">(.*?)</aside>", Pattern.DOTALL).matcher(dom);
        assertTrue(details.find(), "the details panel shows step " + pick);
        String panel = details.group(1);
        assertTrue(panel.contains("Objects after this step"), panel);
        assertTrue(panel.contains(">ctx#1<") && panel.contains(">refcount<") && panel.contains(">2<"), panel);
        assertTrue(panel.contains(">ctx#2<") && panel.contains(">freed<"), "a freed object keeps its status: " + panel);
        assertTrue(panel.contains(">on the stack of w<"), panel);
        assertTrue(!panel.contains(">" + JsonTrace.HEAP + "<"), "the heap is not listed as a global");
    }

    @Test
    void thePanelOfALassosLastStepSaysTheCycleCloses() throws Exception {
        Path browser = browserOrSkip();
        Counterexample cx = Counterexamples.of(Counterexamples.LIVELOCK, "livelock");
        Path page = dir.resolve("lasso.html");
        Files.writeString(page, HtmlReport.render(List.of(cx)), StandardCharsets.UTF_8);
        int last = cx.steps().size();
        String dom = run(browser, "--dump-dom", page.toUri() + "#step=" + last);
        Matcher details = Pattern.compile("<aside class=\"details\" data-step=\"" + last + "\">(.*?)</aside>", Pattern.DOTALL).matcher(dom);
        assertTrue(details.find(), "the details panel shows step " + last);
        String back = cx.trace().loop() == 0 ? "the initial state" : "the state after step " + cx.trace().loop();
        assertTrue(details.group(1).contains("The cycle closes: back in " + back), details.group(1));
    }

    private String run(Path browser, String what, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "profile");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1200,900", what, url));
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(dir.resolve("chromium.err")));
        return read(out);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
