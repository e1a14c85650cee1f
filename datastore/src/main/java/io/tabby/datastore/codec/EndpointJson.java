package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.HostEndpoint;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpNat;
import io.tabby.datastore.model.Quote;
import io.tabby.datastore.model.WorkloadEndpoint;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Workload endpoints ({@code state, name, active_instance_id, mac, profile_ids, ipv4_nets,
 * ipv6_nets} always, then the optional NAT, labels and gateways) and host endpoints (every
 * field optional).
 */
final class EndpointJson {

    /** MAC text Go's net.ParseMAC accepts for 6-, 8- and 20-byte addresses, colon or dash separated. */
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){5}"
            + "|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){7}|[0-9a-fA-F]{2}(?:[:-][0-9a-fA-F]{2}){19}");

    private EndpointJson() {}

    static WorkloadEndpoint decodeWorkload(JsonIn in) {
        String state = in.string("state");
        String name = in.string("name");
        String activeInstanceId = in.string("active_instance_id");
        String mac = mac(in);
        List<String> profileIds = in.optList("profile_ids", in::stringElement);
        List<Cidr> ipv4Nets = in.optList("ipv4_nets", (e, where) -> in.cidrValue(e, where, IpFamily.V4));
        List<Cidr> ipv6Nets = in.optList("ipv6_nets", (e, where) -> in.cidrValue(e, where, IpFamily.V6));
        List<IpNat> ipv4Nat = in.list("ipv4_nat", (e, where) -> nat(e, where, in.decoding(), IpFamily.V4));
        List<IpNat> ipv6Nat = in.list("ipv6_nat", (e, where) -> nat(e, where, in.decoding(), IpFamily.V6));
        return new WorkloadEndpoint(state, name, activeInstanceId, mac, profileIds, ipv4Nets, ipv6Nets, ipv4Nat,
                ipv6Nat, in.stringMap("labels"), in.optIp("ipv4_gateway", IpFamily.V4),
                in.optIp("ipv6_gateway", IpFamily.V6), in.unknown());
    }

    static void encodeWorkload(WorkloadEndpoint endpoint, JsonOut out) {
        out.startObject();
        out.string("state", endpoint.state());
        out.string("name", endpoint.name());
        out.string("active_instance_id", endpoint.activeInstanceId());
        out.stringOrNull("mac", endpoint.mac());
        out.stringsOrNull("profile_ids", endpoint.profileIds());
        out.stringsOrNull("ipv4_nets", endpoint.ipv4Nets());
        out.stringsOrNull("ipv6_nets", endpoint.ipv6Nets());
        out.objectsIfSet("ipv4_nat", endpoint.ipv4Nat(), nat -> encodeNat(nat, out));
        out.objectsIfSet("ipv6_nat", endpoint.ipv6Nat(), nat -> encodeNat(nat, out));
        out.stringMapIfSet("labels", endpoint.labels());
        if (endpoint.ipv4Gateway() != null) {
            out.string("ipv4_gateway", endpoint.ipv4Gateway().toString());
        }
        if (endpoint.ipv6Gateway() != null) {
            out.string("ipv6_gateway", endpoint.ipv6Gateway().toString());
        }
        out.unknown(endpoint.unknown());
        out.endObject();
    }

    static HostEndpoint decodeHost(JsonIn in) {
        return new HostEndpoint(in.string("name"),
                in.list("expected_ipv4_addrs", (e, where) -> in.ipValue(e, where, IpFamily.V4)),
                in.list("expected_ipv6_addrs", (e, where) -> in.ipValue(e, where, IpFamily.V6)),
                in.stringMap("labels"), in.list("profile_ids", in::stringElement), in.unknown());
    }

    static void encodeHost(HostEndpoint endpoint, JsonOut out) {
        out.startObject();
        out.stringIfSet("name", endpoint.name());
        out.stringsIfSet("expected_ipv4_addrs", endpoint.expectedIpv4Addrs());
        out.stringsIfSet("expected_ipv6_addrs", endpoint.expectedIpv6Addrs());
        out.stringMapIfSet("labels", endpoint.labels());
        out.stringsIfSet("profile_ids", endpoint.profileIds());
        out.unknown(endpoint.unknown());
        out.endObject();
    }

    private static String mac(JsonIn in) {
        String text = in.optString("mac");
        if (text == null) {
            return null;
        }
        if (!MAC.matcher(text).matches()) {
            throw in.decoding().error(in.where("mac"), "bad MAC address " + Quote.of(text)
                    + ", expected six hex pairs such as \"0a:58:c0:a8:01:02\"");
        }
        // Go prints a parsed MAC in lower case with colons.
        return text.toLowerCase(Locale.ROOT).replace('-', ':');
    }

    private static IpNat nat(JsonNode element, String where, Decoding decoding, IpFamily family) {
        JsonIn in = JsonIn.object(element, decoding, where);
        IpAddr internal = in.ip("int_ip");
        IpAddr external = in.ip("ext_ip");
        for (String field : List.of("int_ip", "ext_ip")) {
            IpAddr ip = field.equals("int_ip") ? internal : external;
            if (ip.family() != family) {
                throw decoding.error(in.where(field), "is " + ip.family() + " address " + ip + ", expected " + family);
            }
        }
        return new IpNat(internal, external, in.unknown());
    }

    private static void encodeNat(IpNat nat, JsonOut out) {
        out.startObject();
        out.string("int_ip", nat.internalIp().toString());
        out.string("ext_ip", nat.externalIp().toString());
        out.unknown(nat.unknown());
        out.endObject();
    }
}
