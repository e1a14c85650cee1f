/**
 * Reading and writing resources over a {@link io.tabby.datastore.backend.Backend}.
 * {@link io.tabby.datastore.resource.store.SnapshotReader} reads a kind's prefixes at one etcd
 * revision and decodes the keys the kind needs; {@link io.tabby.datastore.resource.store.WritePlanner}
 * checks a write's preconditions against such a snapshot and turns it into one transaction whose
 * every op is conditioned on what was read (create only if absent, update and delete only at the
 * mod revision read), so a concurrent change makes the transaction fail instead of being overwritten.
 */
package io.tabby.datastore.resource.store;
