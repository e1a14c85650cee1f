# Issue 7's fault scenarios on the demo cluster: etcd outage, kill -9 of a node, a compacted
# watch, CNI ADD while etcd is down. Sourced by demo/faults after demo/lib/cluster.sh and
# demo/lib/walk.sh; defines functions only. Each scenario prints its measurements and records
# one line in faults_results ("PASS name: ..." or "FAILED name: ...").
#
# Probes: ping -i 0.1 between pods on different nodes, each logged under $TDEMO_LOGS/probe-*.log
# with -D timestamps and -O (a line for every request that had no answer when the next one left).
# Every wait is bounded.

faults_results=()
faults_failed=0

faults_pass() { printf '\033[32mPASS %s\033[0m\n' "$*"; faults_results+=("PASS $*"); }
faults_fail() { printf '\033[31mFAILED %s\033[0m\n' "$*"; faults_results+=("FAILED $*"); faults_failed=1; }
faults_say() { printf '  %s\n' "$*"; }

faults_ms() { date +%s%3N; }
faults_secs() { # FROM-MS [TO-MS]: seconds between, 1 decimal
  local to=${2:-$(faults_ms)}
  awk -v a="$1" -v b="$to" 'BEGIN { printf "%.1f", (b - a) / 1000 }'
}

faults_etcdctl() {
  ip netns exec "$TDEMO_NS-etcd" env ETCDCTL_API=3 etcdctl --endpoints="$ETCD_ENDPOINTS" \
    --dial-timeout=1s --command-timeout=5s "$@"
}

faults_etcd_healthy() { faults_etcdctl --dial-timeout=300ms endpoint health >/dev/null 2>&1; }

faults_pid_dead() { ! kill -0 "$1" 2>/dev/null; }

# Stops etcd as an outage does (SIGKILL: no goodbye to its clients); waits until it is gone.
faults_etcd_stop() {
  local pid
  pid=$(tdemo_pid_of etcd)
  disown -a 2>/dev/null || true  # no job-control notice for the killed process
  kill -9 "$pid" 2>/dev/null || true
  tdemo_wait 10 faults_pid_dead "$pid" || { faults_say "etcd (pid $pid) did not exit within 10 s"; return 1; }
}

# Starts etcd again on its data directory, as tdemo_start_etcd does (that function also creates
# the namespace, so it cannot be called twice); returns once etcd answers (at most 20 s).
faults_etcd_start() {
  FAULTS_ETCD_SPAWNED=$(faults_ms)
  tdemo_spawn "$TDEMO_NS-etcd" etcd -- etcd --name tdemo --data-dir "$TDEMO_STATE/etcd" \
    --listen-client-urls "$ETCD_ENDPOINTS" --advertise-client-urls "$ETCD_ENDPOINTS" \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster tdemo=http://127.0.0.1:2380 --unsafe-no-fsync --logger=zap
  tdemo_wait 20 faults_etcd_healthy || { faults_say "etcd did not answer within 20 s of its restart"; return 1; }
}

# ---- probes -------------------------------------------------------------------------------

faults_probe_start() { # NAME SRC-POD DST-POD
  local ip
  ip=$(tdemo_pod_ip "$3")
  tdemo_spawn "$TDEMO_NS-pod$2" "probe-$1" -- ping -i 0.1 -W 1 -D -O "$ip"
}

faults_probe_stop_all() { # NAME...: SIGINT (ping prints its summary), bounded wait
  local name pid
  for name in "$@"; do
    pid=$(tdemo_pid_of "probe-$name")
    [ -n "$pid" ] && kill -INT "$pid" 2>/dev/null || true
  done
  for name in "$@"; do
    pid=$(tdemo_pid_of "probe-$name")
    [ -n "$pid" ] && tdemo_wait 5 faults_pid_dead "$pid" || true
  done
}

# Prints "sent lost maxgap_ms" of a probe log: sent = highest sequence number seen; lost = requests
# that ping reported unanswered and whose reply never came; maxgap = the longest time between two
# consecutive replies.
faults_probe_stats() { # NAME
  awk '
    /icmp_seq=/ {
      match($0, /icmp_seq=[0-9]+/); seq = substr($0, RSTART + 9, RLENGTH - 9) + 0
      if (seq > sent) sent = seq
      ts = substr($1, 2, length($1) - 2) + 0
      if ($0 ~ /no answer yet/) { pending[seq] = 1 } else if ($0 ~ /bytes from/) {
        got[seq] = 1
        if (last != "" && (ts - last) * 1000 > gap) gap = (ts - last) * 1000
        last = ts
      }
    }
    END { lost = 0; for (s in pending) if (!(s in got)) lost++; printf "%d %d %d\n", sent, lost, gap }
  ' "$TDEMO_LOGS/probe-$1.log"
}

# Stops the probes and checks each: prints its numbers, returns 1 when any lost a probe or never ran.
faults_probe_check() { # NAME...
  local name sent lost gap bad=0
  faults_probe_stop_all "$@"
  for name in "$@"; do
    read -r sent lost gap < <(faults_probe_stats "$name")
    faults_say "probe $name: $sent sent, $lost lost, longest gap between replies ${gap} ms"
    if [ "$sent" -lt 10 ] || [ "$lost" -gt 0 ]; then bad=1; fi
  done
  return $bad
}

# ---- dataplane dumps ----------------------------------------------------------------------

# Routes, iptables rules (without counters) and ipsets (members sorted) of a node, one file.
faults_dump() { # I FILE
  local ns=$TDEMO_NS-node$1
  {
    echo "## routes"
    ip -n "$ns" -4 route show table all | sort
    echo "## iptables"
    ip netns exec "$ns" iptables-save | grep -v '^#' | sed -e 's/ \[[0-9]*:[0-9]*\]$//' -e 's/^\[[0-9]*:[0-9]*\] //'
    echo "## ipsets"
    ip netns exec "$ns" ipset list | grep -v '^Size in memory\|^References' | sort
  } >"$2"
}

# A route monitor per node: every IPv4 route the kernel deletes is logged with a timestamp (the
# cluster is IPv4 only; IPv6 link-local routes of pod veths are the kernel's, not Tabby's).
faults_monitor_start() { # NAME I
  tdemo_spawn "$TDEMO_NS-node$2" "monitor-$1" -- ip -4 -ts monitor route
}
faults_monitor_stop() { # NAME
  local pid
  pid=$(tdemo_pid_of "monitor-$1")
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
}
faults_monitor_deletes() { # NAME [PATTERN]: prints the route deletions seen (matching PATTERN)
  grep '^\[.*\]Deleted\|Deleted' "$TDEMO_LOGS/monitor-$1.log" | grep -- "${2:-.}" || true
}

# ---- cluster ------------------------------------------------------------------------------

faults_pods_reach() { # SRC DST
  ping_once "$1" "$(tdemo_pod_ip "$2")"
}

# The demo's cluster: etcd, $nodes nodes, 2 pods per node (pod 2i-1 and 2i on node i), mesh up,
# routes in place and every pod reaching a pod on each other node.
faults_setup_cluster() {
  local i p
  tdemo_underlay
  tdemo_start_etcd
  for i in $(seq "$nodes"); do tdemo_start_agent "$i"; done
  for i in $(seq "$nodes"); do tdemo_start_routing "$i"; done
  for i in $(seq "$nodes"); do
    tdemo_wait 60 mesh_up "$i" || die "$TDEMO_NS-node$i: mesh not Established within 60 s: $(sessions_down "$i")"
  done
  printf '{"cniVersion":"1.0.0","name":"tdemo","type":"tabby","ipam":{"type":"tabby-ipam"}}\n' \
    >"$TDEMO_STATE/net.conf"
  tabbyctl apply -f "$TDEMO_TOP/demo/manifests/00-namespace-default.yaml" >/dev/null
  for i in $(seq "$nodes"); do
    for p in $((2 * i - 1)) $((2 * i)); do tdemo_add_pod "$i" "$p" >/dev/null; done
  done
  for i in $(seq "$nodes"); do
    tdemo_wait 30 routes_ready "$i" || die "$TDEMO_NS-node$i: routes to the other blocks missing after 30 s"
  done
  tdemo_wait 20 faults_pods_reach 1 3 || die "pod1 cannot reach pod3 after 20 s"
  tdemo_wait 20 faults_pods_reach 3 5 || die "pod3 cannot reach pod5 after 20 s"
  tdemo_wait 20 faults_pods_reach 5 1 || die "pod5 cannot reach pod1 after 20 s"
}

# ---- sync measurements from the logs --------------------------------------------------------

# The epoch milliseconds of the first line in LOG at or after FROM-MS matching PATTERN, or nothing.
faults_log_time() { # LOG FROM-MS PATTERN
  [ -f "$1" ] || return 0
  grep -- "$3" "$1" | while read -r stamp _; do
    local ms
    ms=$(date -d "$stamp" +%s%3N 2>/dev/null) || continue
    if [ "$ms" -ge "$2" ]; then echo "$ms"; break; fi
  done
}

# The syncers of a node that log their state: felix and confd (tabby-node logs its own).
faults_syncer_logs() { # I
  echo "$TDEMO_LOGS/$TDEMO_NS-node$1-tabby-felix.log $TDEMO_LOGS/$TDEMO_NS-node$1-tabby-confd.log"
}

# A syncer is back when it logs "watch on ... is back" or "re-listed" after FROM-MS.
faults_synced_after() { # LOG FROM-MS
  [ -n "$(faults_log_time "$1" "$2" 'is back, resuming\|re-listed\|in sync for the first time')" ]
}

# tdemo_spawn truncates NAME's log: a restarted process first moves the old log aside.
faults_keep_log() { # NAME
  local n=1
  [ -f "$TDEMO_LOGS/$1.log" ] || return 0
  while [ -e "$TDEMO_LOGS/$1.log.$n" ]; do n=$((n + 1)); done
  mv "$TDEMO_LOGS/$1.log" "$TDEMO_LOGS/$1.log.$n"
}

# Waits (at most SECONDS) until every syncer of the given nodes logged being back after FROM-MS;
# prints the epoch ms of the last one to come back, or returns 1.
faults_wait_synced() { # SECONDS FROM-MS NODE...
  local secs=$1 from=$2 i log latest=0 t
  shift 2
  for i in "$@"; do
    for log in $(faults_syncer_logs "$i"); do
      tdemo_wait "$secs" faults_synced_after "$log" "$from" || { faults_say "$(basename "$log"): not back in sync"; return 1; }
      t=$(faults_log_time "$log" "$from" 'is back, resuming\|re-listed\|in sync for the first time')
      [ "$t" -gt "$latest" ] && latest=$t
    done
  done
  echo "$latest"
}

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

# Restarts node I's processes through the cluster's own start functions, in a subshell where the
# namespace (which survives) is not created again, old logs are kept, and tabby-bird gets -R
# (graceful-restart recovery, as calico/node runs bird -R).
faults_restart_node() { # I
  (
    eval "$(declare -f tdemo_spawn | sed '1s/tdemo_spawn/faults_cluster_spawn/')"
    tdemo_attach() { :; }
    tdemo_spawn() {
      faults_keep_log "$2"
      case $2 in
        *-tabby-bird) faults_cluster_spawn "$@" -R ;;
        *) faults_cluster_spawn "$@" ;;
      esac
    }
    tdemo_start_agent "$1"
    if declare -f tdemo_start_routing >/dev/null; then tdemo_start_routing "$1"; fi
  )
}

faults_node_http_ready() { ip netns exec "$TDEMO_NS-node$1" curl -sf -m 1 -o /dev/null http://localhost:9099/readiness; }
faults_node_bgp_ready() { # I: every mesh session Established, asked over the control socket with BIRD's birdc
  [ "$(birdc -s "$TDEMO_STATE/node$1/bird.ctl" show protocols 2>/dev/null | grep -c 'Established')" -ge $((nodes - 1)) ]
}
faults_node_felix_ready() { # I FROM-MS
  [ -n "$(faults_log_time "$TDEMO_LOGS/$TDEMO_NS-node$1-tabby-felix.log" "$2" 'in sync for the first time')" ]
}

# Waits (at most SECONDS) for node I to be ready again: tabby-node's /readiness answers 200, every
# mesh session is Established, felix computed its dataplane. Prints each part's time since FROM-MS
# and returns 1 when a part is not ready in time; FAULTS_READY_MS is when the last part was.
faults_wait_node_ready() { # SECONDS I FROM-MS
  local deadline=$(( $(faults_ms) + $1 * 1000 )) part done_http="" done_bgp="" done_felix=""
  while [ $(faults_ms) -lt "$deadline" ]; do
    [ -z "$done_http" ] && faults_node_http_ready "$2" && done_http=$(faults_ms)
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

faults_log_count() { # LOG FROM-MS PATTERN: matching lines at or after FROM-MS
  local n=0 stamp ms
  [ -f "$1" ] || { echo 0; return; }
  while read -r stamp _; do
    ms=$(date -d "$stamp" +%s%3N 2>/dev/null) || continue
    [ "$ms" -ge "$2" ] && n=$((n + 1))
  done < <(grep -- "$3" "$1")
  echo "$n"
}

faults_lost_after() { [ "$(faults_log_count "$1" "$2" 'lost the etcd watch\|treating it as lost')" -gt 0 ]; }

faults_converged() { # I REF-I: same policy chains as the reference node; peers as etcd says
  [ "$(faults_policy_chains "$1")" = "$(faults_policy_chains "$2")" ] || return 1
  local cfg=$TDEMO_STATE/node$1/config/bird.cfg
  grep -q "$FAULTS_PEER_NEW" "$cfg" && ! grep -q "$FAULTS_PEER_OLD" "$cfg"
}

faults_scenario_compaction() {
  local s="3 compacted watch" ok=yes node=2 ref=1 t_cut t_reconnect t_conv log rev before n
  FAULTS_PEER_OLD=$TDEMO_SUBNET_PREFIX.201 FAULTS_PEER_NEW=$TDEMO_SUBNET_PREFIX.202
  note "Scenario 3: node$node cut off from etcd; changes, deletes and a compaction meanwhile; reconnect"
  before=$(faults_policy_chains "$node")
  faults_write_allow_policy "$TDEMO_STATE/s3-a.yaml" fault-old
  faults_write_allow_policy "$TDEMO_STATE/s3-b.yaml" fault-new
  tabbyctl apply -f "$TDEMO_STATE/s3-a.yaml" >/dev/null
  faults_global_peer "$FAULTS_PEER_OLD"
  tdemo_wait 15 bash -c "[ \"\$(ip netns exec $TDEMO_NS-node$node iptables-save -t filter | grep -c '^:cali-p[io]-')\" -gt $(grep -c . <<<"$before") ] && grep -q $FAULTS_PEER_OLD $TDEMO_STATE/node$node/config/bird.cfg" \
    || { ok=no; faults_say "node$node did not render policy fault-old and peer $FAULTS_PEER_OLD within 15 s"; }
  faults_say "node$node renders policy fault-old ($(faults_policy_chains "$node" | wc -l) policy chains) and global peer $FAULTS_PEER_OLD"
  t_cut=$(faults_ms)
  faults_etcd_cut "$node" add
  faults_say "node$node's packets to and from etcd:2379 dropped (iptables DROP in $TDEMO_NS-node$node)"
  for log in $(faults_syncer_logs "$node"); do
    tdemo_wait 40 faults_lost_after "$log" "$t_cut" || { ok=no; faults_say "$(basename "$log") never noticed the cut within 40 s"; }
  done
  faults_say "node$node's felix and confd noticed the lost watch after $(faults_secs "$t_cut") s"
  tabbyctl delete -f "$TDEMO_STATE/s3-a.yaml" >/dev/null
  tabbyctl apply -f "$TDEMO_STATE/s3-b.yaml" >/dev/null
  faults_etcdctl del "/calico/bgp/v1/global/peer_v4/$FAULTS_PEER_OLD" >/dev/null
  faults_global_peer "$FAULTS_PEER_NEW"
  for n in $(seq 20); do faults_etcdctl put /fault/filler "$n" >/dev/null; done
  rev=$(faults_etcdctl put /fault/filler done -w json | grep -o '"revision":[0-9]*' | cut -d: -f2)
  faults_etcdctl compact "$rev" >/dev/null
  faults_say "meanwhile: policy fault-old deleted, fault-new created, peer $FAULTS_PEER_OLD deleted, $FAULTS_PEER_NEW created; etcdctl compact $rev"
  tdemo_wait 15 faults_converged "$ref" "$ref" || { ok=no; faults_say "reference node$ref did not converge within 15 s"; }
  t_reconnect=$(faults_ms)
  faults_etcd_cut "$node" del
  if tdemo_wait 30 faults_converged "$node" "$ref"; then
    t_conv=$(faults_ms)
    faults_say "node$node converged $(faults_secs "$t_reconnect" "$t_conv") s after the reconnect (policy chains equal node$ref's; bird.cfg has $FAULTS_PEER_NEW, not $FAULTS_PEER_OLD)"
    [ $((t_conv - t_reconnect)) -le 10000 ] || ok=no
  else
    ok=no; faults_say "node$node not converged 30 s after the reconnect:"
    diff <(faults_policy_chains "$node") <(faults_policy_chains "$ref") | sed 's/^/      /' | head
    grep -o "neighbor $TDEMO_SUBNET_PREFIX.20[12]" "$TDEMO_STATE/node$node/config/bird.cfg" | sed 's/^/      /'
  fi
  sleep 2
  for log in $(faults_syncer_logs "$node"); do
    n=$(faults_log_count "$log" "$t_reconnect" 're-listed')
    faults_say "$(basename "$log" .log): $n re-list(s), $(faults_log_count "$log" "$t_cut" 'compacted') compaction warning(s)"
    [ "$n" -eq 1 ] || ok=no
  done
  tabbyctl delete -f "$TDEMO_STATE/s3-b.yaml" >/dev/null 2>&1 || true
  faults_etcdctl del "/calico/bgp/v1/global/peer_v4/$FAULTS_PEER_NEW" >/dev/null || true
  if [ "$ok" = yes ]; then faults_pass "$s"; else faults_fail "$s"; fi
}
