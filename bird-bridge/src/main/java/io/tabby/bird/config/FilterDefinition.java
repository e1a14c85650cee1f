package io.tabby.bird.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A {@code filter NAME { ... }} or {@code function NAME() { ... }} block.
 *
 * @param name the name protocols and other filters refer to
 * @param function a function (called from filters) rather than a filter (named by protocols)
 * @param body the statements in order
 * @param position where the definition starts
 */
public record FilterDefinition(String name, boolean function, List<FilterStatement> body, SourcePosition position) {

    public FilterDefinition {
        requireNonNull(name, "name is null");
        body = List.copyOf(body);
        requireNonNull(position, "position is null");
    }
}
