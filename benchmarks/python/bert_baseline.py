#!/usr/bin/python3
"""The Python baseline of the BERT benchmark: the default MiniLM's forward in PyTorch, served to side_by_side.py.

Written for this project. Debian 12 packages no transformers for its python3-torch, so the encoder is written out
here as transformers' BertModel computes it in eager mode with output_attentions and output_hidden_states: modules
under the same names (so the checkpoint loads strictly), nn.Linear layers, attention as query-key products, a
softmax and a product with the values, the pooler on [CLS]. It runs under torch.no_grad() in eval mode, as
people run a model for its attentions.

The C# side (Benchmarks `serve bert FOLDER`) writes into FOLDER the model's weights (weights.safetensors), the
sizes they do not tell (config.json), and for each text its ids, mask and segments and our hidden states and
attention tensors. This side loads them, checks that its forward gives the same hidden states and attentions (it
stops if any differs by more than --tolerance) and then answers each call with the median milliseconds of
--burst forwards back to back, as the C# side does. Run by side_by_side.py --width bert, never by the specs.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from baseline import read_safetensors, serve

TEXTS = ["coreference", "question-context"]


class Embeddings(nn.Module):
    def __init__(self, vocab, positions, segments, hidden, eps):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, hidden)
        self.position_embeddings = nn.Embedding(positions, hidden)
        self.token_type_embeddings = nn.Embedding(segments, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, ids, segments):
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        summed = self.word_embeddings(ids) + self.token_type_embeddings(segments) + self.position_embeddings(positions)
        return self.LayerNorm(summed)


class SelfAttention(nn.Module):
    def __init__(self, hidden, heads):
        super().__init__()
        self.heads, self.head_size = heads, hidden // heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def split(self, x):
        batch, length, _ = x.shape
        return x.view(batch, length, self.heads, self.head_size).permute(0, 2, 1, 3)

    def forward(self, hidden, additive_mask):
        q, k, v = self.split(self.query(hidden)), self.split(self.key(hidden)), self.split(self.value(hidden))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_size) + additive_mask
        probabilities = F.softmax(scores, dim=-1)
        context = torch.matmul(probabilities, v).permute(0, 2, 1, 3).contiguous()
        return context.view(context.shape[0], context.shape[1], -1), probabilities


class ResidualOutput(nn.Module):
    """A dense layer, then LayerNorm of its output plus the residual (attention.output and output)."""

    def __init__(self, inputs, hidden, eps):
        super().__init__()
        self.dense = nn.Linear(inputs, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x, residual):
        return self.LayerNorm(self.dense(x) + residual)


class Attention(nn.Module):
    def __init__(self, hidden, heads, eps):
        super().__init__()
        self.self = SelfAttention(hidden, heads)
        self.output = ResidualOutput(hidden, hidden, eps)

    def forward(self, hidden, additive_mask):
        context, probabilities = self.self(hidden, additive_mask)
        return self.output(context, hidden), probabilities


class Intermediate(nn.Module):
    def __init__(self, hidden, inner, activation):
        super().__init__()
        self.dense = nn.Linear(hidden, inner)
        self.activation = activation

    def forward(self, x):
        return self.activation(self.dense(x))


class Layer(nn.Module):
    def __init__(self, hidden, inner, heads, eps, activation):
        super().__init__()
        self.attention = Attention(hidden, heads, eps)
        self.intermediate = Intermediate(hidden, inner, activation)
        self.output = ResidualOutput(inner, hidden, eps)

    def forward(self, hidden, additive_mask):
        attended, probabilities = self.attention(hidden, additive_mask)
        return self.output(self.intermediate(attended), attended), probabilities


class Encoder(nn.Module):
    def __init__(self, layers, *sizes):
        super().__init__()
        self.layer = nn.ModuleList(Layer(*sizes) for _ in range(layers))


class Pooler(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.dense = nn.Linear(hidden, hidden)

    def forward(self, last_hidden):
        return torch.tanh(self.dense(last_hidden[:, 0]))


class Bert(nn.Module):
    """Returns every hidden state (embeddings first), every layer's attention probabilities and the pooled [CLS]."""

    def __init__(self, state, config):
        super().__init__()
        vocab, hidden = state["embeddings.word_embeddings.weight"].shape
        positions = state["embeddings.position_embeddings.weight"].shape[0]
        segments = state["embeddings.token_type_embeddings.weight"].shape[0]
        inner = state["encoder.layer.0.intermediate.dense.weight"].shape[0]
        layers = len({k.split(".")[2] for k in state if k.startswith("encoder.layer.")})
        activations = {"gelu": nn.GELU(), "gelu_new": nn.GELU(approximate="tanh"), "relu": nn.ReLU()}
        eps = config["layer_norm_eps"]
        self.embeddings = Embeddings(vocab, positions, segments, hidden, eps)
        self.encoder = Encoder(layers, hidden, inner, config["num_attention_heads"], eps,
                               activations[config["hidden_act"]])
        self.pooler = Pooler(hidden)
        self.load_state_dict(state, strict=True)
        self.eval()

    def forward(self, ids, segments, mask):
        additive_mask = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
        hidden = self.embeddings(ids, segments)
        hidden_states, attentions = [hidden], []
        for layer in self.encoder.layer:
            hidden, probabilities = layer(hidden, additive_mask)
            hidden_states.append(hidden)
            attentions.append(probabilities)
        return tuple(hidden_states), tuple(attentions), self.pooler(hidden)


def median_of_burst(forward, burst):
    times = []
    for _ in range(burst):
        start = time.perf_counter()
        forward()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", required=True, help="what Benchmarks `serve bert FOLDER` wrote")
    parser.add_argument("--burst", type=int, default=20, help="forwards per call; a call answers their median")
    parser.add_argument("--threads", type=int, default=int(os.environ.get("XAI_BENCH_THREADS", "2")))
    parser.add_argument("--tolerance", type=float, default=1e-4, help="largest difference from ours allowed")
    args = parser.parse_args()

    if not os.path.exists(os.path.join(args.folder, "weights.safetensors")):
        sys.exit(f"No weights.safetensors in {args.folder}: write it with Benchmarks `serve bert {args.folder}`, "
                 "or let side_by_side.py --width bert run both sides")
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.folder, "config.json")) as f:
        config = json.load(f)
    model = Bert(read_safetensors(os.path.join(args.folder, "weights.safetensors")), config)
    torch.set_grad_enabled(False)

    calls = {}
    for text in TEXTS:
        def read(what):
            return torch.from_numpy(np.load(os.path.join(args.folder, f"{text}.{what}.npy")))
        ids, segments, mask = read("input_ids"), read("token_type_ids"), read("attention_mask")
        hidden_states, attentions, _ = model(ids, segments, mask)
        differences = (
            (torch.stack([h[0] for h in hidden_states]) - read("hidden_states")).abs().max().item(),
            (torch.stack([a[0] for a in attentions]) - read("attentions")).abs().max().item())
        print(f"{text} ({ids.shape[1]} tokens): largest difference from ours: hidden states {differences[0]:.2e}, "
              f"attentions {differences[1]:.2e}", file=sys.stderr)
        if max(differences) > args.tolerance:
            sys.exit(f"{text}: this forward is not ours (tolerance {args.tolerance}); not timing it")
        calls[f"Forward.{text}"] = (
            lambda ids=ids, segments=segments, mask=mask: median_of_burst(lambda: model(ids, segments, mask),
                                                                          args.burst))
    serve(calls, timed_by_call=True)


if __name__ == "__main__":
    main()
