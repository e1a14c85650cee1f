package io.tabby.felix.rules;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The host endpoint parts of the filter table that do not depend on policy: the dispatch chains
 * {@code cali-from-host-endpoint} ({@code -i <iface> -g cali-fh-<iface>}) and
 * {@code cali-to-host-endpoint} ({@code -o <iface> -g cali-th-<iface>}), which, unlike the workload
 * dispatch chains, simply return for any other interface (a host interface without an endpoint is
 * not policed), and the failsafe chains {@code cali-failsafe-in} / {@code cali-failsafe-out} that
 * accept the configured ports by destination port.
 */
final class HostEndpointChains {
    private final RulesConfig config;

    HostEndpointChains(RulesConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** From-host-endpoint dispatch first, then to-host-endpoint, for these interfaces (sorted, distinct). */
    List<Chain> dispatch(List<String> sortedIfaces) {
        List<RuleSpec> from = new ArrayList<>();
        List<RuleSpec> to = new ArrayList<>();
        for (String iface : sortedIfaces) {
            from.add(RuleSpec.of("-i " + iface, "-g " + ChainNames.fromHostEndpoint(iface)));
            to.add(RuleSpec.of("-o " + iface, "-g " + ChainNames.toHostEndpoint(iface)));
        }
        return List.of(new Chain(ChainNames.FROM_HOST_ENDPOINT, from), new Chain(ChainNames.TO_HOST_ENDPOINT, to));
    }

    /** {@code cali-failsafe-in} and {@code cali-failsafe-out}. */
    List<Chain> failsafe() {
        return List.of(new Chain(ChainNames.FAILSAFE_IN, accept(config.failsafeInbound())),
                new Chain(ChainNames.FAILSAFE_OUT, accept(config.failsafeOutbound())));
    }

    private static List<RuleSpec> accept(List<FailsafePort> ports) {
        return ports.stream().map(p -> RuleSpec.of("-p " + p.protocol() + " -m multiport --destination-ports "
                + p.port(), "-j ACCEPT")).toList();
    }
}
