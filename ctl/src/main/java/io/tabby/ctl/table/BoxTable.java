package io.tabby.ctl.table;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A boxed table as calicoctl's {@code ipam show} prints it (Go's {@code olekukonko/tablewriter}
 * with its defaults): {@code +---+} rules above and below the header and at the bottom,
 * {@code |} between cells with one space either side, headers centred (an odd leftover space
 * goes right), number-like cells right-aligned and every other cell left-aligned.
 *
 * <p>tablewriter also wraps cells wider than 30 characters at spaces; the cells tabbyctl puts
 * here (CIDRs, counts) never have a space past that width, so this table does not wrap.
 */
public final class BoxTable {

    /** What tablewriter takes for a number: digits with an optional point and sign (or nothing). */
    private static final Pattern NUMBER = Pattern.compile("-?\\d*\\.?\\d*");

    private final List<String> headers;

    public BoxTable(List<String> headers) {
        this.headers = List.copyOf(requireNonNull(headers, "headers is null"));
        if (this.headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
    }

    /** The table with {@code rows}, each exactly as wide as the header; ends with a newline. */
    public String render(List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = width(headers.get(column));
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the table "
                        + headers.size() + " columns");
            }
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], width(row.get(column)));
            }
        }
        StringBuilder out = new StringBuilder();
        rule(out, widths);
        out.append('|');
        for (int column = 0; column < widths.length; column++) {
            out.append(' ').append(centred(headers.get(column), widths[column])).append(" |");
        }
        out.append('\n');
        rule(out, widths);
        for (List<String> row : rows) {
            out.append('|');
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                String padding = " ".repeat(widths[column] - width(cell));
                boolean number = NUMBER.matcher(cell.strip()).matches();
                out.append(' ').append(number ? padding + cell : cell + padding).append(" |");
            }
            out.append('\n');
        }
        rule(out, widths);
        return out.toString();
    }

    private static void rule(StringBuilder out, int[] widths) {
        out.append('+');
        for (int width : widths) {
            out.append("-".repeat(width + 2)).append('+');
        }
        out.append('\n');
    }

    private static String centred(String text, int width) {
        int gap = width - width(text);
        int left = gap / 2;
        return " ".repeat(left) + text + " ".repeat(gap - left);
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
