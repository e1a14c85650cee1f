package io.tabby.testkit.bgp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A star of network namespaces: one center (where the speaker under test runs) and N leaves (the
 * peers), each leaf joined to the center by its own veth pair. Link {@code i} (1-based) carries
 * {@code 10.201.i.1/24} and {@code fd00:201:i::1/64} on the center side and {@code .2}/{@code ::2}
 * on the leaf side; {@code lo} is up everywhere (gobgpd's API listens on 127.0.0.1). Names are
 * {@code bgpn-XXXX-c} and {@code bgpn-XXXX-N} with a random XXXX; {@link #close()} deletes the
 * namespaces, which deletes the veths with them.
 */
public final class NetnsLab implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(NetnsLab.class);

    private final String id;
    private final List<Link> links = new ArrayList<>();
    private final List<String> namespaces = new ArrayList<>();

    /** One link between the center and a leaf namespace, with both ends' addresses. */
    public record Link(int index, String centerNamespace, String leafNamespace, InetAddress centerIpv4,
            InetAddress leafIpv4, InetAddress centerIpv6, InetAddress leafIpv6) {
    }

    private NetnsLab(String id) {
        this.id = id;
    }

    /** Builds the center and {@code leaves} leaf namespaces; on failure removes what it made. */
    public static NetnsLab create(int leaves) {
        NetnsLab lab = new NetnsLab("bgpn-%04x".formatted(ThreadLocalRandom.current().nextInt(0x10000)));
        try {
            lab.build(leaves);
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    public String center() {
        return id + "-c";
    }

    /** Link {@code index}, from 1. */
    public Link link(int index) {
        return links.get(index - 1);
    }

    private void build(int leaves) {
        addNamespace(center());
        for (int i = 1; i <= leaves; i++) {
            String leaf = id + "-" + i;
            addNamespace(leaf);
            String centerEnd = id + "-c" + i;
            String leafEnd = id + "-l" + i;
            ip("link", "add", centerEnd, "netns", center(), "type", "veth", "peer", "name", leafEnd, "netns", leaf);
            configure(center(), centerEnd, "10.201." + i + ".1/24", "fd00:201:" + i + "::1/64");
            configure(leaf, leafEnd, "10.201." + i + ".2/24", "fd00:201:" + i + "::2/64");
            links.add(new Link(i, center(), leaf, InetAddress.ofLiteral("10.201." + i + ".1"),
                    InetAddress.ofLiteral("10.201." + i + ".2"), InetAddress.ofLiteral("fd00:201:" + i + "::1"),
                    InetAddress.ofLiteral("fd00:201:" + i + "::2")));
        }
    }

    private void addNamespace(String name) {
        ip("netns", "add", name);
        namespaces.add(name);
        ip("-n", name, "link", "set", "lo", "up");
    }

    private static void configure(String namespace, String device, String v4, String v6) {
        ip("-n", namespace, "addr", "add", v4, "dev", device);
        // nodad: the address is usable at once instead of tentative for a second or two.
        ip("-n", namespace, "-6", "addr", "add", v6, "dev", device, "nodad");
        ip("-n", namespace, "link", "set", device, "up");
    }

    private static void ip(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        HostCommand.run(argv);
    }

    /** Deletes every namespace this lab made (and with them their veths). */
    @Override
    public void close() {
        for (String namespace : namespaces.reversed()) {
            HostCommand.Result result = HostCommand.tryRun(List.of("ip", "netns", "del", namespace));
            if (result.exit() != 0) {
                LOG.warn("cannot delete namespace {}: {}", namespace, result.output());
            }
        }
        namespaces.clear();
    }
}
