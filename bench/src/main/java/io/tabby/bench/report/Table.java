package io.tabby.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain-text table: a header row and data rows of the same width. The first column is
 * left-aligned (it names the row), the others right-aligned (they hold numbers); columns are two
 * spaces apart and as wide as their widest cell.
 */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.of(header);
    }

    /** Adds a row; it must have one cell per column. */
    public Table row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the table has "
                    + header.size() + " columns: " + List.of(cells));
        }
        for (String cell : cells) {
            requireNonNull(cell, "cell is null");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table as lines, without trailing spaces. */
    public List<String> lines() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = row.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                if (c > 0) {
                    line.append("  ").append(pad).append(cell);
                } else {
                    line.append(cell).append(pad);
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return List.copyOf(lines);
    }

    /** {@code value / reference} with two decimals, or "n/a" when the reference is not positive. */
    public static String ratio(double value, double reference) {
        return reference > 0 ? String.format(Locale.ROOT, "%.2f", value / reference) : "n/a";
    }

    @Override
    public String toString() {
        return String.join(System.lineSeparator(), lines()) + System.lineSeparator();
    }
}
