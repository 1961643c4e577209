package org.uffdcheck.lang;

import java.util.List;
import org.uffdcheck.lang.ast.ModelFile;

/** A loaded model: the main file and every file it includes, includes before their includers, main last. */
public record Program(ModelFile main, List<ModelFile> files) {
    public Program {
        files = List.copyOf(files);
    }
}
