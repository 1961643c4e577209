package org.uffdcheck.conform;

/** A recording line that is not an observation the format allows: "FILE:LINE: why". */
public final class RecordingException extends IllegalArgumentException {
    public final String source;
    public final int line;

    public RecordingException(String source, int line, String why) {
        super(source + ":" + line + ": " + why);
        this.source = source;
        this.line = line;
    }
}
