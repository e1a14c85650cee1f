# Shared shell functions for Tabby's scripts. Source it; it defines functions only.

# Prints the path of a JDK 25 (or newer) and returns 0, or returns 1.
# Order: TABBY_JAVA_HOME, JAVA_HOME, Temurin/OpenJDK 25+ under /usr/lib/jvm.
tabby_find_java() {
  local candidates=() c v
  [ -n "${TABBY_JAVA_HOME:-}" ] && candidates+=("$TABBY_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/temurin-[3-9][0-9]* /usr/lib/jvm/java-2[5-9]-* /usr/lib/jvm/jdk-2[5-9]*; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] || continue
    v=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

# Exports JAVA_HOME to a JDK 25+, installing Debian's openjdk-25 when none is present and we
# are root; exits with a clear message otherwise.
tabby_use_java() {
  local jh
  if ! jh=$(tabby_find_java); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "tabby: no JDK 25 found; trying apt-get install openjdk-25-jdk-headless" >&2
      tabby_apt_install openjdk-25-jdk-headless || true
      jh=$(tabby_find_java) || true
    fi
  fi
  if [ -z "${jh:-}" ]; then
    echo "tabby: Tabby needs a JDK 25 or newer. Install one (e.g. Temurin 25 under /usr/lib/jvm)" \
         "or point TABBY_JAVA_HOME at it." >&2
    exit 1
  fi
  export JAVA_HOME="$jh"
  export PATH="$JAVA_HOME/bin:$PATH"
}

TABBY_APT_UPDATED=${TABBY_APT_UPDATED:-}

# Installs Debian packages (as root), running apt-get update once per script.
tabby_apt_install() {
  if [ "$(id -u)" != 0 ]; then
    echo "tabby: missing packages: $* (run as root, or install them: apt-get install $*)" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "$TABBY_APT_UPDATED" ]; then
    apt-get update -q >/dev/null || return 1
    TABBY_APT_UPDATED=1
  fi
  apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

# Ensures every "command:package" pair's command exists, installing the missing packages.
tabby_need() {
  local want=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || want+=("${pair#*:}")
  done
  [ ${#want[@]} -eq 0 ] && return 0
  echo "tabby: installing ${want[*]}" >&2
  tabby_apt_install "${want[@]}"
}

# Prints a free TCP port on 127.0.0.1.
tabby_free_port() {
  python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# Starts a throwaway single-member etcd on free loopback ports with its data in DIR.
# Sets ETCD_ENDPOINTS and TABBY_ETCD_PID; waits until it is healthy (about 1 s).
# It skips fsync (a throwaway store needs no durability) unless the second argument is
# "durable": then it syncs every commit, as a production etcd does.
tabby_start_etcd() {
  local dir=$1 cport pport sync=--unsafe-no-fsync
  [ "${2:-}" = durable ] && sync=
  cport=$(tabby_free_port); pport=$(tabby_free_port)
  while [ "$pport" = "$cport" ]; do pport=$(tabby_free_port); done
  export ETCD_ENDPOINTS="http://127.0.0.1:$cport"
  etcd --name tabby --data-dir "$dir/etcd" \
    --listen-client-urls "$ETCD_ENDPOINTS" --advertise-client-urls "$ETCD_ENDPOINTS" \
    --listen-peer-urls "http://127.0.0.1:$pport" --initial-advertise-peer-urls "http://127.0.0.1:$pport" \
    --initial-cluster "tabby=http://127.0.0.1:$pport" $sync --logger=zap \
    > "$dir/etcd.log" 2>&1 &
  TABBY_ETCD_PID=$!
  local _
  for _ in $(seq 100); do
    ETCDCTL_API=3 etcdctl --endpoints="$ETCD_ENDPOINTS" --dial-timeout=200ms endpoint health >/dev/null 2>&1 && return 0
    kill -0 "$TABBY_ETCD_PID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$dir/etcd.log" >&2
  echo "tabby: etcd did not become healthy (log above)" >&2
  return 1
}

# Stops the etcd tabby_start_etcd started (by PID).
tabby_stop_etcd() {
  [ -n "${TABBY_ETCD_PID:-}" ] || return 0
  # etcd exits 143 on SIGTERM: that is success here, not an error for set -e
  kill "$TABBY_ETCD_PID" 2>/dev/null && wait "$TABBY_ETCD_PID" 2>/dev/null || true
  TABBY_ETCD_PID=
  return 0
}
