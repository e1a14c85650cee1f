/**
 * Tabby's IPAM API, Calico's IPAM over the {@code /calico/ipam/v2} keys: auto-assign addresses
 * for a handle on a node from per-node blocks, assign a chosen address, release by handle or by
 * address, and read handles with their addresses ({@link io.tabby.ipam.Ipam#handles}, by id
 * prefix) so callers never reach into {@code ipam.impl}. {@link io.tabby.ipam.Ipam} is the contract;
 * {@link io.tabby.ipam.impl.DatastoreIpam} implements it with compare-and-swap transactions
 * only. Every failure a caller can act on is an {@link io.tabby.ipam.IpamException} subclass.
 */
package io.tabby.ipam;
