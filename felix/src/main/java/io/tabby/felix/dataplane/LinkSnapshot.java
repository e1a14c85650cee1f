package io.tabby.felix.dataplane;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.VxlanSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links of a namespace, listed at most once per dataplane pass: the workload route, interface
 * and neighbour steps each need them, and one {@code ip link} listing is the expensive part of a
 * pass that otherwise changes a single endpoint. {@link #forget()} starts a new pass; a change made
 * through this object forgets the listing too.
 */
final class LinkSnapshot implements LinkOps {
    private final LinkOps links;
    private final Map<NetNs, List<Link>> listed = new HashMap<>();

    LinkSnapshot(LinkOps links) {
        this.links = requireNonNull(links, "links is null");
    }

    void forget() {
        listed.clear();
    }

    @Override
    public List<Link> list(NetNs ns) {
        return listed.computeIfAbsent(ns, links::list);
    }

    @Override
    public Optional<Link> get(NetNs ns, String name) {
        return links.get(ns, name);
    }

    @Override
    public void createVeth(NetNs ns, String name, String peerName, NetNs peerNs) {
        forget();
        links.createVeth(ns, name, peerName, peerNs);
    }

    @Override
    public void createVxlan(NetNs ns, VxlanSpec spec) {
        forget();
        links.createVxlan(ns, spec);
    }

    @Override
    public void createIpip(NetNs ns, String name) {
        forget();
        links.createIpip(ns, name);
    }

    @Override
    public void setUp(NetNs ns, String name) {
        forget();
        links.setUp(ns, name);
    }

    @Override
    public void setDown(NetNs ns, String name) {
        forget();
        links.setDown(ns, name);
    }

    @Override
    public void setMtu(NetNs ns, String name, int mtu) {
        forget();
        links.setMtu(ns, name, mtu);
    }

    @Override
    public void setMac(NetNs ns, String name, String mac) {
        forget();
        links.setMac(ns, name, mac);
    }

    @Override
    public void rename(NetNs ns, String name, String newName) {
        forget();
        links.rename(ns, name, newName);
    }

    @Override
    public void delete(NetNs ns, String name) {
        forget();
        links.delete(ns, name);
    }
}
