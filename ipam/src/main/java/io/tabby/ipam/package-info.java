/**
 * Tabby's IPAM API, Calico's IPAM over the {@code /calico/ipam/v2} keys: auto-assign addresses
 * for a handle on a node from per-node blocks, assign a chosen address, release by handle or by
 * address, and list a handle's addresses. {@link io.tabby.ipam.Ipam} is the contract;
 * {@link io.tabby.ipam.impl.DatastoreIpam} implements it with compare-and-swap transactions
 * only. Every failure a caller can act on is an {@link io.tabby.ipam.IpamException} subclass.
 */
package io.tabby.ipam;
