package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.Quote;
import io.tabby.datastore.model.Rule;
import io.tabby.datastore.model.RuleMatch;
import io.tabby.datastore.model.RulePort;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A backend rule, every field {@code omitempty}, in libcalico-go's struct order: action,
 * ip_version, protocol, !protocol, the ICMP fields, then {@code src_*}, {@code dst_*},
 * {@code !src_*}, {@code !dst_*}, then log_prefix.
 */
final class RuleJson {

    private static final Pattern RANGE = Pattern.compile("(0|[1-9][0-9]{0,4}):(0|[1-9][0-9]{0,4})");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,4}");

    /** How a side's fields are spelled and ordered. */
    private enum Side {
        SRC("src_", true),
        DST("dst_", false),
        NOT_SRC("!src_", true),
        NOT_DST("!dst_", false);

        final String prefix;
        /** Sources put net before selector; destinations put selector first. */
        final boolean netFirst;

        Side(String prefix, boolean netFirst) {
            this.prefix = prefix;
            this.netFirst = netFirst;
        }
    }

    private RuleJson() {}

    static List<Rule> decodeList(JsonIn in, String field) {
        return in.list(field, (element, where) -> decode(JsonIn.object(element, in.decoding(), where)));
    }

    static void encodeListIfSet(String field, List<Rule> rules, JsonOut out) {
        out.objectsIfSet(field, rules, rule -> encode(rule, out));
    }

    static Rule decode(JsonIn in) {
        String action = in.string("action");
        Integer ipVersion = in.optInt("ip_version", 0, Integer.MAX_VALUE);
        if (ipVersion != null && ipVersion != 4 && ipVersion != 6) {
            throw in.decoding().error(in.where("ip_version"), "is " + ipVersion + ", expected 4 or 6");
        }
        return new Rule(action, ipVersion, protocol(in, "protocol"), protocol(in, "!protocol"),
                in.optInt("icmp_type", 0, 255), in.optInt("icmp_code", 0, 255),
                in.optInt("!icmp_type", 0, 255), in.optInt("!icmp_code", 0, 255),
                match(in, Side.SRC), match(in, Side.DST), match(in, Side.NOT_SRC), match(in, Side.NOT_DST),
                in.string("log_prefix"), in.unknown());
    }

    static void encode(Rule rule, JsonOut out) {
        out.startObject();
        out.stringIfSet("action", rule.action());
        out.numberIfPresent("ip_version", rule.ipVersion());
        protocol(out, "protocol", rule.protocol());
        protocol(out, "!protocol", rule.notProtocol());
        out.numberIfPresent("icmp_type", rule.icmpType());
        out.numberIfPresent("icmp_code", rule.icmpCode());
        out.numberIfPresent("!icmp_type", rule.notIcmpType());
        out.numberIfPresent("!icmp_code", rule.notIcmpCode());
        match(out, Side.SRC, rule.src());
        match(out, Side.DST, rule.dst());
        match(out, Side.NOT_SRC, rule.notSrc());
        match(out, Side.NOT_DST, rule.notDst());
        out.stringIfSet("log_prefix", rule.logPrefix());
        out.unknown(rule.unknown());
        out.endObject();
    }

    private static RuleMatch match(JsonIn in, Side side) {
        String p = side.prefix;
        JsonNode net = in.get(p + "net");
        return new RuleMatch(in.string(p + "tag"),
                net == null ? null : in.cidrValue(net, in.where(p + "net"), null),
                in.list(p + "nets", (e, where) -> in.cidrValue(e, where, null)),
                in.string(p + "selector"),
                in.list(p + "ports", (e, where) -> port(e, where, in.decoding())));
    }

    private static void match(JsonOut out, Side side, RuleMatch match) {
        String p = side.prefix;
        out.stringIfSet(p + "tag", match.tag());
        Consumer<JsonOut> nets = o -> {
            if (match.net() != null) {
                o.string(p + "net", match.net().toString());
            }
            o.stringsIfSet(p + "nets", match.nets());
        };
        if (side.netFirst) {
            nets.accept(out);
            out.stringIfSet(p + "selector", match.selector());
        } else {
            out.stringIfSet(p + "selector", match.selector());
            nets.accept(out);
        }
        if (!match.ports().isEmpty()) {
            out.name(p + "ports");
            out.startArray();
            for (RulePort port : match.ports()) {
                if (port.name() == null && port.min() == port.max()) {
                    out.value(port.min());
                } else {
                    out.value(port.toString());
                }
            }
            out.endArray();
        }
    }

    private static Protocol protocol(JsonIn in, String field) {
        JsonNode value = in.get(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return Protocol.of(in.intValue(value, in.where(field), 0, 255));
        }
        if (value.isTextual() && !value.textValue().isEmpty()) {
            return Protocol.of(value.textValue());
        }
        throw in.decoding().wrongType(in.where(field), value, "a protocol name or number");
    }

    private static void protocol(JsonOut out, String field, Protocol protocol) {
        if (protocol == null) {
            return;
        }
        if (protocol.number() != null) {
            out.number(field, protocol.number());
        } else {
            out.string(field, protocol.name());
        }
    }

    /** A number, a numeric string, a {@code "min:max"} range or a port name, as Go's numorstring.Port reads them. */
    private static RulePort port(JsonNode value, String where, Decoding decoding) {
        if (value.isIntegralNumber()) {
            if (!value.canConvertToInt() || value.intValue() < 0 || value.intValue() > 65535) {
                throw decoding.error(where, "is " + value.asText() + ", expected a port 0 to 65535");
            }
            return RulePort.single(value.intValue());
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw decoding.wrongType(where, value, "a port number, \"min:max\" range or port name");
        }
        String text = value.textValue();
        if (NUMBER.matcher(text).matches()) {
            int port = Integer.parseInt(text);
            if (port > 65535) {
                throw decoding.error(where, "is " + Quote.of(text) + ", expected a port 0 to 65535");
            }
            return RulePort.single(port);
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            if (min > max || max > 65535) {
                throw decoding.error(where,
                        "bad port range " + Quote.of(text) + ", expected min:max with 0 <= min <= max <= 65535");
            }
            return RulePort.range(min, max);
        }
        if (text.indexOf(':') >= 0 || Character.isDigit(text.charAt(0))) {
            throw decoding.error(where, "bad port " + Quote.of(text) + ", expected a port 0 to 65535 or min:max");
        }
        return RulePort.named(text);
    }
}
