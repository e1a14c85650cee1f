package io.tabby.datastore.resource.parse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document of an input.
 *
 * @param source the input's name
 * @param number 1-based position in the input
 * @param content the parsed content
 */
record Document(String source, int number, JsonNode content) {
    Document {
        requireNonNull(source, "source is null");
        requireNonNull(content, "content is null");
    }
}
