#!/usr/bin/env bash
# The node container's process 1: runs the parts as deploy/systemd's units do, each as its
# own process with the units' command lines, and forwards SIGTERM/SIGINT to them.
#   tabby-node   node registration, pool, block, the CNI service   (tabby-node.service)
#   tabby-confd  renders /etc/calico/confd/config/bird*.cfg        (tabby-confd.service)
#   tabby-bird   the BGP engine, control socket at Calico's path   (tabby-bird.service)
#   tabby-bird6  the same for IPv6 (bird6.cfg, bird6.ctl), as calico/node runs bird6
#   tabby-felix  routes and iptables/ipset policy                  (tabby-felix.service)
# systemd would restart a part that dies (Restart=always); here the container stops with it, so
# docker's restart policy decides, and `docker logs` shows which part it was.
#
#   tabby-entrypoint            run the node (the default)
#   tabby-entrypoint CMD ARGS   run CMD instead (a shell, tabbyctl, …)
set -uo pipefail
if [ $# -gt 0 ]; then exec "$@"; fi

export NODENAME=${NODENAME:-$(hostname)}
logs=/var/log/tabby
mkdir -p "$logs" /var/run/calico /var/run/tabby /etc/calico/confd/config

# Docker mounts /proc/sys read-only; felix and the CNI service write per-interface sysctls
# (forwarding, proxy_arp on cali*). With CAP_SYS_ADMIN (cap_add ALL) the mount can be made writable.
if ! [ -w /proc/sys/net/ipv4/ip_forward ]; then
  mount -o remount,rw /proc/sys 2>/dev/null \
    || echo "tabby-entrypoint: /proc/sys is read-only and cannot be remounted (add CAP_SYS_ADMIN)" >&2
fi
[ -w /proc/sys/net/ipv4/ip_forward ] && echo 1 > /proc/sys/net/ipv4/ip_forward

declare -A pids=()
stopping=no
stop_all() {
  stopping=yes
  local name
  for name in "${!pids[@]}"; do kill -TERM "${pids[$name]}" 2>/dev/null || true; done
}
trap stop_all TERM INT

start() { # name command...
  local name=$1
  shift
  echo "tabby-entrypoint: starting $name: $*"
  # each part's output goes to the container log, prefixed, and to its own file
  "$@" > >(sed -u "s/^/[$name] /" | tee -a "$logs/$name.log") 2>&1 &
  pids[$name]=$!
}

start tabby-node tabby-node
start tabby-confd tabby-confd -confdir=/etc/tabby/confd -watch "-node=${ETCD_ENDPOINTS}"
start tabby-felix tabby-felix
# bird and bird6 read their files at start: wait (bounded) for confd's first render, as the
# units' Restart=always would retry until the files are there. bird6 runs as in calico/node, so
# confd's reloads of the bird6 files reach an engine even on a node without IPv6 peers.
conf=/etc/calico/confd/config
for _ in $(seq 600); do
  [ -s "$conf/bird.cfg" ] && [ -s "$conf/bird6.cfg" ] && break
  [ "$stopping" = yes ] && break
  sleep 0.1
done
if [ "$stopping" = no ]; then
  if [ -s "$conf/bird.cfg" ] && [ -s "$conf/bird6.cfg" ]; then
    start tabby-bird tabby-bird -f -c "$conf/bird.cfg" -s /var/run/calico/bird.ctl
    start tabby-bird6 tabby-bird6 -f -c "$conf/bird6.cfg" -s /var/run/calico/bird6.ctl
  else
    echo "tabby-entrypoint: confd rendered no bird.cfg/bird6.cfg within 60 s (see [tabby-confd] lines); stopping" >&2
    stop_all
  fi
fi

# wait for the first part to end (or a signal), then stop the others and wait for them all
status=0
while :; do
  wait -n "${pids[@]}"
  status=$?
  [ "$stopping" = yes ] && break
  for name in "${!pids[@]}"; do
    if ! kill -0 "${pids[$name]}" 2>/dev/null; then
      echo "tabby-entrypoint: $name exited (status $status); stopping the node" >&2
      stopping=yes
    fi
  done
  [ "$stopping" = yes ] && { stop_all; break; }
done
for name in "${!pids[@]}"; do wait "${pids[$name]}" 2>/dev/null || true; done
echo "tabby-entrypoint: stopped"
[ "$status" -gt 128 ] && status=0   # ended by our own SIGTERM
exit "$status"
