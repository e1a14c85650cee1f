/**
 * The BGP benchmarks of issue 5, each beside its anchor in the same run.
 *
 * <p>{@link io.tabby.bench.bgp.ThroughputBench}: a feeder built on Tabby's wire codec sends a
 * Calico-like table ({@link io.tabby.bench.bgp.PrefixPlan}: distinct IPv4 /26–/32, a handful of
 * attribute sets) to a device under test (Tabby's speaker in its own JVM, BIRD 1.6, BIRD 2, GoBGP),
 * which re-advertises it to a counting receiver; it reports the time from the first UPDATE to the
 * receiver holding every prefix and the device's resident memory. Each device runs in its own pair
 * of network namespaces named {@code bgpb-*}, removed again even on failure.
 * {@link io.tabby.bench.bgp.MeshBench}: N in-process Tabby speakers in one namespace, full iBGP
 * mesh, each originating one /26; time until every speaker has every route.
 *
 * <p>Benchmarks are not tests: they print tables and never fail on a number. The pure parts
 * (prefix generation, the primitive prefix set, the feed encoder) have unit tests.
 */
package io.tabby.bench.bgp;
