#!/usr/bin/env bash
# After an API change: rewrites docs/openapi/v1.json from the served document and regenerates the client from it.
# Review the diff of both (and call out breaking changes in CHANGELOG.md), then commit them with the change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

dotnet build tests/SlaMonitor.Server.Tests -c Release -nologo -v q -clp:NoSummary
UPDATE_OPENAPI_SNAPSHOT=1 dotnet test --project tests/SlaMonitor.Server.Tests -c Release --no-build --filter-class '*OpenApiSnapshotTests'
tools/client/generate.sh
dotnet build src/SlaMonitor.Client -c Release -nologo -v q -clp:NoSummary
