package io.tabby.ctl.output;

import static java.util.Objects.requireNonNull;

import io.tabby.ctl.options.OutputFormat;
import io.tabby.ctl.table.KindTable;
import io.tabby.ctl.table.KindTables;
import io.tabby.ctl.table.TableContext;
import io.tabby.ctl.table.TablePrinter;
import io.tabby.datastore.resource.Resource;
import io.tabby.datastore.resource.ResourceKind;
import io.tabby.datastore.resource.ResourceList;
import io.tabby.datastore.resource.ResourceRenderer;
import java.util.List;

/**
 * Prints what {@code get} found in the chosen {@link OutputFormat}. A listed kind prints as a list
 * ({@code <Kind>List} in YAML/JSON); resources asked for by name print as themselves (one) or as a
 * list (several).
 */
public final class ResourcePrinter {

    private final TablePrinter tables;
    private final ResourceRenderer renderer;

    public ResourcePrinter(TablePrinter tables, ResourceRenderer renderer) {
        this.tables = requireNonNull(tables, "tables is null");
        this.renderer = requireNonNull(renderer, "renderer is null");
    }

    /** Everything of a kind, as read at one revision. */
    public String listed(OutputFormat format, ResourceList list, TableContext context) {
        return listed(format, list, context, false);
    }

    /**
     * As {@link #listed(OutputFormat, ResourceList, TableContext)}; with {@code allNamespaces}
     * tables start with calicoctl's NAMESPACE column.
     */
    public String listed(OutputFormat format, ResourceList list, TableContext context, boolean allNamespaces) {
        KindTable table = allNamespaces && list.kind().namespaced() ? KindTables.withNamespace(list.kind())
                : KindTables.of(list.kind());
        return switch (format) {
            case PS, WIDE -> tables.render(table, format == OutputFormat.WIDE, list.items(), context);
            case YAML -> renderer.yaml(list);
            case JSON -> withNewline(renderer.json(list));
            case NAME -> names(list.items());
        };
    }

    /** Resources of {@code kind} fetched by name. */
    public String named(OutputFormat format, ResourceKind kind, List<Resource> found, TableContext context) {
        boolean single = found.size() == 1;
        return switch (format) {
            case PS, WIDE -> tables.render(KindTables.of(kind), format == OutputFormat.WIDE, found, context);
            case YAML -> found.isEmpty() ? "" : renderer.yaml(found, !single);
            case JSON -> found.isEmpty() ? "" : withNewline(renderer.json(found, !single));
            case NAME -> names(found);
        };
    }

    /** {@code ippool/default-ipv4-ippool}, one per line, as {@code kubectl get -o name} (namespaced: {@code ns/name} is not used, as kubectl). */
    private static String names(List<Resource> resources) {
        StringBuilder out = new StringBuilder();
        for (Resource resource : resources) {
            out.append(resource.kind().aliases().getFirst()).append('/').append(resource.name()).append('\n');
        }
        return out.toString();
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
