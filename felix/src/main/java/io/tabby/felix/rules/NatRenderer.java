package io.tabby.felix.rules;

import io.tabby.datastore.model.IpFamily;
import io.tabby.datastore.model.IpPool;
import io.tabby.felix.api.IpSetIds;
import java.util.Collection;
import java.util.List;

/**
 * The nat table: {@code cali-POSTROUTING} jumps to {@code cali-nat-outgoing}, which masquerades
 * traffic from a masquerading pool to anywhere outside all pools (empty when no pool masquerades).
 */
public final class NatRenderer {
    /** The nat table's chains and hooks for {@code pools}. */
    public TableRules render(Collection<IpPool> pools) {
        boolean masquerade = pools.stream().anyMatch(p -> p.masquerade() && p.cidr().family() == IpFamily.V4);
        List<RuleSpec> outgoing = masquerade
                ? List.of(RuleSpec.of("-m set --match-set " + IpSetIds.v4Name(IpSetIds.MASQ_POOLS) + " src"
                        + " -m set ! --match-set " + IpSetIds.v4Name(IpSetIds.ALL_POOLS) + " dst", "-j MASQUERADE"))
                : List.of();
        return new TableRules(
                List.of(new Chain(ChainNames.POSTROUTING, List.of(RuleSpec.of("", "-j " + ChainNames.NAT_OUTGOING))),
                        new Chain(ChainNames.NAT_OUTGOING, outgoing)),
                List.of(new Chain("POSTROUTING", List.of(RuleSpec.of("", "-j " + ChainNames.POSTROUTING)))));
    }
}
