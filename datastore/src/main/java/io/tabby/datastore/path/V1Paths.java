package io.tabby.datastore.path;

import io.tabby.datastore.model.Cidr;
import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.Quote;

/**
 * The top of the v1 tree: {@code /calico/v1/Ready}, {@code /calico/v1/config/<name>} and
 * {@code /calico/v1/ipam/v4|v6/pool/<cidr>}; the host and policy subtrees are delegated.
 */
final class V1Paths {

    static final String READY = KeyPaths.V1 + "Ready";
    static final String CONFIG = KeyPaths.V1 + "config/";

    private static final Shape READY_SHAPE = new Shape("Ready", READY);
    private static final Shape CONFIG_SHAPE = new Shape("global config", CONFIG + "<name>");
    private static final Shape ANY_POOL = poolShape("v4|v6");
    private static final String EXPECTED = "/calico/v1/Ready, /calico/v1/config/<name>, /calico/v1/host/<node>/..., "
            + "/calico/v1/ipam/v4|v6/pool/<cidr> or /calico/v1/policy/...";

    private V1Paths() {}

    static String pool(IpPoolKey key) {
        return KeyPaths.poolPrefix(key.cidr().family()) + key.cidr().keySegment();
    }

    static Key<?> parse(SplitPath p) {
        String kind = p.at(2);
        if (kind == null) {
            throw p.unknown("incomplete v1 key", EXPECTED);
        }
        return switch (kind) {
            case "Ready" -> {
                p.requireSize(3, READY_SHAPE);
                yield new ReadyKey();
            }
            case "config" -> {
                p.requireSize(4, CONFIG_SHAPE);
                yield new GlobalConfigKey(p.plain(3, "config name", CONFIG_SHAPE));
            }
            case "host" -> HostPaths.parse(p);
            case "ipam" -> parsePool(p);
            case "policy" -> PolicyPaths.parse(p);
            default -> throw p.unknown("unknown v1 key " + Quote.of(kind), EXPECTED);
        };
    }

    private static IpPoolKey parsePool(SplitPath p) {
        p.requireSize(6, ANY_POOL);
        IpFamily family = p.shortFamily(3, "", ANY_POOL);
        Shape shape = poolShape(family.shortName());
        p.literal(4, "pool", shape);
        Cidr cidr = p.cidr(5, family, shape);
        return new IpPoolKey(cidr);
    }

    private static Shape poolShape(String family) {
        return new Shape("pool", KeyPaths.V1 + "ipam/" + family + "/pool/<address>-<prefix length>");
    }
}
