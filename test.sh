#!/usr/bin/env bash
# The one test command: ./test.sh [extra dotnet test arguments]
#
# With a Docker engine, the integration-test fixtures start pinned Testcontainers
# images themselves. Without one, this script starts a private PostgreSQL and a
# private RabbitMQ from Debian's packages on free loopback ports, exports their
# addresses as SLAMONITOR_TEST_POSTGRES / SLAMONITOR_TEST_RABBITMQ, and removes
# them again on exit. The last line printed is always
#   Tests: N passed, N failed, N skipped
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

readonly SOLUTION="${SLAMONITOR_TEST_SOLUTION:-SlaMonitor.sln}"
readonly START_TIMEOUT_SECONDS=90
readonly PG_USER=slamonitor
readonly PG_PASSWORD=slamonitor

WORK_DIR=""
PG_BIN=""
PG_DATA=""
RABBIT_NODE=""
RABBIT_PID=""
RABBIT_PORT=""
RABBIT_DIST_PORT=""
RABBIT_STARTED=0
EPMD_PORT=""

log() { echo "test.sh: $*" >&2; }

# ---------------------------------------------------------------- helpers

docker_engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1
}

is_root() { [[ "$(id -u)" == 0 ]]; }

# PostgreSQL refuses to run as root, so as root both servers run as their
# packages' service users; otherwise as whoever runs the script.
as_user() {
  local user="$1" home="$2"
  shift 2
  if is_root; then
    runuser -u "$user" -- env HOME="$home" "$@"
  else
    env HOME="$home" "$@"
  fi
}

give_to() {
  if is_root; then chown -R "$1:" "$2"; fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Sets the variable named $1 to a random port in 20000-29999 that nothing
# listens on and this run has not handed out yet. Stays clear of the defaults
# (5432, 5672, 4369, 25672) and of RabbitMQ's CLI range (35672+).
TAKEN_PORTS=" "
pick_port() {
  local candidate
  for _ in $(seq 1 100); do
    candidate=$((20000 + RANDOM % 10000))
    if [[ "$TAKEN_PORTS" != *" $candidate "* ]] && ! port_in_use "$candidate"; then
      TAKEN_PORTS+="$candidate "
      printf -v "$1" '%s' "$candidate"
      return 0
    fi
  done
  log "no free loopback port found"
  return 1
}

# Waits until something accepts connections on the port; gives up early when
# the server process (if given) has already died.
wait_for_port() {
  local name="$1" port="$2" logfile="$3" pid="${4:-}" deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until port_in_use "$port"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      fail_start "$name exited before accepting connections on 127.0.0.1:$port" "$logfile"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      fail_start "$name did not accept connections on 127.0.0.1:$port within ${START_TIMEOUT_SECONDS}s" "$logfile"
      return 1
    fi
    sleep 0.5
  done
}

fail_start() {
  local message="$1"
  shift
  log "$message; log tail:"
  tail -n 40 "$@" >&2 || true
  echo >&2
}

# ---------------------------------------------------------------- packages

find_pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
  else
    # Debian keeps the server binaries off PATH, one folder per major version.
    find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1
  fi
}

readonly RABBIT_BIN=/usr/lib/rabbitmq/bin

install_missing_packages() {
  local missing=()
  [[ -n "$(find_pg_bin)" ]] || missing+=(postgresql)
  [[ -x "$RABBIT_BIN/rabbitmq-server" ]] || missing+=(rabbitmq-server)
  ((${#missing[@]} == 0)) && return 0

  log "installing ${missing[*]} from Debian's packages"
  local sudo=()
  is_root || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q >&2
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

# ---------------------------------------------------------------- PostgreSQL

start_postgres() {
  local dir="$WORK_DIR/postgres" port started=$SECONDS
  PG_BIN="$(find_pg_bin)"
  PG_DATA="$dir/data"
  pick_port port
  mkdir -p "$dir/socket"
  printf '%s\n' "$PG_PASSWORD" >"$dir/pwfile"
  give_to postgres "$dir"

  # The bootstrap superuser is the test user, so tests may CREATE DATABASE.
  if ! as_user postgres "$dir" "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" \
      --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1; then
    fail_start "PostgreSQL initdb failed" "$dir/initdb.log"
    return 1
  fi

  # Durability settings off: the data is thrown away after the run.
  if ! as_user postgres "$dir" "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$dir/server.log" \
      -w -t "$START_TIMEOUT_SECONDS" start \
      -o "-p $port -k $dir/socket -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >"$dir/pg_ctl.log" 2>&1; then
    fail_start "PostgreSQL did not start" "$dir/server.log" "$dir/pg_ctl.log"
    return 1
  fi
  wait_for_port PostgreSQL "$port" "$dir/server.log"

  export SLAMONITOR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=$PG_USER;Password=$PG_PASSWORD;Database=postgres"
  log "PostgreSQL ready on 127.0.0.1:$port after $((SECONDS - started))s"
}

stop_postgres() {
  [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]] || return 0
  as_user postgres "$WORK_DIR/postgres" "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- RabbitMQ

rabbit_env() {
  local dir="$WORK_DIR/rabbitmq"
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
    ERL_EPMD_PORT="$EPMD_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    ERL_CRASH_DUMP="$dir/log/erl_crash.dump" \
    "$@"
}

# Starts the broker in the background; await_rabbitmq waits for it, so that
# PostgreSQL can start meanwhile.
launch_rabbitmq() {
  local dir="$WORK_DIR/rabbitmq"
  RABBIT_STARTED=$SECONDS
  RABBIT_NODE="slamon-test-$$@localhost"
  pick_port RABBIT_PORT
  pick_port RABBIT_DIST_PORT
  pick_port EPMD_PORT
  mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
  echo '[].' >"$dir/enabled_plugins"
  # No file may be read from /etc/rabbitmq: an installed system broker's
  # settings must not leak into the private one.
  echo 'loopback_users.guest = true' >"$dir/rabbitmq.conf"
  echo '[].' >"$dir/advanced.config"
  : >"$dir/rabbitmq-env.conf"
  # Written before start so the server and the CLI share one cookie.
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$dir/home/.erlang.cookie"
  chmod 400 "$dir/home/.erlang.cookie"
  give_to rabbitmq "$dir"

  # The Debian wrapper in /usr/sbin would switch to the system broker's user and
  # folders; the scripts behind it take the private settings as they are.
  rabbit_env "$RABBIT_BIN/rabbitmq-server" >"$dir/log/console.log" 2>&1 &
  RABBIT_PID=$!
}

await_rabbitmq() {
  local dir="$WORK_DIR/rabbitmq"
  wait_for_port RabbitMQ "$RABBIT_PORT" "$dir/log/console.log" "$RABBIT_PID"
  if ! rabbit_env "$RABBIT_BIN/rabbitmqctl" -q -n "$RABBIT_NODE" await_startup \
      --timeout "$START_TIMEOUT_SECONDS" >"$dir/log/await.log" 2>&1; then
    fail_start "RabbitMQ node $RABBIT_NODE did not finish booting" "$dir/log/console.log" "$dir/log/await.log"
    return 1
  fi

  export SLAMONITOR_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RABBIT_PORT/"
  log "RabbitMQ ready on 127.0.0.1:$RABBIT_PORT after $((SECONDS - RABBIT_STARTED))s"
}

stop_rabbitmq() {
  [[ -n "$RABBIT_NODE" ]] || return 0
  rabbit_env "$RABBIT_BIN/rabbitmqctl" -q -n "$RABBIT_NODE" stop >/dev/null 2>&1 ||
    kill "$RABBIT_PID" >/dev/null 2>&1
  wait "$RABBIT_PID" >/dev/null 2>&1
  # The node started its own epmd on the private port; it would outlive us.
  epmd -port "$EPMD_PORT" -kill >/dev/null 2>&1
  RABBIT_NODE=""
}

# ---------------------------------------------------------------- tests

cleanup() {
  set +e
  stop_rabbitmq
  stop_postgres
  [[ -n "$WORK_DIR" ]] && rm -rf "$WORK_DIR"
  WORK_DIR=""
}

# .NET 10's `dotnet test` runs either VSTest or, when global.json opts in,
# Microsoft.Testing.Platform (MTP); they take the solution differently.
uses_testing_platform() {
  grep -q '"Microsoft.Testing.Platform"' global.json 2>/dev/null
}

run_dotnet_test() {
  if uses_testing_platform; then
    dotnet test --solution "$SOLUTION" -c Release "$@"
  else
    # xunit.v3 builds MTP test apps by default, which the .NET 10 SDK refuses to
    # run under VSTest; as plain xunit apps the VSTest adapter runs them.
    dotnet test "$SOLUTION" -c Release -p:IsTestingPlatformApplication=false "$@"
  fi
}

# Sums the per-project VSTest lines
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, ...
# or reads MTP's run summary ("failed: N", "succeeded: N", "skipped: N").
# Prints "passed failed skipped".
count_results() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^(Passed|Failed|Skipped)! +- Failed:/ {
      gsub(/[,:]/, " ")
      for (i = 1; i < NF; i++) {
        if ($i == "Failed" && $(i+1) ~ /^[0-9]+$/) f += $(i+1)
        if ($i == "Passed" && $(i+1) ~ /^[0-9]+$/) p += $(i+1)
        if ($i == "Skipped" && $(i+1) ~ /^[0-9]+$/) s += $(i+1)
      }
    }
    /^Test run summary:/ { mtp = 1 }
    mtp && $1 == "failed:"    { f += $2 }
    mtp && $1 == "succeeded:" { p += $2 }
    mtp && $1 == "skipped:"   { s += $2 }
    END { printf "%d %d %d\n", p, f, s }'
}

main() {
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/slamonitor-test.XXXXXX")"
  chmod 755 "$WORK_DIR"

  if docker_engine_answers; then
    log "Docker engine found: Testcontainers starts the servers"
  else
    log "no Docker engine: starting private PostgreSQL and RabbitMQ"
    install_missing_packages
    launch_rabbitmq
    start_postgres
    await_rabbitmq
    unset SLAMONITOR_TEST_RABBITMQ_MANAGEMENT
  fi

  local output="$WORK_DIR/dotnet-test.log" status=0
  run_dotnet_test "$@" 2>&1 | tee "$output" || status=$?

  local passed failed skipped
  read -r passed failed skipped < <(count_results "$output")
  cleanup

  if ((status != 0)); then
    log "dotnet test exited with $status"
  elif ((passed + failed + skipped == 0)); then
    log "no test ran"
    status=1
  elif ((failed > 0)); then
    status=1
  fi
  echo "Tests: $passed passed, $failed failed, $skipped skipped"
  exit "$status"
}

main "$@"
