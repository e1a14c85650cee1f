# Issue 7's four fault scenarios, each a function that prints its measurements and records PASS or
# FAILED through faults_pass/faults_fail. Sourced by demo/faults after demo/lib/faults.sh (the
# probes, dumps, etcd stop/start and log measurements they use); defines functions only.
# ---- scenario 1: etcd stopped for 30 s ------------------------------------------------------

# A policy that selects every pod and admits everything but pod2: probes among the odd pods keep
# flowing while it is enforced, and pod2 -> pod3 shows when it is.
faults_write_policy_s1() { # FILE POD2-IP
  cat >"$1" <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: fault-all-but-pod2
  namespace: default
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  ingress:
  - from:
    - ipBlock:
        cidr: 0.0.0.0/0
        except:
        - $2/32
YAML
}

faults_ping_blocked() { ! ip netns exec "$TDEMO_NS-pod$1" ping -c 1 -W 0.3 "$(tdemo_pod_ip "$2")" >/dev/null 2>&1; }

faults_scenario_etcd_outage() {
  local s="1 etcd outage" ok=yes i t_stop t_back t_synced t_applied t_enforced diffs
  note "Scenario 1: etcd stopped for ${FAULTS_OUTAGE}s while pods ping each other"
  for i in $(seq "$nodes"); do faults_dump "$i" "$TDEMO_STATE/s1-before-$i"; faults_monitor_start "s1-n$i" "$i"; done
  faults_probe_start s1-a 1 3; faults_probe_start s1-b 3 5; faults_probe_start s1-c 5 1
  sleep 2
  t_stop=$(faults_ms)
  faults_etcd_stop || ok=no
  faults_say "etcd killed (kill -9) at $(date -u +%T)"
  sleep $((FAULTS_OUTAGE - 5))
  for i in $(seq "$nodes"); do
    faults_dump "$i" "$TDEMO_STATE/s1-during-$i"
    diffs=$(diff "$TDEMO_STATE/s1-before-$i" "$TDEMO_STATE/s1-during-$i" || true)
    if [ -n "$diffs" ]; then
      ok=no
      faults_say "node$i: routes/rules/ipsets changed while etcd was down:"
      sed 's/^/      /' <<<"$diffs" | head -20
    else
      faults_say "node$i: routes, iptables and ipsets unchanged $((FAULTS_OUTAGE - 5)) s into the outage (diff empty)"
    fi
  done
  while [ $(( $(faults_ms) - t_stop )) -lt $((FAULTS_OUTAGE * 1000)) ]; do sleep 0.2; done
  faults_etcd_start || ok=no
  # etcd's return: the moment it is started again (agents may reconnect before etcdctl's health check does)
  t_back=$FAULTS_ETCD_SPAWNED
  faults_say "etcd started again $(faults_secs "$t_stop" "$t_back") s after the kill; answering $(faults_secs "$t_back") s later"
  # the policy is created right away, while the agents are still finding etcd again
  faults_write_policy_s1 "$TDEMO_STATE/s1-policy.yaml" "$(tdemo_pod_ip 2)"
  tabbyctl apply -f "$TDEMO_STATE/s1-policy.yaml" >/dev/null 2>&1 || { ok=no; faults_say "tabbyctl apply failed"; }
  t_applied=$(faults_ms)
  faults_say "policy fault-all-but-pod2 stored $(faults_secs "$t_back" "$t_applied") s after etcd's return"
  if tdemo_wait 15 faults_ping_blocked 2 3; then
    t_enforced=$(faults_ms)
    faults_ping_blocked 2 3 || { ok=no; faults_say "pod2 -> pod3 was dropped once, then passed again"; }
    faults_say "policy enforced (pod2 -> pod3 dropped) $(faults_secs "$t_applied" "$t_enforced") s after it was stored"
    [ $((t_enforced - t_applied)) -le 5000 ] || ok=no
  else
    ok=no; faults_say "policy NOT enforced 15 s after it was stored (pod2 still reaches pod3)"
  fi
  if t_synced=$(faults_wait_synced 20 "$t_back" $(seq "$nodes")); then
    faults_say "every felix and confd syncer back in sync $(faults_secs "$t_back" "$t_synced") s after etcd's return"
    [ $((t_synced - t_back)) -le 5000 ] || ok=no
  else
    ok=no; faults_say "not every syncer was back in sync within 20 s"
  fi
  sleep 1
  faults_probe_check s1-a s1-b s1-c || ok=no
  for i in $(seq "$nodes"); do
    faults_monitor_stop "s1-n$i"
    diffs=$(faults_monitor_deletes "s1-n$i")
    if [ -n "$diffs" ]; then ok=no; faults_say "node$i: routes deleted during the scenario:"; sed 's/^/      /' <<<"$diffs" | head; fi
  done
  tabbyctl delete -f "$TDEMO_STATE/s1-policy.yaml" >/dev/null 2>&1 || true
  tdemo_wait 15 faults_pods_reach 2 3 || faults_say "pod2 -> pod3 still dropped 15 s after the policy's deletion"
  if [ "$ok" = yes ]; then faults_pass "$s"; else faults_fail "$s"; fi
}

# ---- scenario 4: CNI ADD while etcd is down ------------------------------------------------

faults_cni_add() { # I POD-NAME (pod's namespace exists): the runtime's ADD, bounded by `timeout`
  local ns=$TDEMO_NS-node$1 dir=$TDEMO_STATE/node$1
  timeout 30 ip netns exec "$ns" env CNI_COMMAND=ADD CNI_CONTAINERID="$2" CNI_NETNS="/var/run/netns/$2" \
    CNI_IFNAME=eth0 CNI_PATH="$TDEMO_TOP/build/bin" \
    CNI_ARGS="IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=${2#"$TDEMO_NS"-};K8S_POD_INFRA_CONTAINER_ID=$2" \
    TABBY_CNI_SOCKET="$dir/cni.sock" "$TDEMO_TOP/build/bin/tabby" <"$TDEMO_STATE/net.conf"
}

faults_links() { ip -n "$TDEMO_NS-node$1" -o link show | awk -F': ' '{print $2}' | cut -d@ -f1 | sort; }

faults_scenario_cni_add_etcd_down() {
  local s="4 CNI ADD while etcd is down" ok=yes pod=$TDEMO_NS-pod9 t0 t1 rc out links_before leaked t_back
  note "Scenario 4: CNI ADD while etcd is down"
  links_before=$(faults_links 1)
  ip netns add "$pod"; ip -n "$pod" link set lo up
  faults_etcd_stop || ok=no
  t0=$(faults_ms)
  set +e
  out=$(faults_cni_add 1 "$pod" 2>&1)
  rc=$?
  set -e
  t1=$(faults_ms)
  faults_say "ADD answered in $(faults_secs "$t0" "$t1") s, exit $rc: $(tr -d '\n' <<<"$out" | cut -c1-300)"
  [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] || { ok=no; faults_say "ADD did not fail cleanly (exit $rc; 124 = hung past 30 s)"; }
  [ $((t1 - t0)) -le 10000 ] || { ok=no; faults_say "ADD took longer than 10 s"; }
  grep -qi 'try again later' <<<"$out" && grep -q '"code": *11' <<<"$out" \
    || { ok=no; faults_say "the error is not CNI code 11 'try again later'"; }
  leaked=$(comm -13 <(echo "$links_before") <(faults_links 1))
  [ -z "$leaked" ] || { ok=no; faults_say "interfaces left on node1: $leaked"; }
  if ip -n "$pod" link show eth0 >/dev/null 2>&1; then ok=no; faults_say "the pod namespace kept an eth0"; fi
  faults_etcd_start || ok=no
  t_back=$FAULTS_ETCD_SPAWNED
  faults_wait_synced 20 "$t_back" $(seq "$nodes") >/dev/null || ok=no
  sleep 2  # time for a late allocation to surface, were one still in flight
  out=$(tabbyctl ipam check 2>&1 || true)
  faults_say "tabbyctl ipam check: $(grep 'Check complete' <<<"$out" || echo "$out" | tail -2)"
  grep -q 'found 0 problems' <<<"$out" || { ok=no; sed 's/^/      /' <<<"$out" | tail -8; }
  if faults_etcdctl get --prefix /calico/ipam/v2/handle/ --keys-only | grep -q -- "$pod"; then
    ok=no; faults_say "an IPAM handle for $pod exists after etcd's return"
  else
    faults_say "no IPAM handle for $pod after etcd's return"
  fi
  leaked=$(comm -13 <(echo "$links_before") <(faults_links 1))
  [ -z "$leaked" ] || { ok=no; faults_say "interfaces left on node1 after etcd's return: $leaked"; }
  ip netns del "$pod" 2>/dev/null || true
  if [ "$ok" = yes ]; then faults_pass "$s"; else faults_fail "$s"; fi
}

# ---- scenario 2: kill -9 of one node's Tabby processes, then restart -----------------------

# Every live Tabby process recorded for node I ("pid name" lines whose name starts with the node's
# namespace), whatever parts the node runs.
faults_node_pids() { # I
  local pid name
  while read -r pid name; do
    case $name in "$TDEMO_NS-node$1-"*) kill -0 "$pid" 2>/dev/null && echo "$pid" ;; esac
  done <"$TDEMO_STATE/pids"
}

# Restarts node I's tabby-node through the cluster's own spawn function (the namespace survives),
# keeping the killed process's log; bird-bridge in it always starts in graceful-restart recovery,
# as calico/node runs bird -R.
faults_restart_node() { # I
  (
    eval "$(declare -f tdemo_spawn | sed '1s/tdemo_spawn/faults_cluster_spawn/')"
    tdemo_spawn() {
      faults_keep_log "$2"
      faults_cluster_spawn "$@"
    }
    tdemo_spawn_node "$1"
  )
}

faults_node_bgp_ready() { # I: every mesh session Established, asked over the control socket with BIRD's birdc
  [ "$(birdc -s "$TDEMO_STATE/node$1/bird.ctl" show protocols 2>/dev/null | grep -c 'Established')" -ge $((nodes - 1)) ]
}
faults_node_felix_ready() { # I FROM-MS
  [ -n "$(faults_first_ms "$2" 'in sync for the first time; computing the dataplane' $(faults_agent_logs "$1"))" ]
}

# Waits (at most SECONDS) for node I to be ready again: tabby-node's /readiness answers 200, every
# mesh session is Established, felix computed its dataplane. Prints each part's time since FROM-MS
# and returns 1 when a part is not ready in time; FAULTS_READY_MS is when the last part was.
faults_wait_node_ready() { # SECONDS I FROM-MS
  local deadline=$(( $(faults_ms) + $1 * 1000 )) part done_http="" done_bgp="" done_felix=""
  while [ $(faults_ms) -lt "$deadline" ]; do
    [ -z "$done_http" ] && tdemo_ready "$2" && done_http=$(faults_ms)
    [ -z "$done_bgp" ] && faults_node_bgp_ready "$2" && done_bgp=$(faults_ms)
    [ -z "$done_felix" ] && faults_node_felix_ready "$2" "$3" && done_felix=$(faults_ms)
    [ -n "$done_http" ] && [ -n "$done_bgp" ] && [ -n "$done_felix" ] && break
    sleep 0.2
  done
  for part in http bgp felix; do
    local t
    eval "t=\$done_$part"
    if [ -n "$t" ]; then faults_say "  $part ready after $(faults_secs "$3" "$t") s"; else faults_say "  $part NOT ready"; fi
  done
  [ -n "$done_http" ] && [ -n "$done_bgp" ] && [ -n "$done_felix" ] || return 1
  FAULTS_READY_MS=$done_http
  [ "$done_bgp" -gt "$FAULTS_READY_MS" ] && FAULTS_READY_MS=$done_bgp
  [ "$done_felix" -gt "$FAULTS_READY_MS" ] && FAULTS_READY_MS=$done_felix
  return 0
}

faults_scenario_kill_node() {
  local s="2 kill -9 of a node" ok=yes victim=$nodes i pids t_kill t_restart t_ready block deletes
  note "Scenario 2: kill -9 of every Tabby process of $TDEMO_NS-node$victim, then a restart"
  block=$(ip -n "$TDEMO_NS-node1" route | awk -v gw="$TDEMO_SUBNET_PREFIX.$victim" '/proto bird/ && $3 == gw {print $1; exit}')
  [ -n "$block" ] || { ok=no; faults_say "node1 has no proto bird route via node$victim before the kill"; }
  faults_say "node$victim's block as its peers route it: $block"
  for i in $(seq $((victim - 1))); do faults_monitor_start "s2-n$i" "$i"; done
  faults_probe_start s2-a 1 3; faults_probe_start s2-b 3 1; faults_probe_start s2-to-victim 1 $((2 * victim - 1))
  sleep 2
  pids=$(faults_node_pids "$victim" | tr '\n' ' ')
  t_kill=$(faults_ms)
  # shellcheck disable=SC2086
  disown -a 2>/dev/null || true  # no job-control notices for the killed processes
  kill -9 $pids
  for i in $pids; do tdemo_wait 10 faults_pid_dead "$i" || { ok=no; faults_say "pid $i survived kill -9"; }; done
  faults_say "killed (kill -9) pids $pids"
  sleep "$FAULTS_DOWNTIME"
  for i in $(seq $((victim - 1))); do
    ip -n "$TDEMO_NS-node$i" route | grep -q "^$block " \
      || { ok=no; faults_say "node$i dropped the route to $block ${FAULTS_DOWNTIME} s after the kill"; }
  done
  t_restart=$(faults_ms)
  faults_restart_node "$victim" >/dev/null || { ok=no; faults_say "restarting node$victim failed"; }
  if faults_wait_node_ready 30 "$victim" "$t_restart"; then
    t_ready=$FAULTS_READY_MS
    faults_say "node$victim ready $(faults_secs "$t_restart" "$t_ready") s after the restart (readiness 200, mesh Established, felix in sync)"
    [ $((t_ready - t_restart)) -le 15000 ] || ok=no
  else
    ok=no; faults_say "node$victim not ready 30 s after the restart: $(sessions_down "$victim")"
  fi
  sleep 2
  faults_probe_check s2-a s2-b || ok=no
  faults_probe_check s2-to-victim || faults_say "(informational: traffic to the restarted node's pods)"
  for i in $(seq $((victim - 1))); do
    faults_monitor_stop "s2-n$i"
    deletes=$(faults_monitor_deletes "s2-n$i" "$block")
    if [ -n "$deletes" ]; then ok=no; faults_say "node$i withdrew $block:"; sed 's/^/      /' <<<"$deletes" | head -5
    else faults_say "node$i kept its route to $block throughout (no deletion seen by ip monitor)"; fi
    # what the peer's BGP daemon said when the session dropped (graceful restart: routes kept stale)
    grep -h "$TDEMO_SUBNET_PREFIX.$victim: session down" "$TDEMO_LOGS/$TDEMO_NS-node$i-tabby-node.log" 2>/dev/null \
      | tail -1 | sed "s/^/      node$i's bird-bridge: /" | cut -c1-190
  done
  if [ "$ok" = yes ]; then faults_pass "$s"; else faults_fail "$s"; fi
}

# ---- scenario 3: a watch compacted past a disconnected node's revision ----------------------

faults_policy_chains() { # I: the node's policy chains, sorted
  ip netns exec "$TDEMO_NS-node$1" iptables-save -t filter | awk '/^:cali-p[io]-/ {print substr($1, 2)}' | sort
}

faults_write_allow_policy() { # FILE NAME
  cat >"$1" <<YAML
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: $2
  namespace: default
spec:
  podSelector: {}
  policyTypes:
  - Ingress
  - Egress
  ingress:
  - {}
  egress:
  - {}
YAML
}

faults_global_peer() { # IP: a global BGP peer key (nobody listens there; it only shows in bird.cfg)
  faults_etcdctl put "/calico/bgp/v1/global/peer_v4/$1" "{\"ip\":\"$1\",\"as_num\":\"64512\"}" >/dev/null
}

faults_etcd_cut() { # I add|del: DROP the node's packets to and from etcd's client port
  local flag=-I
  [ "$2" = del ] && flag=-D
  ip netns exec "$TDEMO_NS-node$1" iptables -w 5 "$flag" OUTPUT -d "$TDEMO_ETCD_IP" -p tcp --dport 2379 -j DROP
  ip netns exec "$TDEMO_NS-node$1" iptables -w 5 "$flag" INPUT -s "$TDEMO_ETCD_IP" -p tcp --sport 2379 -j DROP
}

faults_converged() { # I REF-I: same policy chains as the reference node; BGP peers as etcd says
  [ "$(faults_policy_chains "$1")" = "$(faults_policy_chains "$2")" ] || return 1
  local cfg=$TDEMO_STATE/node$1/config/bird.cfg protocols
  grep -q "$FAULTS_PEER_NEW" "$cfg" && ! grep -q "$FAULTS_PEER_OLD" "$cfg" || return 1
  # and bird-bridge was reconfigured with it (BIRD's birdc over the control socket)
  protocols=$(birdc -s "$TDEMO_STATE/node$1/bird.ctl" show protocols 2>/dev/null) || return 1
  grep -q "Global_${FAULTS_PEER_NEW//./_}" <<<"$protocols" && ! grep -q "Global_${FAULTS_PEER_OLD//./_}" <<<"$protocols"
}

faults_scenario_compaction() {
  local s="3 compacted watch" ok=yes node=2 ref=1 t_cut t_reconnect t_conv rev before n syncer
  FAULTS_PEER_OLD=$TDEMO_SUBNET_PREFIX.201 FAULTS_PEER_NEW=$TDEMO_SUBNET_PREFIX.202
  note "Scenario 3: node$node cut off from etcd; changes, deletes and a compaction meanwhile; reconnect"
  before=$(faults_policy_chains "$node")
  faults_write_allow_policy "$TDEMO_STATE/s3-a.yaml" fault-old
  faults_write_allow_policy "$TDEMO_STATE/s3-b.yaml" fault-new
  tabbyctl apply -f "$TDEMO_STATE/s3-a.yaml" >/dev/null || ok=no
  faults_global_peer "$FAULTS_PEER_OLD" || ok=no
  tdemo_wait 15 bash -c "[ \"\$(ip netns exec $TDEMO_NS-node$node iptables-save -t filter | grep -c '^:cali-p[io]-')\" -gt $(grep -c . <<<"$before") ] && grep -q $FAULTS_PEER_OLD $TDEMO_STATE/node$node/config/bird.cfg" \
    || { ok=no; faults_say "node$node did not render policy fault-old and peer $FAULTS_PEER_OLD within 15 s"; }
  faults_say "node$node renders policy fault-old ($(faults_policy_chains "$node" | wc -l) policy chains) and global peer $FAULTS_PEER_OLD"
  t_cut=$(faults_ms)
  faults_etcd_cut "$node" add
  faults_say "node$node's packets to and from etcd:2379 dropped (iptables DROP in $TDEMO_NS-node$node)"
  if tdemo_wait 40 faults_all_lost "$node" "$t_cut"; then
    faults_say "node$node's $(faults_syncers "$node" | wc -l) syncers (felix, confd) noticed the lost watch after $(faults_secs "$t_cut") s"
  else
    ok=no; faults_say "node$node: not every syncer noticed the cut within 40 s; these did: $(faults_syncers_lost "$node" "$t_cut" | tr '\n' ' ')"
  fi
  tabbyctl delete -f "$TDEMO_STATE/s3-a.yaml" >/dev/null || ok=no
  tabbyctl apply -f "$TDEMO_STATE/s3-b.yaml" >/dev/null || ok=no
  faults_etcdctl del "/calico/bgp/v1/global/peer_v4/$FAULTS_PEER_OLD" >/dev/null || ok=no
  faults_global_peer "$FAULTS_PEER_NEW" || ok=no
  for n in $(seq 20); do faults_etcdctl put /fault/filler "$n" >/dev/null || ok=no; done
  rev=$(faults_etcdctl put /fault/filler done -w json | grep -o '"revision":[0-9]*' | cut -d: -f2) || ok=no
  faults_etcdctl compact "$rev" >/dev/null || { ok=no; faults_say "etcdctl compact $rev failed"; }
  faults_say "meanwhile: policy fault-old deleted, fault-new created, peer $FAULTS_PEER_OLD deleted, $FAULTS_PEER_NEW created; etcdctl compact $rev"
  tdemo_wait 15 faults_converged "$ref" "$ref" || { ok=no; faults_say "reference node$ref did not converge within 15 s"; }
  t_reconnect=$(faults_ms)
  faults_etcd_cut "$node" del
  if tdemo_wait 30 faults_converged "$node" "$ref"; then
    t_conv=$(faults_ms)
    faults_say "node$node converged $(faults_secs "$t_reconnect" "$t_conv") s after the reconnect (policy chains equal node$ref's; bird.cfg and bird-bridge's protocols have $FAULTS_PEER_NEW, not $FAULTS_PEER_OLD)"
    [ $((t_conv - t_reconnect)) -le 10000 ] || ok=no
  else
    ok=no; faults_say "node$node not converged 30 s after the reconnect:"
    diff <(faults_policy_chains "$node") <(faults_policy_chains "$ref") | sed 's/^/      /' | head
    grep -o "neighbor $TDEMO_SUBNET_PREFIX.20[12]" "$TDEMO_STATE/node$node/config/bird.cfg" | sed 's/^/      /'
  fi
  sleep 2
  while IFS= read -r syncer; do
    n=$(faults_relists "$node" "$syncer" "$t_reconnect")
    faults_say "syncer $syncer: $n re-list(s) after the reconnect"
    [ "$n" -eq 1 ] || ok=no
  done < <(faults_syncers "$node")
  faults_say "compaction warnings logged: $(faults_lines_after "$t_cut" 'etcd compacted the revisions' $(faults_agent_logs "$node") | wc -l)"
  tabbyctl delete -f "$TDEMO_STATE/s3-b.yaml" >/dev/null 2>&1 || true
  faults_etcdctl del "/calico/bgp/v1/global/peer_v4/$FAULTS_PEER_NEW" >/dev/null || true
  if [ "$ok" = yes ]; then faults_pass "$s"; else faults_fail "$s"; fi
}
