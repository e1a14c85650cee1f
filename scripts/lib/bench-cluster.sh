#!/usr/bin/env bash
# The cluster benchmark's plumbing (scripts/bench cluster, root only): an underlay bridge in
# cb-underlay, etcd in cb-etcd, one origin namespace per scenario (cb-o<s>, for each N first Tabby
# then BIRD 1.6 as the origin's BGP daemon), every pod namespace (cb-p<s>-<k>) and cb-sim with an
# address per simulated node, all made here in the host's mount namespace so that every process
# sees every pod namespace; then io.tabby.bench.cluster.ClusterBench runs inside cb-sim. On exit,
# normal or not, every process left in a cb-* namespace is killed and the namespaces are deleted.
# The names and addresses are io.tabby.bench.cluster.ClusterPlan's.
#
#   bash scripts/lib/bench-cluster.sh TOP WORK_DIR JAVA CLASSPATH
#   env: CLUSTER_NODES ("10 50 100"), CLUSTER_ADDS (30), CLUSTER_WARMUPS (2), CLUSTER_ENDPOINTS (10000),
#        CLUSTER_POLICIES (1000), CLUSTER_PEERS (100), CLUSTER_MEMORY_TIMEOUT (300 s),
#        CLUSTER_JAVA_OPTS (extra JVM flags for the origin's Tabby processes, e.g. "-Xmx128m"; none)
#        CLUSTER_SETTLE (60 s: memory is taken when felix has programmed every chain, and this long after)
set -euo pipefail
top=$1 work=$2 java=$3 classpath=$4
nodes=${CLUSTER_NODES:-10 50 100}
adds=${CLUSTER_ADDS:-30}
warmups=${CLUSTER_WARMUPS:-2}
endpoints=${CLUSTER_ENDPOINTS:-10000}
policies=${CLUSTER_POLICIES:-1000}
peers=${CLUSTER_PEERS:-100}
memory_timeout=${CLUSTER_MEMORY_TIMEOUT:-300}
etcd_ip=10.98.0.250
etcd_pid=

cluster_cleanup() {
  local ns pid
  if [ -n "$etcd_pid" ]; then
    # etcd exits 143 on SIGTERM: expected here
    kill "$etcd_pid" 2>/dev/null && wait "$etcd_pid" 2>/dev/null || true
  fi
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^cb-' || true); do
    for pid in $(ip netns pids "$ns" 2>/dev/null || true); do kill -9 "$pid" 2>/dev/null || true; done
  done
  for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^cb-' || true); do
    ip netns del "$ns" 2>/dev/null || echo "tabby: could not delete namespace $ns" >&2
  done
}
trap cluster_cleanup EXIT
cluster_cleanup # a run that was killed outright leaves its namespaces behind

attach() { # NS PORT ADDRESS
  ip netns add "$1"
  ip -n "$1" link set lo up
  ip -n cb-underlay link add "$2" type veth peer name eth0 netns "$1"
  ip -n cb-underlay link set "$2" master cb-br0 up
  ip -n "$1" addr add "$3/16" dev eth0
  ip -n "$1" link set eth0 up
}

max_n=0
scenarios=0
for n in $nodes; do
  [ "$n" -gt "$max_n" ] && max_n=$n
  scenarios=$((scenarios + 2))
done
sims=$((max_n - 1))
[ "$peers" -gt "$sims" ] && sims=$peers

ip netns add cb-underlay
ip -n cb-underlay link set lo up
ip -n cb-underlay link add cb-br0 type bridge
ip -n cb-underlay link set cb-br0 up
attach cb-etcd cb-u-etcd "$etcd_ip"
attach cb-sim cb-u-sim 10.98.1.1
for i in $(seq 2 "$sims"); do echo "addr add 10.98.1.$i/16 dev eth0"; done | ip -n cb-sim -batch -
for s in $(seq "$scenarios"); do
  attach "cb-o$s" "cb-u-o$s" "10.98.0.$((10 + s))"
  ip netns exec "cb-o$s" sysctl -qw net.ipv4.ip_forward=1
  for k in $(seq 0 $((warmups + adds - 1))); do
    ip netns add "cb-p$s-$k"
    ip -n "cb-p$s-$k" link set lo up
  done
done

etcd_url="http://$etcd_ip:2379"
ip netns exec cb-etcd etcd --name cb --data-dir "$work/etcd" \
  --listen-client-urls "$etcd_url" --advertise-client-urls "$etcd_url" \
  --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
  --initial-cluster cb=http://127.0.0.1:2380 --unsafe-no-fsync --logger=zap >"$work/etcd.log" 2>&1 &
etcd_pid=$!
for _ in $(seq 100); do
  ip netns exec cb-etcd env ETCDCTL_API=3 etcdctl --endpoints="$etcd_url" --dial-timeout=200ms endpoint health \
    >/dev/null 2>&1 && break
  kill -0 "$etcd_pid" 2>/dev/null || { cat "$work/etcd.log" >&2; echo "tabby: etcd exited" >&2; exit 1; }
  sleep 0.1
done

echo "origins in cb-o1..cb-o$scenarios, $sims simulated node addresses in cb-sim, etcd at $etcd_url; logs in $work"
# shellcheck disable=SC2086
ip netns exec cb-sim "$java" --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED \
  -cp "$classpath" io.tabby.bench.cluster.ClusterBench "$top" "$work" "$etcd_url" "$adds" "$warmups" \
  "$endpoints" "$policies" "$peers" "$memory_timeout" $nodes
