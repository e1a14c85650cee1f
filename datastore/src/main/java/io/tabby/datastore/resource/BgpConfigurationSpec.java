package io.tabby.datastore.resource;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The v3 {@code BGPConfiguration} spec. Unset fields fall back to Calico's defaults when read by
 * the BGP agent: AS 64512, mesh enabled, log level {@code Info}.
 *
 * @param logSeverityScreen BIRD's log level: Debug, Info, Warning, Error or Fatal; empty if unset
 * @param nodeToNodeMeshEnabled full node-to-node BGP mesh
 * @param asNumber the cluster's default AS
 * @param serviceClusterIPs CIDRs of service cluster IPs to advertise
 * @param serviceExternalIPs CIDRs of service external IPs to advertise
 * @param listenPort BGP listen port; 0 when unset (179)
 * @param communities named community values
 * @param prefixAdvertisements communities to attach per prefix
 */
public record BgpConfigurationSpec(
        String logSeverityScreen,
        Optional<Boolean> nodeToNodeMeshEnabled,
        Optional<AsNumber> asNumber,
        List<String> serviceClusterIPs,
        List<String> serviceExternalIPs,
        int listenPort,
        List<Community> communities,
        List<PrefixAdvertisement> prefixAdvertisements) {

    public BgpConfigurationSpec {
        requireNonNull(logSeverityScreen, "logSeverityScreen is null");
        requireNonNull(nodeToNodeMeshEnabled, "nodeToNodeMeshEnabled is null");
        requireNonNull(asNumber, "asNumber is null");
        serviceClusterIPs = List.copyOf(requireNonNull(serviceClusterIPs, "serviceClusterIPs is null"));
        serviceExternalIPs = List.copyOf(requireNonNull(serviceExternalIPs, "serviceExternalIPs is null"));
        communities = List.copyOf(requireNonNull(communities, "communities is null"));
        prefixAdvertisements = List.copyOf(requireNonNull(prefixAdvertisements, "prefixAdvertisements is null"));
    }

    /** A spec with nothing set. */
    public static BgpConfigurationSpec empty() {
        return new BgpConfigurationSpec("", Optional.empty(), Optional.empty(), List.of(), List.of(), 0,
                List.of(), List.of());
    }

    /** A named BGP community: {@code aa:nn} (standard) or {@code aa:nn:mm} (large). */
    public record Community(String name, String value) {
        public Community {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Communities (values, or names from {@code communities}) to attach to routes in {@code cidr}. */
    public record PrefixAdvertisement(String cidr, List<String> communities) {
        public PrefixAdvertisement {
            requireNonNull(cidr, "cidr is null");
            communities = List.copyOf(requireNonNull(communities, "communities is null"));
        }
    }
}
