/**
 * The values stored under {@code /calico}: one immutable record per JSON document of the
 * v1 layout (pools, endpoints, profiles, policies, BGP peers, IPAM blocks, affinities,
 * handles, node metadata, Felix status) and the value types they are built from
 * ({@link io.tabby.datastore.model.IpFamily}, {@link io.tabby.datastore.model.IpAddr},
 * {@link io.tabby.datastore.model.Cidr}).
 *
 * <p>The records mirror what Calico writes, field for field, so that a read-modify-write
 * through Tabby gives back the bytes Calico would have written. Two rules make that
 * possible. A component documented as "null when absent" tracks whether an optional,
 * version-dependent field was in the document at all (Calico v1.7 writes {@code ipip_mode},
 * v1.0 does not), so it is written back only when it was read or set. And every record
 * carries {@link io.tabby.datastore.model.UnknownFields}: fields another writer added that
 * Tabby does not model, kept verbatim and written back after the known ones.
 *
 * <p>This package holds data only; JSON text lives in {@code io.tabby.datastore.codec} and
 * key paths in {@code io.tabby.datastore.path}.
 */
package io.tabby.datastore.model;
