package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with the input, located precisely enough to fix it.
 * {@link #toString()} is the line to print, e.g.
 * {@code pools.yaml: document 2 (IPPool "p2"): spec.blockSize: 33 is not a valid IPv4 block size (allowed: 20..32)}.
 *
 * @param source the file name, or {@code -} for standard input
 * @param document the 1-based YAML document number, 0 when the problem is with the input as a whole
 * @param item the 1-based position inside a {@code List} document, 0 when not in a list
 * @param resource the resource, as {@code IPPool "p2"}; empty when unknown
 * @param field the field path, as {@code spec.blockSize}; empty for the document itself
 * @param message what is wrong and what is allowed
 */
public record InputProblem(String source, int document, int item, String resource, String field, String message) {

    public InputProblem {
        requireNonNull(source, "source is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(field, "field is null");
        requireNonNull(message, "message is null");
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder(source);
        if (document > 0) {
            line.append(": document ").append(document);
            if (item > 0) {
                line.append(", item ").append(item);
            }
        }
        if (!resource.isEmpty()) {
            line.append(" (").append(resource).append(')');
        }
        line.append(": ");
        if (!field.isEmpty()) {
            line.append(field).append(": ");
        }
        return line.append(message).toString();
    }
}
