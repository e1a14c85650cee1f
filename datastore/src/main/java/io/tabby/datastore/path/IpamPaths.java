package io.tabby.datastore.path;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;

/** {@code /calico/ipam/v2/...}: config, blocks, affinities and handles. */
final class IpamPaths {

    static final String CONFIG = KeyPaths.IPAM + "config";

    private static final Shape ANY = new Shape("IPAM", KeyPaths.IPAM + "<config|assignment/...|host/...|handle/<id>>");
    private static final Shape CONFIG_SHAPE = new Shape("IPAM config", CONFIG);
    private static final Shape BLOCK =
            new Shape("block", KeyPaths.IPAM + "assignment/<ipv4|ipv6>/block/<address>-<prefix length>");
    private static final Shape AFFINITY =
            new Shape("block affinity", KeyPaths.IPAM + "host/<node>/<ipv4|ipv6>/block/<address>-<prefix length>");
    private static final Shape HANDLE = new Shape("handle", KeyPaths.IPAM + "handle/<id>");

    private IpamPaths() {}

    static String block(BlockKey key) {
        return KeyPaths.blockPrefix(key.cidr().family()) + key.cidr().keySegment();
    }

    static String affinity(BlockAffinityKey key) {
        return KeyPaths.affinityPrefix(key.node(), key.cidr().family()) + key.cidr().keySegment();
    }

    static String handle(IpamHandleKey key) {
        return KeyPaths.handlePrefix() + Segments.escape(key.handleId());
    }

    static Key<?> parse(SplitPath p) {
        if (p.size() < 4) {
            throw p.incomplete(ANY);
        }
        p.literal(2, "v2", ANY);
        String kind = p.at(3);
        return switch (kind) {
            case "config" -> {
                p.requireSize(4, CONFIG_SHAPE);
                yield new IpamConfigKey();
            }
            case "assignment" -> {
                p.requireSize(7, BLOCK);
                IpFamily family = p.ipamFamily(4, BLOCK);
                p.literal(5, "block", BLOCK);
                yield new BlockKey(p.cidr(6, family, BLOCK));
            }
            case "host" -> {
                p.requireSize(8, AFFINITY);
                String node = p.plain(4, "node name", AFFINITY);
                IpFamily family = p.ipamFamily(5, AFFINITY);
                p.literal(6, "block", AFFINITY);
                yield new BlockAffinityKey(node, p.cidr(7, family, AFFINITY));
            }
            case "handle" -> {
                p.requireSize(5, HANDLE);
                yield new IpamHandleKey(p.text(4, "handle id", HANDLE));
            }
            default -> throw p.fail(ANY, "unknown entry " + Quote.of(kind));
        };
    }
}
