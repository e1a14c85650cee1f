package io.tabby.confd.resource;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.tabby.confd.store.SlashPath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns the text of one {@code conf.d} TOML file into a {@link TemplateResource}. Every problem is
 * reported as {@code <file>:<line>: <what is wrong>; <what to do>}.
 */
public final class TemplateResourceParser {
    private static final TomlMapper TOML = new TomlMapper();
    private static final String NODENAME_MARK = "//NODENAME";
    static final Set<String> FIELDS = Set.of("src", "dest", "prefix", "keys", "owner", "mode", "uid", "gid",
            "check_cmd", "reload_cmd", "keep_stage_file");

    private final Optional<String> prefixOverride;
    private final Map<String, String> environment;

    /**
     * @param prefixOverride the global {@code -prefix}, which replaces each resource's own prefix
     * @param environment where {@code NODENAME} is looked up
     */
    public TemplateResourceParser(Optional<String> prefixOverride, Map<String, String> environment) {
        this.prefixOverride = requireNonNull(prefixOverride, "prefixOverride is null");
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    /**
     * @param file the TOML file (named in errors)
     * @param name the resource's name (its path relative to {@code conf.d})
     * @param text the file's content
     */
    public TemplateResource parse(Path file, String name, String text) {
        Lines lines = new Lines(file, text);
        JsonNode root;
        try {
            root = TOML.readTree(text);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            throw new TemplateResourceException(lines.where(line) + "not valid TOML: " + e.getOriginalMessage()
                    + "; fix the syntax (see https://toml.io)", e);
        }
        if (root == null || !root.isObject()) {
            throw lines.error(1, "empty file; a template resource needs a [template] table with src, dest and keys");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String top = it.next();
            if (!top.equals("template")) {
                throw lines.error(lines.lineOf(top), "unknown table or key '" + top
                        + "'; a template resource has only a [template] table");
            }
        }
        JsonNode table = root.get("template");
        if (table == null || !table.isObject()) {
            throw lines.error(1, "no [template] table; add one with src, dest and keys");
        }
        return build(name, new Fields(table, lines));
    }

    private TemplateResource build(String name, Fields fields) {
        fields.rejectUnknown();
        String src = fields.requiredString("src");
        Path dest = Path.of(fields.requiredString("dest"));
        List<String> keys = fields.keys();
        String prefix = prefixOverride.orElse(fields.optionalString("prefix").orElse(""));
        prefix = substituteNodeName(prefix, fields, "prefix");
        prefix = prefix.startsWith("/") ? prefix : "/" + prefix;
        List<String> resolvedKeys = new ArrayList<>();
        List<String> fullKeys = new ArrayList<>();
        for (String key : keys) {
            String resolved = substituteNodeName(key, fields, "keys");
            resolvedKeys.add(resolved);
            fullKeys.add(SlashPath.join(prefix, resolved));
        }
        Optional<Integer> mode = fields.optionalString("mode").map(text -> {
            try {
                return FileModes.parse(text);
            } catch (IllegalArgumentException e) {
                throw fields.lines.error(fields.lines.lineOf("mode"), e.getMessage());
            }
        });
        return new TemplateResource(name, src, dest, prefix, resolvedKeys, fullKeys, mode,
                fields.optionalId("uid"), fields.optionalId("gid"), fields.optionalString("owner"),
                fields.optionalString("check_cmd"), fields.optionalString("reload_cmd"),
                fields.optionalBoolean("keep_stage_file"));
    }

    private String substituteNodeName(String value, Fields fields, String field) {
        if (!value.contains(NODENAME_MARK)) {
            return value;
        }
        String node = environment.getOrDefault("NODENAME", "");
        if (node.isEmpty()) {
            throw fields.lines.error(fields.lines.lineOf(field), field + " uses //NODENAME but NODENAME is not set;"
                    + " set NODENAME to this node's name in confd's environment");
        }
        return value.replace(NODENAME_MARK, "/" + node);
    }

    /** Typed access to the fields of the [template] table, with errors that point at the line. */
    private record Fields(JsonNode table, Lines lines) {

        void rejectUnknown() {
            for (Iterator<String> it = table.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!FIELDS.contains(field)) {
                    throw lines.error(lines.lineOf(field), "unknown field '" + field + "' in [template]; known fields: "
                            + String.join(", ", new TreeSet<>(FIELDS)));
                }
            }
        }

        String requiredString(String field) {
            return optionalString(field).filter(s -> !s.isBlank()).orElseThrow(() -> lines.error(
                    lines.lineOf("template"), "[template] has no " + field + "; add " + field + " = \"...\""));
        }

        Optional<String> optionalString(String field) {
            JsonNode node = table.get(field);
            if (node == null) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                throw lines.error(lines.lineOf(field), field + " must be a string, like " + field + " = \"...\"");
            }
            return Optional.of(node.asText());
        }

        OptionalInt optionalId(String field) {
            JsonNode node = table.get(field);
            if (node == null) {
                return OptionalInt.empty();
            }
            if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
                throw lines.error(lines.lineOf(field), field + " must be a non-negative integer (a numeric id)");
            }
            return OptionalInt.of(node.asInt());
        }

        boolean optionalBoolean(String field) {
            JsonNode node = table.get(field);
            if (node == null) {
                return false;
            }
            if (!node.isBoolean()) {
                throw lines.error(lines.lineOf(field), field + " must be true or false");
            }
            return node.asBoolean();
        }

        List<String> keys() {
            JsonNode node = table.get("keys");
            if (node == null) {
                throw lines.error(lines.lineOf("template"), "[template] has no keys; add keys = [\"/some/prefix\"]");
            }
            if (!node.isArray() || node.isEmpty()) {
                throw lines.error(lines.lineOf("keys"), "keys must be a non-empty array of strings,"
                        + " like keys = [\"/host\", \"/global\"]");
            }
            List<String> keys = new ArrayList<>();
            for (JsonNode key : node) {
                if (!key.isTextual()) {
                    throw lines.error(lines.lineOf("keys"), "keys must hold only strings, found " + key);
                }
                keys.add(key.asText());
            }
            return keys;
        }
    }

    /** Finds the line a field is defined on, for messages (the TOML tree keeps no positions). */
    private record Lines(Path file, String text) {

        int lineOf(String field) {
            Pattern definition = field.equals("template")
                    ? Pattern.compile("^\\s*\\[\\s*template\\s*]")
                    : Pattern.compile("^\\s*\"?" + Pattern.quote(field) + "\"?\\s*=");
            String[] all = text.split("\n", -1);
            for (int i = 0; i < all.length; i++) {
                if (definition.matcher(all[i]).find()) {
                    return i + 1;
                }
            }
            return 1;
        }

        String where(int line) {
            return line > 0 ? file + ":" + line + ": " : file + ": ";
        }

        TemplateResourceException error(int line, String message) {
            return new TemplateResourceException(where(line) + message);
        }
    }
}
