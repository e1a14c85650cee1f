/**
 * confd's in-memory key/value store (memkv), Tabby-style: a {@link io.tabby.confd.store.KeyValueStore}
 * that the syncer feeds on the processor's thread, and immutable {@link io.tabby.confd.store.KvView}
 * snapshots cut from it for one render of one template resource.
 *
 * <p>A view holds the keys under a resource's {@code prefix + key} paths with the resource prefix
 * stripped, as confd hands them to templates ({@code /calico/bgp/v1/host/n1/ip_addr_v4} is
 * {@code /host/n1/ip_addr_v4} when the prefix is {@code /calico/bgp/v1}). Its lookups follow memkv's
 * semantics exactly (glob with {@code path.Match}, {@code ls} of immediate children, {@code lsdir}
 * of sub-directories), except that nothing here fails on a missing key: etcd v3 has no directories,
 * so an absent key or prefix reads as absent or empty. Paths follow Go's {@code path} package
 * ({@link io.tabby.confd.store.SlashPath}).
 */
package io.tabby.confd.store;
