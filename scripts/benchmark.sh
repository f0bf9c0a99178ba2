#!/usr/bin/env bash
# Runs the benchmark suite on both sides in one go and prints the table of docs/benchmarks.md:
# ours (Benchmarks/, BenchmarkDotNet) and the Python baseline (benchmarks/python/baseline.py, Debian's
# python3-torch), each image benchmark under the same name, 2 torch threads on both sides.
#
#   bash scripts/benchmark.sh                 everything (about an hour on a busy 2-core machine)
#   bash scripts/benchmark.sh --quick         the slim network's gradient methods only (a few minutes)
#
# Needs: the .NET SDK; /usr/bin/python3 with python3-torch, python3-numpy, python3-pil (apt-get install).
# Output: the table on stdout; raw results in benchmark-results/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[ "${1:-}" = "--quick" ] && quick=true

out=benchmark-results
rm -rf "$out" BenchmarkDotNet.Artifacts
mkdir -p "$out"
python=/usr/bin/python3
"$python" -c 'import torch, numpy, PIL' || {
  echo "The baseline needs Debian's python3-torch, python3-numpy and python3-pil." >&2
  exit 1
}

echo "load before: $(uptime)" | tee "$out/load.txt" >&2
dotnet build Benchmarks -c Release -v quiet -nologo >&2
bench() { dotnet run -c Release --project Benchmarks --no-build -- "$@"; }

if $quick; then
  bench --filter '*SlimNetwork*Gradients*' '*SlimNetwork*ForwardBackward*' '*SlimNetwork*Saliency*' >&2
  "$python" benchmarks/python/baseline.py --width slim --filter ForwardBackward Saliency IntegratedGradients \
    > "$out/python-slim.json"
else
  bench --filter '*SlimNetwork*' >&2
  "$python" benchmarks/python/baseline.py --width slim > "$out/python-slim.json"
  bench --filter '*CourseWidth*' >&2
  "$python" benchmarks/python/baseline.py --width course > "$out/python-course.json"
  bench --filter '*Bert*' '*Grading*' '*KeyDerivation*' >&2
  bench memory "$out/ours-memory.json" >&2
  "$python" benchmarks/python/baseline.py --width slim --memory > "$out/python-memory-slim.json"
  "$python" benchmarks/python/baseline.py --width course --memory > "$out/python-memory-course.json"
fi
echo "load after: $(uptime)" | tee -a "$out/load.txt" >&2

cp BenchmarkDotNet.Artifacts/results/*.json "$out/" 2>/dev/null || true
"$python" benchmarks/python/compare.py --ours "$out" \
  --python "$out"/python-slim.json $( [ -f "$out/python-course.json" ] && echo "$out/python-course.json" ) \
  --our-memory "$out/ours-memory.json" \
  --python-memory "$out/python-memory-slim.json" "$out/python-memory-course.json"
echo
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)'); $(cat "$out/load.txt" | tr '\n' ' ')"
