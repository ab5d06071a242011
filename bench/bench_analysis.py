"""Benchmark of argmap.analysis: grounded labels of big maps, preferred labellings of 200-statement maps.

Run by hand (it is not a test)::

    .venv/bin/python bench/bench_analysis.py                          # both parts, default sizes
    .venv/bin/python bench/bench_analysis.py --sizes 1000,100000 --repeat 5
    .venv/bin/python bench/bench_analysis.py --skip-preferred

**Grounded.** The maps are bench_core's (``make_spec``/``build_map``: statement 1
the main recommendation, each new statement supporting (70%) or attacking a
random earlier one, every fifth support linked). For each size, in one process,
best of ``--repeat`` runs with the garbage collector on:

- ``project``: the map's framework (:func:`argmap.analysis.project`);
- ``grounded``: the grounded labelling of that framework;
- ``labels``: :func:`argmap.analysis.labels` end to end (project, label, one label per statement);
- two floors in the same run: ``graph`` builds a plain dict ``target -> [attacking statements]`` from
  the map's attacks (no supports, no labels), and ``bfs`` labels the statements over plain dicts of
  attacks alone (a queue of unattacked statements: in, what they attack out, and so on), which is the
  least any grounded labelling of these maps can cost in Python.

**Preferred.** bench_core's shape at 200 statements is a tree (no cycle of
attacks), which every semantics labels as grounded does. To give the search
work, a fraction ``--mutual`` of the attacks is made mutual (the attacked
statement attacks back: a standoff between an objection and its rebuttal), or
``--cross`` attacks are added between random statements (cycles of any length,
odd ones too), with seeds 1 to ``--maps``. For each map: the statements grounded leaves undecided,
the time to list all preferred labellings (or to refuse past the limit of 1000),
their number, and the time to answer whether the thesis is credulously and
sceptically accepted. The result is Markdown on standard output.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import sys
import time
from collections import deque
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bench_core import build_map, make_spec  # noqa: E402

from argmap import Attack  # noqa: E402
from argmap.analysis import AnalysisError, credulous, labellings, labels, project, sceptical  # noqa: E402
from argmap.analysis.semantics import grounded_codes  # noqa: E402


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    out = None
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


def floor_graph(amap) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for rel in amap.relations:
        if type(rel) is Attack:
            for src in rel.attackers:
                graph.setdefault(rel.target, []).append(src)
    return graph


def floor_bfs(amap) -> dict[str, str]:
    """Grounded labels over the attacks alone, with plain dicts and a queue."""
    targets: dict[str, list[str]] = {}
    count: dict[str, int] = {s.id: 0 for s in amap.statements}
    for rel in amap.relations:
        if type(rel) is Attack and rel.target in count:
            for src in rel.attackers:
                targets.setdefault(src, []).append(rel.target)
                count[rel.target] += 1
    label = {}
    queue = deque(s for s, c in count.items() if c == 0)
    while queue:
        x = queue.popleft()
        label[x] = "in"
        for y in targets.get(x, ()):
            if y not in label:
                label[y] = "out"
                for z in targets.get(y, ()):
                    count[z] -= 1
                    if count[z] == 0 and z not in label:
                        queue.append(z)
    return label


def grounded_rows(sizes: list[int], repeat: int) -> list[str]:
    rows = ["| statements | relations | framework arguments | project | grounded | labels (end to end) | "
            "floor: graph | floor: bfs | in / out / undec |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for n in sizes:
        amap = build_map(make_spec(n))
        t_project, fw = best(lambda: project(amap), repeat)
        t_grounded, _ = best(lambda: grounded_codes(fw), repeat)
        t_labels, result = best(lambda: labels(amap), repeat)
        t_graph, _ = best(lambda: floor_graph(amap), repeat)
        t_bfs, _ = best(lambda: floor_bfs(amap), repeat)
        counts = [sum(1 for v in result.values() if v == x) for x in ("in", "out", "undec")]
        rows.append(f"| {n:,} | {len(amap.relations):,} | {len(fw):,} | {t_project:.3f} s | {t_grounded:.3f} s | "
                    f"{t_labels:.3f} s | {t_graph:.3f} s | {t_bfs:.3f} s | {' / '.join(map(str, counts))} |")
    return rows


def with_standoffs(amap, fraction: float, cross: int, seed: int):
    """The map with a fraction of its attacks answered back (target attacks attacker: standoffs), and
    *cross* attacks between random statements (cycles of any length, odd ones too)."""
    rng = random.Random(seed)
    extra = []
    for rel in amap.attacks:
        if rng.random() < fraction and len(rel.attackers) == 1:
            extra.append(Attack(id=f"m{len(extra) + 1}", attackers=(rel.target,), target=rel.attackers[0]))
    ids = [s.id for s in amap.statements]
    for k in range(cross):
        a, b = rng.sample(ids, 2)
        extra.append(Attack(id=f"x{k + 1}", attackers=(a,), target=b))
    return amap.add(*extra), len(extra)


def preferred_rows(n: int, maps: int, fractions: list[float], crosses: list[int]) -> list[str]:
    rows = ["| map (seed) | attacks added | undecided by grounded | preferred labellings | time to list | "
            "thesis credulous / sceptical | time for both |",
            "|---|---:|---:|---:|---:|---|---:|"]
    for fraction, cross in [(f, 0) for f in fractions] + [(0.0, c) for c in crosses]:
        for seed in range(1, maps + 1):
            base = build_map(make_spec(n, seed=seed))
            amap, mutual = with_standoffs(base, fraction, cross, seed)
            fw = project(amap)
            undecided = sum(1 for c in grounded_codes(fw) if c == 4)
            start = time.perf_counter()
            try:
                found = str(len(labellings(fw, "preferred")))
            except AnalysisError:
                found = "over 1,000 (refused)"
            t_list = time.perf_counter() - start
            start = time.perf_counter()
            cred = credulous(fw, "s1", "preferred")
            scep = sceptical(fw, "s1", "preferred")
            t_accept = time.perf_counter() - start
            yes = {True: "yes", False: "no"}
            what = f"{fraction:.0%} of attacks mutual" if fraction else f"{cross} random attacks"
            rows.append(f"| {n} statements, {what} (seed {seed}) | {mutual} | {undecided} | {found} | "
                        f"{t_list:.3f} s | {yes[cred]} / {yes[scep]} | {t_accept:.3f} s |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="statements per grounded map (comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts (default 3)")
    parser.add_argument("--statements", type=int, default=200, help="statements per preferred map (default 200)")
    parser.add_argument("--maps", type=int, default=5, help="maps per fraction for preferred (default 5)")
    parser.add_argument("--mutual", default="0.2,0.5", help="fractions of attacks made mutual (default 0.2,0.5)")
    parser.add_argument("--cross", default="30,100,200", help="random attacks added, for the other maps (default 30,100,200)")
    parser.add_argument("--skip-preferred", action="store_true")
    parser.add_argument("--skip-grounded", action="store_true")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores\n")
    if not args.skip_grounded:
        print("## Grounded labels (bench_core maps)\n")
        print("\n".join(grounded_rows([int(x) for x in args.sizes.split(",")], args.repeat)))
        print()
    if not args.skip_preferred:
        print(f"## Preferred labellings ({args.statements}-statement maps with standoffs)\n")
        print("\n".join(preferred_rows(args.statements, args.maps, [float(x) for x in args.mutual.split(",")],
                                        [int(x) for x in args.cross.split(",")])))




if __name__ == "__main__":
    main()
