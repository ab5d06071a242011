"""Throughput of `argmap extract DIR -o OUT/` on a folder of 1,000 texts: one core, --jobs 2, Dask.

Run by hand (not a timed test)::

    .venv/bin/python bench/bench_batch.py                  # 1,000 texts, --jobs 1, --jobs 2, --dask local
    .venv/bin/python bench/bench_batch.py --files 200 --no-dask

The texts are generated into a temporary folder (never into the repository) from the op-ed in
seeds/ and the English arg-microtexts (part 1, read in place from ../shared/corpora): a quarter are
the op-ed with its paragraphs rotated, the rest are 3 to 12 microtexts joined into one essay, spread
over ten subfolders. Three bad files are planted (not UTF-8, binary, empty). Each run is the real
command line in a fresh process (start-up and registry included), timed by wall clock, with the CPU
seconds of the children beside it; the machine's load average is printed, because on a shared
machine the wall-clock ratio measures the machine as much as argmap. Then the checks of issue 14:
1,000 - 3 maps written, the 3 reported, exit status 1, and --skip-existing resuming (a tenth of the
outputs deleted, only those written again).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("ARGMAP_CORPUS", ROOT.parent / "shared" / "corpora" / "arg-microtexts-part1"))


def _sources() -> tuple[str, list[str]]:
    oped = (ROOT / "seeds" / "japan-russia-reset.txt").read_text(encoding="utf-8")
    micro = [p.read_text(encoding="utf-8").strip() for p in sorted((CORPUS / "corpus" / "en").glob("*.txt"))]
    if not micro:
        sys.exit(f"bench_batch: no microtexts under {CORPUS}/corpus/en (set ARGMAP_CORPUS)")
    return oped, micro


def generate(folder: Path, files: int) -> int:
    """Write *files* texts (3 of them bad) under *folder*; return their total size in bytes."""
    oped, micro = _sources()
    paragraphs = [p for p in oped.split("\n\n") if p.strip()]
    total = 0
    for k in range(files - 3):
        rng = random.Random(k)
        if k % 4 == 0:
            shift = k % len(paragraphs)
            text = "\n\n".join(paragraphs[shift:] + paragraphs[:shift])
        else:
            text = "\n\n".join(rng.sample(micro, rng.randint(3, 12)))
        path = folder / f"part{k % 10}" / f"text{k:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    (folder / "part0" / "bad-latin1.txt").write_bytes("Caf\xe9 society should pay.".encode("latin-1"))
    (folder / "part1" / "bad-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "part2" / "bad-empty.txt").write_bytes(b"  \n")
    return total


def run(argv: list[str]) -> tuple[float, float, int, str]:
    """Wall seconds, children's CPU seconds, exit status and standard error of `argmap ARGV`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "argmap", *argv], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode, done.stderr


def _summary(err: str) -> tuple[int, int, int]:
    match = re.search(r"written (\d+), skipped (\d+), failed (\d+)", err)
    if match is None:
        raise SystemExit(f"bench_batch: no summary line in:\n{err}")
    written, skipped, failed = (int(g) for g in match.groups())
    return written, skipped, failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=1000, help="texts to generate (default 1000, 3 of them bad)")
    parser.add_argument("--no-dask", action="store_true", help="leave out the --dask local run")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="argmap-bench-batch-"))
    try:
        corpus = work / "corpus"
        size = generate(corpus, args.files)
        print(f"{args.files} texts ({size / 1e6:.2f} MB of good ones) in {corpus}; "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        runs = [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])]
        try:
            import distributed  # noqa: F401

            if not args.no_dask:
                runs.append(("--dask local (2 workers)", ["--dask", "local"]))
        except ImportError:
            print("(dask is not installed: pip install 'argmap[dask]' for the Dask row)")
        rows = []
        base = None
        checks = []
        for label, extra in runs:
            out = work / f"out-{len(rows)}"
            wall, cpu, status, err = run(["extract", str(corpus), "-o", f"{out}/", "--no-progress", *extra])
            written, skipped, failed = _summary(err)
            errors = [line for line in err.splitlines() if line.startswith("argmap: error:")]
            maps = sum(1 for _ in out.rglob("*.json"))
            base = base or wall
            rows.append((label, wall, cpu, args.files / wall, size / 1e6 / wall, base / wall))
            checks.append((label, maps == written == args.files - 3 and failed == 3 and len(errors) == 3
                           and status == 1, f"{maps} maps, {failed} failed, {len(errors)} error lines, status {status}"))
        print()
        print(f"{'run':<26} {'wall s':>7} {'cpu s':>7} {'files/s':>8} {'MB/s':>6} {'x 1 core':>8} {'MB/cpu s':>8}")
        for label, wall, cpu, fps, mbps, ratio in rows:
            print(f"{label:<26} {wall:7.2f} {cpu:7.2f} {fps:8.1f} {mbps:6.2f} {ratio:8.2f} {size / 1e6 / cpu:8.2f}")
        print(f"(load average now {os.getloadavg()[0]:.1f}. cpu s: user + system seconds of every process the "
              "command started (its pool or its LocalCluster included). On a quiet machine wall x 1 core is the "
              "speed-up; on a loaded one only MB/cpu s holds: equal across rows means no work lost to the pool.)")
        # Resume: delete a tenth of the first run's outputs and run again with --skip-existing.
        out = work / "out-0"
        gone = sorted(out.rglob("*.json"))[:: 10]
        for path in gone:
            path.unlink()
        wall, _, status, err = run(["extract", str(corpus), "-o", f"{out}/", "--no-progress", "--skip-existing",
                                    "--jobs", "2"])
        written, skipped, failed = _summary(err)
        checks.append(("--skip-existing", written == len(gone) and skipped == args.files - 3 - len(gone)
                       and failed == 3 and status == 1,
                       f"written {written}, skipped {skipped}, failed {failed}, status {status} in {wall:.2f} s"))
        print()
        for label, ok, what in checks:
            print(f"{'ok  ' if ok else 'FAIL'} {label}: {what}")
        if not all(ok for _, ok, _ in checks):
            sys.exit(1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
