#!/usr/bin/env bash
# Runs the load tool against a server on a private PostgreSQL and RabbitMQ, started exactly as
# ./test.sh starts them (its functions, without its main), all removed afterwards.
#   tools/SlaMonitor.LoadGen/run.sh [load tool arguments, e.g. --seconds 60]
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
echo "--- server log (warnings and errors)"; tail -n 20 "$WORK/server.log"
