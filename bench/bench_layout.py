"""Benchmark of diagrams for big maps (run by hand, not a test).

    .venv/bin/python bench/bench_layout.py [--sizes 1000 10000 100000] [--layout-size 2000] [--repeat 3]

1. DOT source (`argmap.to_dot`, default options) at each size.
2. Graphviz layout to SVG of a map of --layout-size statements: argmap's diagram against a bare
   graph of the same shape (same nodes and edges, default styles), once with the statements' text as
   labels and once with ids only; with dot and with graphviz-pure where installed.

Maps are made as in bench_core.py: each new statement supports or attacks a random earlier one,
every fifth support a linked pair.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import build_map, make_spec, with_spans  # noqa: E402

import argmap  # noqa: E402
from argmap.diagram import quote  # noqa: E402
from argmap.diagram.render import _pure_candidates  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def bare_dot(amap: argmap.ArgumentMap, labels: bool) -> str:
    """The same nodes and edges with Graphviz's default look (linked supports through a point)."""
    out = ["digraph bare {", "  rankdir=BT;"]
    for s in amap.statements:
        out.append(f"  {s.id} [label={quote(argmap.text.wrap(s.text))}];" if labels else f"  {s.id};")
    for r in amap.relations:
        if len(r.sources) > 1:
            out.append(f"  {r.id} [shape=point];")
            out += [f"  {src} -> {r.id};" for src in r.sources]
            out.append(f"  {r.id} -> {r.target};")
        else:
            out.append(f"  {r.sources[0]} -> {r.target};")
    out.append("}")
    return "\n".join(out) + "\n"


def layout_time(exe: str, source: str, repeat: int) -> float:
    data = source.encode()

    def run() -> None:
        subprocess.run([exe, "-Kdot", "-Tsvg"], input=data, capture_output=True, check=True)

    return best(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--layout-size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    print("| statements | DOT source (s) | DOT size (MB) |")
    print("|---:|---:|---:|")
    for n in args.sizes:
        spec = make_spec(n)
        amap = build_map(spec, with_spans(spec))
        seconds = best(lambda: argmap.to_dot(amap), args.repeat)
        size = len(argmap.to_dot(amap).encode()) / 1e6
        print(f"| {n:,} | {seconds:.3f} | {size:.1f} |")

    n = args.layout_size
    spec = make_spec(n)
    amap = build_map(spec, with_spans(spec))
    sources = {
        "argmap diagram": argmap.to_dot(amap),
        "bare graph, same labels": bare_dot(amap, labels=True),
        "bare graph, ids only": bare_dot(amap, labels=False),
    }
    renderers = {}
    if shutil.which("dot"):
        renderers["dot"] = shutil.which("dot")
    pure = next((p for p in _pure_candidates() if p.is_file()), None)
    if pure:
        renderers["graphviz-pure"] = str(pure)
    print()
    print(f"Layout to SVG of {n:,} statements (best of {args.repeat}):")
    print()
    print("| source | " + " | ".join(f"{name} (s)" for name in renderers) + " |")
    print("|---|" + "---:|" * len(renderers))
    for label, source in sources.items():
        cells = [f"{layout_time(exe, source, args.repeat):.2f}" for exe in renderers.values()]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
