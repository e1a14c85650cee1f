package io.tabby.datastore.resource.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Protocol;
import io.tabby.datastore.model.RulePort;
import io.tabby.datastore.resource.EntityRule;
import io.tabby.datastore.resource.IcmpMatch;
import io.tabby.datastore.resource.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads v3 policy rules ({@code ingress}/{@code egress} lists): protocols and ports as numbers or
 * text, as Go's numorstring types accept them. Values are only read here; their meaning is checked
 * by the validator.
 */
final class RuleReader {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,9}):([0-9]{1,9})");

    private RuleReader() {
    }

    static List<PolicyRule> readList(FieldReader parent, String name) {
        List<PolicyRule> rules = new ArrayList<>();
        for (FieldReader rule : parent.objects(name)) {
            rules.add(read(rule));
        }
        return rules;
    }

    static PolicyRule read(FieldReader rule) {
        String action = rule.text("action");
        Integer ipVersion = optionalInt(rule, "ipVersion");
        Protocol protocol = protocol(rule, "protocol");
        IcmpMatch icmp = rule.object("icmp").map(RuleReader::icmp).orElse(null);
        Protocol notProtocol = protocol(rule, "notProtocol");
        IcmpMatch notIcmp = rule.object("notICMP").map(RuleReader::icmp).orElse(null);
        EntityRule source = rule.object("source").map(RuleReader::entity).orElse(EntityRule.ANY);
        EntityRule destination = rule.object("destination").map(RuleReader::entity).orElse(EntityRule.ANY);
        rule.rejectUnknown();
        return new PolicyRule(action, ipVersion, protocol, icmp, notProtocol, notIcmp, source, destination);
    }

    private static IcmpMatch icmp(FieldReader icmp) {
        IcmpMatch match = new IcmpMatch(optionalInt(icmp, "type"), optionalInt(icmp, "code"));
        icmp.rejectUnknown();
        return match;
    }

    private static EntityRule entity(FieldReader entity) {
        List<String> nets = entity.texts("nets");
        String selector = entity.text("selector");
        String namespaceSelector = entity.text("namespaceSelector");
        List<RulePort> ports = ports(entity, "ports");
        List<String> notNets = entity.texts("notNets");
        String notSelector = entity.text("notSelector");
        List<RulePort> notPorts = ports(entity, "notPorts");
        entity.rejectUnknown();
        return new EntityRule(nets, notNets, selector, notSelector, namespaceSelector, ports, notPorts);
    }

    private static Integer optionalInt(FieldReader reader, String name) {
        JsonNode value = reader.raw(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        reader.violations().add(reader.path(name), "must be a whole number" + FieldReader.found(value));
        return null;
    }

    /** A protocol name or number; a numeric string counts as the number, as numorstring reads it. */
    private static Protocol protocol(FieldReader reader, String name) {
        JsonNode value = reader.raw(name);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0 && value.intValue() <= 255) {
            return Protocol.of(value.intValue());
        }
        if (value.isTextual() && NUMBER.matcher(value.textValue()).matches()
                && Integer.parseInt(value.textValue()) <= 255) {
            return Protocol.of(Integer.parseInt(value.textValue()));
        }
        if (value.isTextual() && !value.textValue().isEmpty()) {
            return Protocol.of(value.textValue());
        }
        reader.violations().add(reader.path(name), "must be a protocol (TCP, UDP, ICMP, ICMPv6, SCTP, UDPLite)"
                + " or a number 1-255" + FieldReader.found(value));
        return null;
    }

    private static List<RulePort> ports(FieldReader reader, String name) {
        List<RulePort> ports = new ArrayList<>();
        JsonNode list = reader.raw(name);
        if (list == null) {
            return ports;
        }
        if (!list.isArray()) {
            reader.violations().add(reader.path(name), "must be a list" + FieldReader.found(list));
            return ports;
        }
        for (int i = 0; i < list.size(); i++) {
            Optional<RulePort> port = port(list.get(i));
            if (port.isPresent()) {
                ports.add(port.get());
            } else {
                reader.violations().add(reader.path(name) + "[" + i + "]",
                        "must be a port 0-65535, a range \"min:max\" or a port name" + FieldReader.found(list.get(i)));
            }
        }
        return ports;
    }

    /** A port, range or name; empty when it is none of those. */
    static Optional<RulePort> port(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToInt() && value.intValue() >= 0 && value.intValue() <= 65535
                    ? Optional.of(RulePort.single(value.intValue())) : Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            return Optional.empty();
        }
        return port(value.textValue());
    }

    /** As {@link #port(JsonNode)}, from text. */
    static Optional<RulePort> port(String text) {
        if (NUMBER.matcher(text).matches()) {
            int port = Integer.parseInt(text);
            return port <= 65535 ? Optional.of(RulePort.single(port)) : Optional.empty();
        }
        Matcher range = RANGE.matcher(text);
        if (range.matches()) {
            int min = Integer.parseInt(range.group(1));
            int max = Integer.parseInt(range.group(2));
            return min <= max && max <= 65535 ? Optional.of(RulePort.range(min, max)) : Optional.empty();
        }
        if (text.indexOf(':') >= 0 || Character.isDigit(text.charAt(0))) {
            return Optional.empty();
        }
        return Optional.of(RulePort.named(text));
    }
}
