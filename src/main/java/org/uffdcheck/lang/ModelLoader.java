package org.uffdcheck.lang;

import java.io.IOException;
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
 *
 * <p>Includes are confined: a model may only read files whose real path (symbolic links and
 * {@code ..} resolved) lies under its include root or a directory of the include path, so that a
 * model from elsewhere cannot make the checker read, and quote in its errors, files of the user's.
 */
public final class ModelLoader {
    /** A file of this name (its content is ignored) makes its directory the include root of the models under it. */
    public static final String ROOT_MARKER = "uffdcheck.root";

    private final Diagnostics diags = new Diagnostics();
    private final Set<Path> seen = new HashSet<>();
    private final List<ModelFile> files = new ArrayList<>();
    private final List<Path> roots;

    private ModelLoader(List<Path> roots) {
        this.roots = roots;
    }

    /** Parses {@code file}, shown in messages as {@code displayName}, with its includes; no include path. */
    public static Program load(Path file, String displayName) {
        return load(file, displayName, List.of());
    }

    /**
     * Parses {@code file}, shown in messages as {@code displayName}, with its includes, which may
     * come from its include root or from the directories of {@code includePath}.
     *
     * @throws ModelError with every diagnostic found in any of the files
     */
    public static Program load(Path file, String displayName, List<Path> includePath) {
        String text;
        Path real;
        List<Path> roots;
        try {
            text = SourceReader.read(file);
            real = file.toRealPath();
            roots = roots(file, includePath);
        } catch (SourceReader.Refused r) {
            throw refusedModel(file, displayName, r);
        } catch (IOException e) {
            Diagnostics d = new Diagnostics();
            d.error(new Span(new SourceFile(file, displayName, ""), 0, 0), "cannot read model file: " + reason(e));
            throw new ModelError(d);
        }
        ModelLoader loader = new ModelLoader(roots);
        ModelFile main = loader.visit(file, real, displayName, text);
        if (loader.diags.hasErrors()) throw new ModelError(loader.diags);
        return new Program(main, loader.files);
    }

    /** Located at the problem inside the file when there is one, quoting none of it. */
    private static ModelError refusedModel(Path file, String displayName, SourceReader.Refused r) {
        String before = r.prefix() == null ? "" : r.prefix();
        SourceFile f = SourceFile.unquoted(file, displayName, before);
        Span at = new Span(f, before.length(), before.length());
        Diagnostics d = new Diagnostics();
        d.error(at, "cannot read model file: it is " + r.reason());
        return new ModelError(d);
    }

    /**
     * The include root of a top-level model: its directory, or the nearest directory above it that
     * holds a {@value #ROOT_MARKER} file; then the include path. All as real paths.
     */
    static List<Path> roots(Path topLevel, List<Path> includePath) throws IOException {
        Path dir = topLevel.toAbsolutePath().getParent().toRealPath();
        Path root = dir;
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(ROOT_MARKER))) {
                root = d;
                break;
            }
        }
        List<Path> roots = new ArrayList<>();
        roots.add(root);
        for (Path p : includePath) {
            // A directory that does not exist holds nothing to include; the command line reports it.
            if (Files.isDirectory(p)) roots.add(p.toRealPath());
        }
        return roots;
    }

    /** Parses one file and its includes depth first, so a file is added after what it includes. */
    private ModelFile visit(Path path, Path real, String displayName, String text) {
        seen.add(real);
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
        String what = "cannot include '" + inc.path() + "'" + (name.equals(inc.path()) ? "" : " (" + name + ")") + ": ";
        try {
            Path real = target.toRealPath();
            if (seen.contains(real)) return;
            if (!inside(real)) {
                diags.error(inc.pathSpan(), what + "it resolves to " + real + ", outside " + describeRoots()
                        + "; give --include-path DIR to allow a directory, or mark a common parent with a file named "
                        + ROOT_MARKER);
                return;
            }
            // Read the resolved path: the one just checked, whatever the link points to later.
            visit(target, real, name, SourceReader.read(real));
        } catch (SourceReader.Refused r) {
            String where = "";
            if (r.prefix() != null) {
                SourceFile f = SourceFile.unquoted(target, name, r.prefix());
                where = " at " + new Span(f, r.prefix().length(), r.prefix().length()).where();
            }
            diags.error(inc.pathSpan(), what + "it is " + r.reason() + where);
        } catch (IOException e) {
            diags.error(inc.pathSpan(), what + reason(e));
        }
    }

    private boolean inside(Path real) {
        for (Path r : roots) {
            if (real.startsWith(r)) return true;
        }
        return false;
    }

    private String describeRoots() {
        if (roots.size() == 1) return "the include root " + roots.get(0);
        StringBuilder sb = new StringBuilder("the include root ").append(roots.get(0)).append(" and the include path ");
        for (int i = 1; i < roots.size(); i++) sb.append(i > 1 ? ", " : "").append(roots.get(i));
        return sb.toString();
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
            text = SourceReader.read(file);
        } catch (IOException | SourceReader.Refused e) {
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
