package org.uffdcheck.lang;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.uffdcheck.lang.ast.Decl;
import org.uffdcheck.lang.ast.ModelFile;

/**
 * Loads a model file and, transitively, everything it includes. Each file is read once however
 * often it is included (identity is the real path), so include cycles and diamonds are harmless.
 */
public final class ModelLoader {
    private final Diagnostics diags = new Diagnostics();
    private final Set<Path> seen = new HashSet<>();
    private final List<ModelFile> files = new ArrayList<>();

    private ModelLoader() {}

    /**
     * Parses {@code file}, shown in messages as {@code displayName}, with its includes.
     *
     * @throws ModelError with every diagnostic found in any of the files
     */
    public static Program load(Path file, String displayName) {
        ModelLoader loader = new ModelLoader();
        ModelFile main;
        try {
            main = loader.visit(file, displayName);
        } catch (IOException e) {
            SourceFile empty = new SourceFile(file, displayName, "");
            loader.diags.error(new Span(empty, 0, 0), "cannot read model file: " + reason(e));
            throw new ModelError(loader.diags);
        }
        if (loader.diags.hasErrors()) throw new ModelError(loader.diags);
        return new Program(main, loader.files);
    }

    /** Parses one file and its includes depth first, so a file is added after what it includes. */
    private ModelFile visit(Path path, String displayName) throws IOException {
        seen.add(path.toRealPath());
        String text = Files.readString(path, StandardCharsets.UTF_8);
        ModelFile parsed = Parser.parse(new SourceFile(path, displayName, text), diags);
        Path dir = path.toAbsolutePath().getParent();
        for (Decl d : parsed.decls()) {
            if (d instanceof Decl.Include inc) include(dir, displayName, inc);
        }
        files.add(parsed);
        return parsed;
    }

    private void include(Path dir, String includerName, Decl.Include inc) {
        Path target = dir.resolve(inc.path()).normalize();
        String name = displayJoin(includerName, inc.path());
        if (!Files.exists(target)) {
            diags.error(inc.pathSpan(), "cannot find include '" + inc.path() + "' (looked for " + name + ")");
            return;
        }
        try {
            if (seen.contains(target.toRealPath())) return;
            visit(target, name);
        } catch (IOException e) {
            diags.error(inc.pathSpan(), "cannot read include '" + inc.path() + "' (" + name + "): " + reason(e));
        }
    }

    /** The includer's display directory joined with the include path, normalised, always with '/'. */
    static String displayJoin(String includerName, String includePath) {
        Path p = Path.of(includerName).resolveSibling(includePath).normalize();
        String s = p.toString().replace('\\', '/');
        return s.isEmpty() ? includePath : s;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof CharacterCodingException) return "not valid UTF-8 text";
        if (e instanceof FileSystemException fse && fse.getReason() != null) return fse.getReason();
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /**
     * Whether a file declares a scenario of its own, judged from its text alone. Files that do not
     * are libraries: they may use constants and pools that only the including scenario defines, so
     * they are checked through the models that include them. A file that does not parse counts as a
     * model, so that its mistakes are reported.
     */
    public static boolean declaresScenario(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return true;
        }
        Diagnostics d = new Diagnostics();
        ModelFile parsed = Parser.parse(new SourceFile(file, file.toString(), text), d);
        if (d.hasErrors()) return true;
        for (Decl decl : parsed.decls()) {
            if (decl instanceof Decl.Scenario) return true;
        }
        return false;
    }
}
