#!/usr/bin/env bash
# The one test command:  ./test.sh [extra `dotnet test` arguments, e.g. --filter-class '*Health*']
#
# With a Docker engine, the integration tests start pinned Testcontainers images themselves.
# Without one, this script starts a private PostgreSQL and a private RabbitMQ from the
# distribution's packages (installing them if missing) on free loopback ports in a temporary
# folder, exports SLAMONITOR_TEST_POSTGRES / SLAMONITOR_TEST_RABBITMQ, and stops and removes
# them on exit. The system's own clusters and nodes (5432, 5672) are never used or touched.
# In every case python3-aiosmtpd (the SMTP server of the escalation tests) is installed if missing.
# The last line printed is always:  Tests: N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly START_TIMEOUT=${SLAMONITOR_TEST_START_TIMEOUT:-120} # seconds, per server
readonly TEST_TIMEOUT=${SLAMONITOR_TEST_TIMEOUT:-15m}        # whole `dotnet test` run
# SLAMONITOR_PG_OPTIONS: extra `postgres -c` settings for the private PostgreSQL (the load tool's
# LOADGEN_PG_STATEMENTS=1 uses it for pg_stat_statements); empty for the tests.
readonly RABBIT_BIN=/usr/lib/rabbitmq/bin                    # Debian's scripts behind /usr/sbin's wrappers

WORK=""        # temporary folder holding both servers' data and logs
PG_BIN=""      # PostgreSQL server binaries (Debian keeps them off PATH)
RABBIT_NODE="" # set once the broker was launched
RABBIT_PID=""
RABBIT_STARTED=0
RABBIT_PORT=""
RABBIT_DIST_PORT=""
EPMD_PORT=""
POLICY_RC=""   # set while our temporary /usr/sbin/policy-rc.d exists

log() { echo "test.sh: $*" >&2; }

# Prints the message and the tail of the given logs, then stops the script (cleanup runs on EXIT).
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

# Sets the variable named $1 to a free port in 20000-29999 (clear of 5432/5672/4369/25672 and
# of RabbitMQ's CLI range) that this run has not handed out before.
TAKEN=" "
pick_port() {
  local candidate
  for _ in {1..200}; do
    candidate=$((20000 + RANDOM % 10000))
    if [[ $TAKEN != *" $candidate "* ]] && ! port_open "$candidate"; then
      TAKEN+="$candidate "
      printf -v "$1" %s "$candidate"
      return
    fi
  done
  fail "found no free loopback port in 20000-29999"
}

# ------------------------------------------------------------------ packages

# Debian keeps the server binaries off PATH, one folder per major version: take the newest.
find_pg_bin() {
  local initdb
  initdb=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [[ -n $initdb ]] || initdb=$(command -v initdb || true)
  [[ -n $initdb ]] && dirname "$(readlink -f "$initdb")"
  return 0
}

# $1: "private" when this script starts the servers itself (then PostgreSQL and RabbitMQ too).
install_missing_packages() {
  local missing=()
  if [[ $1 == private ]]; then
    [[ -n $(find_pg_bin) ]] || missing+=(postgresql)
    [[ -x $RABBIT_BIN/rabbitmq-server ]] || missing+=(rabbitmq-server)
  fi
  # The escalation tests' real SMTP server (tests/SlaMonitor.IntegrationTests/Support/SmtpServer.cs runs
  # /usr/bin/python3 -m aiosmtpd on a free loopback port): the distribution's package, for its python.
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  ((${#missing[@]})) || return 0
  is_root || fail "missing ${missing[*]}: install them (sudo apt-get install ${missing[*]}) or run as root"

  log "installing ${missing[*]} from the distribution's packages"
  # Both packages start their system service from postinst; policy-rc.d answering 101 forbids
  # that, so nothing is left running on 5432/5672 and nothing can hang waiting for a service.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    POLICY_RC=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$POLICY_RC"
    chmod 755 "$POLICY_RC"
  fi
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -q >&2 || fail "apt-get update failed or took over 5 minutes"
  timeout 600 apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
    fail "apt-get install ${missing[*]} failed or took over 10 minutes"
  remove_policy_rc
}

# The board's browser tests drive Chromium from the distribution (Playwright never downloads a browser).
install_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  is_root || fail "missing chromium: install it (sudo apt-get install chromium) or run as root"
  log "installing chromium from the distribution's packages"
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -q >&2 || fail "apt-get update failed or took over 5 minutes"
  timeout 600 apt-get install -y -q --no-install-recommends chromium >&2 ||
    fail "apt-get install chromium failed or took over 10 minutes"
}

remove_policy_rc() {
  [[ -n $POLICY_RC ]] && rm -f "$POLICY_RC"
  POLICY_RC=""
}

# ------------------------------------------------------------------ PostgreSQL

start_postgres() {
  local dir=$WORK/postgres port started=$SECONDS
  PG_BIN=$(find_pg_bin)
  pick_port port
  mkdir -p "$dir/socket"
  echo slamonitor >"$dir/pwfile"
  if is_root; then chown -R postgres: "$dir"; fi

  # The bootstrap superuser is the tests' user, so tests can CREATE and DROP their databases.
  as_user postgres "$dir" "$PG_BIN/initdb" -D "$dir/data" -U slamonitor --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 ||
    fail "PostgreSQL initdb failed" "$dir/initdb.log"

  # Durability off: the cluster is thrown away after the run.
  as_user postgres "$dir" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t "$START_TIMEOUT" start \
    -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${SLAMONITOR_PG_OPTIONS:-}" \
    >"$dir/pg_ctl.log" 2>&1 ||
    fail "PostgreSQL did not start within ${START_TIMEOUT}s" "$dir/pg_ctl.log" "$dir/server.log"

  export SLAMONITOR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=slamonitor;Password=slamonitor;Database=postgres"
  log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') ready on 127.0.0.1:$port after $((SECONDS - started))s"
}

stop_postgres() {
  [[ -n $PG_BIN && -f $WORK/postgres/data/postmaster.pid ]] || return 0
  as_user postgres "$WORK/postgres" "$PG_BIN/pg_ctl" -D "$WORK/postgres/data" -m immediate -w -t 30 stop >/dev/null 2>&1
}

# ------------------------------------------------------------------ RabbitMQ

# Runs a RabbitMQ script with every path and port private to this run: no file under
# /etc/rabbitmq or /var/lib/rabbitmq is read, and the node runs its own epmd on a private port.
rabbit() {
  local dir=$WORK/rabbitmq
  as_user rabbitmq "$dir/home" \
    RABBITMQ_NODENAME="$RABBIT_NODE" \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$RABBIT_DIST_PORT" \
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

# Starts the broker in the background (it takes 15-30 s to boot); await_rabbitmq waits for it.
launch_rabbitmq() {
  local dir=$WORK/rabbitmq
  RABBIT_NODE="slamonitor-test-$$@localhost"
  pick_port RABBIT_PORT
  pick_port RABBIT_DIST_PORT
  pick_port EPMD_PORT
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  echo '[].' >"$dir/enabled_plugins"
  echo '[].' >"$dir/advanced.config"
  echo 'loopback_users.guest = true' >"$dir/rabbitmq.conf"
  : >"$dir/rabbitmq-env.conf"
  # One cookie, readable only by its owner (Erlang refuses it otherwise), for the node and the CLI.
  od -An -N20 -tx1 /dev/urandom | tr -d ' \n' >"$dir/home/.erlang.cookie"
  chmod 400 "$dir/home/.erlang.cookie"
  if is_root; then chown -R rabbitmq: "$dir"; fi

  # In a process group of its own (job control on), so that stop_rabbitmq can end all of it.
  RABBIT_STARTED=$SECONDS
  set -m
  rabbit "$RABBIT_BIN/rabbitmq-server" >"$dir/log/console.log" 2>&1 </dev/null &
  RABBIT_PID=$!
  set +m
}

await_rabbitmq() {
  local dir=$WORK/rabbitmq deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$RABBIT_PORT"; do
    kill -0 "$RABBIT_PID" 2>/dev/null || fail "RabbitMQ exited while booting" "$dir/log/console.log"
    ((SECONDS < deadline)) || fail "RabbitMQ did not listen on 127.0.0.1:$RABBIT_PORT within ${START_TIMEOUT}s" "$dir/log/console.log"
    sleep 0.5
  done
  rabbit "$RABBIT_BIN/rabbitmqctl" -q -n "$RABBIT_NODE" await_startup --timeout "$START_TIMEOUT" >"$dir/log/await.log" 2>&1 ||
    fail "RabbitMQ node $RABBIT_NODE did not finish booting" "$dir/log/await.log" "$dir/log/console.log"
  local booted=$((SECONDS - RABBIT_STARTED))

  export SLAMONITOR_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
  log "RabbitMQ ready on 127.0.0.1:$RABBIT_PORT, ${booted}s after launch (it boots while the solution builds)"
}

# The data is thrown away, so no graceful shutdown: SIGKILL to the broker's whole process group.
stop_rabbitmq() {
  [[ -n $RABBIT_NODE ]] || return 0
  kill -KILL -- "-$RABBIT_PID" 2>/dev/null
  wait "$RABBIT_PID" 2>/dev/null
  # The node started its own epmd on the private port, which would outlive the run; it refuses
  # to stop while the dying node is still registered, hence the retries.
  for _ in {1..20}; do
    epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1
    epmd -port "$EPMD_PORT" -names >/dev/null 2>&1 || break
    sleep 0.25
  done
  RABBIT_NODE=""
}

# ------------------------------------------------------------------ run

SUMMARY="Tests: 0 passed, 0 failed, 0 skipped" # replaced once dotnet test has run

# On every exit, also a failed start-up or Ctrl-C: stop the servers, then the summary line last.
on_exit() {
  local status=$?
  set +e
  remove_policy_rc
  stop_rabbitmq
  stop_postgres
  [[ -n $WORK ]] && rm -rf "$WORK"
  echo "$SUMMARY"
  exit "$status"
}

# Reads Microsoft.Testing.Platform's summary ("failed: N", "succeeded: N", "skipped: N");
# prints "passed failed skipped".
count_results() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^Test run summary:/ { summary = 1 }
    summary && $1 == "failed:"    { f = $2 }
    summary && $1 == "succeeded:" { p = $2 }
    summary && $1 == "skipped:"   { s = $2 }
    END { printf "%d %d %d\n", p, f, s }'
}

main() {
  trap on_exit EXIT
  trap 'exit 130' INT TERM
  local started=$SECONDS
  # As root the folder must be reachable by the postgres and rabbitmq users, so not under $HOME.
  local base=${TMPDIR:-/tmp}
  if is_root; then base=/tmp; fi
  WORK=$(mktemp -d "$base/slamonitor-test.XXXXXX")
  chmod 755 "$WORK"

  install_chromium
  local servers=private
  if [[ -n ${SLAMONITOR_TEST_POSTGRES:-} && -n ${SLAMONITOR_TEST_RABBITMQ:-} ]]; then
    servers=given
    log "using the servers in SLAMONITOR_TEST_POSTGRES / SLAMONITOR_TEST_RABBITMQ"
  elif command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1; then
    servers=docker
    log "Docker engine answers: Testcontainers starts PostgreSQL, RabbitMQ and SQL Server"
  fi
  install_missing_packages "$servers"
  if [[ $servers == private ]]; then
    log "no Docker engine: starting a private PostgreSQL and RabbitMQ"
    launch_rabbitmq
    start_postgres
  fi

  # Builds while RabbitMQ boots.
  dotnet build SlaMonitor.sln -c Release -nologo -v q -clp:NoSummary >&2 || fail "the build failed"
  if [[ $servers == private ]]; then await_rabbitmq; fi

  # Exit code 8 is "this test project ran no test" (e.g. nothing in it matched a --filter-*);
  # a run in which no test at all ran still fails below.
  local output=$WORK/dotnet-test.log status=0
  dotnet test --solution SlaMonitor.sln -c Release --no-build --no-progress \
    --ignore-exit-code 8 --timeout "$TEST_TIMEOUT" "$@" 2>&1 | tee "$output" || status=$?

  local passed failed skipped
  read -r passed failed skipped < <(count_results "$output")
  SUMMARY="Tests: $passed passed, $failed failed, $skipped skipped"
  if ((status != 0)); then
    log "dotnet test exited with $status"
  elif ((passed + failed + skipped == 0)); then
    log "no test ran"
    status=1
  elif ((failed > 0)); then
    status=1
  fi
  log "finished in $((SECONDS - started))s"
  exit "$status"
}

main "$@"
