package org.uffdcheck.cli;

import java.nio.file.Files;
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
}
