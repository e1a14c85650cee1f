/**
 * Route propagation and node-agent memory in a simulated cluster ({@code scripts/bench cluster},
 * root only). One ORIGIN node runs the real Tabby processes from {@code build/bin} in its own
 * namespace ({@link io.tabby.bench.cluster.OriginNode}); N-1 simulated nodes are Tabby BGP
 * speakers in this JVM, which runs in namespace {@code cb-sim}: each registers its node keys in
 * etcd, as tabby-node does, so that the origin's confd renders one {@code Mesh_} peer per
 * simulated node, and each peers iBGP with the origin and reports when a prefix reaches its RIB
 * ({@link io.tabby.bench.cluster.ArrivalTracker}). Every pod ADD on the origin, through the real
 * CNI plugin, draws its address from a pool no pod used before, so it claims a new /26 block that
 * confd renders as a static route and the origin's BGP daemon advertises; the clock runs from the
 * start of the ADD until every simulated node has that block. The same pipeline runs with BIRD 1.6
 * as the origin's BGP daemon as the anchor. At the largest N the origin is then loaded with
 * workload endpoints and policies (the felix benchmark's {@code ScaleScenario}) and one hundred BGP
 * peers, and the resident memory of each of its processes is read from {@code /proc}.
 *
 * <p>Namespaces ({@code cb-*}), etcd and the pod namespaces are made by
 * {@code scripts/lib/bench-cluster.sh} before this JVM starts, in the host's mount namespace, so
 * that every process sees every pod namespace; {@link io.tabby.bench.cluster.ClusterPlan} holds
 * the naming both sides share.
 */
package io.tabby.bench.cluster;
