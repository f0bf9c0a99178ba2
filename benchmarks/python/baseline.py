#!/usr/bin/python3
"""The Python baseline of the benchmark suite: the course's image methods in PyTorch, timed like Benchmarks/.

Written for this project. It runs the same computations as Benchmarks/ImageWorkload.cs on the same network
(the slim fixture weights read from fixtures/models/slim-classifier.safetensors, or the course width with
random weights), the same picture (fixtures/pictures/0.png), the same settings and the same thread count,
and prints one JSON object: for each benchmark, named as the C# side names it, the median and every run in
milliseconds. Like the C# methods it differentiates the inputs only (parameters frozen, eval mode) and
evaluates many path points or noisy samples per pass (the same internal batch sizes: 10); rows ending in
"Notebook" run the course notebook's way instead (one sample per backward pass, parameters left trainable;
SmoothGrad with 50 of the 500 samples, to keep the run short).

Needs Debian's python3-torch, python3-numpy and python3-pil; nothing else (no captum, lime or skimage, which
Debian 12 does not package for this torch). Run by hand or by scripts/benchmark.sh, never by the specs.
"""
import argparse
import json
import os
import re
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
STACK_DEPTHS = [3, 3, 3, 1, 1]
SLIM = ([16, 16, 32, 64, 64], 128)
COURSE = ([128, 128, 256, 512, 512], 1024)
PICTURE = 0
LABELS = [1, 1, 2, 3, 5, 6, 8, 8, 8, 9]


class Classifier(nn.Module):
    """The course's network: conv-BN-ReLU blocks in five stacks, each followed by max-pooling, then fc."""

    def __init__(self, channels, hidden):
        super().__init__()
        layers, inputs = [], 3
        for depth, width in zip(STACK_DEPTHS, channels):
            for _ in range(depth):
                layers += [nn.Conv2d(inputs, width, 3, 1, 1), nn.BatchNorm2d(width), nn.ReLU()]
                inputs = width
            layers.append(nn.MaxPool2d(2, 2, 0))
        self.cnn = nn.Sequential(*layers)
        self.fc = nn.Sequential(
            nn.Linear(channels[-1] * 4 * 4, hidden), nn.ReLU(), nn.Dropout(0.3), nn.Linear(hidden, 11))

    def forward(self, x):
        return self.fc(self.cnn(x).flatten(1))


def read_safetensors(path):
    """A safetensors file by hand: 8-byte little-endian header length, JSON header, raw little-endian data."""
    dtypes = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "I32": np.int32}
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=dtypes[entry["dtype"]]).reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


def load_model(width):
    if width == "slim":
        model = Classifier(*SLIM)
        model.load_state_dict(read_safetensors(os.path.join(ROOT, "fixtures/models/slim-classifier.safetensors")))
    else:
        torch.manual_seed(0)
        model = Classifier(*COURSE)
    return model.eval()


def load_picture(number):
    """[3, 128, 128] floats in [0, 1], as the course's ToTensor gives them."""
    rgb = np.asarray(Image.open(os.path.join(ROOT, f"fixtures/pictures/{number}.png")).convert("RGB"))
    return torch.from_numpy(rgb.astype(np.float32) / 255.0).permute(2, 0, 1).contiguous()


def freeze(model, frozen):
    for p in model.parameters():
        p.requires_grad_(not frozen)


def input_gradient(model, x, objective):
    x = x.detach().requires_grad_(True)
    (gradient,) = torch.autograd.grad(objective(model(x)), [x])
    return gradient


def normalise(t):
    return (t - t.min()) / (t.max() - t.min())


class Methods:
    """Each benchmark as one call, the same as Benchmarks/ImageWorkload.cs."""

    def __init__(self, model, x, label, ten):
        self.model, self.x, self.label, self.ten = model, x.unsqueeze(0), label, ten
        self.target = torch.tensor([label])

    def forward_backward(self):
        freeze(self.model, True)
        return input_gradient(self.model, self.x, lambda logits: logits[0, self.label])

    def forward(self):
        with torch.no_grad():
            return self.model(self.x)

    def saliency(self):
        freeze(self.model, True)
        g = input_gradient(self.model, self.x, lambda logits: F.cross_entropy(logits, self.target))
        saliency = g.abs().amax(1)
        return torch.stack([normalise(s) for s in saliency])

    def smoothgrad(self, samples, batch=10, frozen=True):
        """Course: sigma = 0.4 / (max - min), noise std sigma**2, |gradient of the loss| averaged."""
        freeze(self.model, frozen)
        sigma = 0.4 / (self.x.max() - self.x.min()).item()
        total = torch.zeros_like(self.x)
        for start in range(0, samples, batch):
            n = min(batch, samples - start)
            noisy = self.x.repeat(n, 1, 1, 1) + torch.randn(n, *self.x.shape[1:]) * sigma ** 2
            g = input_gradient(
                self.model, noisy, lambda logits: F.cross_entropy(logits, self.target.repeat(n), reduction="sum"))
            total += g.abs().sum(0, keepdim=True)
        return normalise(total / samples).sum(1)

    def smoothgrad_notebook(self, samples):
        """The notebook's loop: one noisy copy per forward and backward, parameters trainable."""
        freeze(self.model, False)
        sigma = 0.4 / (self.x.max() - self.x.min()).item()
        total = torch.zeros_like(self.x)
        for _ in range(samples):
            noisy = (self.x + torch.randn_like(self.x) * sigma ** 2).requires_grad_(True)
            loss = F.cross_entropy(self.model(noisy), self.target)
            loss.backward()
            total += noisy.grad.abs()
            self.model.zero_grad()
        return normalise(total / samples).sum(1)

    def ig_course(self, batch=50):
        """Course: path images x * k / 10, k = 0..9, gradients of the label's logit averaged, batch points a pass."""
        freeze(self.model, True)
        alphas = torch.arange(10, dtype=torch.float32).view(-1, 1, 1, 1) / 10
        total = torch.zeros_like(self.x)
        for start in range(0, 10, batch):
            points = alphas[start:start + batch] * self.x
            g = input_gradient(self.model, points, lambda logits: logits[:, self.label].sum())
            total += g.sum(0, keepdim=True)
        return normalise(total / 10).sum(1)

    def ig_course_notebook(self):
        """The notebook's loop: one path image per forward and backward, parameters trainable."""
        freeze(self.model, False)
        total = torch.zeros_like(self.x)
        for k in range(10):
            xbar = (self.x * k / 10).requires_grad_(True)
            self.model(xbar)[0, self.label].backward()
            total += xbar.grad / 10
            self.model.zero_grad()
        return normalise(total).sum(1)

    def ig50(self, batch=10):
        """Paper: 50 Gauss-Legendre nodes on [0, 1], black baseline, times x, with the convergence delta."""
        freeze(self.model, True)
        nodes, weights = np.polynomial.legendre.leggauss(50)
        alphas = torch.tensor((nodes + 1) / 2, dtype=torch.float32).view(-1, 1, 1, 1)
        weights = torch.tensor(weights / 2, dtype=torch.float32).view(-1, 1, 1, 1)
        integral = torch.zeros_like(self.x)
        for start in range(0, 50, batch):
            a, w = alphas[start:start + batch], weights[start:start + batch]
            g = input_gradient(self.model, a * self.x, lambda logits: logits[:, self.label].sum())
            integral += (g * w).sum(0, keepdim=True)
        attributions = self.x * integral
        with torch.no_grad():
            delta = attributions.sum() - (self.model(self.x)[0, self.label]
                                          - self.model(torch.zeros_like(self.x))[0, self.label])
        return attributions.sum(1), delta

    def lime_classifier_only(self, samples, batch=10):
        with torch.no_grad():
            tens = self.x.repeat(batch, 1, 1, 1)
            for start in range(0, samples, batch):
                self.model(tens[:min(batch, samples - start)])

    def filter_visualization(self, steps, pictures, layer=6, filter_index=0):
        """Course: hook cnn[6], activation maps, then Adam (lr 0.1) on the pictures maximising filter 0's sum.

        As ours, the hook ends each forward at the hooked layer (nothing after it counts towards the objective;
        the course's notebook runs the whole network, which gives the same numbers at more cost), and the
        objective is read before each step and once after the last.
        """
        freeze(self.model, True)
        captured = {}

        def keep_and_stop(module, inputs, output):
            captured["out"] = output
            raise LayerReached

        def run_to_layer(x):
            try:
                self.model(x)
            except LayerReached:
                pass

        hook = self.model.cnn[layer].register_forward_hook(keep_and_stop)
        try:
            x = self.ten[:pictures].clone()
            with torch.no_grad():
                run_to_layer(x)
            activations = captured["out"][:, filter_index].detach().clone()
            x.requires_grad_(True)
            optimizer = torch.optim.Adam([x], lr=0.1)
            objective = []
            for _ in range(steps):
                optimizer.zero_grad()
                run_to_layer(x)
                activation = captured["out"][:, filter_index].sum()
                objective.append(activation.item())
                (-activation).backward()
                optimizer.step()
            with torch.no_grad():
                run_to_layer(x)
                objective.append(captured["out"][:, filter_index].sum().item())
            return activations, x.detach(), objective
        finally:
            hook.remove()


class LayerReached(Exception):
    """Raised by the filter visualisation's hook to end a forward at the hooked layer."""


def workloads(methods, width, memory=False):
    m = methods
    if width == "slim":
        return "SlimNetworkBenchmarks", {
            "ForwardBackward": m.forward_backward,
            "Forward": m.forward,
            "Saliency": m.saliency,
            "SmoothGrad500": lambda: m.smoothgrad(500),
            "SmoothGrad50Notebook": lambda: m.smoothgrad_notebook(50),
            "IntegratedGradientsCourse": m.ig_course,
            "IntegratedGradientsCourseNotebook": m.ig_course_notebook,
            "IntegratedGradients50": m.ig50,
            "IntegratedGradients50Batch50": lambda: m.ig50(batch=50),
            "SmoothGrad500Batch50": lambda: m.smoothgrad(500, batch=50),
            "Lime1000ClassifierOnly": lambda: m.lime_classifier_only(1000),
            "FilterVisualization100": lambda: m.filter_visualization(100, 10),
        }
    if memory:
        return "CourseWidthBenchmarks", {
            "ForwardBackward": m.forward_backward,
            "IntegratedGradientsCourse": m.ig_course,
            "IntegratedGradientsCourseBatch5": lambda: m.ig_course(batch=5),
            "IntegratedGradientsCourseBatch2": lambda: m.ig_course(batch=2),
        }
    return "CourseWidthBenchmarks", {
        "ForwardBackward": m.forward_backward,
        "Forward": m.forward,
        "Saliency": m.saliency,
        "SmoothGrad10": lambda: m.smoothgrad(10),
        "IntegratedGradientsCourse": m.ig_course,
        "Lime20ClassifierOnly": lambda: m.lime_classifier_only(20),
        "FilterVisualization5": lambda: m.filter_visualization(5, 10),
    }


def status_kib(field):
    with open("/proc/self/status") as f:
        return int(re.search(rf"{field}:\s+(\d+) kB", f.read()).group(1))


def serve(calls, timed_by_call=False):
    """The Python half of side_by_side.py: one call per name read, answered with its milliseconds.

    With timed_by_call, each call times itself and returns its milliseconds (bert_baseline.py's bursts).
    """
    print("ready " + " ".join(calls), flush=True)
    for line in sys.stdin:
        name = line.strip()
        if name not in calls:
            print(f"unknown {name}", flush=True)
            continue
        start = time.perf_counter()
        answer = calls[name]()
        elapsed = answer if timed_by_call else (time.perf_counter() - start) * 1000.0
        print(f"{elapsed:.3f}", flush=True)


def retain_freed_memory():
    """glibc's mallopt as NativeAllocator.RetainFreedMemory calls it: no mapped blocks, no trimming."""
    import ctypes
    libc = ctypes.CDLL("libc.so.6")
    m_trim_threshold, m_mmap_max = -1, -4
    if libc.mallopt(m_mmap_max, 0) != 1 or libc.mallopt(m_trim_threshold, 2**31 - 1) != 1:
        raise RuntimeError("mallopt refused the settings")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", choices=["slim", "course"], default="slim")
    parser.add_argument("--filter", nargs="*", default=[""],
                        help="run only the benchmarks whose name contains one of these")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--threads", type=int, default=int(os.environ.get("XAI_BENCH_THREADS", "2")))
    parser.add_argument("--memory", action="store_true", help="peak RSS per method (one call each) instead")
    parser.add_argument("--serve", action="store_true",
                        help="read benchmark names from stdin and answer each with its time (side_by_side.py)")
    parser.add_argument("--allocator", choices=["system", "retain"], default="system",
                        help="system: glibc's defaults, as people run PyTorch; retain: the settings the C# side "
                             "uses (Reference/Platform/NativeAllocator.cs), to show what they are worth here")
    args = parser.parse_args()

    if args.allocator == "retain":
        retain_freed_memory()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = load_model(args.width)
    ten = torch.stack([load_picture(n) for n in range(10)])
    methods = Methods(model, ten[PICTURE], LABELS[PICTURE], ten)
    prefix, calls = workloads(methods, args.width, args.memory)
    if args.serve:
        serve(calls)
        return

    results = {}
    for name, call in calls.items():
        if not any(part in name for part in args.filter):
            continue
        key = f"{prefix}.{name}"
        if args.memory:
            call()
            open("/proc/self/clear_refs", "w").write("5")
            before = status_kib("VmRSS")
            call()
            results[key] = (status_kib("VmHWM") - before) / 1024.0
            continue
        for _ in range(args.warmup):
            call()
        runs = []
        for _ in range(args.runs):
            start = time.perf_counter()
            call()
            runs.append((time.perf_counter() - start) * 1000.0)
        results[key] = {"median_ms": statistics.median(runs), "runs_ms": runs}
        print(f"{key}: median {statistics.median(runs):.1f} ms", file=sys.stderr)
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "results": results}, indent=1))


if __name__ == "__main__":
    main()
