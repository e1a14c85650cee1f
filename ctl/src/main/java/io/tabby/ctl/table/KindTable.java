package io.tabby.ctl.table;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The columns of one kind's {@code ps} table and of its {@code wide} table.
 */
public record KindTable(List<Column> ps, List<Column> wide) {

    public KindTable {
        ps = List.copyOf(requireNonNull(ps, "ps is null"));
        wide = List.copyOf(requireNonNull(wide, "wide is null"));
        if (ps.isEmpty() || wide.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
    }

    public List<Column> columns(boolean isWide) {
        return isWide ? wide : ps;
    }

    public List<String> headings(boolean isWide) {
        return columns(isWide).stream().map(Column::heading).toList();
    }
}
