package org.uffdcheck.lang;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The model files that declare scenarios under a directory, as {@code uffdcheck test} runs them.
 * A directory named {@value #SLOW} is passed over: it holds models whose search takes minutes
 * (the larger bench rows), which a test of a whole tree should not wait for; a file in it named
 * directly still runs.
 */
public final class ModelFiles {
    public static final String SLOW = "slow";

    private ModelFiles() {}

    /**
     * What a walk of a tree found: the model files with a scenario, and the .uffd links that lead
     * out of the tree, which are not read (they could be any file of the user's).
     */
    public record Listing(List<Path> models, List<Path> linksOut) {}

    /** The .uffd files with a scenario at or under root, sorted. */
    public static List<Path> withScenarios(Path root) throws IOException {
        return list(root).models();
    }

    /** The .uffd files with a scenario at or under root, and the links out of it, each sorted. */
    public static Listing list(Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        List<Path> linksOut = new ArrayList<>();
        Path tree = Files.isDirectory(root) ? root.toRealPath() : null;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                boolean skip = !dir.equals(root) && dir.getFileName().toString().equals(SLOW);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!file.toString().endsWith(".uffd") || !Files.isRegularFile(file)) return FileVisitResult.CONTINUE;
                if (tree != null && !file.toRealPath().startsWith(tree)) {
                    linksOut.add(file);
                } else if (ModelLoader.declaresScenario(file)) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        linksOut.sort(null);
        return new Listing(found, linksOut);
    }
}
