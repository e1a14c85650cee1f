package io.tabby.platform.testing;

import io.tabby.platform.net.Address;
import io.tabby.platform.net.FdbEntry;
import io.tabby.platform.net.Link;
import io.tabby.platform.net.NetNs;
import io.tabby.platform.net.Neighbour;
import io.tabby.platform.net.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The mutable state of one fake namespace; only touched while holding the {@link FakeKernel}'s lock. */
final class FakeNamespace {

    /** Where the other end of a veth lives. */
    record Peer(NetNs ns, String name) {
    }

    final Map<String, Link> links = new LinkedHashMap<>();
    final Map<String, Peer> peers = new HashMap<>();
    final List<Address> addresses = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<Neighbour> neighbours = new ArrayList<>();
    final List<FdbEntry> fdb = new ArrayList<>();
    final Map<String, String> sysctls = new HashMap<>();
    /** Keyed by {@code backend/family/table}. */
    final Map<String, FakeIptablesTable> iptables = new HashMap<>();
    final Map<String, FakeIpset> ipsets = new LinkedHashMap<>();

    /** Removes everything that belonged to a deleted interface, as the kernel does. */
    void forgetDevice(String name) {
        links.remove(name);
        peers.remove(name);
        addresses.removeIf(a -> a.device().equals(name));
        routes.removeIf(r -> r.device().map(name::equals).orElse(false));
        neighbours.removeIf(n -> n.device().equals(name));
        fdb.removeIf(f -> f.device().equals(name));
        sysctls.keySet().removeIf(key -> key.contains("." + name + ".") || key.contains("/" + name + "/"));
    }

    /** Whether a device of that name exists here. */
    boolean hasLink(String name) {
        return links.containsKey(name);
    }
}
