package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tabby.datastore.resource.InputProblem;
import io.tabby.datastore.resource.ResourceInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an input into documents: YAML separated by {@code ---}, or JSON values one after another.
 * Empty documents are skipped but counted, so numbers match what the user sees. A syntax error
 * ends the input (nothing after it can be trusted) and is reported with its line and column.
 */
final class DocumentSplitter {
    private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private DocumentSplitter() {
    }

    /** The documents of {@code input}; syntax problems go to {@code problems}. */
    static List<Document> split(ResourceInput input, List<InputProblem> problems) {
        List<Document> documents = new ArrayList<>();
        String text = input.text();
        ObjectMapper mapper = looksLikeJson(text) ? JSON : YAML;
        int number = 0;
        try (MappingIterator<JsonNode> values = mapper.readerFor(JsonNode.class).readValues(text)) {
            while (values.hasNextValue()) {
                JsonNode content = values.nextValue();
                number++;
                if (!isEmpty(content)) {
                    documents.add(new Document(input.sourceName(), number, content));
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(new InputProblem(input.sourceName(), number + 1, 0, "", "", syntaxMessage(mapper, e)));
        } catch (IOException | RuntimeException e) {
            problems.add(new InputProblem(input.sourceName(), number + 1, 0, "", "",
                    "cannot be read: " + e.getMessage()));
        }
        if (documents.isEmpty() && problems.isEmpty()) {
            problems.add(new InputProblem(input.sourceName(), 0, 0, "", "", "contains no resources"));
        }
        return documents;
    }

    /** An empty YAML document reads as null, a missing node or an empty scalar. */
    private static boolean isEmpty(JsonNode content) {
        return content == null || content.isNull() || content.isMissingNode()
                || (content.isTextual() && content.textValue().isEmpty());
    }

    private static boolean looksLikeJson(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    private static String syntaxMessage(ObjectMapper mapper, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        String format = mapper == JSON ? "JSON" : "YAML";
        return "not valid " + format + where + ": " + e.getOriginalMessage().lines().findFirst().orElse("");
    }
}
