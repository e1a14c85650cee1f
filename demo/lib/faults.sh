# The plumbing of issue 7's fault tests on the demo cluster: probes, dataplane dumps, etcd stop and
# start, measurements from the agents' logs, results. Sourced by demo/faults after
# demo/lib/cluster.sh and demo/lib/walk.sh (the scenarios themselves are in
# demo/lib/fault-scenarios.sh); defines functions only. Each scenario records one line in
# faults_results ("PASS name" or "FAILED name").
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
    faults_say "probe $name: $sent sent, $lost lost, longest gap between replies ${gap} ms (ping: $(grep -h 'packets transmitted' "$TDEMO_LOGS/probe-$name.log" | cut -d, -f1-3))"
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
    tdemo_wait 60 sessions_up "$i" || die "$TDEMO_NS-node$i: mesh not Established within 60 s: $(sessions_down "$i")"
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
#
# Every syncer (felix's, confd's; one per watched prefix set) logs "syncer for [prefixes] is ...",
# "lost the etcd watch on [prefixes] ...", "watch on [prefixes] is back, ..." and "re-listed
# [prefixes] ...". The measurements follow each syncer by its prefix list, whichever process's log
# it writes to, so they hold whether a node runs its parts as separate processes or in one JVM.

# The node's current agent logs (rotated ones, of processes killed earlier, left out).
faults_agent_logs() { # I
  [ -f "$TDEMO_LOGS/$TDEMO_NS-node$1-tabby-node.log" ] && echo "$TDEMO_LOGS/$TDEMO_NS-node$1-tabby-node.log"
  return 0
}

# Lines of LOGs matching PATTERN and stamped at or after FROM-MS, each prefixed with its epoch ms.
# Both stamp styles are read: "2026-01-01T10:00:00.000Z ..." and "2026-01-01 10:00:00.000 ...".
faults_lines_after() { # FROM-MS PATTERN LOG...
  local from=$1 pattern=$2 line a b ms
  shift 2
  [ $# -gt 0 ] || return 0
  grep -h -- "$pattern" "$@" 2>/dev/null | while IFS= read -r line; do
    read -r a b _ <<<"$line"
    case $a in
      *T*) ms=$(date -d "$a" +%s%3N 2>/dev/null) || continue ;;
      *) ms=$(date -d "$a $b" +%s%3N 2>/dev/null) || continue ;;
    esac
    [ "$ms" -ge "$from" ] && printf '%s %s\n' "$ms" "$line"
  done
  return 0
}

faults_first_ms() { # FROM-MS PATTERN LOG...: the epoch ms of the first matching line, or nothing
  faults_lines_after "$@" | sort -n | head -1 | cut -d' ' -f1
}

# The node's syncers, by prefix list ("[/calico/v1/, ...]"), as they announced themselves.
faults_syncers() { # I
  grep -ho 'syncer for \[[^]]*\]' $(faults_agent_logs "$1") 2>/dev/null | sed 's/^syncer for //' | sort -u
}

# The node's syncers that logged a lost watch at or after FROM-MS.
faults_syncers_lost() { # I FROM-MS
  faults_lines_after "$2" 'lost the etcd watch on \[' $(faults_agent_logs "$1") \
    | grep -o 'watch on \[[^]]*\]' | sed 's/^watch on //' | sort -u
}

faults_all_lost() { [ "$(faults_syncers_lost "$1" "$2")" = "$(faults_syncers "$1")" ]; }

# When SYNCER of node I was first back (resumed or re-listed) at or after FROM-MS, or nothing.
faults_syncer_back_ms() { # I SYNCER FROM-MS
  faults_lines_after "$3" 'is back, resuming\|re-listed' $(faults_agent_logs "$1") \
    | grep -F -e "watch on $2 is back" -e "re-listed $2" | sort -n | head -1 | cut -d' ' -f1
}
faults_syncer_back() { [ -n "$(faults_syncer_back_ms "$@")" ]; }

# How many times SYNCER of node I re-listed at or after FROM-MS.
faults_relists() { # I SYNCER FROM-MS
  faults_lines_after "$3" 're-listed' $(faults_agent_logs "$1") | grep -cF "re-listed $2" || true
}

# tdemo_spawn truncates NAME's log: a restarted process first moves the old log aside.
faults_keep_log() { # NAME
  local n=1
  [ -f "$TDEMO_LOGS/$1.log" ] || return 0
  while [ -e "$TDEMO_LOGS/$1.log.$n" ]; do n=$((n + 1)); done
  mv "$TDEMO_LOGS/$1.log" "$TDEMO_LOGS/$1.log.$n"
}

# Waits (at most SECONDS) until every syncer of the given nodes is back (resumed or re-listed)
# at or after FROM-MS; prints the epoch ms of the last one to come back, or returns 1.
faults_wait_synced() { # SECONDS FROM-MS NODE...
  local secs=$1 from=$2 i syncer latest=0 t
  shift 2
  for i in "$@"; do
    [ -n "$(faults_syncers "$i")" ] || { faults_say "node$i: no syncer in the logs"; return 1; }
    while IFS= read -r syncer; do
      tdemo_wait "$secs" faults_syncer_back "$i" "$syncer" "$from" \
        || { faults_say "node$i: syncer $syncer not back in sync"; return 1; }
      t=$(faults_syncer_back_ms "$i" "$syncer" "$from")
      [ "$t" -gt "$latest" ] && latest=$t
    done < <(faults_syncers "$i")
  done
  echo "$latest"
}
