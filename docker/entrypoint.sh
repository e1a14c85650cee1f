#!/usr/bin/env bash
# The node container's process 1: runs tabby-node, which runs confd, bird-bridge (IPv4 and IPv6),
# felix and the CNI service in one JVM, as tabby-node.service does on a bare host, and passes
# SIGTERM/SIGINT on to it (a graceful stop: routes and rules stay, peers keep this node's routes
# through BGP graceful restart while it restarts).
#
#   tabby-entrypoint            run the node (the default)
#   tabby-entrypoint CMD ARGS   run CMD instead (a shell, tabbyctl, …)
set -uo pipefail
if [ $# -gt 0 ]; then exec "$@"; fi

export NODENAME=${NODENAME:-$(hostname)}
# the image's confdir (templates/ as shipped); its resources write /etc/calico/confd/config and
# reload through /var/run/calico/bird.ctl and bird6.ctl, the defaults of tabby-node
export TABBY_CONFD_DIR=${TABBY_CONFD_DIR:-/etc/tabby/confd}
logs=/var/log/tabby
mkdir -p "$logs" /var/run/calico /var/run/tabby /etc/calico/confd/config

# Docker mounts /proc/sys read-only; felix and the CNI service write per-interface sysctls
# (forwarding, proxy_arp on cali*). With CAP_SYS_ADMIN (cap_add ALL) the mount can be made writable.
if ! [ -w /proc/sys/net/ipv4/ip_forward ]; then
  mount -o remount,rw /proc/sys 2>/dev/null \
    || echo "tabby-entrypoint: /proc/sys is read-only and cannot be remounted (add CAP_SYS_ADMIN)" >&2
fi
[ -w /proc/sys/net/ipv4/ip_forward ] && echo 1 > /proc/sys/net/ipv4/ip_forward

echo "tabby-entrypoint: starting tabby-node (confd $TABBY_CONFD_DIR, bird-bridge, felix, CNI)"
# its output goes to the container log and to a file, as the separate parts' did
tabby-node > >(tee -a "$logs/tabby-node.log") 2>&1 &
node=$!
trap 'kill -TERM "$node" 2>/dev/null' TERM INT
status=0
while kill -0 "$node" 2>/dev/null; do
  wait "$node"
  status=$?
done
echo "tabby-entrypoint: tabby-node exited with status $status"
exit "$status"
