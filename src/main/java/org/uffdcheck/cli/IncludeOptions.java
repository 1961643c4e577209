package org.uffdcheck.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where includes may come from besides the model's own include root: every command that loads models. */
final class IncludeOptions {
    @Option(names = "--include-path", paramLabel = "DIR",
            description = "Also allow includes of files under DIR (repeatable). By default a model may include only "
                    + "files under its directory, or under the nearest directory above it that holds a file named "
                    + "uffdcheck.root.")
    List<Path> dirs = new ArrayList<>();

    /** A usage mistake, or null. */
    String problem() {
        for (Path d : dirs) {
            if (!Files.exists(d)) return "--include-path " + d + ": no such directory";
            if (!Files.isDirectory(d)) return "--include-path " + d + ": not a directory";
        }
        return null;
    }

    List<Path> dirs() { return List.copyOf(dirs); }

    /**
     * Why a model that a file names (a trace's "model"), rather than the user, must not be read, or
     * null: it must lie under the current directory or a directory of the include path, since a
     * trace from elsewhere could otherwise name any file of the user's and have its lines quoted.
     */
    String namedModelProblem(String name) {
        Path p;
        try {
            p = Path.of(name);
        } catch (InvalidPathException e) {
            return "the model it names is not a file name";
        }
        // A missing file is reported when it is loaded, as for a model given on the command line.
        if (!Files.exists(p)) return null;
        try {
            Path real = p.toRealPath();
            if (real.startsWith(Path.of("").toRealPath())) return null;
            for (Path d : dirs) {
                if (real.startsWith(d.toRealPath())) return null;
            }
        } catch (IOException e) {
            return null;
        }
        return "the model it names, " + name + ", is outside the current directory and the include path; "
                + "give the model on the command line (replay TRACE MODEL) or add --include-path DIR";
    }
}
