package org.uffdcheck.lang;

import java.util.List;
import org.uffdcheck.lang.ast.ModelFile;

/** A model file with everything it includes: includes first in dependency order, main last. */
public record Program(ModelFile main, List<ModelFile> files) {}
