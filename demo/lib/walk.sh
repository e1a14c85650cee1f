# The demo's walk-through: each step prints its command and output, waits for its expectation
# with a bound, and on a miss says loudly what did not happen and where the logs are. A miss is
# recorded in walk_failures and the walk goes on, so one run shows everything. Sourced by demo/run.

walk_failures=()

walk_fail() {
  printf '\033[31mFAIL: %s\033[0m\n' "$*"
  walk_failures+=("$*")
}

walk_ok() { printf '\033[32mok: %s\033[0m\n' "$*"; }

# tabbyctl and etcdctl run in ${TDEMO_NS}-etcd (the only place etcd's address is reachable from besides
# the nodes); the printed command is the one a user types there.
tabbyctl() { ip netns exec ${TDEMO_NS}-etcd env ETCD_ENDPOINTS="$ETCD_ENDPOINTS" "$TDEMO_TOP/build/bin/tabbyctl" "$@"; }

show() { # NS-LABEL command...   prints "$ cmd" and runs it
  local where=$1
  shift
  echo
  echo "[$where] \$ $*"
  "$@" 2>&1 || true
}

ping_once() { ip netns exec "${TDEMO_NS}-pod$1" ping -c 1 -W 1 "$2" >/dev/null 2>&1; }
ping_fails_twice() { ! ping_once "$1" "$2" && ! ping_once "$1" "$2"; }

established_count() { # I
  ip netns exec "${TDEMO_NS}-node$1" "$TDEMO_TOP/build/bin/tabbyctl" node status \
    --socket "$TDEMO_STATE/node$1/bird.ctl" 2>/dev/null | grep -c Established || true
}
sessions_down() { # I: "peer(state info) " for each session of the node that is not Established
  ip netns exec "${TDEMO_NS}-node$1" "$TDEMO_TOP/build/bin/tabbyctl" node status \
    --socket "$TDEMO_STATE/node$1/bird.ctl" 2>/dev/null \
    | awk -F'|' 'NF > 5 && $2 ~ /[0-9]/ && $6 !~ /Established/ {
        gsub(/^ +| +$/, "", $2); gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $6); printf "%s (%s %s) ", $2, $4, $6 }'
}
sessions_up() { [ "$(established_count "$1")" -ge "$(tdemo_expected_sessions "$1")" ]; }

# The routes to the other nodes' blocks: BIRD's (proto bird, a blackhole for the node's own block)
# in the BGP modes, felix's via vxlan.calico in the VXLAN mode.
routes_ready() { # I
  local out
  out=$(ip -n "${TDEMO_NS}-node$1" route)
  if [ "$TDEMO_BACKEND" = vxlan ]; then
    [ "$(grep -c 'dev vxlan.calico .*onlink' <<<"$out")" -ge $((nodes - 1)) ]
  else
    [ "$(grep -c 'proto bird' <<<"$out")" -ge $((nodes - 1)) ] && grep -q '^blackhole' <<<"$out"
  fi
}

routes_expectation() {
  if [ "$TDEMO_BACKEND" = vxlan ]; then
    echo "a route via vxlan.calico (onlink, to the owner's tunnel address) to each of the $((nodes - 1)) other nodes' blocks"
  else
    echo "proto bird routes to the $((nodes - 1)) other blocks, a blackhole for its own"
  fi
}

walk_sessions() {
  local i want
  note "BGP sessions on each node ($(tdemo_mode_describe))"
  for i in $(seq "$nodes"); do
    want=$(tdemo_expected_sessions "$i")
    if tdemo_wait 60 sessions_up "$i"; then
      walk_ok "${TDEMO_NS}-node$i: $want BGP sessions Established"
    else
      walk_fail "${TDEMO_NS}-node$i: only $(established_count "$i") of $want BGP sessions Established after 60 s; not up: $(sessions_down "$i")(table below; see $TDEMO_LOGS/${TDEMO_NS}-node$i-tabby-node.log)"
    fi
    show "${TDEMO_NS}-node$i" ip netns exec "${TDEMO_NS}-node$i" "$TDEMO_TOP/build/bin/tabbyctl" node status \
      --socket "$TDEMO_STATE/node$i/bird.ctl"
  done
  [ "$TDEMO_MODE" = tor ] && walk_tor_sessions
  return 0
}

walk_run() {
  local i p

  note "The nodes, as tabbyctl sees them"
  tdemo_wait 30 bash -c "[ \$(ip netns exec ${TDEMO_NS}-etcd env ETCD_ENDPOINTS=$ETCD_ENDPOINTS $TDEMO_TOP/build/bin/tabbyctl get nodes | grep -c ${TDEMO_NS}-node) -ge $nodes ]" \
    || walk_fail "tabbyctl get nodes did not list $nodes nodes within 30 s (see $TDEMO_LOGS/${TDEMO_NS}-node*-tabby-node.log)"
  show ${TDEMO_NS}-etcd tabbyctl get nodes -o wide
  show ${TDEMO_NS}-etcd tabbyctl get ippools -o wide

  if [ "$TDEMO_BACKEND" = bird ]; then
    walk_sessions
  else
    walk_vxlan_devices
  fi

  note "Pods: 2 per node, added through the CNI plugin as a container runtime does"
  printf '{"cniVersion":"1.0.0","name":"tdemo","type":"tabby","ipam":{"type":"tabby-ipam"}}\n' \
    >"$TDEMO_STATE/net.conf"
  echo "network configuration ($TDEMO_STATE/net.conf): $(cat "$TDEMO_STATE/net.conf")"
  show ${TDEMO_NS}-etcd tabbyctl apply -f "$TDEMO_TOP/demo/manifests/00-namespace-default.yaml"
  for i in $(seq "$nodes"); do
    for p in $((2 * i - 1)) $((2 * i)); do
      echo
      tdemo_add_pod "$i" "$p"
      echo "${TDEMO_NS}-pod$p (pod default/pod$p on ${TDEMO_NS}-node$i): $(tdemo_pod_ip "$p")"
    done
  done
  show ${TDEMO_NS}-etcd tabbyctl get workloadendpoints -o wide

  note "Routes on each node: $(routes_expectation)"
  for i in $(seq "$nodes"); do
    if tdemo_wait 30 routes_ready "$i"; then
      walk_ok "${TDEMO_NS}-node$i: $(routes_expectation)"
    else
      walk_fail "${TDEMO_NS}-node$i: not $(routes_expectation) after 30 s (see $TDEMO_LOGS/${TDEMO_NS}-node$i-$(tdemo_routes_owner).log)"
    fi
    show "${TDEMO_NS}-node$i" ip -n "${TDEMO_NS}-node$i" route
  done
  [ "$TDEMO_MODE" = tor ] && walk_tor_routes
  [ "$TDEMO_BACKEND" = vxlan ] && walk_vxlan_neighbours

  local src=1 dst=3 dst_ip
  dst_ip=$(tdemo_pod_ip "$dst")
  note "Pod-to-pod ping across nodes"
  for i in $(seq 2 "$nodes"); do
    p=$((2 * i - 1))
    local ip
    ip=$(tdemo_pod_ip "$p")
    if tdemo_wait 20 ping_once 1 "$ip"; then
      walk_ok "${TDEMO_NS}-pod1 (${TDEMO_NS}-node1) reaches ${TDEMO_NS}-pod$p ($ip, ${TDEMO_NS}-node$i)"
    else
      walk_fail "${TDEMO_NS}-pod1 (${TDEMO_NS}-node1) cannot ping ${TDEMO_NS}-pod$p ($ip, ${TDEMO_NS}-node$i) after 20 s (see $TDEMO_LOGS)"
    fi
    show ${TDEMO_NS}-pod1 ip netns exec ${TDEMO_NS}-pod1 ping -c 2 -W 1 "$ip"
  done

  note "A default-deny-ingress NetworkPolicy cuts pod$src off from pod$dst"
  show ${TDEMO_NS}-etcd tabbyctl apply -f "$TDEMO_TOP/demo/manifests/10-default-deny-ingress.yaml"
  if tdemo_wait 15 ping_fails_twice "$src" "$dst_ip"; then
    walk_ok "ping from ${TDEMO_NS}-pod$src to $dst_ip is dropped"
  else
    walk_fail "ping from ${TDEMO_NS}-pod$src to $dst_ip still passes 15 s after default-deny-ingress (see $TDEMO_LOGS/${TDEMO_NS}-node2-tabby-node.log)"
  fi
  show ${TDEMO_NS}-pod$src ip netns exec "${TDEMO_NS}-pod$src" ping -c 2 -W 1 "$dst_ip"

  note "An allow-all-ingress NetworkPolicy lets it back"
  show ${TDEMO_NS}-etcd tabbyctl apply -f "$TDEMO_TOP/demo/manifests/20-allow-all-ingress.yaml"
  if tdemo_wait 15 ping_once "$src" "$dst_ip"; then
    walk_ok "ping from ${TDEMO_NS}-pod$src to $dst_ip passes again"
  else
    walk_fail "ping from ${TDEMO_NS}-pod$src to $dst_ip still dropped 15 s after allow-all-ingress (see $TDEMO_LOGS/${TDEMO_NS}-node2-tabby-node.log)"
  fi
  show ${TDEMO_NS}-pod$src ip netns exec "${TDEMO_NS}-pod$src" ping -c 2 -W 1 "$dst_ip"
  show ${TDEMO_NS}-etcd tabbyctl get networkpolicies -A
  show ${TDEMO_NS}-etcd tabbyctl policy explain --from default/pod$src --to default/pod$dst --protocol icmp
  if ! tabbyctl policy explain --from "default/pod$src" --to "default/pod$dst" --protocol icmp 2>&1 \
      | grep -q '^Verdict: *Allow'; then
    walk_fail "tabbyctl policy explain does not say the flow pod$src -> pod$dst is allowed"
  fi

  note "What it all looks like in etcd"
  echo
  echo "[${TDEMO_NS}-etcd] \$ etcdctl --endpoints=$ETCD_ENDPOINTS get --prefix /calico --keys-only"
  # etcdctl ends each key with an empty line; left out here
  ip netns exec ${TDEMO_NS}-etcd env ETCDCTL_API=3 etcdctl --endpoints="$ETCD_ENDPOINTS" \
    get --prefix /calico --keys-only 2>&1 | grep -v '^$' || walk_fail "etcdctl could not list /calico"
}

walk_usage() {
  cat <<EOF
The cluster keeps running. Try (as root):
  ip netns exec ${TDEMO_NS}-etcd env ETCD_ENDPOINTS=$ETCD_ENDPOINTS $TDEMO_TOP/build/bin/tabbyctl get nodes -o wide
$(walk_usage_mode)
  ip -n ${TDEMO_NS}-node1 route
  ip netns exec ${TDEMO_NS}-pod1 ping $(tdemo_pod_ip 3)
  ip netns exec ${TDEMO_NS}-node2 iptables-save | grep cali
Logs: $TDEMO_LOGS   PIDs: $TDEMO_STATE/pids
Remove it all: $TDEMO_TOP/demo/run --down
EOF
}

walk_usage_mode() {
  if [ "$TDEMO_BACKEND" = vxlan ]; then
    echo "  ip -n ${TDEMO_NS}-node1 -d link show vxlan.calico"
    echo "  ip netns exec ${TDEMO_NS}-node1 bridge fdb show dev vxlan.calico"
  else
    echo "  ip netns exec ${TDEMO_NS}-node1 $TDEMO_TOP/build/bin/tabbyctl node status --socket $TDEMO_STATE/node1/bird.ctl"
  fi
  if [ "$TDEMO_MODE" = tor ]; then
    echo "  ip netns exec ${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX birdc -s $(tdemo_tor_sock) show route"
  fi
}
