#!/usr/bin/env bash
# Installs and starts the services the tests need. Safe to run more than once.
#
# Two Dante SOCKS5 servers on loopback, for the slnet.transport SOCKS5 tests:
#   127.0.0.1:1080  no authentication
#   127.0.0.1:1081  RFC 1929 username/password, checked by danted against system users:
#                   user slnettest, password slnettest-pw (a throwaway test account)
# Tests find them at those fixed addresses (override: -Dslnet.socks5.noauth=host:port,
# -Dslnet.socks5.auth=host:port). Runs as root; needs Debian's apt.
set -euo pipefail

SOCKS_USER=slnettest
SOCKS_PASSWORD=slnettest-pw
STATE_DIR=/var/lib/slnet-ci/danted

log() { echo "services: $*"; }

install_dante() {
  if command -v danted >/dev/null 2>&1; then
    return
  fi
  log "installing dante-server"
  # The package's postinst tries to start the system-wide danted with its default config;
  # we run our own instances, so forbid service starts during the install (only if no
  # policy is in place already, and remove ours afterwards).
  local own_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    own_policy=yes
  fi
  if ! apt-cache policy dante-server 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    apt-get update -q
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q dante-server
  if [ -n "$own_policy" ]; then
    rm -f /usr/sbin/policy-rc.d
  fi
}

ensure_user() {
  if ! id "$SOCKS_USER" >/dev/null 2>&1; then
    log "creating system user $SOCKS_USER"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$SOCKS_USER"
  fi
  # Always (re)set, so a machine where the user exists with another password still works.
  echo "$SOCKS_USER:$SOCKS_PASSWORD" | chpasswd
}

# write_config NAME PORT METHOD
write_config() {
  local name=$1 port=$2 method=$3
  cat > "$STATE_DIR/$name.conf.new" <<EOF
# slnet CI: SOCKS5 server on 127.0.0.1:$port, method $method (written by .ci/services.sh)
logoutput: $STATE_DIR/$name.log
internal: 127.0.0.1 port = $port
external: 127.0.0.1
clientmethod: none
socksmethod: $method
# root to read /etc/shadow for the username method and to bind; nobody for the rest
user.privileged: root
user.unprivileged: nobody

client pass {
  from: 127.0.0.0/8 to: 0.0.0.0/0
  log: error
}
socks pass {
  from: 127.0.0.0/8 to: 127.0.0.0/8
  command: connect udpassociate
  log: error
}
socks pass {
  from: 127.0.0.0/8 to: 127.0.0.0/8
  command: udpreply
  log: error
}
EOF
}

port_listens() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

running_pid() {
  local pidfile="$STATE_DIR/$1.pid"
  [ -s "$pidfile" ] || return 1
  local pid
  pid=$(head -n1 "$pidfile")
  # A stale pidfile may name a recycled pid: only a danted running our config counts.
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "danted .*$STATE_DIR/$1.conf" \
    && echo "$pid"
}

# start_instance NAME PORT METHOD
start_instance() {
  local name=$1 port=$2 method=$3 pid
  write_config "$name" "$port" "$method"
  if pid=$(running_pid "$name"); then
    if cmp -s "$STATE_DIR/$name.conf.new" "$STATE_DIR/$name.conf" && port_listens "$port"; then
      rm -f "$STATE_DIR/$name.conf.new"
      log "danted $name already running on 127.0.0.1:$port (pid $pid)"
      return
    fi
    log "restarting danted $name (config changed or not listening)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  mv "$STATE_DIR/$name.conf.new" "$STATE_DIR/$name.conf"
  if port_listens "$port"; then
    echo "services: port 127.0.0.1:$port is taken by something that is not our danted" >&2
    exit 1
  fi
  danted -D -f "$STATE_DIR/$name.conf" -p "$STATE_DIR/$name.pid"
  for _ in $(seq 100); do
    if port_listens "$port"; then
      log "danted $name listening on 127.0.0.1:$port"
      return
    fi
    sleep 0.1
  done
  echo "services: danted $name did not start listening on 127.0.0.1:$port; its log:" >&2
  tail -n 30 "$STATE_DIR/$name.log" >&2 || true
  exit 1
}

install_dante
ensure_user
mkdir -p "$STATE_DIR"
start_instance noauth 1080 none
start_instance auth 1081 username
