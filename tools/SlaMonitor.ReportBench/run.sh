#!/usr/bin/env bash
# Runs the attainment report bench against a private PostgreSQL (tests/servers.sh, durable defaults unless
# REPORTBENCH_PG_FAST=1), removed afterwards.
#   tools/SlaMonitor.ReportBench/run.sh [--count 1000000] [--runs 7]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
SERVERS=$ROOT/tests/servers.sh
WORK=$(mktemp -d /tmp/slamonitor-reportbench.XXXXXX)
chmod 755 "$WORK"
trap 'bash "$SERVERS" postgres stop "$WORK/postgres"; rm -rf "$WORK"' EXIT
mode=durable
[[ -n ${REPORTBENCH_PG_FAST:-} ]] && mode=fast
SLAMONITOR_TEST_POSTGRES=$(bash "$SERVERS" postgres start "$WORK/postgres" "$mode")
export SLAMONITOR_TEST_POSTGRES
echo "PostgreSQL: $mode (durable: fsync, synchronous_commit, full_page_writes on)"
dotnet build tools/SlaMonitor.ReportBench -c Release -nologo -v q -clp:NoSummary >&2
dotnet tools/SlaMonitor.ReportBench/bin/Release/net10.0/SlaMonitor.ReportBench.dll "$@"
