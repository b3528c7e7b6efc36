#!/usr/bin/env bash
# Runs the load tool against a server on a private PostgreSQL and RabbitMQ, started exactly as
# ./test.sh starts them (its functions, without its main), all removed afterwards.
#   tools/SlaMonitor.LoadGen/run.sh [load tool arguments, e.g. --seconds 60]
# LOADGEN_PG_STATEMENTS=1 also prints PostgreSQL's 15 most expensive statements of the run (pg_stat_statements).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=/dev/null
source <(sed '$d' test.sh)   # every function of test.sh, not its final `main "$@"`
cd "$ROOT"                   # test.sh changes to its own (here: /dev/fd) folder

SERVER_PID=""
cleanup() {
  set +e
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" && wait "$SERVER_PID"
  if [[ -z $given ]]; then stop_rabbitmq; stop_postgres; fi
  [[ -f $WORK/server.log ]] && cp "$WORK/server.log" /tmp/slamonitor-load-server.log && log "server log kept: /tmp/slamonitor-load-server.log"
  [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

WORK=$(mktemp -d /tmp/slamonitor-load.XXXXXX)
chmod 755 "$WORK"
given=${SLAMONITOR_TEST_POSTGRES:+yes}   # servers already running (e.g. kept from a test run): use them
if [[ -n ${LOADGEN_PG_STATEMENTS:-} ]]; then
  export SLAMONITOR_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all"
fi
if [[ -z $given ]]; then
  install_missing_packages private
  launch_rabbitmq
  start_postgres
fi
dotnet build src/SlaMonitor.Server -c Release -nologo -v q -clp:NoSummary >&2
dotnet build tools/SlaMonitor.LoadGen -c Release -nologo -v q -clp:NoSummary >&2
[[ -n $given ]] || await_rabbitmq
RABBIT_PORT=${RABBIT_PORT:-$(sed -E 's#.*:([0-9]+)/?$#\1#' <<<"$SLAMONITOR_TEST_RABBITMQ")}

pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$SLAMONITOR_TEST_POSTGRES")
db="Host=127.0.0.1;Port=$pg_port;Username=slamonitor;Password=slamonitor;Database=slamonitor_load;Maximum Pool Size=60"
pick_port http_port
ASPNETCORE_ENVIRONMENT=Development \
Logging__LogLevel__Default=Warning \
  dotnet src/SlaMonitor.Server/bin/Release/net10.0/SlaMonitor.Server.dll \
  --urls "http://127.0.0.1:$http_port" --Role all --Demo:Enabled false \
  --Persistence:Provider Postgres --Persistence:ConnectionString "$db" \
  --Messaging:Transport RabbitMq --Messaging:RabbitMq:Host 127.0.0.1 --Messaging:RabbitMq:Port "$RABBIT_PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in {1..120}; do port_open "$http_port" && break; sleep 0.5; done
port_open "$http_port" || fail "the server did not listen" "$WORK/server.log"

dotnet tools/SlaMonitor.LoadGen/bin/Release/net10.0/SlaMonitor.LoadGen.dll \
  --server "http://127.0.0.1:$http_port" --postgres "$db" --rabbitmq "$SLAMONITOR_TEST_RABBITMQ" --olist data/olist "$@"
if [[ -n ${LOADGEN_PG_STATEMENTS:-} ]]; then
  echo "--- PostgreSQL: the 15 statements that took most time"
  PGPASSWORD=slamonitor "${PG_BIN:-$(find_pg_bin)}/psql" -h 127.0.0.1 -p "$pg_port" -U slamonitor -d slamonitor_load -X -P pager=off -c "
    CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
    SELECT calls, round(total_exec_time) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms, rows,
           left(regexp_replace(query, '\s+', ' ', 'g'), 150) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'slamonitor_load')
    ORDER BY total_exec_time DESC LIMIT 15;"
fi
echo "--- server log (warnings and errors)"; tail -n 20 "$WORK/server.log"
