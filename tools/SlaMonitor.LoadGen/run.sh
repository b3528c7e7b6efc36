#!/usr/bin/env bash
# Runs the load tool against a server on a private PostgreSQL and RabbitMQ (tests/servers.sh, as ./test.sh starts
# them), all removed afterwards.
#   tools/SlaMonitor.LoadGen/run.sh [load tool arguments, e.g. --seconds 60 --phases paced,hanging --breaches 10]
# PostgreSQL runs with its durable defaults; LOADGEN_PG_FAST=1 turns fsync, synchronous_commit and full_page_writes
# off (label such figures so). LOADGEN_SEED_SECONDS (default 20; 0 skips) seeds lane history before the measured run.
# LOADGEN_WORKERS=N runs the distributed mode (1 api + N worker processes). LOADGEN_PG_STATEMENTS=1 also prints PostgreSQL's 15 most expensive statements.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SERVERS=$ROOT/tests/servers.sh

log() { echo "run.sh: $*" >&2; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local candidate
  for _ in {1..200}; do
    candidate=$((30000 + RANDOM % 10000))
    port_open "$candidate" || { echo "$candidate"; return; }
  done
  log "no free port"; exit 1
}

SERVER_PID=""
given=${SLAMONITOR_TEST_POSTGRES:+yes}   # servers already running (e.g. kept from a test run): use them
cleanup() {
  set +e
  [[ -n $SERVER_PID ]] && stop_server
  if [[ -z $given ]]; then bash "$SERVERS" rabbitmq stop "$WORK/rabbitmq"; bash "$SERVERS" postgres stop "$WORK/postgres"; fi
  [[ -f $WORK/server.log ]] && cp "$WORK/server.log" /tmp/slamonitor-load-server.log && log "server log kept: /tmp/slamonitor-load-server.log"
  [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

WORK=$(mktemp -d /tmp/slamonitor-load.XXXXXX)
chmod 755 "$WORK"
mode=durable
[[ -n ${LOADGEN_PG_FAST:-} ]] && mode=fast
if [[ -n ${LOADGEN_PG_STATEMENTS:-} ]]; then
  export SLAMONITOR_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
fi
if [[ -z $given ]]; then
  bash "$SERVERS" rabbitmq launch "$WORK/rabbitmq"
  SLAMONITOR_TEST_POSTGRES=$(bash "$SERVERS" postgres start "$WORK/postgres" "$mode")
fi
dotnet build src/SlaMonitor.Server -c Release -nologo -v q -clp:NoSummary >&2
dotnet build tools/SlaMonitor.LoadGen -c Release -nologo -v q -clp:NoSummary >&2
[[ -n $given ]] || SLAMONITOR_TEST_RABBITMQ=$(bash "$SERVERS" rabbitmq await "$WORK/rabbitmq")
rabbit_port=$(sed -E 's#.*:([0-9]+)/?$#\1#' <<<"$SLAMONITOR_TEST_RABBITMQ")
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$SLAMONITOR_TEST_POSTGRES")
log "server: $([[ ${LOADGEN_WORKERS:-0} -gt 0 ]] && echo "1 api + ${LOADGEN_WORKERS} worker processes" || echo "one process, role all")"
log "PostgreSQL on $pg_port: $([[ -n $given ]] && echo "given" || echo "$mode") (durable: fsync, synchronous_commit, full_page_writes on; fast: off)"

db="Host=127.0.0.1;Port=$pg_port;Username=slamonitor;Password=slamonitor;Database=slamonitor_load;Maximum Pool Size=60"
http_port=$(free_port)
alert_port=$(free_port)   # the load tool's alert endpoint for the alerting customer (--breaches)
# LOADGEN_WORKERS=N (N ≥ 1): the distributed mode, one `--role api` process and N `--role worker` processes on the
# same broker and database (clustered Quartz); unset or 0: one `--role all` process.
workers=${LOADGEN_WORKERS:-0}
server() { # role, port
  ASPNETCORE_ENVIRONMENT=Development \
  Logging__LogLevel__Default=Warning \
    dotnet src/SlaMonitor.Server/bin/Release/net10.0/SlaMonitor.Server.dll \
    --urls "http://127.0.0.1:$2" --Role "$1" --Demo:Enabled false \
    --Persistence:Provider Postgres --Persistence:ConnectionString "$db" \
    --Messaging:Transport RabbitMq --Messaging:RabbitMq:Host 127.0.0.1 --Messaging:RabbitMq:Port "$rabbit_port" \
    --Notifications:Webhook:AllowedTargets:0 "127.0.0.1:$alert_port" \
    >>"$WORK/server.log" 2>&1 &
  SERVER_PIDS+=($!)
}
start_server() {
  SERVER_PIDS=()
  server "$([[ $workers -gt 0 ]] && echo api || echo all)" "$http_port"
  SERVER_PID=${SERVER_PIDS[*]}
  for _ in {1..120}; do port_open "$http_port" && break; sleep 0.5; done
  port_open "$http_port" || { log "the server did not listen"; tail -n 30 "$WORK/server.log"; exit 1; }
  # Workers after the api process has created and migrated the database (both would race to create it).
  local port
  for ((i = 0; i < workers; i++)); do
    port=$(free_port)
    server worker "$port"
    for _ in {1..120}; do port_open "$port" && break; sleep 0.5; done
  done
  SERVER_PID=${SERVER_PIDS[*]}
}
stop_server() {
  kill ${SERVER_PIDS[*]} 2>/dev/null || true
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVER_PID=""
}
loadgen() {
  dotnet tools/SlaMonitor.LoadGen/bin/Release/net10.0/SlaMonitor.LoadGen.dll \
    --server "http://127.0.0.1:$http_port" --postgres "$db" --rabbitmq "$SLAMONITOR_TEST_RABBITMQ" --olist data/olist \
    --alert-port "$alert_port" --server-pids "$(IFS=,; echo "${SERVER_PIDS[*]}")" "$@"
}
start_server

# Seeded history: LOADGEN_SEED_SECONDS (default 20) of batched traffic, then a restart, so the lane statistics the
# server builds at start-up come from it (the measured run's prediction has history, as in production).
seed_seconds=${LOADGEN_SEED_SECONDS:-20}
if ((seed_seconds > 0)); then
  loadgen --phases seed --seconds "$seed_seconds" --batch 500
  stop_server
  start_server
  log "server restarted on the seeded history"
fi

# CPU seconds a process and its descendants used (live ones, plus the reaped ones their parents account for).
cpu_ticks() {
  local pid=$1 total=0 child
  [[ -r /proc/$pid/stat ]] || { echo 0; return; }
  read -r -a f < <(sed -E 's/^[0-9]+ \(.*\) //' "/proc/$pid/stat")
  total=$((f[11] + f[12] + f[13] + f[14]))   # utime stime cutime cstime (fields 14-17)
  for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do total=$((total + $(cpu_ticks "$child"))); done
  echo "$total"
}
cpu_snapshot() {
  local servers=0 pid
  for pid in "${SERVER_PIDS[@]}"; do servers=$((servers + $(cpu_ticks "$pid"))); done
  echo "$servers $(cpu_ticks "$(head -n 1 "$pg_dir/data/postmaster.pid" 2>/dev/null || echo 0)") $(cpu_ticks "$(cat "$rabbit_dir/pid" 2>/dev/null || echo 0)")"
}
# The load tool's own CPU: this shell's reaped children (cutime + cstime) grow by exactly the tool once it is waited for.
reaped_ticks() { read -r -a f < <(sed -E 's/^[0-9]+ \(.*\) //' "/proc/$$/stat"); echo $((f[13] + f[14])); }
pg_dir=$WORK/postgres rabbit_dir=$WORK/rabbitmq
before=($(cpu_snapshot) $(reaped_ticks))
loadgen_start=$(date +%s%N)
loadgen "$@"
after=($(cpu_snapshot) $(reaped_ticks))
awk -v hz="$(getconf CLK_TCK)" -v cores="$(nproc)" -v wall="$((($(date +%s%N) - loadgen_start) / 1000000))" \
  -v s="${before[0]}" -v S="${after[0]}" -v p="${before[1]}" -v P="${after[1]}" -v r="${before[2]}" -v R="${after[2]}" \
  -v l="${before[3]}" -v L="${after[3]}" 'BEGIN {
  printf "CPU during the load tool run (%.0f s wall × %d cores = %.0f core-s): server processes %.0f s, PostgreSQL %.0f s, RabbitMQ %.0f s, load tool %.0f s\n",
    wall / 1000, cores, wall / 1000 * cores, (S - s) / hz, (P - p) / hz, (R - r) / hz, (L - l) / hz }'
if [[ -n ${LOADGEN_PG_STATEMENTS:-} ]]; then
  pg_bin=$(dirname "$(find /usr/lib/postgresql -maxdepth 3 -path '*/bin/psql' | sort -V | tail -n 1)")
  echo "--- PostgreSQL: the 15 statements that took most time"
  PGPASSWORD=slamonitor "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U slamonitor -d slamonitor_load -X -P pager=off -c "
    CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
    SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows,
           left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'slamonitor_load')
    ORDER BY total_exec_time DESC LIMIT 15;"
fi
echo "--- server log (warnings and errors)"; tail -n 20 "$WORK/server.log"
