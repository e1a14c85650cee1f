package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;
import io.tabby.datastore.model.UnknownFields;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of one JSON object with Go's leniency and Tabby's strictness: an absent
 * field or a JSON {@code null} reads as the Go zero value (or as "absent" for the
 * presence-tracked fields), while a value of the wrong type fails with the field's full path.
 * It remembers which fields were read, so that {@link #unknown()} returns the rest.
 */
final class JsonIn {

    /** Reads one element of an array; {@code where} is the element's field path. */
    interface Element<T> {
        T read(JsonNode element, String where);
    }

    private final JsonNode node;
    private final Decoding decoding;
    private final String prefix;
    private final Set<String> read = new HashSet<>();

    private JsonIn(JsonNode node, Decoding decoding, String prefix) {
        this.node = node;
        this.decoding = decoding;
        this.prefix = prefix;
    }

    /**
     * The object at {@code where} ({@code null} for the whole value).
     *
     * @throws MalformedValueException when {@code node} is not an object
     */
    static JsonIn object(JsonNode node, Decoding decoding, String where) {
        if (!node.isObject()) {
            if (where == null) {
                throw decoding.error(null, "is " + Decoding.describe(node) + ", expected a JSON object");
            }
            throw decoding.wrongType(where, node, "an object");
        }
        return new JsonIn(node, decoding, where == null ? "" : where + ".");
    }

    Decoding decoding() {
        return decoding;
    }

    /** The full path of field {@code name}, e.g. {@code inbound_rules[0].src_net}. */
    String where(String name) {
        return prefix + name;
    }

    /** True when the field is in the object, even as {@code null}. */
    boolean present(String name) {
        return node.has(name);
    }

    /** The field's value, or null when absent or JSON null; marks the field as read. */
    JsonNode get(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    /** A Go string field: absent or null reads as {@code ""}. */
    String string(String name) {
        String value = optString(name);
        return value == null ? "" : value;
    }

    /** A presence-tracked string: null when absent or JSON null. */
    String optString(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw decoding.wrongType(where(name), value, "a string");
        }
        return value.textValue();
    }

    boolean bool(String name) {
        Boolean value = optBool(name);
        return value != null && value;
    }

    Boolean optBool(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw decoding.wrongType(where(name), value, "true or false");
        }
        return value.booleanValue();
    }

    Integer optInt(String name, int min, int max) {
        JsonNode value = get(name);
        return value == null ? null : intValue(value, where(name), min, max);
    }

    Double optNumber(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            throw decoding.wrongType(where(name), value, "a number");
        }
        double number = value.doubleValue();
        if (!Double.isFinite(number)) {
            throw decoding.error(where(name), "is " + value.asText() + ", out of range for a 64-bit float");
        }
        return number;
    }

    Cidr cidr(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw decoding.error(where(name), "is missing");
        }
        return cidrValue(value, where(name), null);
    }

    IpAddr ip(String name) {
        JsonNode value = get(name);
        if (value == null) {
            throw decoding.error(where(name), "is missing");
        }
        return ipValue(value, where(name), null);
    }

    IpAddr optIp(String name, IpFamily family) {
        JsonNode value = get(name);
        return value == null ? null : ipValue(value, where(name), family);
    }

    /** A list field; null when absent or JSON null. */
    <T> List<T> optList(String name, Element<T> element) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        return list(value, where(name), element, decoding);
    }

    /** A list field where absent and null read as empty. */
    <T> List<T> list(String name, Element<T> element) {
        List<T> values = optList(name, element);
        return values == null ? List.of() : values;
    }

    /** A {@code map[string]string} field; null when absent or JSON null. */
    Map<String, String> optStringMap(String name) {
        JsonNode value = get(name);
        return value == null ? null : stringMap(value, where(name), decoding);
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> map = optStringMap(name);
        return map == null ? Map.of() : map;
    }

    /** Every field not read so far, in document order, as compact JSON text. */
    UnknownFields unknown() {
        Map<String, String> rest = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!read.contains(field.getKey())) {
                rest.put(field.getKey(), decoding.json().compact(field.getValue()));
            }
        }
        return rest.isEmpty() ? UnknownFields.NONE : new UnknownFields(rest);
    }

    // ---- element readers, shared by arrays and fields ----

    static <T> List<T> list(JsonNode value, String where, Element<T> element, Decoding decoding) {
        if (!value.isArray()) {
            throw decoding.wrongType(where, value, "an array");
        }
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            out.add(element.read(value.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    static Map<String, String> stringMap(JsonNode value, String where, Decoding decoding) {
        if (!value.isObject()) {
            throw decoding.wrongType(where, value, "an object of strings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                String field = where == null || where.isEmpty() ? entry.getKey() : where + "." + entry.getKey();
                throw decoding.wrongType(field, entry.getValue(), "a string");
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
    }

    String stringElement(JsonNode value, String where) {
        if (!value.isTextual()) {
            throw decoding.wrongType(where, value, "a string");
        }
        return value.textValue();
    }

    int intValue(JsonNode value, String where, int min, int max) {
        if (!value.isIntegralNumber()) {
            throw decoding.wrongType(where, value, "an integer");
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw decoding.error(where, "is " + value.asText() + ", expected " + min + " to " + max);
        }
        return value.intValue();
    }

    /** A CIDR string; with {@code family}, it must be of that family. */
    Cidr cidrValue(JsonNode value, String where, IpFamily family) {
        if (!value.isTextual()) {
            throw decoding.wrongType(where, value, "a CIDR string");
        }
        Cidr cidr;
        try {
            cidr = Cidr.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            throw decoding.error(where, e.getMessage(), e);
        }
        if (family != null && cidr.family() != family) {
            throw decoding.error(where, "is " + cidr.family() + " CIDR " + Quote.of(value.textValue())
                    + ", expected " + family);
        }
        return cidr;
    }

    /** An address string; with {@code family}, it must be of that family. */
    IpAddr ipValue(JsonNode value, String where, IpFamily family) {
        if (!value.isTextual()) {
            throw decoding.wrongType(where, value, "an IP address string");
        }
        IpAddr ip;
        try {
            ip = IpAddr.parse(value.textValue());
        } catch (IllegalArgumentException e) {
            throw decoding.error(where, e.getMessage(), e);
        }
        if (family != null && ip.family() != family) {
            throw decoding.error(where, "is " + ip.family() + " address " + Quote.of(value.textValue())
                    + ", expected " + family);
        }
        return ip;
    }
}
