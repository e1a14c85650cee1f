package io.tabby.datastore.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The one Jackson setup every codec shares: strict reading (no trailing content, exact
 * decimals so unknown fields keep their digits) and compact writing with Go's escapes.
 * Immutable once built.
 */
final class GoJson {

    private final ObjectMapper mapper;

    GoJson() {
        JsonFactory factory = new JsonFactoryBuilder().characterEscapes(new GoCharacterEscapes()).build();
        mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    /** Parses {@code text} as one JSON value. */
    JsonNode read(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    /** Runs {@code body} against a fresh compact generator and returns the text it wrote. */
    String write(Consumer<JsonOut> body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = mapper.createGenerator(text)) {
            body.accept(new JsonOut(generator, this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** {@code node} as compact JSON with Go's escapes. */
    String compact(JsonNode node) {
        return write(out -> out.tree(node));
    }
}
