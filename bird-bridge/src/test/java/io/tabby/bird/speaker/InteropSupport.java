package io.tabby.bird.speaker;

import io.tabby.bird.config.RouterFamily;
import io.tabby.bird.rib.Route;
import io.tabby.bird.wire.Prefix;
import io.tabby.testkit.bgp.NetnsThreads;
import io.tabby.testkit.host.HostRequirements;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What the interop tests share: the host check, starting Tabby inside a namespace, reading its RIB. */
final class InteropSupport {
    /** Bound for every wait on a real peer: sessions come up in 1–3 s with the short timers the tests set. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private InteropSupport() {
    }

    static void requireHost(String installHint, String... programs) {
        HostRequirements host = HostRequirements.fromSystem();
        host.requireRoot("BGP interop in network namespaces");
        host.requirePrograms("apt-get install iproute2", "ip");
        host.requirePrograms(installHint, programs);
    }

    /** A Tabby speaker for {@code configText} whose sockets live in {@code namespace}. */
    static BgpSpeaker startTabby(String namespace, String configText, RouterFamily family) {
        return BgpSpeaker.start(TestConfigs.parse(configText, family), SpeakerOptions.defaults()
                .withIoThreadFactory(NetnsThreads.factory(namespace, "bgpn-io")));
    }

    static Optional<Route> best(BgpSpeaker speaker, String prefix) throws Exception {
        Prefix p = Prefixes.parse(prefix);
        return speaker.inspectRib(rib -> rib.bestPath(p).map(d -> d.best())).get(5, TimeUnit.SECONDS);
    }

    static boolean established(BgpSpeaker speaker, String protocol) {
        return speaker.peer(protocol).orElseThrow().established();
    }
}
