package io.tabby.datastore.resource.parse;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.validate.Violations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one resource in the input. Problems found while reading are kept as they are;
 * problems found by validation are dropped when reading already reported that field (or a field
 * inside or around it), and their v3 field paths are translated back to the fields a v1 document
 * used, so the user is pointed at what they wrote.
 */
final class ResourceProblems implements Violations {
    private record Entry(String field, String message) {
    }

    private final String source;
    private final int document;
    private final int item;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, String> v1Fields = new HashMap<>();
    private String description = "";

    ResourceProblems(String source, int document, int item) {
        this.source = requireNonNull(source, "source is null");
        this.document = document;
        this.item = item;
    }

    /** Names the resource in every problem, e.g. {@code IPPool "p1"}. */
    void describe(String resourceDescription) {
        this.description = requireNonNull(resourceDescription, "resourceDescription is null");
    }

    /** Reports validation problems on {@code v3Field} (and fields under it) as {@code v1Field}. */
    void translate(String v3Field, String v1Field) {
        v1Fields.put(v3Field, v1Field);
    }

    /** A problem found while reading. */
    @Override
    public void add(String field, String message) {
        entries.add(new Entry(field, message));
    }

    /** Where validation reports: skips fields reading already complained about. */
    Violations validation() {
        List<String> readFields = entries.stream().map(Entry::field).toList();
        return (field, message) -> {
            String shown = v1Field(field);
            if (readFields.stream().noneMatch(read -> related(read, shown))) {
                entries.add(new Entry(shown, message));
            }
        };
    }

    private String v1Field(String field) {
        for (Map.Entry<String, String> e : v1Fields.entrySet()) {
            if (field.equals(e.getKey()) || field.startsWith(e.getKey() + ".") || field.startsWith(e.getKey() + "[")) {
                return e.getValue() + field.substring(e.getKey().length());
            }
        }
        return field;
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    private static boolean inside(String inner, String outer) {
        return !outer.isEmpty() && inner.startsWith(outer)
                && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<InputProblem> problems() {
        return entries.stream()
                .map(e -> new InputProblem(source, document, item, description, e.field(), e.message()))
                .toList();
    }
}
