package io.tabby.cni.result;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A version-neutral CNI result; {@link ResultWriter} renders it per {@code cniVersion}. */
public record CniResult(List<CniInterface> interfaces, List<IpConfig> ips, List<Route> routes, Dns dns) {
    public CniResult {
        interfaces = List.copyOf(requireNonNull(interfaces, "interfaces is null"));
        ips = List.copyOf(requireNonNull(ips, "ips is null"));
        routes = List.copyOf(requireNonNull(routes, "routes is null"));
        requireNonNull(dns, "dns is null");
        for (IpConfig ip : ips) {
            if (ip.interfaceIndex().isPresent() && ip.interfaceIndex().getAsInt() >= interfaces.size()) {
                throw new IllegalArgumentException("ip " + ip.address() + " points at interface "
                        + ip.interfaceIndex().getAsInt() + " but the result has " + interfaces.size());
            }
        }
    }
}
