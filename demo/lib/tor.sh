# demo/run --tor: a top-of-rack router made of a real BIRD 1.6 in namespace ${TDEMO_NS}-fabric on
# the underlay ($TDEMO_TOR_IP, AS $TDEMO_TOR_AS). It peers eBGP with every node (node I in AS
# 64512+I), learns each node's blocks and passes them on to the others, and programs them into its
# own kernel so that it could forward too. Sourced by demo/run; defines functions only.

TDEMO_TOR_NS_SUFFIX=fabric

tdemo_tor_dir() { echo "$TDEMO_STATE/tor"; }
tdemo_tor_sock() { echo "$TDEMO_STATE/tor/bird.ctl"; }

tdemo_start_tor() {
  local ns=${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX dir i
  dir=$(tdemo_tor_dir)
  mkdir -p "$dir"
  tdemo_attach "$ns" "${TDEMO_NS}-tor" "$TDEMO_TOR_IP"
  ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
  {
    echo "# The demo's top-of-rack router (written by demo/lib/tor.sh)."
    echo "log stderr all;"
    echo "router id $TDEMO_TOR_IP;"
    echo "protocol device { scan time 2; }"
    echo "protocol direct { interface \"eth0\"; }"
    echo "# the blocks the nodes announce go into the ToR's kernel, so it can forward to them"
    echo "protocol kernel { scan time 2; import none; export all; }"
    echo "template bgp node {"
    echo "  local $TDEMO_TOR_IP as $TDEMO_TOR_AS;"
    echo "  import all;"
    echo "  export all;    # every node's blocks to every other node (eBGP: their AS paths differ)"
    echo "  connect retry time 2;"
    echo "  error wait time 2,10;"
    echo "}"
    for i in $(seq "$nodes"); do
      echo "protocol bgp node$i from node { neighbor $(tdemo_node_ip "$i") as $(tdemo_node_as "$i"); }"
    done
  } >"$dir/bird.conf"
  bird -p -c "$dir/bird.conf" || die "BIRD rejects the ToR's configuration $dir/bird.conf (message above)"
  tdemo_spawn "$ns" tor-bird -- bird -f -c "$dir/bird.conf" -s "$(tdemo_tor_sock)" -P "$dir/bird.pid"
  tdemo_wait 20 test -S "$(tdemo_tor_sock)" \
    || die "the ToR's BIRD in $ns did not open its control socket $(tdemo_tor_sock) within 20 s (see $TDEMO_LOGS/tor-bird.log)"
  echo "${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX: BIRD $(bird --version 2>&1 | awk '{print $NF}') pid $(tdemo_pid_of tor-bird)," \
    "$TDEMO_TOR_IP AS $TDEMO_TOR_AS, one eBGP session per node ($dir/bird.conf)"
}

tor_birdc() { ip netns exec "${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX" birdc -s "$(tdemo_tor_sock)" "$@"; }

tor_show() { # birdc COMMAND...: printed as typed in the fabric namespace
  local ns=${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX
  show "$ns" ip netns exec "$ns" birdc -s "$(tdemo_tor_sock)" "$@"
}

tor_established() { tor_birdc show protocols 2>/dev/null | grep -c Established || true; }
tor_all_up() { [ "$(tor_established)" -ge "$nodes" ]; }

# The ToR has a route from every node (each node's block, once the node has a pod).
tor_has_blocks() { [ "$(tor_birdc show route 2>/dev/null | grep -c '\[node[0-9]')" -ge "$nodes" ]; }

walk_tor_sessions() {
  note "The ToR (BIRD ${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX, AS $TDEMO_TOR_AS): an eBGP session with each node"
  if tdemo_wait 60 tor_all_up; then
    walk_ok "the ToR has $nodes eBGP sessions Established"
  else
    walk_fail "the ToR has only $(tor_established) of $nodes eBGP sessions Established after 60 s (table below; see $TDEMO_LOGS/tor-bird.log and $TDEMO_LOGS/${TDEMO_NS}-node*-tabby-node.log)"
  fi
  tor_show show protocols
}

walk_tor_routes() {
  note "The ToR's routes: every node's block, learned over eBGP and passed on to the others"
  if tdemo_wait 30 tor_has_blocks; then
    walk_ok "the ToR learned a route from each of the $nodes nodes"
  else
    walk_fail "the ToR does not have a route from each of the $nodes nodes after 30 s (table below; see $TDEMO_LOGS/tor-bird.log)"
  fi
  tor_show show route
  show "${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX" ip -n "${TDEMO_NS}-$TDEMO_TOR_NS_SUFFIX" route
  # what node1's BGP learned came through the ToR: AS path 65000 <the other node's AS>
  local via_tor
  via_tor=$(node1_birdc show route all 2>/dev/null | grep -c "BGP.as_path: $TDEMO_TOR_AS " || true)
  if [ "$via_tor" -ge $((nodes - 1)) ]; then
    walk_ok "${TDEMO_NS}-node1 learned the $((nodes - 1)) other blocks through the ToR (AS path $TDEMO_TOR_AS <node AS>)"
  else
    walk_fail "${TDEMO_NS}-node1 has $via_tor routes with AS path $TDEMO_TOR_AS ..., not $((nodes - 1)) (table below; see $TDEMO_LOGS/${TDEMO_NS}-node1-tabby-node.log)"
  fi
  show "${TDEMO_NS}-node1" ip netns exec "${TDEMO_NS}-node1" birdc -s "$TDEMO_STATE/node1/bird.ctl" show route all
}

node1_birdc() { ip netns exec "${TDEMO_NS}-node1" birdc -s "$TDEMO_STATE/node1/bird.ctl" "$@"; }
