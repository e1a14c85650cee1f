package io.tabby.ctl.table;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.Resource;
import java.util.List;

/**
 * Prints resources as calicoctl's {@code ps}/{@code wide} tables: a heading row and one row per
 * resource, every cell tab-terminated and aligned by {@link TabWriter#calicoctl()}, then a
 * blank line (calicoctl leaves a gap after each table).
 */
public final class TablePrinter {

    private final TabWriter tabWriter;

    public TablePrinter(TabWriter tabWriter) {
        this.tabWriter = requireNonNull(tabWriter, "tabWriter is null");
    }

    public String render(KindTable table, boolean wide, List<? extends Resource> resources, TableContext context) {
        List<Column> columns = table.columns(wide);
        StringBuilder text = new StringBuilder();
        for (Column column : columns) {
            text.append(column.heading()).append('\t');
        }
        text.append('\n');
        for (Resource resource : resources) {
            for (Column column : columns) {
                text.append(clean(column.cellOf(resource, context))).append('\t');
            }
            text.append('\n');
        }
        return tabWriter.format(text.toString()) + "\n";
    }

    /** A tab or newline inside a value (a selector, say) must not break the table's shape. */
    private static String clean(String cell) {
        return cell.replace('\t', ' ').replace('\n', ' ');
    }
}
