"""Benchmark of diagrams for big maps (run by hand, not a test).

    .venv/bin/python bench/bench_layout.py [--sizes 1000 10000 100000] [--layout-size 2000] [--repeat 3]
    .venv/bin/python bench/bench_layout.py --big [--big-sizes 1000 2000 5000] [--real FILE.txt ...] [--cap 120]
    .venv/bin/python bench/bench_layout.py --options [--big-sizes ...] [--real ...]   # the options measured

1. DOT source (`argmap.to_dot`, default options) at each size.
2. Graphviz layout to SVG of a map of --layout-size statements: argmap's diagram against a bare
   graph of the same shape (same nodes and edges, default styles), once with the statements' text as
   labels and once with ids only; with dot and with graphviz-pure where installed.
3. ``--big``: big layouts (issue 14): for generated maps of --big-sizes statements and for the maps the
   cues extractor makes of each --real text (read in place), in one run: `argmap.render` to SVG with the
   chosen settings (what users get: DOT, the warning, dot with `render.layout_flags`); `dot -Tsvg` on the
   same DOT with the old settings (none; stopped after --cap seconds); and the floor: `dot` on the same
   file with its placement cut to one iteration (`nslimit` = 1 / nodes: parse, rank, order, route, write
   SVG; `nslimit=0` would mean no limit).
   Times are wall-clock and CPU (user + system of the child processes): the machine is shared, so CPU
   time is the steadier figure, and `iter` (network-simplex iterations of the placement, from `dot -v`)
   is exact.
4. ``--options``: each candidate setting on the same maps, with the picture's width and how far arrows run
   sideways (median horizontal span of an arrow, in points: small when boxes sit under what they
   support), to choose the settings from.

Maps are made as in bench_core.py: each new statement supports or attacks a random earlier one,
every fifth support a linked pair.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import build_map, make_spec, with_spans  # noqa: E402

import argmap  # noqa: E402
from argmap.diagram import quote  # noqa: E402
from argmap.diagram.render import BIG_LAYOUT, LAYOUT_BUDGET, _pure_candidates, layout_size  # noqa: E402


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


# -- big layouts ----------------------------------------------------------------


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_dot(source: bytes, flags: list[str], cap: float, engine: str = "dot") -> dict:
    """One layout to SVG: wall and CPU seconds, placement iterations, the SVG (None past *cap* seconds)."""
    cpu, start = _cpu(), time.perf_counter()
    try:
        proc = subprocess.run(["dot", f"-K{engine}", "-Tsvg", "-v", *flags], input=source,
                              capture_output=True, timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return {"wall": None, "cpu": None, "iter": None, "svg": None}
    iters = re.findall(rb"network simplex: \d+ nodes \d+ edges (\d+) iter", proc.stderr)
    return {"wall": time.perf_counter() - start, "cpu": _cpu() - cpu,
            "iter": int(iters[-1]) if iters else None, "svg": proc.stdout}


def picture(svg: bytes | None) -> dict:
    """The picture's width (pt) and the median sideways run of its arrows (pt), from Graphviz's SVG."""
    if svg is None:
        return {"width": None, "span": None}
    text = svg.decode("utf-8")
    width = float(re.search(r'<svg width="([\d.]+)pt"', text).group(1))
    spans = [abs(float(a) - float(b)) for a, b in re.findall(
        r'class="edge">.*?<path [^>]*d="M([-\d.]+),[-\d.]+[^"]*?([-\d.]+),[-\d.]+"', text, re.S)]
    return {"width": width, "span": statistics.median(spans) if spans else 0.0}


def big_maps(sizes: list[int], real: list[str]) -> list[tuple[str, argmap.ArgumentMap]]:
    maps = []
    for n in sizes:
        spec = make_spec(n)
        maps.append((f"generated {n:,}", build_map(spec, with_spans(spec))))
    for path in real:
        text = Path(path).read_text(encoding="utf-8")
        amap = argmap.extract(argmap.Document(text=text, source=path))
        maps.append((f"{Path(path).name} (cues)", amap))
    return maps


def _s(x: float | None, cap: float) -> str:
    return f"> {cap:.0f}" if x is None else f"{x:.1f}"


def big_table(maps: list[tuple[str, argmap.ArgumentMap]], cap: float) -> None:
    print(f"Big layouts to SVG: chosen settings (above {BIG_LAYOUT:,} statements: nslimit = {LAYOUT_BUDGET:,} / nodes),"
          f" old settings (stopped after {cap:.0f} s), floor (dot on the same file, one placement iteration).")
    print("Wall-clock s / CPU s; iter: network-simplex iterations of the placement.")
    print()
    print("| map | statements | arrows | chosen: argmap.render | chosen: dot alone | iter | old: dot | iter "
          "| floor: dot | width chosen / old (pt) | arrow span chosen / old (pt) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, amap in maps:
        dot = argmap.to_dot(amap)
        size = layout_size(dot)
        source = dot.encode("utf-8")
        from argmap.diagram.render import layout_flags

        flags = layout_flags(size)
        cpu, start = _cpu(), time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            argmap.render(amap, "svg")
        rendered = (time.perf_counter() - start, _cpu() - cpu)
        chosen = run_dot(source, flags, cap)
        old = run_dot(source, [], cap)
        floor = run_dot(source, [f"-Gnslimit={1 / size['nodes']:.3g}"], cap)
        pc, po = picture(chosen["svg"]), picture(old["svg"])
        print(f"| {name} | {size['statements']:,} | {size['arrows']:,} | {rendered[0]:.1f} / {rendered[1]:.1f} "
              f"| {_s(chosen['wall'], cap)} / {_s(chosen['cpu'], cap)} | {chosen['iter']} "
              f"| {_s(old['wall'], cap)} / {_s(old['cpu'], cap)} | {old['iter'] if old['iter'] is not None else '-'} "
              f"| {_s(floor['wall'], cap)} / {_s(floor['cpu'], cap)} "
              f"| {pc['width']:,.0f} / {po['width'] or 0:,.0f} | {pc['span']:,.0f} / {po['span'] or 0:,.0f} |",
              flush=True)


def candidates(nodes: int) -> dict[str, tuple[str, list[str]]]:
    return {
        "dot, no flags (old)": ("dot", []),
        "nslimit = 500 / nodes": ("dot", [f"-Gnslimit={500 / nodes:.3g}"]),
        "nslimit = 1000 / nodes (chosen)": ("dot", [f"-Gnslimit={1000 / nodes:.3g}"]),
        "nslimit = 2000 / nodes": ("dot", [f"-Gnslimit={2000 / nodes:.3g}"]),
        "nslimit = 0.2": ("dot", ["-Gnslimit=0.2"]),
        "searchsize = 5": ("dot", ["-Gsearchsize=5"]),
        "mclimit = 0.1, nslimit = 1000 / nodes": ("dot", ["-Gmclimit=0.1", f"-Gnslimit={1000 / nodes:.3g}"]),
        "splines = polyline, nslimit = 1000 / nodes": ("dot", ["-Gsplines=polyline", f"-Gnslimit={1000 / nodes:.3g}"]),
        "splines = line, nslimit = 1000 / nodes": ("dot", ["-Gsplines=line", f"-Gnslimit={1000 / nodes:.3g}"]),
        "remincross = false, nslimit = 1000 / nodes": ("dot", ["-Gremincross=false", f"-Gnslimit={1000 / nodes:.3g}"]),
        "sfdp, overlap = prism, splines = false": ("sfdp", ["-Goverlap=prism", "-Gsplines=false"]),
        "floor: nslimit = 1 / nodes": ("dot", [f"-Gnslimit={1 / nodes:.3g}"]),
    }


def options_table(maps: list[tuple[str, argmap.ArgumentMap]], cap: float) -> None:
    print(f"Candidate settings (stopped after {cap:.0f} s); span: median sideways run of an arrow.")
    print()
    print("| map | setting | wall s | CPU s | iter | width (pt) | arrow span (pt) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, amap in maps:
        dot = argmap.to_dot(amap)
        source = dot.encode("utf-8")
        for label, (engine, flags) in candidates(layout_size(dot)["nodes"]).items():
            r = run_dot(source, flags, cap, engine)
            p = picture(r["svg"])
            width = "-" if p["width"] is None else f"{p['width']:,.0f}"
            span = "-" if p["span"] is None else f"{p['span']:,.0f}"
            print(f"| {name} | {label} | {_s(r['wall'], cap)} | {_s(r['cpu'], cap)} | {r['iter'] if r['iter'] is not None else '-'} "
                  f"| {width} | {span} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--layout-size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big", action="store_true", help="only the big-layout table")
    parser.add_argument("--options", action="store_true", help="only the table of candidate settings")
    parser.add_argument("--big-sizes", type=int, nargs="+", default=[1000, 2000, 5000])
    parser.add_argument("--real", nargs="*", default=[], metavar="FILE", help="texts to extract (read in place)")
    parser.add_argument("--cap", type=float, default=120.0, help="seconds before a layout is stopped")
    args = parser.parse_args()
    if args.big or args.options:
        maps = big_maps(args.big_sizes, args.real)
        if args.big:
            big_table(maps, args.cap)
        if args.options:
            print()
            options_table(maps, args.cap)
        return

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
