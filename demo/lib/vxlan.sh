# demo/run --vxlan: what the walk shows of felix's VXLAN dataplane on each node: the vxlan.calico
# device (VNI 4096, port 4789, the node's underlay address as local, its tunnel address on it), and
# the permanent ARP and FDB entry per other node that let it reach that node's VTEP across the
# underlay subnets without learning. Sourced by demo/run; defines functions only.

vxlan_device_up() { # I
  ip -n "${TDEMO_NS}-node$1" -d link show vxlan.calico 2>/dev/null | grep -q 'vxlan id 4096' \
    && ip -n "${TDEMO_NS}-node$1" -4 -o addr show dev vxlan.calico 2>/dev/null | grep -q '/32'
}

vxlan_neigh_count() { ip -n "${TDEMO_NS}-node$1" neigh show dev vxlan.calico nud permanent 2>/dev/null | grep -c lladdr || true; }
vxlan_fdb_count() { ip netns exec "${TDEMO_NS}-node$1" bridge fdb show dev vxlan.calico 2>/dev/null | grep -c ' dst ' || true; }
vxlan_peers_known() { # I: an ARP and an FDB entry for every other node's VTEP
  [ "$(vxlan_neigh_count "$1")" -ge $((nodes - 1)) ] && [ "$(vxlan_fdb_count "$1")" -ge $((nodes - 1)) ]
}

walk_vxlan_devices() {
  local i
  note "The VXLAN device on each node ($(tdemo_mode_describe))"
  show ${TDEMO_NS}-etcd tabbyctl get nodes -o yaml
  for i in $(seq "$nodes"); do
    if tdemo_wait 60 vxlan_device_up "$i"; then
      walk_ok "${TDEMO_NS}-node$i: felix made vxlan.calico (VNI 4096) with the node's tunnel address"
    else
      walk_fail "${TDEMO_NS}-node$i: no vxlan.calico with VNI 4096 and a /32 tunnel address after 60 s (see $TDEMO_LOGS/${TDEMO_NS}-node$i-tabby-node.log)"
    fi
    show "${TDEMO_NS}-node$i" ip -n "${TDEMO_NS}-node$i" -d link show vxlan.calico
    show "${TDEMO_NS}-node$i" ip -n "${TDEMO_NS}-node$i" -4 addr show dev vxlan.calico
  done
}

walk_vxlan_neighbours() {
  local i
  note "How each node reaches the other VTEPs: a permanent ARP entry and an FDB entry per other node"
  for i in $(seq "$nodes"); do
    if tdemo_wait 30 vxlan_peers_known "$i"; then
      walk_ok "${TDEMO_NS}-node$i: an ARP and an FDB entry for each of the $((nodes - 1)) other VTEPs"
    else
      walk_fail "${TDEMO_NS}-node$i: $(vxlan_neigh_count "$i") ARP and $(vxlan_fdb_count "$i") FDB entries on vxlan.calico, not $((nodes - 1)) each, after 30 s (see $TDEMO_LOGS/${TDEMO_NS}-node$i-tabby-node.log)"
    fi
  done
  show "${TDEMO_NS}-node1" ip -n "${TDEMO_NS}-node1" neigh show dev vxlan.calico
  show "${TDEMO_NS}-node1" ip netns exec "${TDEMO_NS}-node1" bridge fdb show dev vxlan.calico
  show "${TDEMO_NS}-underlay" ip -n "${TDEMO_NS}-underlay" route
  # the underlay knows only the node subnets: pod packets between them can only travel in VXLAN
  if ip -n "${TDEMO_NS}-underlay" route | grep -q '^192\.168\.'; then
    walk_fail "the underlay has a route to the pool (192.168.0.0/16); the VXLAN check below would prove nothing"
  else
    walk_ok "the underlay has no route to any pod: cross-subnet pod traffic below travels inside VXLAN (UDP 4789)"
  fi
}
