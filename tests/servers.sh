#!/usr/bin/env bash
# Private PostgreSQL and RabbitMQ servers from the distribution's packages, on free loopback ports, with every
# file (data, logs, ports, node name) in one folder. ./test.sh starts the run's shared servers with it; the fault
# tests (tests/SlaMonitor.IntegrationTests/Support/FaultServers.cs) start their own, to stop and restart them.
#
#   tests/servers.sh postgres start DIR [fast]   prints the Npgsql connection string of the superuser
#                                                (fast: fsync, synchronous_commit and full_page_writes off)
#   tests/servers.sh postgres restart DIR        immediate stop (as a crash), start again on the same port
#   tests/servers.sh postgres stop DIR
#   tests/servers.sh rabbitmq launch DIR         boots in the background (15-30 s); `await` waits for it
#   tests/servers.sh rabbitmq await DIR          prints the amqp:// URI
#   tests/servers.sh rabbitmq start DIR          launch + await
#   tests/servers.sh rabbitmq stop DIR           SIGKILL to the node (its data stays: `start` brings it back)
#
# As root each server runs as its package's service user; DIR must then be reachable by them (not under $HOME).
# The system's own clusters and nodes (5432, 5672) are never used or touched.
set -euo pipefail

readonly START_TIMEOUT=${SLAMONITOR_TEST_START_TIMEOUT:-120} # seconds, per server
readonly RABBIT_BIN=/usr/lib/rabbitmq/bin                    # Debian's scripts behind /usr/sbin's wrappers

log() { echo "servers.sh: $*" >&2; }

# Prints the message and the tail of the given logs, then stops with status 1.
fail() {
  local message=$1
  shift
  log "$message"
  for file in "$@"; do
    [[ -s "$file" ]] && { echo "--- tail of $file" >&2; tail -n 30 "$file" >&2; }
  done
  exit 1
}

is_root() { [[ $(id -u) == 0 ]]; }

# As root, each server runs as its package's service user (PostgreSQL refuses root).
as_user() {
  local user=$1 home=$2
  shift 2
  if is_root; then runuser -u "$user" -- env HOME="$home" "$@"; else env HOME="$home" "$@"; fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a free port in 20000-29999 (clear of 5432/5672/4369/25672 and of RabbitMQ's CLI range) not in $1.
pick_port() {
  local taken=" ${1:-} " candidate
  for _ in {1..200}; do
    candidate=$((20000 + RANDOM % 10000))
    if [[ $taken != *" $candidate "* ]] && ! port_open "$candidate"; then
      echo "$candidate"
      return
    fi
  done
  fail "found no free loopback port in 20000-29999"
}

# Debian keeps the server binaries off PATH, one folder per major version: take the newest.
find_pg_bin() {
  local initdb
  initdb=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [[ -n $initdb ]] || initdb=$(command -v initdb || true)
  [[ -n $initdb ]] || fail "PostgreSQL is not installed (apt-get install postgresql)"
  dirname "$(readlink -f "$initdb")"
}

# ------------------------------------------------------------------ PostgreSQL

postgres_start() {
  local dir=$1 mode=${2:-durable} started=$SECONDS port pg_bin
  pg_bin=$(find_pg_bin)
  if [[ -f $dir/port ]]; then
    port=$(<"$dir/port")
  else
    port=$(pick_port)
    mkdir -p "$dir/socket"
    echo slamonitor >"$dir/pwfile"
    echo "$port" >"$dir/port"
    local options=""
    # Durability off only where asked: such a cluster is thrown away after the run.
    [[ $mode == fast ]] && options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    echo "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c max_connections=300 $options ${SLAMONITOR_PG_OPTIONS:-}" >"$dir/options"
    if is_root; then chown -R postgres: "$dir"; fi
    # The bootstrap superuser is the tests' user, so tests can CREATE and DROP their databases.
    as_user postgres "$dir" "$pg_bin/initdb" -D "$dir/data" -U slamonitor --pwfile="$dir/pwfile" \
      --auth=scram-sha-256 -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
      fail "PostgreSQL initdb failed" "$dir/initdb.log"
  fi

  as_user postgres "$dir" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$START_TIMEOUT" start \
    -o "$(<"$dir/options")" >"$dir/pg_ctl.log" 2>&1 ||
    fail "PostgreSQL did not start within ${START_TIMEOUT}s" "$dir/pg_ctl.log" "$dir/server.log"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') ($mode) ready on 127.0.0.1:$port after $((SECONDS - started))s"
  echo "Host=127.0.0.1;Port=$port;Username=slamonitor;Password=slamonitor;Database=postgres"
}

postgres_stop() {
  local dir=$1
  [[ -f $dir/data/postmaster.pid ]] || return 0
  as_user postgres "$dir" "$(find_pg_bin)/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1
}

postgres_restart() {
  postgres_stop "$1"
  postgres_start "$1" >/dev/null
}

# ------------------------------------------------------------------ RabbitMQ

# Runs a RabbitMQ script with every path and port private to the folder: no file under /etc/rabbitmq or
# /var/lib/rabbitmq is read, and the node runs its own epmd on a private port.
rabbit() {
  local dir=$1
  shift
  # shellcheck source=/dev/null
  source "$dir/ports"
  as_user rabbitmq "$dir/home" \
    RABBITMQ_NODENAME="$NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$PORT" \
    RABBITMQ_DIST_PORT="$DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" \
    RABBITMQ_LOG_BASE="$dir/log" \
    RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    ERL_EPMD_PORT="$EPMD_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    ERL_CRASH_DUMP="$dir/log/erl_crash.dump" \
    "$@"
}

rabbitmq_launch() {
  local dir=$1
  if [[ ! -f $dir/ports ]]; then
    mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
    local port dist epmd
    port=$(pick_port)
    dist=$(pick_port "$port")
    epmd=$(pick_port "$port $dist")
    printf 'NODE=slamonitor-test-%s@localhost\nPORT=%s\nDIST_PORT=%s\nEPMD_PORT=%s\n' "$$" "$port" "$dist" "$epmd" >"$dir/ports"
    echo '[].' >"$dir/enabled_plugins"
    echo '[].' >"$dir/advanced.config"
    echo 'loopback_users.guest = true' >"$dir/rabbitmq.conf"
    : >"$dir/rabbitmq-env.conf"
    # One cookie, readable only by its owner (Erlang refuses it otherwise), for the node and the CLI.
    od -An -N20 -tx1 /dev/urandom | tr -d ' \n' >"$dir/home/.erlang.cookie"
    chmod 400 "$dir/home/.erlang.cookie"
    if is_root; then chown -R rabbitmq: "$dir"; fi
  fi

  # In a process group of its own (job control on), so that stop can end all of it; it outlives this script.
  echo "$SECONDS" >"$dir/launched"
  set -m
  rabbit "$dir" "$RABBIT_BIN/rabbitmq-server" >>"$dir/log/console.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  set +m
}

rabbitmq_await() {
  local dir=$1 deadline=$((SECONDS + START_TIMEOUT)) pid
  # shellcheck source=/dev/null
  source "$dir/ports"
  pid=$(<"$dir/pid")
  until port_open "$PORT"; do
    kill -0 "$pid" 2>/dev/null || fail "RabbitMQ exited while booting" "$dir/log/console.log"
    ((SECONDS < deadline)) || fail "RabbitMQ did not listen on 127.0.0.1:$PORT within ${START_TIMEOUT}s" "$dir/log/console.log"
    sleep 0.5
  done
  rabbit "$dir" "$RABBIT_BIN/rabbitmqctl" -q -n "$NODE" await_startup --timeout "$START_TIMEOUT" >"$dir/log/await.log" 2>&1 ||
    fail "RabbitMQ node $NODE did not finish booting" "$dir/log/await.log" "$dir/log/console.log"
  log "RabbitMQ ready on 127.0.0.1:$PORT"
  echo "amqp://guest:guest@127.0.0.1:$PORT/"
}

# SIGKILL to the broker's whole process group, as a crash; the data stays for the next start.
rabbitmq_stop() {
  local dir=$1 pid
  [[ -f $dir/pid ]] || return 0
  pid=$(<"$dir/pid")
  # shellcheck source=/dev/null
  source "$dir/ports"
  kill -KILL -- "-$pid" 2>/dev/null || true
  for _ in {1..100}; do kill -0 "$pid" 2>/dev/null && sleep 0.1 || break; done
  rm -f "$dir/pid"
  # The node started its own epmd on the private port, which would outlive it; epmd refuses to stop while the
  # dying node is still registered, hence the retries.
  for _ in {1..20}; do
    epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1 || true
    epmd -port "$EPMD_PORT" -names >/dev/null 2>&1 || break
    sleep 0.25
  done
  for _ in {1..100}; do port_open "$PORT" && sleep 0.1 || break; done
}

case "${1:-} ${2:-}" in
  "postgres start") postgres_start "$3" "${4:-durable}" ;;
  "postgres restart") postgres_restart "$3" ;;
  "postgres stop") postgres_stop "$3" ;;
  "rabbitmq launch") rabbitmq_launch "$3" ;;
  "rabbitmq await") rabbitmq_await "$3" ;;
  "rabbitmq start") rabbitmq_launch "$3" && rabbitmq_await "$3" ;;
  "rabbitmq stop") rabbitmq_stop "$3" ;;
  *) fail "usage: servers.sh postgres start|restart|stop DIR [fast] | rabbitmq launch|await|start|stop DIR" ;;
esac
