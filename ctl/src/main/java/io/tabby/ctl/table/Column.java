package io.tabby.ctl.table;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.Resource;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One table column: its heading and how a cell is computed from a resource.
 *
 * @param heading upper-case, as calicoctl prints it
 * @param cell the cell text for one resource; the context answers questions about the cluster
 *     (the global AS), asked only when a cell needs it
 */
public record Column(String heading, BiFunction<Resource, TableContext, String> cell) {

    public Column {
        requireNonNull(heading, "heading is null");
        requireNonNull(cell, "cell is null");
    }

    /** A column of resources of type {@code type} (the registry only puts it in that kind's table). */
    public static <R extends Resource> Column of(String heading, Class<R> type, Function<R, String> cell) {
        return new Column(heading, (resource, context) -> cell.apply(type.cast(resource)));
    }

    /** As {@link #of(String, Class, Function)}, for cells that need the cluster context. */
    public static <R extends Resource> Column withContext(
            String heading, Class<R> type, BiFunction<R, TableContext, String> cell) {
        return new Column(heading, (resource, context) -> cell.apply(type.cast(resource), context));
    }

    /** {@code NAME}: the resource name, in every kind's table. */
    public static Column name() {
        return new Column("NAME", (resource, context) -> resource.name());
    }

    public String cellOf(Resource resource, TableContext context) {
        return cell.apply(resource, context);
    }
}
