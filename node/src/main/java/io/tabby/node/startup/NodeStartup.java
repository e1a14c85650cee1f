package io.tabby.node.startup;

import static java.util.Objects.requireNonNull;

import io.tabby.datastore.path.NodeBgpField;
import io.tabby.platform.net.IpFamily;
import io.tabby.platform.net.IpPrefix;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The start-up sequence, in calico/node's order: choose the addresses, write the node keys,
 * ensure the global BGP defaults and the default pools, set Ready, allocate the tunnel addresses
 * and expand the selector-based BGP peers for this node.
 */
public final class NodeStartup {
    private static final Logger LOG = LogManager.getLogger(NodeStartup.class);
    private final String node;
    private final StartupSettings settings;
    private final AddressDetector detector;
    private final NodeRegistration registration;
    private final ClusterDefaults cluster;
    private final DefaultPools pools;
    private final TunnelAddresses tunnels;
    private final PeerExpansion peers;

    public NodeStartup(String node, StartupSettings settings, AddressDetector detector, NodeRegistration registration,
            ClusterDefaults cluster, DefaultPools pools, TunnelAddresses tunnels, PeerExpansion peers) {
        this.node = requireNonNull(node, "node is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.detector = requireNonNull(detector, "detector is null");
        this.registration = requireNonNull(registration, "registration is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.pools = requireNonNull(pools, "pools is null");
        this.tunnels = requireNonNull(tunnels, "tunnels is null");
        this.peers = requireNonNull(peers, "peers is null");
    }

    /**
     * Runs start-up once.
     *
     * @throws StartupException when it cannot complete (no IPv4 address, an address conflict)
     */
    public void run() {
        Optional<NodeAddress> v4 = choose(IpFamily.V4, settings.ipv4(), settings.ipv4Method(), NodeBgpField.IP_ADDR_V4,
                NodeBgpField.NETWORK_V4);
        Optional<NodeAddress> v6 = choose(IpFamily.V6, settings.ipv6(), settings.ipv6Method(), NodeBgpField.IP_ADDR_V6,
                NodeBgpField.NETWORK_V6);
        if (v4.isEmpty() && v6.isEmpty()) {
            throw new StartupException("node " + node + " has no IPv4 or IPv6 address: autodetection found none. "
                    + "Set IP (e.g. IP=10.0.2.15/24) or IP_AUTODETECTION_METHOD (e.g. interface=eth0)");
        }
        registration.register(node, v4, v6, settings.asNumber());
        cluster.ensureGlobalBgp();
        pools.ensure(settings.pools(), v6.isPresent());
        cluster.markReady();
        tunnels.reconcile();
        peers.reconcile();
        LOG.info("node {} start-up complete", node);
    }

    private Optional<NodeAddress> choose(IpFamily family, AddressSetting setting, AutodetectionMethod method,
            NodeBgpField addressField, NodeBgpField networkField) {
        return switch (setting) {
            case AddressSetting.None n -> {
                LOG.info("{} is none: node {} has no {} address", family == IpFamily.V4 ? "IP" : "IP6", node,
                        Families.label(family));
                yield Optional.empty();
            }
            case AddressSetting.Given g -> Optional.of(detector.given(g));
            case AddressSetting.Autodetect a -> detectOrFail(family, method);
            case AddressSetting.Unset u -> {
                Optional<String> stored = registration.storedAddress(node, addressField);
                if (stored.isPresent()) {
                    int length = registration.storedAddress(node, networkField)
                            .filter(network -> network.matches(".*/\\d{1,3}"))
                            .map(network -> Integer.parseInt(network.substring(network.indexOf('/') + 1)))
                            .filter(n -> n <= family.bits()).orElse(family.bits());
                    LOG.info("keeping node {}'s stored {} address {}/{} ({} is not set)", node, Families.label(family),
                            stored.get(), length, family == IpFamily.V4 ? "IP" : "IP6");
                    yield Optional.of(new NodeAddress(new IpPrefix(IpPrefix.parseAddress(stored.get()), length), "",
                            "kept from the datastore"));
                }
                yield family == IpFamily.V4 ? detectOrFail(family, method) : Optional.empty();
            }
        };
    }

    private Optional<NodeAddress> detectOrFail(IpFamily family, AutodetectionMethod method) {
        Optional<NodeAddress> found = detector.autodetect(family, method);
        if (found.isEmpty()) {
            String variable = family == IpFamily.V4 ? "IP" : "IP6";
            throw new StartupException("node " + node + ": no " + Families.label(family) + " address could be "
                    + "autodetected. Set " + variable + " to the node's address, or " + variable
                    + "_AUTODETECTION_METHOD (first-found, interface=<regex>, skip-interface=<regex>, "
                    + "can-reach=<ip>, cidr=<cidr>)" + (family == IpFamily.V6 ? ", or IP6=none" : ""));
        }
        return found;
    }
}
