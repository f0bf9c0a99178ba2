#!/usr/bin/python3
"""Turns the raw results of scripts/benchmark.sh into the tables of docs/benchmarks.md (Markdown on stdout).

Reads from one folder: side-by-side-*.json (side_by_side.py: ours as the grader runs, Python with glibc's
default allocator settings), same-allocator-*.json (the control: both sides keep freed memory for reuse),
*-report-full.json (BenchmarkDotNet's JSON export), ours-memory.json and python-memory-*.json (peak resident
memory), bert-side-by-side*.json (side_by_side.py --width bert: ours, PyTorch and ONNX Runtime on BERT).
"ours / Python" is the median over rounds of the paired ratio; "fastest" compares the quickest calls of each side
(the least disturbed by other work); "x fwd+bwd" divides a method's median by the same side's median of one
forward and backward pass at batch 1. Written for this project; standard library only.
"""
import argparse
import glob
import json
import os
import statistics


def load(folder, pattern):
    merged = {}
    for path in sorted(glob.glob(os.path.join(folder, pattern))):
        data = json.load(open(path))
        merged.update(data.get("results", data))
    return merged


def ms(value):
    if value is None:
        return "-"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"


def mib(value):
    # Resident memory can end a call a little below where it started: that peak above it is 0, not "-0".
    return f"{max(value, 0.0):.0f} MiB"


def median(values):
    return statistics.median(values) if values else None


def image_table(folder, pattern, with_memory):
    times = load(folder, pattern)
    if not times:
        return
    ours_memory = load(folder, "ours-memory.json") if with_memory else {}
    python_memory = load(folder, "python-memory-*.json") if with_memory else {}
    print("| benchmark | ours (median) | Python (median) | ours / Python (paired) | fastest: ours / Python "
          "| ours x fwd+bwd | Python x fwd+bwd | peak RSS ours / Python |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for key in list(times) + [k for k in ours_memory if k not in times]:
        prefix, name = key.split(".", 1)
        entry = times.get(key, {})
        ours, theirs = median(entry.get("ours_ms")), median(entry.get("python_ms"))
        reference = times.get(f"{prefix}.ForwardBackward", {})
        our_ref, their_ref = median(reference.get("ours_ms")), median(reference.get("python_ms"))
        ratio = f"{entry['paired_ratio']:.2f}" if "paired_ratio" in entry else "-"
        fastest = f"{min(entry['ours_ms']) / min(entry['python_ms']):.2f}" if "paired_ratio" in entry else "-"
        our_x = f"{ours / our_ref:.1f}" if ours and our_ref else "-"
        their_x = f"{theirs / their_ref:.1f}" if theirs and their_ref else "-"
        peak = mib(ours_memory[key]) if key in ours_memory else "-"
        peak += f" / {mib(python_memory[key])}" if key in python_memory else ""
        network = "slim" if prefix.startswith("Slim") else "course width"
        print(f"| {name} ({network}) | {ms(ours)} | {ms(theirs)} | {ratio} | {fastest} | {our_x} | {their_x} "
              f"| {peak} |")


def bert_table(folder):
    # The installed BLAS first, then OpenBLAS.
    for path in sorted(glob.glob(os.path.join(folder, "bert-side-by-side*.json")), key=lambda p: ("openblas" in p, p)):
        results = json.load(open(path))
        blas = next(iter(results.values())).get("python_blas", "?")
        print()
        print(f"BERT forward with every hidden state and attention, side by side (Python's libblas.so.3: {blas}); "
              "ratios are paired medians over rounds:")
        print()
        print("| text | ours | Python | ONNX Runtime / returning every state | ours / Python "
              "| ours / ONNX Runtime (/ every state) | Python / ONNX Runtime |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for key, entry in results.items():
            onnx, every = median(entry.get("OnnxRuntime_ms")), median(entry.get("OnnxRuntimeEveryState_ms"))
            print(f"| {key.split('.', 2)[2]} | {ms(median(entry['ours_ms']))} | {ms(median(entry['python_ms']))} "
                  f"| {ms(onnx)} / {ms(every)} | {entry['paired_ratio']:.3f} "
                  f"| {entry['ours_vs_OnnxRuntime']:.2f} / {entry['ours_vs_OnnxRuntimeEveryState']:.2f} "
                  f"| {entry['python_vs_OnnxRuntime']:.1f} |")


def dotnet_table(folder):
    rows = {}
    for path in sorted(glob.glob(os.path.join(folder, "*-report-full.json"))):
        for b in json.load(open(path))["Benchmarks"]:
            key = f"{b['Type']}.{b['Method']}" + (f"({b['Parameters']})" if b.get("Parameters") else "")
            rows[key] = (b["Statistics"]["Median"] / 1e6, b.get("Memory", {}).get("BytesAllocatedPerOperation"))
    if not rows:
        return
    print()
    print("| benchmark (BenchmarkDotNet) | median | baseline | ours / baseline | managed allocation |")
    print("|---|---:|---:|---:|---:|")
    for key, (value, allocated) in rows.items():
        baseline, ratio = "-", "-"
        if key.startswith("BertBenchmarks.Ours"):
            ort = rows.get(key.replace(".Ours", ".OnnxRuntime"))
            every = rows.get(key.replace(".Ours", ".OnnxRuntimeEveryState"))
            if ort:
                baseline, ratio = f"ONNX Runtime {ms(ort[0])}", f"{value / ort[0]:.2f}"
            if ort and every:
                baseline += f"; returning every state {ms(every[0])}"
                ratio += f" / {value / every[0]:.2f}"
        alloc = f"{allocated / 1024:.0f} KB" if allocated is not None else "-"
        print(f"| {key} | {ms(value)} | {baseline} | {ratio} | {alloc} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", required=True, help="the folder scripts/benchmark.sh wrote")
    args = parser.parse_args()
    image_table(args.results, "side-by-side-*.json", with_memory=True)
    if glob.glob(os.path.join(args.results, "same-allocator-*.json")):
        print()
        print("Control: the same allocator setting on both sides (freed native memory kept for reuse):")
        print()
        image_table(args.results, "same-allocator-*.json", with_memory=False)
    bert_table(args.results)
    dotnet_table(args.results)


if __name__ == "__main__":
    main()
