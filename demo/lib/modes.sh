# The demo's networking modes: the default BGP mesh, --vxlan, --route-reflector and --tor. Every
# decision a mode makes about how a node is started lives in the variables set here, which
# tdemo_spawn_node reads; the walk asks tdemo_expected_sessions and
# tdemo_mode_* for what to expect. Sourced by demo/run; defines functions and variables only.
#
#   TDEMO_MODE          mesh | vxlan | route-reflector | tor
#   TDEMO_BACKEND       bird | vxlan: calico/node's CALICO_NETWORKING_BACKEND for this mode; with
#                       vxlan tabby-node runs no confd and no bird-bridge (felix alone routes the pods)
#   TDEMO_NODE_ENV      extra environment of every node's tabby-node (the pool's encapsulation, the
#                       networking backend)
#   TDEMO_AS_BASE       when set, node I runs in its own AS TDEMO_AS_BASE+I (AS=... for tabby-node)
#   TDEMO_SUBNETS       underlay /24 prefixes; node I sits on TDEMO_SUBNETS[(I-1) % count]

TDEMO_MODE=mesh
TDEMO_BACKEND=bird
TDEMO_NODE_ENV=()
TDEMO_AS_BASE=
TDEMO_SUBNETS=()
TDEMO_TOR_AS=65000
TDEMO_RR_CLUSTER_ID=244.0.0.1

tdemo_mode_init() { # MODE
  TDEMO_MODE=$1
  TDEMO_SUBNETS=("$TDEMO_SUBNET_PREFIX")
  # this kernel has no ipip device, so the BGP modes run the pool unencapsulated
  TDEMO_NODE_ENV=(TABBY_IPV4POOL_IPIP=Never)
  case $1 in
    mesh|route-reflector) TDEMO_NODE_ENV+=(CALICO_NETWORKING_BACKEND=bird) ;;
    tor)
      TDEMO_NODE_ENV+=(CALICO_NETWORKING_BACKEND=bird)
      TDEMO_AS_BASE=64512 ;;
    vxlan)
      TDEMO_BACKEND=vxlan
      TDEMO_NODE_ENV=(TABBY_IPV4POOL_IPIP=Never TABBY_IPV4POOL_VXLAN=Always CALICO_NETWORKING_BACKEND=vxlan)
      TDEMO_SUBNETS=("$TDEMO_SUBNET_PREFIX" 172.30.98) ;;
  esac
}

tdemo_node_subnet() { # I: the node's underlay prefix
  echo "${TDEMO_SUBNETS[$(( ($1 - 1) % ${#TDEMO_SUBNETS[@]} ))]}"
}

tdemo_node_ip() { echo "$(tdemo_node_subnet "$1").$1"; }

tdemo_node_as() { # I: the node's own AS, or nothing when it uses the cluster's
  [ -n "$TDEMO_AS_BASE" ] && echo $((TDEMO_AS_BASE + $1))
  return 0
}

# How many BGP sessions node I has when everything is up: a mesh peer per other node; with a route
# reflector, the reflector (node 1) one per client and every client one; with a ToR, one each.
tdemo_expected_sessions() { # I
  case $TDEMO_MODE in
    mesh) echo $((nodes - 1)) ;;
    route-reflector) if [ "$1" = 1 ]; then echo $((nodes - 1)); else echo 1; fi ;;
    tor) echo 1 ;;
    vxlan) echo 0 ;;
  esac
}

tdemo_mode_describe() {
  case $TDEMO_MODE in
    mesh) echo "BGP full mesh between the nodes, pool unencapsulated (IPIP Never)" ;;
    vxlan) echo "pool in VXLAN mode (VXLAN Always, IPIP Never), nodes on ${#TDEMO_SUBNETS[@]} underlay subnets" \
      "(${TDEMO_SUBNETS[*]/%/.0/24}), no BGP: felix programs vxlan.calico and its routes" ;;
    route-reflector) echo "node-to-node mesh off, ${TDEMO_NS}-node1 reflects routes to the other nodes" \
      "(cluster id $TDEMO_RR_CLUSTER_ID)" ;;
    tor) echo "node-to-node mesh off, every node in its own AS ($((TDEMO_AS_BASE + 1))..$((TDEMO_AS_BASE + nodes)))" \
      "peers eBGP with a BIRD ToR (AS $TDEMO_TOR_AS) in ${TDEMO_NS}-fabric" ;;
  esac
}

# The BGP resources of the mode, applied once every node is registered and before confd renders
# bird.cfg (so BIRD starts on the mode's peers, not on a mesh). Prints each command as the walk does.
tdemo_mode_configure() {
  local dir=$TDEMO_TOP/demo/manifests
  case $TDEMO_MODE in
    mesh|vxlan) return 0 ;;
    route-reflector)
      tdemo_configure_step tabbyctl apply -f "$dir/bgp/30-mesh-off.yaml"
      tdemo_configure_reflector "${TDEMO_NS}-node1"
      tdemo_configure_step tabbyctl label nodes "${TDEMO_NS}-node1" route-reflector=true
      tdemo_configure_step tabbyctl apply -f "$dir/bgp/31-route-reflector-peers.yaml" ;;
    tor)
      tdemo_configure_step tabbyctl apply -f "$dir/bgp/30-mesh-off.yaml"
      sed "s/@TOR_IP@/$TDEMO_TOR_IP/; s/@TOR_AS@/$TDEMO_TOR_AS/" "$dir/bgp/32-tor-peer.yaml" \
        >"$TDEMO_STATE/bgppeer-tor.yaml"
      tdemo_configure_step tabbyctl apply -f "$TDEMO_STATE/bgppeer-tor.yaml"
      echo "($TDEMO_STATE/bgppeer-tor.yaml:)"
      sed 's/^/    /' "$TDEMO_STATE/bgppeer-tor.yaml" ;;
  esac
  tdemo_configure_step tabbyctl get bgpconfigurations -o wide
  tdemo_configure_step tabbyctl get bgppeers -o wide
}

tdemo_configure_step() { # tabbyctl ARGS...: prints the command, runs it, fails the demo when it fails
  echo
  echo "[${TDEMO_NS}-etcd] \$ $*"
  "$@" 2>&1 || die "'$*' failed (output above)"
}

# Gives NODE a route-reflector cluster id as `calicoctl patch node` would: the node as stored,
# with spec.bgp.routeReflectorClusterID added, applied back.
tdemo_configure_reflector() { # NODE
  local file=$TDEMO_STATE/$1-reflector.yaml
  tabbyctl get nodes "$1" -o yaml >"$file.orig" || die "tabbyctl get nodes $1 -o yaml failed"
  awk -v id="$TDEMO_RR_CLUSTER_ID" '{ print } /^ *bgp:$/ { sub(/bgp:$/, ""); print $0 "  routeReflectorClusterID: " id }' \
    "$file.orig" >"$file"
  grep -q routeReflectorClusterID "$file" || die "tabbyctl get nodes $1 -o yaml has no spec.bgp to add the cluster id to ($file.orig)"
  echo
  echo "[${TDEMO_NS}-etcd] \$ tabbyctl get nodes $1 -o yaml > $file   # + routeReflectorClusterID under spec.bgp:"
  sed -n '/^spec:/,/^status:/p' "$file" | sed '$d; s/^/    /'
  tdemo_configure_step tabbyctl apply -f "$file"
}

# The process whose log explains a node's routes to the other blocks.
tdemo_routes_owner() {
  echo tabby-node
}
