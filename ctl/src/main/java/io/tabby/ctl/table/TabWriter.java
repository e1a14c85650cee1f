package io.tabby.ctl.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Aligns tab-separated text into columns exactly as Go's {@code text/tabwriter} does with
 * flags {@code 0} and a non-tab pad character, which is what calicoctl's tables are printed with
 * ({@code tabwriter.NewWriter(out, 5, 1, 3, ' ', 0)}).
 *
 * <p>The rules reproduced here:
 * <ul>
 *   <li>A cell is text terminated by a tab. The text after a line's last tab is the line's
 *       trailing cell: it belongs to no column and is never padded.
 *   <li>A column block is a run of consecutive lines that all have a terminated cell in that
 *       column; each block is sized on its own.
 *   <li>A column is {@code max(minWidth, widest cell + padding)} wide, widths counted in code
 *       points; every terminated cell, even the last one on a line, is padded to that width.
 *   <li>The last line gets no newline unless the input ended with one.
 * </ul>
 */
public final class TabWriter {

    private final int minWidth;
    private final int padding;
    private final char padChar;

    public TabWriter(int minWidth, int padding, char padChar) {
        if (minWidth < 0 || padding < 0) {
            throw new IllegalArgumentException("minWidth and padding must be >= 0");
        }
        if (padChar == '\t') {
            throw new IllegalArgumentException("tab padding is not supported");
        }
        this.minWidth = minWidth;
        this.padding = padding;
        this.padChar = padChar;
    }

    /** calicoctl's settings: minimum width 5, padding 3, spaces. */
    public static TabWriter calicoctl() {
        return new TabWriter(5, 3, ' ');
    }

    /** The aligned form of {@code text} (cells separated by tabs, lines by newlines). */
    public String format(String text) {
        List<List<String>> lines = split(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        format(out, lines, new ArrayList<>(), 0, lines.size());
        return out.toString();
    }

    private static List<List<String>> split(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        // The unfinished last line: with nothing in it, it has no cells at all.
        if (!cell.isEmpty()) {
            cells.add(cell.toString());
        }
        lines.add(cells);
        return lines;
    }

    private void format(StringBuilder out, List<List<String>> lines, List<Integer> widths, int line0, int line1) {
        int column = widths.size();
        int start = line0;
        for (int at = line0; at < line1; at++) {
            if (column >= lines.get(at).size() - 1) {
                continue;
            }
            // A block of lines that all have a terminated cell in this column starts here.
            writeLines(out, lines, widths, start, at);
            start = at;
            int width = minWidth;
            for (; at < line1; at++) {
                List<String> line = lines.get(at);
                if (column >= line.size() - 1) {
                    break;
                }
                width = Math.max(width, displayWidth(line.get(column)) + padding);
            }
            widths.add(width);
            format(out, lines, widths, start, at);
            widths.removeLast();
            start = at;
        }
        writeLines(out, lines, widths, start, line1);
    }

    private void writeLines(StringBuilder out, List<List<String>> lines, List<Integer> widths, int from, int to) {
        for (int i = from; i < to; i++) {
            List<String> line = lines.get(i);
            for (int j = 0; j < line.size(); j++) {
                String cell = line.get(j);
                out.append(cell);
                if (j < widths.size()) {
                    out.repeat(padChar, widths.get(j) - displayWidth(cell));
                }
            }
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
        }
    }

    private static int displayWidth(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
