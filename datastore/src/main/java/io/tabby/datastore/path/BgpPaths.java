package io.tabby.datastore.path;

import io.tabby.datastore.model.IpAddr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;

/**
 * {@code /calico/bgp/v1/...}: global settings and peers, per-node settings and peers, custom
 * filters, prefix advertisements and route reflectors.
 */
final class BgpPaths {

    static final String GLOBAL = KeyPaths.BGP + "global/";
    private static final String HOST = KeyPaths.BGP + "host/<node>/";

    private static final Shape ANY = new Shape("BGP", KeyPaths.BGP + "<global|host|rr_v4|rr_v6>/...");
    private static final Shape GLOBAL_ANY = new Shape("global BGP", GLOBAL
            + "<as_num|node_mesh|loglevel|listen_port|svc_cluster_ips|svc_external_ips|svc_loadbalancer_ips|"
            + "communities|peer_v4/<ip>|peer_v6/<ip>|custom_filters/<v4|v6>/<name>|"
            + "prefix_advertisements/<ip_v4|ip_v6>>");
    private static final Shape GLOBAL_FIELD = new Shape("global BGP", GLOBAL + "<field>");
    private static final Shape NODE_MESH = new Shape("node mesh", GLOBAL + "node_mesh");
    private static final Shape GLOBAL_PEER = new Shape("global BGP peer", GLOBAL + "<peer_v4|peer_v6>/<ip>");
    private static final Shape CUSTOM_FILTER = new Shape("custom filter", GLOBAL + "custom_filters/<v4|v6>/<name>");
    private static final Shape PREFIX_ADVERTISEMENTS =
            new Shape("prefix advertisements", GLOBAL + "prefix_advertisements/<ip_v4|ip_v6>");
    private static final Shape HOST_ANY = new Shape("node BGP", HOST
            + "<ip_addr_v4|ip_addr_v6|network_v4|network_v6|as_num|loglevel|rr_cluster_id|peer_v4/<ip>|peer_v6/<ip>>");
    private static final Shape NODE_FIELD = new Shape("node BGP", HOST + "<field>");
    private static final Shape NODE_PEER = new Shape("node BGP peer", HOST + "<peer_v4|peer_v6>/<ip>");
    private static final Shape ROUTE_REFLECTOR = new Shape("route reflector", KeyPaths.BGP + "<rr_v4|rr_v6>/<ip>");

    private BgpPaths() {}

    static String globalField(GlobalBgpFieldKey key) {
        return GLOBAL + key.field().segment();
    }

    static String nodeMesh() {
        return GLOBAL + "node_mesh";
    }

    static String globalPeer(GlobalBgpPeerKey key) {
        return KeyPaths.globalPeerPrefix(key.peerIp().family()) + key.peerIp();
    }

    static String customFilter(CustomFilterKey key) {
        return KeyPaths.customFilterPrefix(key.family()) + key.name();
    }

    static String prefixAdvertisements(PrefixAdvertisementsKey key) {
        return GLOBAL + "prefix_advertisements/ip_" + key.family().shortName();
    }

    static String nodeField(NodeBgpFieldKey key) {
        return KeyPaths.bgpHostPrefix(key.node()) + key.field().segment();
    }

    static String nodePeer(NodeBgpPeerKey key) {
        return KeyPaths.nodePeerPrefix(key.node(), key.peerIp().family()) + key.peerIp();
    }

    static String routeReflector(RouteReflectorKey key) {
        return KeyPaths.routeReflectorPrefix(key.ip().family()) + key.ip();
    }

    static Key<?> parse(SplitPath p) {
        if (p.size() < 4) {
            throw p.incomplete(ANY);
        }
        p.literal(2, "v1", ANY);
        String area = p.at(3);
        return switch (area) {
            case "global" -> parseGlobal(p);
            case "host" -> parseHost(p);
            case "rr_v4", "rr_v6" -> {
                p.requireSize(5, ROUTE_REFLECTOR);
                IpFamily family = p.shortFamily(3, "rr_", ROUTE_REFLECTOR);
                yield new RouteReflectorKey(p.ip(4, family, ROUTE_REFLECTOR));
            }
            default -> throw p.fail(ANY, "unknown entry " + Quote.of(area));
        };
    }

    private static Key<?> parseGlobal(SplitPath p) {
        if (p.size() < 5) {
            throw p.incomplete(GLOBAL_ANY);
        }
        String kind = p.at(4);
        GlobalBgpField field = GlobalBgpField.fromSegment(kind);
        if (field != null) {
            p.requireSize(5, GLOBAL_FIELD);
            return new GlobalBgpFieldKey(field);
        }
        return switch (kind) {
            case "node_mesh" -> {
                p.requireSize(5, NODE_MESH);
                yield new NodeMeshKey();
            }
            case "peer_v4", "peer_v6" -> {
                p.requireSize(6, GLOBAL_PEER);
                IpFamily family = p.shortFamily(4, "peer_", GLOBAL_PEER);
                yield new GlobalBgpPeerKey(p.ip(5, family, GLOBAL_PEER));
            }
            case "custom_filters" -> {
                p.requireSize(7, CUSTOM_FILTER);
                IpFamily family = p.shortFamily(5, "", CUSTOM_FILTER);
                yield new CustomFilterKey(family, p.plain(6, "custom filter name", CUSTOM_FILTER));
            }
            case "prefix_advertisements" -> {
                p.requireSize(6, PREFIX_ADVERTISEMENTS);
                yield new PrefixAdvertisementsKey(p.shortFamily(5, "ip_", PREFIX_ADVERTISEMENTS));
            }
            default -> throw p.fail(GLOBAL_ANY, "unknown entry " + Quote.of(kind));
        };
    }

    private static Key<?> parseHost(SplitPath p) {
        if (p.size() < 6) {
            throw p.incomplete(HOST_ANY);
        }
        String node = p.plain(4, "node name", HOST_ANY);
        String kind = p.at(5);
        NodeBgpField field = NodeBgpField.fromSegment(kind);
        if (field != null) {
            p.requireSize(6, NODE_FIELD);
            return new NodeBgpFieldKey(node, field);
        }
        if (kind.equals("peer_v4") || kind.equals("peer_v6")) {
            p.requireSize(7, NODE_PEER);
            IpFamily family = p.shortFamily(5, "peer_", NODE_PEER);
            IpAddr ip = p.ip(6, family, NODE_PEER);
            return new NodeBgpPeerKey(node, ip);
        }
        throw p.fail(HOST_ANY, "unknown entry " + Quote.of(kind));
    }
}
