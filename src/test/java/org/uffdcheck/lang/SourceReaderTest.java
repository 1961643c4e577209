package org.uffdcheck.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s, int... tail) {
        byte[] head = s.getBytes(StandardCharsets.UTF_8);
        byte[] b = java.util.Arrays.copyOf(head, head.length + tail.length);
        for (int i = 0; i < tail.length; i++) b[head.length + i] = (byte) tail[i];
        return b;
    }

    @Test
    void validTextIsDecoded() throws SourceReader.Refused {
        assertEquals("const É = 1;\n", SourceReader.decode(bytes("const É = 1;\n")));
        assertEquals("", SourceReader.decode(new byte[0]));
    }

    @Test
    void invalidByteIsLocatedAfterTheTextBeforeIt() {
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class,
                () -> SourceReader.decode(bytes("a\n// é", 0xff, 'x')));
        assertEquals("not UTF-8 text: byte 0xff", r.reason());
        assertEquals("a\n// é", r.prefix());
    }

    @Test
    void sequenceCutOffAtTheEndIsInvalid() {
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class, () -> SourceReader.decode(bytes("ab", 0xc3)));
        assertEquals("not UTF-8 text: byte 0xc3", r.reason());
        assertEquals("ab", r.prefix());
    }

    @Test
    void nulMakesItBinaryEvenWhenLaterBytesAreAlsoInvalid() {
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class,
                () -> SourceReader.decode(bytes("x\ny", 0, 0xff)));
        assertEquals("not a text file: a NUL byte", r.reason());
        assertEquals("x\ny", r.prefix());
    }

    @Test
    void invalidByteBeforeAnyNulIsReportedAsSuch() {
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class, () -> SourceReader.decode(bytes("x", 0xfe, 0)));
        assertEquals("not UTF-8 text: byte 0xfe", r.reason());
    }

    @Test
    void tooLargeFileIsRefusedWithItsSizeAndNotRead() throws IOException {
        Path big = dir.resolve("big.uffd");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SourceReader.MAX_BYTES + 1L);
        }
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class, () -> SourceReader.read(big));
        assertEquals("too large for a model file: 1,048,577 bytes, the limit is 1,048,576 bytes (1 MiB)", r.reason());
        assertNull(r.prefix());
    }

    @Test
    void fileOfExactlyTheLimitIsRead() throws Exception {
        Path f = dir.resolve("limit.uffd");
        Files.write(f, " ".repeat(SourceReader.MAX_BYTES).getBytes(StandardCharsets.US_ASCII));
        assertEquals(SourceReader.MAX_BYTES, SourceReader.read(f).length());
    }

    @Test
    void directoryIsNotARegularFile() {
        SourceReader.Refused r = assertThrows(SourceReader.Refused.class, () -> SourceReader.read(dir));
        assertEquals("a directory, not a regular file", r.reason());
    }
}
