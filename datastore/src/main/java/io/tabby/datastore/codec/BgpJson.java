package io.tabby.datastore.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.tabby.datastore.model.BgpPeer;
import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.NodeMesh;
import io.tabby.datastore.model.PrefixAdvertisement;
import io.tabby.datastore.model.Quote;
import io.tabby.datastore.model.RouteReflector;
import java.util.List;

/**
 * The JSON values under {@code /calico/bgp/v1}: peers ({@code {"ip":"10.0.0.5","as_num":"64513"}},
 * the AS number a JSON string), the node mesh switch, route reflectors and prefix
 * advertisements.
 */
final class BgpJson {

    private BgpJson() {}

    static BgpPeer decodePeer(JsonIn in, IpAddr keyIp) {
        IpAddr ip = in.ip("ip");
        if (!ip.equals(keyIp)) {
            throw in.decoding().error(in.where("ip"), "is " + ip + " but the key is for peer " + keyIp);
        }
        long asNumber = asNumber(in);
        String rrClusterId = in.optString("rr_cluster_id");
        String password = in.optString("password");
        String sourceAddr = in.optString("source_addr");
        Integer port = in.optInt("port", 0, 65535);
        Boolean keepNextHop = in.optBool("keep_next_hop");
        String restartTime = in.optString("restart_time");
        String name = in.optString("name");
        if (name != null && name.isEmpty()) {
            throw in.decoding().error(in.where("name"), "is empty; leave it out to use the derived name");
        }
        return new BgpPeer(ip, asNumber, rrClusterId, password, sourceAddr, port, keepNextHop, restartTime, name,
                in.unknown());
    }

    static void encodePeer(BgpPeer peer, JsonOut out) {
        out.startObject();
        out.string("ip", peer.ip().toString());
        out.string("as_num", Long.toString(peer.asNumber()));
        out.stringIfPresent("rr_cluster_id", peer.rrClusterId());
        out.stringIfPresent("password", peer.password());
        out.stringIfPresent("source_addr", peer.sourceAddr());
        out.numberIfPresent("port", peer.port());
        out.boolIfPresent("keep_next_hop", peer.keepNextHop());
        out.stringIfPresent("restart_time", peer.restartTime());
        if (!peer.hasDerivedName()) {
            out.string("name", peer.name());
        }
        out.unknown(peer.unknown());
        out.endObject();
    }

    static NodeMesh decodeNodeMesh(JsonIn in) {
        return new NodeMesh(in.bool("enabled"), in.unknown());
    }

    static void encodeNodeMesh(NodeMesh mesh, JsonOut out) {
        out.startObject();
        out.bool("enabled", mesh.enabled());
        out.unknown(mesh.unknown());
        out.endObject();
    }

    static RouteReflector decodeRouteReflector(JsonIn in, IpAddr keyIp) {
        IpAddr ip = in.ip("ip");
        if (!ip.equals(keyIp)) {
            throw in.decoding().error(in.where("ip"), "is " + ip + " but the key is for route reflector " + keyIp);
        }
        return new RouteReflector(ip, in.string("cluster_id"), in.unknown());
    }

    static void encodeRouteReflector(RouteReflector reflector, JsonOut out) {
        out.startObject();
        out.string("ip", reflector.ip().toString());
        out.string("cluster_id", reflector.clusterId());
        out.unknown(reflector.unknown());
        out.endObject();
    }

    /** A JSON array of advertisements; {@code null} reads as empty. */
    static List<PrefixAdvertisement> decodeAdvertisements(JsonNode root, Decoding decoding, IpFamily family) {
        if (root.isNull()) {
            return List.of();
        }
        if (!root.isArray()) {
            throw decoding.error(null, "is " + Decoding.describe(root) + ", expected a JSON array");
        }
        return JsonIn.list(root, "", (element, where) -> {
            JsonIn in = JsonIn.object(element, decoding, where);
            return new PrefixAdvertisement(in.cidrValue(required(in, "cidr"), in.where("cidr"), family),
                    in.list("communities", in::stringElement), in.unknown());
        }, decoding);
    }

    static void encodeAdvertisements(List<PrefixAdvertisement> advertisements, JsonOut out) {
        out.startArray();
        for (PrefixAdvertisement advertisement : advertisements) {
            out.startObject();
            out.string("cidr", advertisement.cidr().toString());
            out.strings("communities", advertisement.communities());
            out.unknown(advertisement.unknown());
            out.endObject();
        }
        out.endArray();
    }

    private static long asNumber(JsonIn in) {
        JsonNode value = in.get("as_num");
        if (value == null) {
            throw in.decoding().error(in.where("as_num"), "is missing");
        }
        String text = value.isTextual() ? value.textValue() : value.isIntegralNumber() ? value.asText() : null;
        if (text == null) {
            throw in.decoding().wrongType(in.where("as_num"), value, "an AS number string such as \"64512\"");
        }
        if (!text.matches("0|[1-9][0-9]{0,9}") || Long.parseLong(text) > BgpPeer.MAX_AS_NUMBER) {
            throw in.decoding().error(in.where("as_num"),
                    "is " + Quote.of(text) + ", expected an AS number 0 to " + BgpPeer.MAX_AS_NUMBER);
        }
        return Long.parseLong(text);
    }

    private static JsonNode required(JsonIn in, String name) {
        JsonNode value = in.get(name);
        if (value == null) {
            throw in.decoding().error(in.where(name), "is missing");
        }
        return value;
    }
}
