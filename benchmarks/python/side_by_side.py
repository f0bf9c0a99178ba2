#!/usr/bin/python3
"""Times each image method on both sides, alternating call by call, so both see the same load.

Starts the C# side (Benchmarks `serve`) and the Python baseline (`baseline.py --serve`) for one network,
warms each method up once on each side, then for every round calls each method once on each side, the
side that goes first alternating between rounds. The ratio of a method is the median over rounds of
ours / Python for the two calls of that round: on a shared machine whose load moves, that paired median
is steadier than the ratio of two medians measured minutes apart. Before each call the driver waits --gap
seconds (0.1 by default): after a parallel region, OpenMP's idle threads spin for a while before they sleep,
and without the pause one side's spinning threads would take the two cores from the other side's first
milliseconds. Writes JSON; written for this project.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DLL = os.path.join(ROOT, "Benchmarks/bin/Release/net10.0/XaiReference.Benchmarks.dll")
PREFIX = {"slim": "SlimNetworkBenchmarks", "course": "CourseWidthBenchmarks"}


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
    parser.add_argument("--width", choices=["slim", "course"], default="slim")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--filter", nargs="*", default=[""], help="only names containing one of these")
    parser.add_argument("--out", required=True)
    parser.add_argument("--gap", type=float, default=0.1, help="seconds to wait before each call")
    parser.add_argument("--ours-allocator", choices=["retain", "system"], default="retain",
                        help="retain: freed native memory kept for reuse, as the grader runs (the default); "
                             "system: glibc's defaults")
    parser.add_argument("--python-allocator", choices=["system", "retain"], default="system",
                        help="system: glibc's defaults, as people run PyTorch (the default); retain: as ours")
    args = parser.parse_args()

    ours = Side(["dotnet", DLL, "serve", args.width], env={**os.environ, "XAI_BENCH_ALLOCATOR": args.ours_allocator})
    theirs = Side(["/usr/bin/python3", os.path.join(ROOT, "benchmarks/python/baseline.py"), "--serve",
                   "--width", args.width, "--allocator", args.python_allocator])
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
        entry = {"ours_ms": runs["ours"], "python_ms": runs["python"]}
        if runs["ours"] and runs["python"]:
            entry["paired_ratio"] = statistics.median(o / p for o, p in zip(runs["ours"], runs["python"]))
        result[f"{PREFIX[args.width]}.{name}"] = entry
    with open(args.out, "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
