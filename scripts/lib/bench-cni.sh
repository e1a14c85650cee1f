#!/usr/bin/env bash
# The CNI latency benchmark's node side. Runs inside the node sandbox (scripts/lib/node-sandbox.sh:
# tabby-node serving TABBY_CNI_SOCKET against its own etcd): the ADD/DEL latency table of
# io.tabby.bench.cni.CniLatencyBench, then, when hyperfine is installed, hyperfine's view of the
# tabby plugin's ADD start-to-exit with and without its AOT cache (each timed ADD preceded by an
# untimed DEL of the same container) and of VERSION (the client JVM alone, no agent round trip).
#
#   bash scripts/lib/bench-cni.sh BUILD_DIR WORK_DIR RUNS JAVA CLASSPATH
set -euo pipefail
build=$1 work=$2 runs=$3 java=$4 classpath=$5
pod=bnch-hf-pod
trap 'ip netns del "$pod" 2>/dev/null || true' EXIT

"$java" --sun-misc-unsafe-memory-access=allow -cp "$classpath" io.tabby.bench.cni.CniLatencyBench \
  "$build" /usr/lib/cni "$work" "$runs"

command -v hyperfine >/dev/null || { echo "(hyperfine is not installed: no start-to-exit comparison)"; exit 0; }
echo
echo "tabby plugin ADD, start to exit, with and without the AOT cache (hyperfine)"
ip netns add "$pod"
echo '{"cniVersion":"1.0.0","name":"bench-net","type":"tabby","ipam":{"type":"tabby-ipam"}}' >"$work/hf.conf"
cni="CNI_CONTAINERID=bnchhf CNI_NETNS=/var/run/netns/$pod CNI_IFNAME=eth0"
cni="$cni CNI_ARGS='IgnoreUnknown=1;K8S_POD_NAMESPACE=bench;K8S_POD_NAME=hf'"
add="env $cni CNI_COMMAND=ADD $build/bin/tabby <$work/hf.conf >/dev/null"
del="env $cni CNI_COMMAND=DEL $build/bin/tabby <$work/hf.conf >/dev/null"
hyperfine --style basic --warmup 3 --runs "$runs" --prepare "$del" \
  -n "ADD, AOT cache" "$add" -n "ADD, no AOT cache" "env TABBY_AOT=off $cni CNI_COMMAND=ADD $build/bin/tabby <$work/hf.conf >/dev/null"
eval "$del"
echo
echo "tabby plugin VERSION, start to exit: the client JVM alone, no agent round trip (hyperfine)"
ver="env CNI_COMMAND=VERSION $build/bin/tabby <$work/hf.conf >/dev/null"
hyperfine --style basic --warmup 3 --runs "$runs" -n "VERSION, AOT cache" "$ver" \
  -n "VERSION, no AOT cache" "env TABBY_AOT=off CNI_COMMAND=VERSION $build/bin/tabby <$work/hf.conf >/dev/null"
