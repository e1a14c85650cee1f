package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.platform.net.AddrOps;
import io.tabby.platform.net.Address;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import io.tabby.platform.net.NetNs;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Finds the node's address of one family as calico/node does: checks a given one against the
 * local interfaces, or autodetects one with an {@link AutodetectionMethod}, and says why.
 */
public final class AddressDetector {
    private static final Logger LOG = LogManager.getLogger(AddressDetector.class);
    private final AddrOps addrs;
    private final RouteSourceLookup routes;
    private final NetNs ns;

    public AddressDetector(AddrOps addrs, RouteSourceLookup routes, NetNs ns) {
        this.addrs = requireNonNull(addrs, "addrs is null");
        this.routes = requireNonNull(routes, "routes is null");
        this.ns = requireNonNull(ns, "ns is null");
    }

    /**
     * Checks a given address: with no prefix length the interface's is used; an address on no
     * local interface is warned about (as calico/node does) and used as given.
     */
    public NodeAddress given(AddressSetting.Given given) {
        IpFamily family = given.address().family();
        Optional<Address> local = candidates(family).stream()
                .filter(a -> a.prefix().address().equals(given.address().address())).findFirst();
        if (local.isEmpty()) {
            LOG.warn("{} address {} is not on any interface of this host; using it as given. Check the IP/IP6 "
                    + "setting if this node should be reachable at it", Families.label(family), given.address());
            return new NodeAddress(given.address(), "", "given, not found on a local interface");
        }
        IpPrefix prefix = given.hasPrefix() ? given.address() : local.get().prefix();
        LOG.info("using the given {} address {} (found on {})", Families.label(family), prefix, local.get().device());
        return new NodeAddress(prefix, local.get().device(), "given, found on " + local.get().device());
    }

    /** Autodetects an address; empty (with the reason logged) when nothing fits. */
    public Optional<NodeAddress> autodetect(IpFamily family, AutodetectionMethod method) {
        List<Address> all = candidates(family);
        Optional<NodeAddress> found = switch (method) {
            case AutodetectionMethod.FirstFound f -> first(all, a -> !ExcludedInterfaces.excluded(a.device()),
                    "first-found on %s");
            case AutodetectionMethod.InterfaceMatch m -> first(all,
                    a -> m.pattern().matcher(a.device()).matches(), "interface=" + m.pattern() + " matched %s");
            case AutodetectionMethod.SkipInterface s -> first(all,
                    a -> !ExcludedInterfaces.excluded(a.device()) && !s.pattern().matcher(a.device()).matches(),
                    "skip-interface=" + s.pattern() + ": first-found on %s");
            case AutodetectionMethod.CidrMatch c -> first(all,
                    a -> c.cidrs().stream().anyMatch(cidr -> contains(cidr, a.prefix().address())),
                    "cidr=" + c.cidrs() + " matched on %s");
            case AutodetectionMethod.CanReach r -> canReach(all, family, r.destination());
        };
        if (found.isEmpty()) {
            LOG.warn("no {} address found by {} among {} candidate address(es) (link-local and loopback skipped)",
                    Families.label(family), describe(method), all.size());
        } else {
            LOG.info("using autodetected {} address {} ({})", Families.label(family), found.get().address(),
                    found.get().reason());
        }
        return found;
    }

    private Optional<NodeAddress> first(List<Address> all, Predicate<Address> accept, String why) {
        return all.stream().filter(accept).findFirst()
                .map(a -> new NodeAddress(a.prefix(), a.device(), why.formatted(a.device())));
    }

    private Optional<NodeAddress> canReach(List<Address> all, IpFamily family, String destination) {
        Optional<InetAddress> target = resolve(destination, family);
        if (target.isEmpty()) {
            LOG.warn("can-reach={}: no {} address for that destination", destination, Families.label(family));
            return Optional.empty();
        }
        Optional<InetAddress> source = routes.sourceFor(ns, target.get());
        if (source.isEmpty()) {
            LOG.warn("can-reach={}: the kernel has no route with a source address to {}", destination,
                    IpPrefix.format(target.get()));
            return Optional.empty();
        }
        String dst = IpPrefix.format(target.get());
        return all.stream().filter(a -> a.prefix().address().equals(source.get())).findFirst()
                .map(a -> new NodeAddress(a.prefix(), a.device(),
                        "can-reach=" + destination + ": the route to " + dst + " leaves from " + a.device()));
    }

    private static Optional<InetAddress> resolve(String destination, IpFamily family) {
        try {
            return Arrays.stream(InetAddress.getAllByName(destination))
                    .filter(a -> IpPrefix.familyOf(a) == family).findFirst();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Addresses of the family, without link-local and loopback ones (never a node address). */
    private List<Address> candidates(IpFamily family) {
        return addrs.list(ns, family).stream()
                .filter(a -> !a.prefix().address().isLinkLocalAddress() && !a.prefix().address().isLoopbackAddress())
                .toList();
    }

    static boolean contains(IpPrefix cidr, InetAddress address) {
        return IpPrefix.familyOf(address) == cidr.family()
                && new IpPrefix(address, cidr.length()).network().equals(cidr.network());
    }

    private static String describe(AutodetectionMethod method) {
        return switch (method) {
            case AutodetectionMethod.FirstFound f -> "first-found";
            case AutodetectionMethod.InterfaceMatch m -> "interface=" + m.pattern();
            case AutodetectionMethod.SkipInterface s -> "skip-interface=" + s.pattern();
            case AutodetectionMethod.CidrMatch c -> "cidr=" + c.cidrs();
            case AutodetectionMethod.CanReach r -> "can-reach=" + r.destination();
        };
    }
}
