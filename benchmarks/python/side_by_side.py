#!/usr/bin/python3
"""Times each method on both sides, alternating call by call, so both see the same load.

Starts the C# side (Benchmarks `serve`) and the Python baseline (`baseline.py --serve`) for one network,
warms each method up once on each side, then for every round calls each method once on each side, the
side that goes first alternating between rounds. The ratio of a method is the median over rounds of
ours / Python for the two calls of that round: on a shared machine whose load moves, that paired median
is steadier than the ratio of two medians measured minutes apart. Before each call the driver waits --gap
seconds (0.1 by default): after a parallel region, OpenMP's idle threads spin for a while before they sleep,
and without the pause one side's spinning threads would take the two cores from the other side's first
milliseconds. Writes JSON; written for this project.

With --width bert the two sides are Benchmarks `serve bert` (our forward and ONNX Runtime's) and bert_baseline.py
(the same encoder in PyTorch, checked against ours before it is timed); each call answers with the median of
--burst forwards back to back, and every round also gives each side's ratio to ONNX Runtime in the same round.
--python-blas openblas runs the Python side on OpenBLAS (Debian's libopenblas0-pthread) instead of the BLAS that
libblas.so.3 points to, which on a plain `apt-get install python3-torch` is the reference BLAS.
"""
import argparse
import json
import os
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(ROOT, "Benchmarks/bin/Release/net10.0/XaiReference.Benchmarks.dll")
PREFIX = {"slim": "SlimNetworkBenchmarks", "course": "CourseWidthBenchmarks", "bert": "BertSideBySide"}
OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-pthread"
GRAPHS = ("OnnxRuntime.", "OnnxRuntimeEveryState.")


class Side:
    def __init__(self, command, env=None):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        cwd=ROOT, env=env)
        line = self.process.stdout.readline().split()
        if not line or line[0] != "ready":
            raise RuntimeError(f"{command[0]} did not start: {line}")
        self.names = line[1:]

    def call(self, name, gap=0.0):
        time.sleep(gap)
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        return float(answer)

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", choices=["slim", "course", "bert"], default="slim")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--filter", nargs="*", default=[""], help="only names containing one of these")
    parser.add_argument("--out", required=True)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds to wait before each call")
    parser.add_argument("--ours-allocator", choices=["retain", "system"], default="retain",
                        help="retain: freed native memory kept for reuse, as the grader runs (the default); "
                             "system: glibc's defaults")
    parser.add_argument("--python-allocator", choices=["system", "retain"], default="system",
                        help="system: glibc's defaults, as people run PyTorch (the default); retain: as ours")
    parser.add_argument("--burst", type=int, default=20, help="bert: forwards per call, answered with their median")
    parser.add_argument("--python-blas", choices=["installed", "openblas"], default="installed",
                        help="bert: the BLAS libblas.so.3 points to (the default), or OpenBLAS")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="xai-bert-") if args.width == "bert" else None
    try:
        ours, theirs = start(args, folder)
        result = compare(args, ours, theirs)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


def start(args, folder):
    """Both sides, ours first: for BERT it writes the weights and inputs the Python side reads."""
    env = {**os.environ, "XAI_BENCH_ALLOCATOR": args.ours_allocator}
    if folder:
        ours = Side(["dotnet", DLL, "serve", "bert", folder, str(args.burst)], env=env)
        python_env = dict(os.environ)
        if args.python_blas == "openblas":
            if not os.path.exists(os.path.join(OPENBLAS, "libblas.so.3")):
                ours.close()
                sys.exit(f"No OpenBLAS in {OPENBLAS}: apt-get install libopenblas0-pthread")
            python_env["LD_LIBRARY_PATH"] = OPENBLAS
        try:
            theirs = Side(["/usr/bin/python3", os.path.join(ROOT, "benchmarks/python/bert_baseline.py"),
                           "--folder", folder, "--burst", str(args.burst)], env=python_env)
        except BaseException:
            ours.close()
            raise
        return ours, theirs
    ours = Side(["dotnet", DLL, "serve", args.width], env=env)
    theirs = Side(["/usr/bin/python3", os.path.join(ROOT, "benchmarks/python/baseline.py"), "--serve",
                   "--width", args.width, "--allocator", args.python_allocator])
    return ours, theirs


def compare(args, ours, theirs):
    """Warms every call up once a side, then runs the rounds; the results by benchmark name."""
    names = [n for n in dict.fromkeys(ours.names + theirs.names) if any(f in n for f in args.filter)]
    sides = {"ours": ours, "python": theirs}
    times = {name: {"ours": [], "python": []} for name in names}
    try:
        for name in names:
            for side in sides.values():
                if name in side.names:
                    side.call(name)
        for round_ in range(args.rounds):
            order = ["ours", "python"] if round_ % 2 == 0 else ["python", "ours"]
            for name in names:
                for label in order:
                    if name in sides[label].names:
                        times[name][label].append(sides[label].call(name, args.gap))
            print(f"round {round_ + 1} of {args.rounds} done", file=sys.stderr)
    finally:
        ours.close()
        theirs.close()

    result = {}
    for name, runs in times.items():
        if name.startswith(GRAPHS):
            continue  # ONNX Runtime's calls: with the forward of the same text below
        entry = {"ours_ms": runs["ours"], "python_ms": runs["python"]}
        if runs["ours"] and runs["python"]:
            entry["paired_ratio"] = paired(runs["ours"], runs["python"])
        for graph in GRAPHS:
            onnx = times.get(name.replace("Forward.", graph, 1), {}).get("ours")
            if name.startswith("Forward.") and onnx:
                entry[f"{graph[:-1]}_ms"] = onnx
                entry[f"ours_vs_{graph[:-1]}"] = paired(runs["ours"], onnx)
                entry[f"python_vs_{graph[:-1]}"] = paired(runs["python"], onnx)
        if args.width == "bert":
            entry["python_blas"] = python_blas(args)
        result[f"{PREFIX[args.width]}.{name}"] = entry
    return result


def python_blas(args):
    """The file behind the Python side's libblas.so.3."""
    if args.python_blas == "openblas":
        return os.path.realpath(os.path.join(OPENBLAS, "libblas.so.3"))
    return os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")


def paired(mine, theirs):
    """The median over rounds of the ratio of two calls made in the same round."""
    return statistics.median(a / b for a, b in zip(mine, theirs))


if __name__ == "__main__":
    main()
