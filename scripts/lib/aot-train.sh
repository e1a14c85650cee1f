#!/usr/bin/env bash
# Trains the AOT caches of the CNI plugin launchers on the ADD path. Runs inside the node sandbox
# (scripts/lib/node-sandbox.sh: tabby-node serving TABBY_CNI_SOCKET against a private etcd).
# For each of tabby and tabby-ipam: a pod namespace, one real ADD driven as a runtime drives it
# (env + stdin) with -XX:AOTCacheOutput (JDK 25's one-step training: the JVM records the run and
# assembles the cache at exit), a check that the ADD succeeded, then DEL and the namespace removed.
#
#   bash scripts/lib/aot-train.sh BUILD_DIR POD_NS_PREFIX WORK_DIR
set -euo pipefail
build=$1 prefix=$2 work=$3
mkdir -p "$build/lib/aot"

pods=()
cleanup() {
  local p
  for p in "${pods[@]}"; do ip netns del "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

run_plugin() { # plugin command container pod-ns [extra java opts]
  env CNI_COMMAND="$2" CNI_CONTAINERID="$3" CNI_NETNS="/var/run/netns/$4" CNI_IFNAME=eth0 \
    CNI_PATH="$build/bin" CNI_ARGS="IgnoreUnknown=1;K8S_POD_NAMESPACE=aot;K8S_POD_NAME=$3" \
    TABBY_AOT=off TABBY_JAVA_OPTS="${5:-}" "$build/bin/$1" <"$work/net.conf"
}

cat > "$work/net.conf" <<'EOF'
{"cniVersion":"1.0.0","name":"aot-training","type":"tabby","ipam":{"type":"tabby-ipam"}}
EOF
for plugin in tabby tabby-ipam; do
  pod="$prefix-$plugin"
  ip netns add "$pod"
  pods+=("$pod")
  container="aot-train-$plugin"
  cache="$work/$plugin.aot"
  # the cache is assembled by a child JVM at exit; its progress lines are not the plugin's answer
  run_plugin "$plugin" ADD "$container" "$pod" "-XX:AOTCacheOutput=$cache" >"$work/$plugin.add.out" 2>&1 || true
  if ! grep -q '"ips"' "$work/$plugin.add.out" || [ ! -s "$cache" ]; then
    cat "$work/$plugin.add.out" >&2
    echo "tabby: AOT training ADD of $plugin did not succeed (output above)" >&2
    exit 1
  fi
  run_plugin "$plugin" DEL "$container" "$pod" >"$work/$plugin.del.out" 2>&1 || {
    cat "$work/$plugin.del.out" >&2; echo "tabby: AOT training DEL of $plugin failed" >&2; exit 1; }
  mv "$cache" "$build/lib/aot/$plugin.aot"
  echo "tabby: AOT cache for $plugin trained on ADD: build/lib/aot/$plugin.aot ($(du -h "$build/lib/aot/$plugin.aot" | cut -f1))" >&2
done
