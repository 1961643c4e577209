package org.uffdcheck.lang.ast;

import java.util.List;
import org.uffdcheck.lang.SourceFile;

/** The parsed declarations of one source file. */
public record ModelFile(SourceFile source, List<Decl> decls) {}
