"""Benchmark of the paths that were once quadratic (issue 14, point 5): each at three sizes, with the
growth factor per 10x (linear is about 10x, quadratic about 100x).

Run by hand (it is not a test)::

    .venv/bin/python bench/bench_paths.py                       # 1k, 10k, 100k
    .venv/bin/python bench/bench_paths.py --sizes 1000,10000 --repeat 1

The paths:

- **outline export**: ``argmap.export(amap, "outline")`` of a map of N statements (the benchmark
  maps of bench_core.py); it once tested membership in a list of relations.
- **MapBuilder locate**: ``MapBuilder(text=..., locate=True)`` with N statements found in a document
  holding all their texts (13 MB at 100k); it once searched the document from its start each time.
- **extract, no registry**: ``argmap.extract(text)`` called N/100 times on a small document (the
  first 1,500 characters of tests/fixtures/extract/cycle-lanes.txt); it once rebuilt the
  plugin registry on every call.
- **batch edit**: adding N statements and N-1 supports to a one-statement map with
  ``amap.edit()``; beside it ``m = m.add(x)`` one item at a time, which validates every
  intermediate map and stays quadratic by nature (run up to ``--add-loop-max`` items only).

Times are the best of ``--repeat`` runs of :func:`time.perf_counter` in this process. On a shared
machine the absolute times drift; the growth factors, measured within one run, are the figure.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
import time
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_core  # noqa: E402  (the benchmark maps)

import argmap  # noqa: E402
from argmap import MapBuilder, Statement, Support  # noqa: E402


def best_of(fn: Callable[[], Any], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def outline(n: int) -> Callable[[], Any]:
    amap = bench_core.build_map(bench_core.make_spec(n))
    return lambda: argmap.export(amap, "outline")


def locate(n: int) -> Callable[[], Any]:
    spec = bench_core.make_spec(n)
    document, _ = bench_core.with_spans(spec)

    def run() -> Any:
        b = MapBuilder(text=document, locate=True)
        for sid, text, kind, main in spec["statements"]:
            b.statement(text, kind, id=sid, main=main)
        return b.build()

    return run


def _small_text() -> str:
    path = os.path.join(os.path.dirname(__file__), "..", "tests", "fixtures", "extract", "cycle-lanes.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()[:1500]
    except OSError:
        return ("Cities should plant more trees. Trees cool the streets in summer, because their shade keeps "
                "the sun off the asphalt. Critics say that trees cost money. But the savings on energy are "
                "larger than the cost.")


def extract(n: int) -> Callable[[], Any]:
    text = _small_text()
    calls = max(n // 100, 1)
    argmap.extract(text)  # the registry is built once, as in any program

    def run() -> Any:
        for _ in range(calls):
            argmap.extract(text)

    return run


def _items(n: int) -> list[Any]:
    items: list[Any] = []
    for i in range(2, n + 1):
        items.append(Statement(f"s{i}", f"Reason number {i}.", kind="premise"))
        items.append(Support(f"r{i}", [f"s{i}"], f"s{i // 2}"))
    return items


def batch_edit(n: int) -> Callable[[], Any]:
    start = MapBuilder()
    start.claim("The thesis.", main=True)
    amap, items = start.build(), _items(n)

    def run() -> Any:
        with amap.edit() as e:
            for item in items:
                e.add(item)
        return e.map

    return run


def add_loop(n: int) -> Callable[[], Any]:
    start = MapBuilder()
    start.claim("The thesis.", main=True)
    amap, items = start.build(), _items(n)

    def run() -> Any:
        m = amap
        for i in range(0, len(items), 2):
            m = m.add(items[i], items[i + 1])  # a statement and its support: valid after each step
        return m

    return run


PATHS: dict[str, Callable[[int], Callable[[], Any]]] = {
    "outline export": outline,
    "MapBuilder locate": locate,
    "extract, no registry (N/100 calls)": extract,
    "batch edit (`amap.edit()`)": batch_edit,
    "`m = m.add(x)` one at a time": add_loop,
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="sizes, comma-separated (default 1k,10k,100k)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--add-loop-max", type=int, default=10_000, help="largest size for the add loop")
    parser.add_argument("--only", help="run only the paths whose name contains this")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]

    argmap.get_registry()  # built once, as in any program, before anything is timed
    print(f"argmap paths benchmark: {bench_core.machine()}; best of {args.repeat}\n")
    print("| path | " + " | ".join(f"{n:,}" for n in sizes) + " | growth per 10x |")
    print("|---|" + "---|" * (len(sizes) + 1))
    for name, make in PATHS.items():
        if args.only and args.only not in name:
            continue
        times: list[float | None] = []
        for n in sizes:
            if make is add_loop and n > args.add_loop_max:
                times.append(None)
                continue
            print(f"{name}: {n:,} ...", file=sys.stderr)
            times.append(best_of(make(n), args.repeat))
        growth: list[str] = []
        for (n0, t0), (n1, t1) in zip(zip(sizes, times), zip(sizes[1:], times[1:])):
            if t0 and t1:
                growth.append(f"{(t1 / t0) ** (1 / max(1e-9, math.log10(n1 / n0))):.1f}x")
        cells = ["-" if t is None else bench_core._fmt_s(t) for t in times]
        print(f"| {name} | " + " | ".join(cells) + f" | {', '.join(growth) or '-'} |")


if __name__ == "__main__":
    main()
