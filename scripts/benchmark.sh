#!/usr/bin/env bash
# Runs the benchmark suite on both sides in one go and prints the table of docs/benchmarks.md.
#
#   bash scripts/benchmark.sh            everything (16 minutes on an idle 2-core machine, 45 or more on a busy one)
#   bash scripts/benchmark.sh --quick    the slim network's gradient methods only (a few minutes)
#
# Image methods: benchmarks/python/side_by_side.py runs ours (Benchmarks `serve`, the same calls as the
# BenchmarkDotNet classes) and the Python baseline (benchmarks/python/baseline.py, Debian's python3-torch)
# alternately, call by call, and reports paired ratios. BERT: the same driver with ours, ONNX Runtime and the
# encoder in PyTorch (benchmarks/python/bert_baseline.py), on the installed BLAS and, when Debian's
# libopenblas0-pthread is there, on OpenBLAS too; BenchmarkDotNet as well (Benchmarks/), with key derivation and
# grading. Peak memory: `memory` on both sides.
# Allocator: ours keeps freed native memory for reuse, as the grader does (NativeAllocator); Python runs with
# glibc's defaults, as people run it. A control run of the gradient methods gives Python the same setting.
# Threads: 2 on both sides, or XAI_BENCH_THREADS.
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

echo "load before: $(uptime)" > "$out/load.txt"
dotnet build Benchmarks -c Release -v quiet -nologo >&2
side_by_side() { "$python" benchmarks/python/side_by_side.py "$@"; }

gradients=(ForwardBackward Saliency IntegratedGradients SmoothGrad FilterVisualization)
if $quick; then
  side_by_side --width slim --rounds 5 --filter ForwardBackward Saliency IntegratedGradients \
    --out "$out/side-by-side-slim.json"
  side_by_side --width slim --rounds 5 --filter ForwardBackward Saliency IntegratedGradients \
    --python-allocator retain --out "$out/same-allocator-slim.json"
else
  side_by_side --width slim --rounds 5 --out "$out/side-by-side-slim.json"
  side_by_side --width course --rounds 4 --out "$out/side-by-side-course.json"
  side_by_side --width slim --rounds 5 --filter "${gradients[@]}" --python-allocator retain \
    --out "$out/same-allocator-slim.json"
  side_by_side --width course --rounds 4 --filter "${gradients[@]}" --python-allocator retain \
    --out "$out/same-allocator-course.json"
  side_by_side --width bert --rounds 10 --out "$out/bert-side-by-side.json"
  if [ -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]; then
    side_by_side --width bert --rounds 10 --python-blas openblas --out "$out/bert-side-by-side-openblas.json"
  fi
  dotnet run -c Release --project Benchmarks --no-build -- --filter '*Bert*' '*Grading*' '*KeyDerivation*' >&2
  cp BenchmarkDotNet.Artifacts/results/*-report-full.json "$out/"
  dotnet run -c Release --project Benchmarks --no-build -- memory "$out/ours-memory.json" >&2
  "$python" benchmarks/python/baseline.py --width slim --memory > "$out/python-memory-slim.json"
  "$python" benchmarks/python/baseline.py --width course --memory > "$out/python-memory-course.json"
fi
echo "load after: $(uptime)" >> "$out/load.txt"

"$python" benchmarks/python/compare.py --results "$out"
echo
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)')," \
  "threads ${XAI_BENCH_THREADS:-2}; $(tr '\n' ' ' < "$out/load.txt")"
