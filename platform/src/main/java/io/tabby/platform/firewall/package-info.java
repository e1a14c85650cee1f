/**
 * Thin, batched access to the host firewall: iptables rulesets and ipsets.
 *
 * <p>{@link io.tabby.platform.firewall.IptablesOps} reads one table with {@code iptables-save}
 * and writes with one {@code iptables-restore --noflush} per batch (Felix's model: declare each
 * Tabby chain with {@code :cali-xyz - [0:0]}, which creates or flushes it, then append its rules
 * and {@code COMMIT}). The backend (nft or legacy) is chosen explicitly, never guessed, because
 * the two keep separate rulesets in the kernel. {@link io.tabby.platform.firewall.IptablesSave}
 * parses save output into chains and rules so a caller can find its own {@code cali-} chains.
 *
 * <p>{@link io.tabby.platform.firewall.IpsetOps} feeds {@code ipset restore} and reads back set
 * names and members. Both are namespace-scoped like {@code io.tabby.platform.net}; their fakes
 * live in {@code io.tabby.platform.testing.FakeKernel}.
 */
package io.tabby.platform.firewall;
