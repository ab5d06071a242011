"""Benchmark of the interactive HTML page for a big map (run by hand, not a test).

    .venv/bin/python bench/bench_html.py [--size 2000] [--repeat 5] [--renderer dot|graphviz-pure]

The map is made as in bench_core.py (make_spec, build_map), with a document holding every
statement's text and each statement's span in it, so the page has the text side too. Measured:

1. writing the page (`argmap.diagram.html.to_html`: DOT, Graphviz layout to SVG, data, assembly),
   and the same map's plain SVG (`render_dot(to_dot(...))`) as its floor;
2. opening it in headless Chromium (Debian's, driven by Playwright, as the tests do) from a
   file:// URL: the time to the load event (`performance.getEntriesByType("navigation")[0]
   .loadEventEnd`, from the start of the navigation; the page's script has run by then) and to the
   first frame after it (laid out and painted: a requestAnimationFrame, then a task), and, as the
   floor, the same two times of the bare SVG file of the same diagram opened the same way in the
   same browser. Each page is opened in a fresh browser context (no cache); best and median of
   --repeat (the machine is shared: the best is the least disturbed run).

The target (issue: the map beside its text) is a load event under 3 s at 2,000 statements.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_core import build_map, make_spec, with_spans  # noqa: E402

from argmap.diagram import render_dot, to_dot  # noqa: E402
from argmap.diagram.html import to_html  # noqa: E402

CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TARGET_LOAD_S = 3.0


def timed(fn, repeat: int) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def open_times(browser, url: str, ready: bool, repeat: int) -> tuple[list[float], list[float]]:
    """Load-event and first-frame times in seconds, one fresh context each."""
    loads, readies = [], []
    for _ in range(repeat):
        context = browser.new_context(viewport={"width": 1440, "height": 900})
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=60_000)
        if ready:
            page.wait_for_selector("html[data-argmap-ready]", state="attached")
        # The load event, and the first frame after it (laid out and painted), from the navigation's start.
        nav = page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => setTimeout(() => done(["
            "performance.getEntriesByType('navigation')[0].loadEventEnd, performance.now()]), 0)))")
        loads.append(nav[0] / 1000)
        readies.append(nav[1] / 1000)
        context.close()
    return loads, readies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--renderer", choices=["dot", "graphviz-pure"], default=None,
                        help="force a Graphviz renderer (default: the one argmap finds)")
    args = parser.parse_args()
    if args.renderer == "graphviz-pure":
        from argmap.diagram.render import _pure_candidates

        os.environ["ARGMAP_GRAPHVIZ"] = str(next(p for p in _pure_candidates() if p.is_file()))
    elif args.renderer == "dot":
        os.environ["ARGMAP_GRAPHVIZ"] = "dot"

    spec = make_spec(args.size)
    amap = build_map(spec, with_spans(spec))
    write_s, page = timed(lambda: to_html(amap), 1)
    svg_s, svg = timed(lambda: render_dot(to_dot(amap), "svg"), 1)
    assert isinstance(page, str) and isinstance(svg, bytes)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "map.html"
        svg_path = Path(tmp) / "map.svg"
        page_path.write_text(page, encoding="utf-8")
        svg_path.write_bytes(svg)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
            version = browser.version
            open_times(browser, page_path.as_uri(), True, 1)  # warm the browser's own start-up
            page_load, page_frame = open_times(browser, page_path.as_uri(), True, args.repeat)
            svg_load, svg_frame = open_times(browser, svg_path.as_uri(), False, args.repeat)
            browser.close()

    print(f"HTML page of a {args.size:,}-statement map ({len(amap.relations):,} relations, document "
          f"{len(amap.document.text) / 1e3:,.0f} k characters)")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"Chromium {version}; best and median of {args.repeat}")
    print()
    print("| what | size (MB) | write (s) | load event, best (s) | load event, median (s) "
          "| first frame, best (s) | first frame, median (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, size_mb, seconds, loads, frames in (
        ("bare SVG file (floor)", len(svg) / 1e6, svg_s, svg_load, svg_frame),
        ("argmap HTML page", len(page.encode()) / 1e6, write_s, page_load, page_frame),
    ):
        print(f"| {label} | {size_mb:.2f} | {seconds:.2f} | {min(loads):.2f} | {statistics.median(loads):.2f} "
              f"| {min(frames):.2f} | {statistics.median(frames):.2f} |")
    print(f"\nload average while measuring: {os.getloadavg()[0]:.1f} (1 min)")
    print()
    verdict = "meets" if statistics.median(page_load) < TARGET_LOAD_S else "MISSES"
    print(f"Target: load event under {TARGET_LOAD_S:.0f} s: {verdict} it "
          f"(page {statistics.median(page_load):.2f} s, floor {statistics.median(svg_load):.2f} s).")


if __name__ == "__main__":
    main()
