#!/usr/bin/env bash
# Regenerates src/SlaMonitor.Client/Generated from docs/openapi/v1.json with the Kiota pinned in dotnet-tools.json.
# Run after updating the snapshot (UPDATE_OPENAPI_SNAPSHOT=1, see docs/partners.md), and commit both together.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

dotnet tool restore >/dev/null
# No update check (it asks GitHub), no tutorial hints.
KIOTA_OFFLINE_ENABLED=true KIOTA_TUTORIAL_ENABLED=false dotnet kiota generate \
  --language CSharp \
  --openapi docs/openapi/v1.json \
  --class-name SlaMonitorApiClient \
  --namespace-name SlaMonitor.Client \
  --output src/SlaMonitor.Client/Generated \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
