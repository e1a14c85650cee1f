package io.tabby.cni.result;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Results shared by the result tests (and the golden files in src/test/resources/golden). */
final class ResultSamples {
    private ResultSamples() {
    }

    /** A Calico-style dual-stack ADD result: host veth, pod eth0, /32 and /128, default routes. */
    static CniResult dualStack() {
        return new CniResult(
                List.of(new CniInterface("cali1b2c3d4e5f6", Optional.of("ee:ee:ee:ee:ee:ee"), Optional.empty(), 0),
                        new CniInterface("eth0", Optional.of("0a:58:0a:41:00:05"),
                                Optional.of("/var/run/netns/pod1"), 0)),
                List.of(new IpConfig("10.65.0.5/32", Optional.of("169.254.1.1"), OptionalInt.of(1)),
                        new IpConfig("fd00:10::5/128", Optional.empty(), OptionalInt.of(1))),
                List.of(new Route("0.0.0.0/0", Optional.of("169.254.1.1")), new Route("::/0", Optional.empty())),
                Dns.EMPTY);
    }

    /** An IPAM plugin's result: no interfaces, no interface index, with DNS. */
    static CniResult ipamOnly() {
        return new CniResult(List.of(),
                List.of(new IpConfig("10.65.0.7/32", Optional.empty(), OptionalInt.empty())),
                List.of(),
                new Dns(List.of("10.96.0.10"), "cluster.local", List.of("default.svc.cluster.local"),
                        List.of("ndots:5")));
    }
}
