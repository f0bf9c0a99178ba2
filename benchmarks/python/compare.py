#!/usr/bin/python3
"""Joins one run of both sides into the table of docs/benchmarks.md and prints it (Markdown).

Inputs: the folder of BenchmarkDotNet's JSON reports (*-report-full.json), the Python baseline's JSON
outputs, and both sides' peak-memory JSON files. Ratios are ours / baseline of the medians; "x fwd+bwd" is
a method's median over the same side's median of one forward and backward pass at batch 1.
Written for this project; standard library only.
"""
import argparse
import glob
import json
import os


def ours(folder):
    """{ "Class.Method" or "Class.Method(Param=value)": (median ms, managed bytes per call) }."""
    table = {}
    for path in sorted(glob.glob(os.path.join(folder, "*-report-full.json"))):
        for b in json.load(open(path))["Benchmarks"]:
            key = f"{b['Type']}.{b['Method']}" + (f"({b['Parameters']})" if b.get("Parameters") else "")
            stats = b["Statistics"]
            table[key] = (stats["Median"] / 1e6, b.get("Memory", {}).get("BytesAllocatedPerOperation"),
                          stats["Min"] / 1e6)
    return table


def python(paths):
    table = {}
    for path in paths:
        for key, value in json.load(open(path))["results"].items():
            table[key] = (value["median_ms"], min(value["runs_ms"]))
    return table


def memory(paths):
    table = {}
    for path in paths:
        if os.path.exists(path):
            data = json.load(open(path))
            table.update(data.get("results", data))
    return table


def ms(value):
    if value is None:
        return "-"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.1f} ms"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", required=True, help="BenchmarkDotNet results folder")
    parser.add_argument("--python", nargs="*", default=[], help="baseline.py outputs")
    parser.add_argument("--our-memory", nargs="*", default=[])
    parser.add_argument("--python-memory", nargs="*", default=[])
    args = parser.parse_args()

    mine, theirs = ours(args.ours), python(args.python)
    my_memory, their_memory = memory(args.our_memory), memory(args.python_memory)

    print("| benchmark | ours (median) | Python (median) | ours / Python | fastest: ours / Python "
          "| ours x fwd+bwd | Python x fwd+bwd | peak RSS ours / Python (MiB) | managed alloc. |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    keys = list(mine) + [k for k in theirs if k not in mine]
    for key in keys:
        cls = key.split(".")[0]
        our_ms, allocated, our_min = mine.get(key, (None, None, None))
        their_ms, their_min = theirs.get(key, (None, None))
        our_ref = mine.get(f"{cls}.ForwardBackward", (None, None, None))[0]
        their_ref = theirs.get(f"{cls}.ForwardBackward", (None, None))[0]
        ratio = f"{our_ms / their_ms:.2f}" if our_ms and their_ms else "-"
        fastest = f"{our_min / their_min:.2f}" if our_min and their_min else "-"
        our_x = f"{our_ms / our_ref:.1f}" if our_ms and our_ref else "-"
        their_x = f"{their_ms / their_ref:.1f}" if their_ms and their_ref else "-"
        peak = f"{my_memory[key]:.0f}" if key in my_memory else "-"
        peak += f" / {their_memory[key]:.0f}" if key in their_memory else ""
        alloc = f"{allocated / 1024:.0f} KB" if allocated is not None else "-"
        print(f"| {key} | {ms(our_ms)} | {ms(their_ms)} | {ratio} | {fastest} | {our_x} | {their_x} | {peak} "
              f"| {alloc} |")

    # The text side: ours against ONNX Runtime, both in the BenchmarkDotNet run.
    print()
    print("| BERT text | ours (median) | ONNX Runtime (median) | ours / ORT |")
    print("|---|---:|---:|---:|")
    for key, (value, _, _) in mine.items():
        if key.startswith("BertBenchmarks.Ours"):
            parameters = key[len("BertBenchmarks.Ours"):]
            ort = mine.get(f"BertBenchmarks.OnnxRuntime{parameters}", (None, None, None))[0]
            if ort:
                print(f"| {parameters.strip('()')} | {ms(value)} | {ms(ort)} | {value / ort:.2f} |")


if __name__ == "__main__":
    main()
