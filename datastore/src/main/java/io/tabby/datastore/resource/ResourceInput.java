package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

/**
 * One input to parse.
 *
 * @param sourceName the file name as the user gave it, or {@code -} for standard input
 * @param text the whole content
 */
public record ResourceInput(String sourceName, String text) {
    public ResourceInput {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(text, "text is null");
    }
}
