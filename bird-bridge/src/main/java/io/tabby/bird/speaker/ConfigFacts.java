package io.tabby.bird.speaker;

import io.tabby.bird.config.BgpProtocol;
import io.tabby.bird.config.BirdConfig;
import io.tabby.bird.config.BirdProtocol;
import io.tabby.bird.config.StaticProtocol;
import io.tabby.bird.config.StaticRoute;
import io.tabby.bird.wire.Prefix;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the speaker reads off a whole configuration besides its protocols' sessions. */
final class ConfigFacts {
    private ConfigFacts() {
    }

    /** Refuses two protocols with one neighbour: incoming connections are matched by address. */
    static void checkNeighbors(List<BgpProtocol> bgp) {
        Map<InetAddress, String> seen = new HashMap<>();
        for (BgpProtocol protocol : bgp) {
            String other = seen.putIfAbsent(protocol.neighbor(), protocol.name());
            if (other != null) {
                throw new IllegalArgumentException("protocol " + protocol.name() + ": neighbor "
                        + protocol.neighbor().getHostAddress() + " is already used by protocol " + other
                        + "; use one protocol per neighbor");
            }
        }
    }

    static Map<InetAddress, String> passwords(List<BgpProtocol> bgp) {
        Map<InetAddress, String> passwords = new HashMap<>();
        bgp.forEach(protocol -> protocol.password().ifPresent(p -> passwords.put(protocol.neighbor(), p)));
        return passwords;
    }

    static Set<Prefix> staticPrefixes(BirdConfig config) {
        Set<Prefix> prefixes = new LinkedHashSet<>();
        for (BirdProtocol protocol : config.protocols()) {
            if (protocol instanceof StaticProtocol statics) {
                for (StaticRoute route : statics.routes()) {
                    prefixes.add(Prefixes.of(route.prefix()));
                }
            }
        }
        return prefixes;
    }

    static InetSocketAddress listenAddress(BirdConfig config, SpeakerOptions options, List<BgpProtocol> bgp) {
        if (options.listen().isPresent()) {
            return options.listen().get();
        }
        boolean v4 = bgp.getFirst().neighbor() instanceof Inet4Address;
        InetAddress any = InetAddress.ofLiteral(v4 ? "0.0.0.0" : "::");
        return new InetSocketAddress(config.listen().address().orElse(any), config.listen().port());
    }
}
