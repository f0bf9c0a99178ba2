#!/usr/bin/env bash
# Runs every spec of the solution. On a fresh Debian/Ubuntu machine it first installs what the specs
# need beyond the .NET SDK (headless Chromium for the HTML viewer specs, fonts for figures).
# Usage: bash scripts/test.sh [extra dotnet test arguments, e.g. --filter "FullyQualifiedName~Attribution"]
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/install-system-packages.sh

results=$(mktemp -d)
status=0
dotnet test XaiReference.sln -c Release --logger "trx;LogFileName=specs.trx" \
  --results-directory "$results" "$@" || status=$?

# One closing line that any reader of the log can count: "Specs: N passed, N failed, N skipped".
trx="$results/specs.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$(get passed); failed=$(get failed); total=$(get total); executed=$(get executed)
  skipped=$(( ${total:-0} - ${executed:-0} ))
  echo "Specs: ${passed:-0} passed, ${failed:-0} failed, ${skipped} skipped"
fi
rm -rf "$results"
exit $status
