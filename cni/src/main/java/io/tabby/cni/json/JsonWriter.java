package io.tabby.cni.json;

import java.util.Iterator;
import java.util.Map;

/**
 * Renders a {@link JsonValue} as compact JSON, object members in their order. Escapes only what
 * JSON requires ({@code "}, {@code \} and control characters), so output stays readable.
 */
public final class JsonWriter {
    public static final JsonWriter INSTANCE = new JsonWriter();

    private JsonWriter() {
    }

    public String write(JsonValue value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private void append(StringBuilder out, JsonValue value) {
        switch (value) {
            case JsonObject o -> {
                out.append('{');
                Iterator<Map.Entry<String, JsonValue>> it = o.members().entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, JsonValue> member = it.next();
                    appendString(out, member.getKey());
                    out.append(':');
                    append(out, member.getValue());
                    if (it.hasNext()) {
                        out.append(',');
                    }
                }
                out.append('}');
            }
            case JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, a.elements().get(i));
                }
                out.append(']');
            }
            case JsonString s -> appendString(out, s.value());
            case JsonNumber n -> out.append(n.text());
            case JsonBoolean b -> out.append(b.value());
            case JsonNull n -> out.append("null");
        }
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
