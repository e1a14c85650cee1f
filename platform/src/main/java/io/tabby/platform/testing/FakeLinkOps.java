package io.tabby.platform.testing;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.Link;
import io.tabby.platform.net.LinkNames;
import io.tabby.platform.net.LinkOps;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.VxlanSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link LinkOps} over a {@link FakeKernel}. New links get MACs {@code 02:00:00:xx:xx:xx} from their index. */
final class FakeLinkOps implements LinkOps {

    private static final int DEFAULT_MTU = 1500;
    private static final int IPIP_OVERHEAD = 20;
    private static final int VXLAN_OVERHEAD = 50;

    private final FakeKernel kernel;

    FakeLinkOps(FakeKernel kernel) {
        this.kernel = requireNonNull(kernel, "kernel is null");
    }

    @Override
    public List<Link> list(NetNs ns) {
        synchronized (kernel) {
            return List.copyOf(kernel.namespace(ns).links.values());
        }
    }

    @Override
    public Optional<Link> get(NetNs ns, String name) {
        synchronized (kernel) {
            return Optional.ofNullable(kernel.namespace(ns).links.get(LinkNames.check(name)));
        }
    }

    @Override
    public void createVeth(NetNs ns, String name, String peerName, NetNs peerNs) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            FakeNamespace there = kernel.namespace(peerNs);
            requireFree(here, name);
            requireFree(there, peerName);
            if (here == there && name.equals(peerName)) {
                throw FakeKernel.fail("link add", "RTNETLINK answers: File exists");
            }
            here.links.put(name, newLink(name, "veth", DEFAULT_MTU));
            there.links.put(peerName, newLink(peerName, "veth", DEFAULT_MTU));
            here.peers.put(name, new FakeNamespace.Peer(peerNs, peerName));
            there.peers.put(peerName, new FakeNamespace.Peer(ns, name));
            kernel.record(ns, "link add", name + " type veth peer " + peerName + " in " + peerNs);
        }
    }

    @Override
    public void createVxlan(NetNs ns, VxlanSpec spec) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            requireFree(here, spec.name());
            int mtu = DEFAULT_MTU - VXLAN_OVERHEAD;
            if (spec.parent().isPresent()) {
                Link parent = here.links.get(spec.parent().get());
                if (parent == null) {
                    throw FakeKernel.fail("link add", "Cannot find device \"" + spec.parent().get() + "\"");
                }
                mtu = parent.mtu() - VXLAN_OVERHEAD;
            }
            Link link = newLink(spec.name(), "vxlan", mtu);
            if (spec.mac().isPresent()) {
                link = new Link(link.name(), link.index(), link.kind(), link.mtu(), spec.mac().get(), false);
            }
            here.links.put(spec.name(), link);
            kernel.record(ns, "link add", spec);
        }
    }

    /** An {@code ipip} link, MTU 1480 (1500 less the 20-byte outer header) and no MAC, as the kernel makes it. */
    @Override
    public void createIpip(NetNs ns, String name) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            requireFree(here, name);
            Link link = newLink(name, "ipip", DEFAULT_MTU - IPIP_OVERHEAD);
            here.links.put(name, new Link(link.name(), link.index(), link.kind(), link.mtu(), "", false));
            kernel.record(ns, "link add", name + " type ipip");
        }
    }

    @Override
    public void setUp(NetNs ns, String name) {
        update(ns, name, "link set up", l -> new Link(l.name(), l.index(), l.kind(), l.mtu(), l.mac(), true));
    }

    @Override
    public void setDown(NetNs ns, String name) {
        update(ns, name, "link set down", l -> new Link(l.name(), l.index(), l.kind(), l.mtu(), l.mac(), false));
    }

    @Override
    public void setMtu(NetNs ns, String name, int mtu) {
        if (mtu < 68) {
            throw new IllegalArgumentException("MTU " + mtu + " for " + name + " is below the IPv4 minimum of 68");
        }
        update(ns, name, "link set mtu", l -> new Link(l.name(), l.index(), l.kind(), mtu, l.mac(), l.up()));
    }

    @Override
    public void setMac(NetNs ns, String name, String mac) {
        String checked = LinkNames.checkMac(mac);
        update(ns, name, "link set address", l -> new Link(l.name(), l.index(), l.kind(), l.mtu(), checked, l.up()));
    }

    @Override
    public void rename(NetNs ns, String name, String newName) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            Link link = existing(here, name);
            requireFree(here, newName);
            here.links.remove(name);
            here.links.put(newName, new Link(newName, link.index(), link.kind(), link.mtu(), link.mac(), link.up()));
            FakeNamespace.Peer peer = here.peers.remove(name);
            if (peer != null) {
                here.peers.put(newName, peer);
                kernel.namespace(peer.ns()).peers.put(peer.name(), new FakeNamespace.Peer(ns, newName));
            }
            kernel.record(ns, "link set name", name + " -> " + newName);
        }
    }

    @Override
    public void delete(NetNs ns, String name) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            existing(here, name);
            FakeNamespace.Peer peer = here.peers.get(name);
            here.forgetDevice(name);
            if (peer != null) {
                kernel.namespace(peer.ns()).forgetDevice(peer.name());
            }
            kernel.record(ns, "link del", name);
        }
    }

    private void update(NetNs ns, String name, String operation, java.util.function.UnaryOperator<Link> change) {
        synchronized (kernel) {
            FakeNamespace here = kernel.namespace(ns);
            Link updated = change.apply(existing(here, name));
            here.links.put(name, updated);
            kernel.record(ns, operation, updated);
        }
    }

    private Link newLink(String name, String kind, int mtu) {
        int index = kernel.nextIndex();
        String mac = String.format(Locale.ROOT, "02:00:00:%02x:%02x:%02x", (index >> 16) & 0xff, (index >> 8) & 0xff, index & 0xff);
        return new Link(LinkNames.check(name), index, kind, mtu, mac, false);
    }

    private static Link existing(FakeNamespace ns, String name) {
        Link link = ns.links.get(LinkNames.check(name));
        if (link == null) {
            throw FakeKernel.fail("link", "Cannot find device \"" + name + "\"");
        }
        return link;
    }

    private static void requireFree(FakeNamespace ns, String name) {
        if (ns.hasLink(LinkNames.check(name))) {
            throw FakeKernel.fail("link add", "RTNETLINK answers: File exists");
        }
    }
}
