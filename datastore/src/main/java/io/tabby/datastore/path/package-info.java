/**
 * Typed keys of the {@code /calico} etcd layout and their paths.
 *
 * <p>{@link io.tabby.datastore.path.Key} is a sealed family with one record per kind of key
 * (pool, block, affinity, workload endpoint, BGP peer, Felix config, ...); its type
 * parameter is the value stored there. {@link io.tabby.datastore.path.KeyPaths} prints a key
 * as its path and parses a path back, refusing anything malformed with a
 * {@link io.tabby.datastore.path.MalformedKeyException} that names the path, the problem and
 * the expected shape. It also hands out the directory prefixes (all pools of a family, all of
 * a node's affinities, ...) that listers and watchers use.
 *
 * <p>The layout is Calico's v1 one, byte for byte: CIDRs in key segments replace their first
 * {@code /} with {@code -}; free-text names (orchestrator, workload, endpoint, profile,
 * policy, handle id) escape {@code %} as {@code %25} and then {@code /} as {@code %2f}; node,
 * config, tier and resource names are stored as they are and so may not contain {@code /}.
 */
package io.tabby.datastore.path;
