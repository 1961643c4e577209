package org.uffdcheck.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads a model file's text, refusing anything that is not a small UTF-8 text file. The type is
 * checked before the file is opened because opening a FIFO blocks until someone writes to it, and
 * the read is capped because a device or a file under /proc may report a size of 0 and never end.
 */
public final class SourceReader {
    /** Far above any hand-written model (the biggest shipped one is about 21 KB). */
    public static final int MAX_BYTES = 1 << 20;

    private SourceReader() {}

    /** Why a file was not read, and where in it the problem is (line 0 if nowhere in particular). */
    public static final class Refused extends Exception {
        private final String reason;
        private final String prefix;

        Refused(String reason, String prefix) {
            super(reason, null, false, false);
            this.reason = reason;
            this.prefix = prefix;
        }

        /** Words that follow "it is", e.g. "a FIFO, not a regular file"; the caller adds where. */
        public String reason() { return reason; }

        /** The file's text before the problem, to locate it; null when the problem is the whole file. */
        String prefix() { return prefix; }
    }

    /** The text of {@code file}, following symbolic links. */
    public static String read(Path file) throws IOException, Refused {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) throw new Refused(kind(file, a) + ", not a regular file", null);
        if (a.size() > MAX_BYTES) throw tooLarge(a.size());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw tooLarge(-1);
        return decode(bytes);
    }

    private static Refused tooLarge(long size) {
        String what = size >= 0 ? String.format(Locale.ROOT, "%,d bytes", size) : "larger than that";
        return new Refused("too large for a model file: " + what + ", the limit is "
                + String.format(Locale.ROOT, "%,d", MAX_BYTES) + " bytes (1 MiB)", null);
    }

    /** UTF-8 text without NUL characters, or the place where it stops being that. */
    static String decode(byte[] bytes) throws Refused {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) r = dec.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) throw new Refused("not a text file: a NUL byte", text.substring(0, nul));
        if (r.isError()) {
            int bad = bytes[in.position()] & 0xff;
            throw new Refused(String.format(Locale.ROOT, "not UTF-8 text: byte 0x%02x", bad), text);
        }
        return text;
    }

    /** What a file that is not a regular file is, in words. */
    private static String kind(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) return "a directory";
        try {
            // The unix view is not part of the standard API but exists on every Unix JDK.
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000: return "a FIFO";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | RuntimeException e) {
            // No unix view: the generic words below are still true.
        }
        return "a special file";
    }
}
