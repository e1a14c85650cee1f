package io.tabby.felix.rules;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.felix.api.IpSetIds;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The nat table: {@code cali-POSTROUTING} jumps to {@code cali-nat-outgoing}, which masquerades
 * traffic from a masquerading pool to anywhere outside all pools (empty when no pool masquerades).
 * With an IPIP tunnel address, {@code cali-POSTROUTING} also masquerades packets leaving
 * {@code tunl0} from a host address other than the tunnel's (a socket bound to the wrong address,
 * or a NATed service address), as Calico does, so the far end can answer through the tunnel.
 */
public final class NatRenderer {
    /** The nat table's chains and hooks for {@code pools}, without IPIP. */
    public TableRules render(Collection<IpPool> pools) {
        return render(pools, false);
    }

    /**
     * The nat table's chains and hooks.
     *
     * @param ipipTunnelAddress whether this node's {@code tunl0} has a tunnel address
     */
    public TableRules render(Collection<IpPool> pools, boolean ipipTunnelAddress) {
        boolean masquerade = pools.stream().anyMatch(p -> p.masquerade() && p.cidr().family() == IpFamily.V4);
        List<RuleSpec> outgoing = masquerade
                ? List.of(RuleSpec.of("-m set --match-set " + IpSetIds.v4Name(IpSetIds.MASQ_POOLS) + " src"
                        + " -m set ! --match-set " + IpSetIds.v4Name(IpSetIds.ALL_POOLS) + " dst", "-j MASQUERADE"))
                : List.of();
        List<RuleSpec> postrouting = new ArrayList<>(List.of(RuleSpec.of("", "-j " + ChainNames.NAT_OUTGOING)));
        if (ipipTunnelAddress) {
            // Local sources other than the tunnel's own: "! LOCAL on the output interface" but LOCAL on the host.
            postrouting.add(RuleSpec.of("-o tunl0 -m addrtype ! --src-type LOCAL --limit-iface-out"
                    + " -m addrtype --src-type LOCAL", "-j MASQUERADE"));
        }
        return new TableRules(
                List.of(new Chain(ChainNames.POSTROUTING, postrouting), new Chain(ChainNames.NAT_OUTGOING, outgoing)),
                List.of(new Chain("POSTROUTING", List.of(RuleSpec.of("", "-j " + ChainNames.POSTROUTING)))));
    }
}
