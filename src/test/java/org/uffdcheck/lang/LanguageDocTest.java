package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.uffdcheck.compile.Compiler;
import org.uffdcheck.lang.check.CheckedModel;
import org.uffdcheck.lang.check.Checker;
import org.uffdcheck.lang.check.ScenarioInfo;

/**
 * Every example in the language reference is checked: a ```uffd block is a whole model that
 * parses, type-checks and compiles every scenario; a ```uffd-error block is rejected with the
 * message fragment its first line, {@code // error: ...}, quotes.
 */
class LanguageDocTest {
    private static final Path DOC = Path.of("docs", "language.md");
    private static final Pattern FILE_NAME = Pattern.compile("^// file: (\\S+\\.uffd)\\s*$");
    private static final Pattern ERROR = Pattern.compile("^// error: (.+?)\\s*$");

    @TempDir
    Path dir;

    /** One fenced example; line is where its text starts in the document. */
    record Example(boolean error, int line, String text) {
        String firstLine() { return text.lines().findFirst().orElse(""); }

        /** A block may name itself with a first line {@code // file: NAME}, so that later ones can include it. */
        String fileName() {
            Matcher m = FILE_NAME.matcher(firstLine());
            return m.matches() ? m.group(1) : "example_line_" + line + ".uffd";
        }
    }

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.equals("```uffd") && !fence.equals("```uffd-error")) continue;
            StringBuilder text = new StringBuilder();
            int start = i + 2;
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) text.append(lines.get(i)).append('\n');
            if (i == lines.size()) fail(DOC + ":" + (start - 1) + ": example is never closed by ```");
            out.add(new Example(fence.endsWith("-error"), start, text.toString()));
        }
        return out;
    }

    @Test
    void theReferenceHasEnoughExamples() throws IOException {
        List<Example> all = examples();
        long errors = all.stream().filter(Example::error).count();
        assertTrue(all.size() >= 10, "only " + all.size() + " examples in " + DOC);
        assertTrue(errors >= 1 && errors < all.size(), "need both valid and erroneous examples, found " + errors
                + " erroneous of " + all.size());
    }

    @TestFactory
    List<DynamicTest> everyExampleIsWhatItClaims() throws IOException {
        // One directory for all, written in document order, so includes find their library.
        List<DynamicTest> tests = new ArrayList<>();
        for (Example ex : examples()) {
            Path file = dir.resolve(ex.fileName());
            Files.writeString(file, ex.text());
            String where = DOC + ":" + ex.line();
            tests.add(DynamicTest.dynamicTest(where + (ex.error() ? " (mistake)" : ""),
                    () -> {
                        if (ex.error()) isRejected(ex, file, where);
                        else isAccepted(file, where);
                    }));
        }
        return tests;
    }

    private static void isAccepted(Path file, String where) {
        try {
            loadCheckCompile(file);
        } catch (ModelError e) {
            fail("example at " + where + " is rejected:\n" + e.diagnostics().render());
        }
    }

    private static void isRejected(Example ex, Path file, String where) {
        Matcher m = ERROR.matcher(ex.firstLine());
        assertTrue(m.matches(), where + ": a uffd-error example starts with '// error: <message fragment>'");
        try {
            loadCheckCompile(file);
        } catch (ModelError e) {
            String rendered = e.diagnostics().render();
            assertTrue(rendered.contains(m.group(1)), where + ": expected '" + m.group(1) + "' in\n" + rendered);
            return;
        }
        fail("example at " + where + " is accepted, but should fail with '" + m.group(1) + "'");
    }

    /** What `uffdcheck check` does before exploring: throws ModelError for any mistake. */
    private static void loadCheckCompile(Path file) {
        CheckedModel model = Checker.check(ModelLoader.load(file, file.getFileName().toString()));
        for (ScenarioInfo s : model.scenarios.values()) Compiler.compile(model, s);
    }
}
