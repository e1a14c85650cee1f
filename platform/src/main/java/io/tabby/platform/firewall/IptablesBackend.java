package io.tabby.platform.firewall;

import io.tabby.platform.net.IpFamily;

/** Which iptables implementation to drive; each keeps its own ruleset in the kernel. */
public enum IptablesBackend {
    /** {@code iptables-nft}: rules in nf_tables (Debian's default). */
    NFT("nft"),
    /** {@code iptables-legacy}: the x_tables ruleset. */
    LEGACY("legacy");

    private final String suffix;

    IptablesBackend(String suffix) {
        this.suffix = suffix;
    }

    /** The program for {@code family} and {@code tool} ({@code save}/{@code restore}), e.g. {@code ip6tables-legacy-save}. */
    public String program(IpFamily family, String tool) {
        String base = family == IpFamily.V4 ? "iptables" : "ip6tables";
        return base + "-" + suffix + "-" + tool;
    }
}
