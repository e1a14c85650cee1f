/**
 * The etcd write ceiling, measured side by side: compare-and-swap puts issued straight through
 * jetcd (the anchor: the raw client, no Tabby code) and the same puts through Tabby's
 * {@link io.tabby.datastore.backend.Backend}, for 1, 4 and 16 concurrent writers, in one run
 * against one etcd. The IPAM benchmarks measure themselves against this ceiling.
 *
 * <p>Each writer owns one key and loops {@code If(mod_revision == last) Then(put)}, taking the
 * new revision from the reply, so every transaction is a real CAS that succeeds. Rounds of the
 * two sides alternate so drift in the machine's load falls on both.
 */
package io.tabby.bench.etcd;
