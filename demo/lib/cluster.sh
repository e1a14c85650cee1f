# The demo cluster's plumbing: namespaces, the underlay, etcd, the per-node processes, pods, and
# the cleanup that removes all of it. Sourced by demo/run; defines functions only.
#
# Every namespace is named ${TDEMO_NS}-*; nothing is created in the host's own namespace. Each process
# is started as `ip netns exec NS ...` (which execs the program, so $! is the program's PID) and
# its PID and log are recorded in the state directory.

# The underlay: one /24 per entry of TDEMO_SUBNETS (modes.sh), each a bridge ${TDEMO_NS}-brK in
# ${TDEMO_NS}-underlay whose address PREFIX.254 is the default route of what sits on it; the
# underlay namespace routes between them. etcd (and the ToR) sit on the first.
TDEMO_SUBNET_PREFIX=172.30.99
TDEMO_ETCD_IP=$TDEMO_SUBNET_PREFIX.250
TDEMO_TOR_IP=$TDEMO_SUBNET_PREFIX.253

note() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() {
  printf '\n\033[31mdemo: FAILED: %s\033[0m\n' "$*" >&2
  printf 'demo: logs are in %s\n' "$TDEMO_LOGS" >&2
  exit 1
}

# Starts "$@" in namespace NS as a detached process; LOG names its log file under $TDEMO_LOGS.
# Records "pid name" in $TDEMO_STATE/pids.
tdemo_spawn() { # NS NAME -- command...
  local ns=$1 name=$2
  shift 3
  setsid ip netns exec "$ns" "$@" >"$TDEMO_LOGS/$name.log" 2>&1 </dev/null &
  echo "$! $name" >>"$TDEMO_STATE/pids"
}

tdemo_pid_of() { awk -v n="$1" '$2 == n {print $1}' "$TDEMO_STATE/pids" | tail -1; }

tdemo_alive() { local p; p=$(tdemo_pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# Waits up to SECONDS for COMMAND to succeed (every 0.5 s); returns 1 when it never did.
tdemo_wait() { # SECONDS command...
  local deadline=$(( $(date +%s) + $1 ))
  shift
  while :; do
    "$@" >/dev/null 2>&1 && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}

# Stops every process the demo recorded (TERM, then KILL after 10 s), then anything still in a
# ${TDEMO_NS}-* namespace, then deletes those namespaces. Logs stay in $TDEMO_LOGS.
tdemo_cleanup() {
  local pid name ns i pids=()
  if [ -f "$TDEMO_STATE/pids" ]; then
    while read -r pid name; do
      kill -0 "$pid" 2>/dev/null || continue
      kill "$pid" 2>/dev/null && pids+=("$pid")
    done <"$TDEMO_STATE/pids"
    for i in $(seq 100); do
      local left=0
      for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left=1; done
      [ "$left" = 0 ] && break
      sleep 0.1
    done
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    rm -f "$TDEMO_STATE/pids"
  fi
  for ns in $(ip netns list 2>/dev/null | awk -v p="$TDEMO_NS-" 'index($1, p) == 1 {print $1}'); do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" 2>/dev/null || true
  done
  return 0
}

# The underlay bridges, and IP forwarding between them (only the VXLAN mode has two).
tdemo_underlay() {
  local k=0 prefix
  ip netns add ${TDEMO_NS}-underlay
  ip -n ${TDEMO_NS}-underlay link set lo up
  ip netns exec ${TDEMO_NS}-underlay sysctl -qw net.ipv4.ip_forward=1
  for prefix in "${TDEMO_SUBNETS[@]}"; do
    ip -n ${TDEMO_NS}-underlay link add ${TDEMO_NS}-br$k type bridge
    ip -n ${TDEMO_NS}-underlay addr add "$prefix.254/24" dev ${TDEMO_NS}-br$k
    ip -n ${TDEMO_NS}-underlay link set ${TDEMO_NS}-br$k up
    k=$((k + 1))
  done
}

# A new namespace NS on the underlay: a veth whose end in NS is eth0 with ADDRESS/24, on the bridge
# of ADDRESS's subnet, and a default route via that bridge (so that proxy ARP for the pods'
# 169.254.1.1 gateway answers, and the other subnet is reachable).
tdemo_attach() { # NS PORT-NAME ADDRESS
  local ns=$1 port=$2 addr=$3 k=0 prefix
  for prefix in "${TDEMO_SUBNETS[@]}"; do
    [ "${addr%.*}" = "$prefix" ] && break
    k=$((k + 1))
  done
  [ "$k" -lt "${#TDEMO_SUBNETS[@]}" ] || die "address $addr is on none of the underlay subnets ${TDEMO_SUBNETS[*]}"
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n ${TDEMO_NS}-underlay link add "$port" type veth peer name eth0 netns "$ns"
  ip -n ${TDEMO_NS}-underlay link set "$port" master ${TDEMO_NS}-br$k up
  ip -n "$ns" addr add "$addr/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" route add default via "${addr%.*}.254" dev eth0
}

tdemo_start_etcd() {
  tdemo_attach ${TDEMO_NS}-etcd ${TDEMO_NS}-etcd "$TDEMO_ETCD_IP"
  export ETCD_ENDPOINTS="http://$TDEMO_ETCD_IP:2379"
  tdemo_spawn ${TDEMO_NS}-etcd etcd -- etcd --name tdemo --data-dir "$TDEMO_STATE/etcd" \
    --listen-client-urls "$ETCD_ENDPOINTS" --advertise-client-urls "$ETCD_ENDPOINTS" \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster tdemo=http://127.0.0.1:2380 --unsafe-no-fsync --logger=zap
  tdemo_wait 20 ip netns exec ${TDEMO_NS}-etcd env ETCDCTL_API=3 etcdctl --endpoints="$ETCD_ENDPOINTS" \
      --dial-timeout=300ms endpoint health \
    || die "etcd did not become healthy at $ETCD_ENDPOINTS within 20 s (see $TDEMO_LOGS/etcd.log)"
}

# The node's confd directory: the repository's templates with every dest and every birdc -s path
# moved into the node's own directory. IPv6 resources are left out: the demo has no IPv6 and
# runs no bird6, so their reloads could only fail. tabby-node only reads it with the bird backend.
tdemo_confdir() { # NODE-DIR
  local dir=$1
  mkdir -p "$dir/confd/conf.d" "$dir/config"
  cp -r "$TDEMO_TOP/templates/templates" "$dir/confd/"
  local toml
  for toml in bird.toml bird_aggr.toml bird_ipam.toml custom_filters.toml; do
    sed -e "s|/etc/calico/confd/config/|$dir/config/|" -e "s|-s /var/run/calico/bird.ctl|-s $dir/bird.ctl|" \
      "$TDEMO_TOP/templates/conf.d/$toml" >"$dir/confd/conf.d/$toml"
  done
}

# Starts a node: its namespace on the underlay and one tabby-node, which registers the node
# (default pool, tunnel address, block affinity on first pod), serves the CNI socket and runs felix
# and, with the bird backend, confd and bird-bridge in its own JVM, as tabby-node.service runs it.
# What the mode changes comes from modes.sh's variables: TDEMO_NODE_ENV, the AS of tdemo_node_as.
tdemo_start_agent() { # I
  local i=$1 ns=${TDEMO_NS}-node$1 dir=$TDEMO_STATE/node$1 as
  mkdir -p "$dir"
  tdemo_attach "$ns" "${TDEMO_NS}-n$i" "$(tdemo_node_ip "$i")"
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
  tdemo_confdir "$dir"
  tdemo_spawn_node "$i"
  tdemo_wait 60 test -S "$dir/cni.sock" \
    || die "tabby-node on $ns did not serve its CNI socket $dir/cni.sock within 60 s (see $TDEMO_LOGS/$ns-tabby-node.log)"
}

# Starts node I's tabby-node process (again, after a crash or a kill: the namespace stays).
tdemo_spawn_node() { # I
  local i=$1 ns=${TDEMO_NS}-node$1 dir=$TDEMO_STATE/node$1 as
  as=$(tdemo_node_as "$i")
  rm -f "$dir/cni.sock"
  # no IP: tabby-node autodetects it (first-found picks eth0's underlay address)
  tdemo_spawn "$ns" "$ns-tabby-node" -- env NODENAME="$ns" ETCD_ENDPOINTS="$ETCD_ENDPOINTS" \
    TABBY_CNI_SOCKET="$dir/cni.sock" TABBY_CONFD_DIR="$dir/confd" TABBY_BIRD_CONFIG="$dir/config/bird.cfg" \
    TABBY_BIRD_SOCKET="$dir/bird.ctl" FELIX_DEFAULTENDPOINTTOHOSTACTION=ACCEPT \
    "${TDEMO_NODE_ENV[@]}" ${as:+AS=$as} "$TDEMO_TOP/build/bin/tabby-node"
}

# Node I's /readiness answer (status line, headers, body), from its tabby-node's health port on
# the namespace's own loopback; nothing when it does not answer within 2 s.
tdemo_readiness() { # I
  timeout 2 ip netns exec "${TDEMO_NS}-node$1" bash -c 'exec 3<>/dev/tcp/127.0.0.1/9099 || exit 1
    printf "GET /readiness HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3
    cat <&3' 2>/dev/null
}

# Whether node I's tabby-node answers 200 on /readiness (syncer in sync, felix applied, confd
# rendered, bird-bridge configured).
tdemo_ready() { # I
  local answer
  answer=$(tdemo_readiness "$1") || true
  [[ ${answer%%$'\n'*} == *' 200'* ]]
}

# Waits until node I is ready; it runs once every node is registered and the mode's BGP resources
# are applied, so bird-bridge's sessions follow the mode's peers.
tdemo_start_routing() { # I
  local ns=${TDEMO_NS}-node$1
  tdemo_wait 90 tdemo_ready "$1" \
    || die "tabby-node on $ns was not ready within 90 s (see $TDEMO_LOGS/$ns-tabby-node.log; ip netns exec $ns curl -s localhost:9099/readiness)"
  tdemo_alive "$ns-tabby-node" || die "tabby-node on $ns exited (see $TDEMO_LOGS/$ns-tabby-node.log)"
}

# Adds pod ${TDEMO_NS}-podP on node I through the CNI plugin, exactly as a container runtime calls it:
# environment + network configuration on stdin, run in the node's namespace.
tdemo_add_pod() { # I P
  local ns=${TDEMO_NS}-node$1 pod=${TDEMO_NS}-pod$2 dir=$TDEMO_STATE/node$1
  ip netns add "$pod"
  ip -n "$pod" link set lo up
  echo "\$ ip netns exec $ns env CNI_COMMAND=ADD CNI_CONTAINERID=$pod CNI_NETNS=/var/run/netns/$pod CNI_IFNAME=eth0 \\"
  echo "    CNI_PATH=build/bin CNI_ARGS='IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=pod$2' \\"
  echo "    TABBY_CNI_SOCKET=$dir/cni.sock build/bin/tabby < $TDEMO_STATE/net.conf"
  if ! ip netns exec "$ns" env CNI_COMMAND=ADD CNI_CONTAINERID="$pod" CNI_NETNS="/var/run/netns/$pod" \
      CNI_IFNAME=eth0 CNI_PATH="$TDEMO_TOP/build/bin" \
      CNI_ARGS="IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=pod$2;K8S_POD_INFRA_CONTAINER_ID=$pod" \
      TABBY_CNI_SOCKET="$dir/cni.sock" "$TDEMO_TOP/build/bin/tabby" <"$TDEMO_STATE/net.conf" \
      >"$TDEMO_LOGS/$pod.add.json" 2>&1; then
    cat "$TDEMO_LOGS/$pod.add.json"
    die "CNI ADD of $pod on $ns failed (answer above; see $TDEMO_LOGS/$ns-tabby-node.log)"
  fi
  tr -d '\n ' <"$TDEMO_LOGS/$pod.add.json" | grep -o '"address":"[^"]*"' | head -1
}

tdemo_pod_ip() { # P
  ip -n "${TDEMO_NS}-pod$1" -4 -o addr show dev eth0 | awk '{print $4}' | cut -d/ -f1
}
