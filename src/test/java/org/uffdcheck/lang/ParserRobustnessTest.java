package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.uffdcheck.lang.ast.ModelFile;

/** Whatever the user writes, the parser ends with diagnostics, never with an exception or a hang. */
class ParserRobustnessTest {

    @Property(tries = 500)
    void tokenSoupNeverThrows(@ForAll("soup") List<String> words) {
        Diagnostics diags = new Diagnostics();
        ModelFile f = Parser.parse(new SourceFile(Path.of("s.uffd"), "s.uffd", String.join(" ", words)), diags);
        assertTrue(f.decls().size() <= words.size());
    }

    @Property(tries = 300)
    void damagedValidModelNeverThrows(@ForAll("cuts") int cut, @ForAll("cuts") int len) {
        String text = VALID.substring(0, Math.min(cut, VALID.length()))
                + VALID.substring(Math.min(VALID.length(), cut + len % 20));
        Parser.parse(new SourceFile(Path.of("s.uffd"), "s.uffd", text), new Diagnostics());
    }

    @Example
    void theUndamagedModelIsValid() {
        Models.parseOk(VALID);
    }

    @Provide
    Arbitrary<List<String>> soup() {
        return Arbitraries.of("proc", "f", "(", ")", "{", "}", "[", "]", ";", ":", ",", "=", "==", "..", ".",
                "var", "int", "list", "<", ">", "either", "or", "if", "else", "select", "in", "forall", "x",
                "1", "0x", "\"s", "\"s\"", "/*", "#", "scenario", "thread", "expect", "violation", "enum",
                "struct", "@", "!", "-", "&&", "return", "await", "include", "\n").list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, VALID.length());
    }

    private static final String VALID = """
            include "kernel/mm.uffd";
            enum ev { FAULT, FORK }
            struct msg { e: ev; addr: int[0..3]; }
            var q: list<msg, 4>;
            proc handle_userfault(addr: int): bool {
                down_read(mm.mmap_sem);
                q[0] = msg { e: FAULT, addr: addr };
                either { await woken; } or { select addr in 0..3; }
                end_wait: return forall i in 0..3: q[i].addr != addr;
            }
            invariant ok: !(t@end_wait && len(q) > 4);
            scenario s { thread t = handle_userfault(1); max_states 1000; expect violation ok; }
            """;
}
