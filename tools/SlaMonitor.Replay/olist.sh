#!/usr/bin/env bash
# The Olist figures of docs/prediction.md, end to end (issue 17):
#   1. convert data/olist into the replay's input folder;
#   2. replay the validate split (train before 2018-01-01, score January–March 2018) and choose the threshold there:
#      the highest recall with precision >= 80 % (ties: the longer median lead), or THRESHOLD=0.xx to impose one;
#   3. replay the test split (score from 2018-04-01) with that threshold;
#   4. write the measured section of docs/prediction.md from the two report.json files.
# Usage: tools/SlaMonitor.Replay/olist.sh [OUT_DIR]   (default /tmp/slamonitor-olist; reports in OUT_DIR/validate, OUT_DIR/test)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/slamonitor-olist}
dotnet build tools/SlaMonitor.Replay -c Release -nologo -v q -clp:NoSummary
replay=tools/SlaMonitor.Replay/bin/Release/net10.0/SlaMonitor.Replay
$replay convert-olist --olist data/olist --output "$out/input"
$replay --input "$out/input" --report "$out/validate" --train-until 2018-01-01 --score-until 2018-04-01 --choose-threshold | tee "$out/validate.txt"
threshold=${THRESHOLD:-$(sed -n 's/^threshold \([0-9.]*\):.*/\1/p' "$out/validate.txt")}
$replay --input "$out/input" --report "$out/test" --train-until 2018-04-01 ${threshold:+--threshold "$threshold"}
$replay section --validate "$out/validate/report.json" --test "$out/test/report.json" --into docs/prediction.md
echo "threshold ${threshold:-(product default)}; docs/prediction.md updated; reports in $out/validate and $out/test"
