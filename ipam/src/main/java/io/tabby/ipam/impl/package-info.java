/**
 * {@link io.tabby.ipam.impl.DatastoreIpam}, Calico's IPAM algorithm over a
 * {@link io.tabby.datastore.backend.Backend}: affine blocks first, then a new block claimed with
 * Calico v3's pending-then-confirmed affinity, then borrowing unless affinity is strict. Every
 * write compares the mod revision it read, a block and its handle change in one transaction, and
 * every compare-and-swap loop is bounded ({@link io.tabby.ipam.impl.CasRetry}). Never locks.
 */
package io.tabby.ipam.impl;
