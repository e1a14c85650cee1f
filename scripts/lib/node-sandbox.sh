#!/usr/bin/env bash
# A throwaway Tabby node, run INSIDE a fresh network namespace (the "node"): loopback up, IP
# forwarding on, a private etcd on the namespace's loopback, one IPv4 pool applied with tabbyctl,
# and tabby-node serving the CNI socket. Then runs COMMAND with ETCD_ENDPOINTS and
# TABBY_CNI_SOCKET exported, and stops the agent and etcd (by PID) whatever COMMAND did.
#
#   ip netns exec NS bash scripts/lib/node-sandbox.sh BUILD_DIR WORK_DIR POOL_CIDR COMMAND...
#
# Used by scripts/build (AOT training of the plugin launchers) and scripts/bench (CNI latency).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib/common.sh"
build=$1 work=$2 pool=$3
shift 3

ip link set lo up
sysctl -qw net.ipv4.ip_forward=1

node_pid=
stop_all() {
  if [ -n "$node_pid" ]; then
    kill "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  fi
  tabby_stop_etcd
}
trap stop_all EXIT

tabby_start_etcd "$work"
cat > "$work/pool.yaml" <<EOF
apiVersion: projectcalico.org/v3
kind: IPPool
metadata:
  name: sandbox-pool
spec:
  cidr: $pool
  ipipMode: Never
  natOutgoing: false
EOF
"$build/bin/tabbyctl" apply -f "$work/pool.yaml" >"$work/tabbyctl.log" 2>&1 || {
  cat "$work/tabbyctl.log" >&2; echo "tabby: node sandbox: could not apply the pool" >&2; exit 1; }

export TABBY_CNI_SOCKET="$work/cni.sock"
# the sandbox namespace has only lo: the node's address is given, not autodetected
# only the CNI service: no confd, no BGP, no felix (the sandbox programs no routes or rules)
NODENAME=${NODENAME:-sandbox-node} IP=${IP:-127.0.0.1} CALICO_NETWORKING_BACKEND=none TABBY_DISABLE_FELIX=true \
  "$build/bin/tabby-node" >"$work/node.log" 2>&1 &
node_pid=$!
for _ in $(seq 200); do
  [ -S "$TABBY_CNI_SOCKET" ] && break
  kill -0 "$node_pid" 2>/dev/null || break
  sleep 0.05
done
if [ ! -S "$TABBY_CNI_SOCKET" ]; then
  cat "$work/node.log" >&2
  echo "tabby: node sandbox: tabby-node did not serve $TABBY_CNI_SOCKET (log above)" >&2
  exit 1
fi
"$@"
