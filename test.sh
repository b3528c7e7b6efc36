#!/usr/bin/env bash
# The one test command:  ./test.sh [extra `dotnet test` arguments, e.g. --filter-class '*Health*']
#
# With a Docker engine, the integration tests start pinned Testcontainers images themselves.
# Without one, this script starts a private PostgreSQL and a private RabbitMQ from the
# distribution's packages (installing them if missing) on free loopback ports in a temporary
# folder, exports SLAMONITOR_TEST_POSTGRES / SLAMONITOR_TEST_RABBITMQ, and stops and removes
# them on exit. The system's own clusters and nodes (5432, 5672) are never used or touched.
# In every case PostgreSQL, RabbitMQ (the fault tests start servers of their own with tests/servers.sh) and
# python3-aiosmtpd (the SMTP server of the escalation tests) are installed if missing.
# The last line printed is always:  Tests: N passed, N failed, N skipped
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

readonly START_TIMEOUT=${SLAMONITOR_TEST_START_TIMEOUT:-120} # seconds, per server
readonly TEST_TIMEOUT=${SLAMONITOR_TEST_TIMEOUT:-25m}        # whole `dotnet test` run (about 13 min on 2 cores)
# SLAMONITOR_PG_OPTIONS: extra `postgres -c` settings for the private PostgreSQL (the load tool's
# LOADGEN_PG_STATEMENTS=1 uses it for pg_stat_statements); empty for the tests.
readonly RABBIT_BIN=/usr/lib/rabbitmq/bin                    # Debian's scripts behind /usr/sbin's wrappers

readonly SERVERS=$PWD/tests/servers.sh                       # starts and stops private servers
export SLAMONITOR_TEST_SERVERS_SCRIPT=$SERVERS               # the fault tests start their own with it

WORK=""        # temporary folder holding both servers' data and logs
RABBIT_STARTED=0
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

# ------------------------------------------------------------------ packages

# Debian keeps the server binaries off PATH, one folder per major version: take the newest.
find_pg_bin() {
  local initdb
  initdb=$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/initdb' 2>/dev/null | sort -V | tail -n 1)
  [[ -n $initdb ]] || initdb=$(command -v initdb || true)
  [[ -n $initdb ]] && dirname "$(readlink -f "$initdb")"
  return 0
}

# PostgreSQL and RabbitMQ always: the fault tests start, stop and restart servers of their own with tests/servers.sh.
install_missing_packages() {
  local missing=()
  [[ -n $(find_pg_bin) ]] || missing+=(postgresql)
  [[ -x $RABBIT_BIN/rabbitmq-server ]] || missing+=(rabbitmq-server)
  # The escalation tests' real SMTP server (tests/SlaMonitor.IntegrationTests/Support/SmtpServer.cs runs
  # /usr/bin/python3 -m aiosmtpd on a free loopback port): the distribution's package, for its python.
  /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
  # The OpenAPI lint test runs Redocly CLI (tools/openapi-lint) on the distribution's Node.js; the quick-start test, curl and openssl.
  command -v npm >/dev/null || missing+=(nodejs npm)
  command -v curl >/dev/null || missing+=(curl)
  command -v openssl >/dev/null || missing+=(openssl)
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

# Redocly CLI at the version package-lock.json pins; npm ci only when the lock changed since the last install.
install_openapi_lint() {
  local folder=tools/openapi-lint
  [[ -x $folder/node_modules/.bin/redocly && ! $folder/package-lock.json -nt $folder/node_modules/.package-lock.json ]] && return 0
  log "installing Redocly CLI (npm ci in $folder)"
  timeout 300 npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error >&2 || fail "npm ci in $folder failed or took over 5 minutes"
}

remove_policy_rc() {
  [[ -n $POLICY_RC ]] && rm -f "$POLICY_RC"
  POLICY_RC=""
}

# ------------------------------------------------------------------ servers (tests/servers.sh)

start_postgres() {
  SLAMONITOR_TEST_POSTGRES=$(bash "$SERVERS" postgres start "$WORK/postgres" fast) || fail "PostgreSQL did not start"
  export SLAMONITOR_TEST_POSTGRES
}

# Starts the broker in the background (it takes 15-30 s to boot); await_rabbitmq waits for it.
launch_rabbitmq() {
  RABBIT_STARTED=$SECONDS
  bash "$SERVERS" rabbitmq launch "$WORK/rabbitmq" || fail "RabbitMQ did not launch"
}

await_rabbitmq() {
  SLAMONITOR_TEST_RABBITMQ=$(bash "$SERVERS" rabbitmq await "$WORK/rabbitmq") || fail "RabbitMQ did not boot"
  export SLAMONITOR_TEST_RABBITMQ
  log "RabbitMQ booted $((SECONDS - RABBIT_STARTED))s after launch (it boots while the solution builds)"
}

stop_servers() {
  [[ -d $WORK/rabbitmq ]] && bash "$SERVERS" rabbitmq stop "$WORK/rabbitmq"
  [[ -d $WORK/postgres ]] && bash "$SERVERS" postgres stop "$WORK/postgres"
  return 0
}

# ------------------------------------------------------------------ run

SUMMARY="Tests: 0 passed, 0 failed, 0 skipped" # replaced once dotnet test has run

# On every exit, also a failed start-up or Ctrl-C: stop the servers, then the summary line last.
on_exit() {
  local status=$?
  set +e
  remove_policy_rc
  stop_servers
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

# Repeats each failed test's name and its first lines of error just before the summary, so the
# tail of a long run's output always says which test failed and why.
failed_tests() {
  sed 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | awk '
    /^failed / { shown = 0; keep = 1; print "  " $0; next }
    keep && (/^[^ ]/ || /Standard output/ || ++shown > 8) { keep = 0 }
    keep && !/^  from / { print "  " $0 }'
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
  install_missing_packages
  install_openapi_lint
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
  if ((failed > 0)); then
    log "failed tests:"
    failed_tests "$output" >&2
  fi
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
