package org.uffdcheck.trace;

import java.util.ArrayList;
import java.util.List;

/** Text laid out in fixed-width columns, with words wrapped inside a column. */
final class Columns {
    private Columns() {}

    /**
     * Wraps text to width: the first line starts with first, the others with cont (both counted in
     * the width). Breaks after a space or a comma where it can, inside a word where it must.
     */
    static List<String> wrap(String text, int width, String first, String cont) {
        List<String> out = new ArrayList<>();
        String prefix = first;
        String rest = text;
        while (true) {
            int room = Math.max(4, width - prefix.length());
            if (rest.length() <= room) {
                out.add(prefix + rest);
                return out;
            }
            int cut = breakAt(rest, room);
            out.add(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            prefix = cont;
        }
    }

    private static int breakAt(String s, int room) {
        for (int i = room; i > room / 2; i--) {
            char c = s.charAt(i - 1);
            if (c == ' ' || c == ',' || c == '(' || c == '|' || c == '&') return i;
        }
        return room;
    }

    /** One row of cells side by side; cells may have different numbers of lines. */
    static void row(StringBuilder sb, String label, int labelWidth, List<List<String>> cells, int width) {
        int lines = 1;
        for (List<String> c : cells) lines = Math.max(lines, c.size());
        for (int l = 0; l < lines; l++) {
            StringBuilder line = new StringBuilder();
            line.append(pad(l == 0 ? label : "", labelWidth, true));
            for (List<String> c : cells) line.append("  ").append(pad(l < c.size() ? c.get(l) : "", width, false));
            sb.append(line.toString().stripTrailing()).append('\n');
        }
    }

    static String pad(String s, int width, boolean right) {
        if (s.length() >= width) return s;
        String sp = " ".repeat(width - s.length());
        return right ? sp + s : s + sp;
    }
}
