"""Throughput of the built-in ``cues`` extractor: MB of prose per second on one core.

Run by hand (not a timed test)::

    .venv/bin/python bench/bench_extract.py            # the seeds and the test fixtures, op-ed sized
    .venv/bin/python bench/bench_extract.py --big      # also one document of about 1 MB
    .venv/bin/python bench/bench_extract.py --corpus ../shared/corpora/arg-microtexts-part1

Each document is extracted whole (segmentation, cues, thesis, relations and
the validated ArgumentMap); the figure is UTF-8 bytes of input per second of
wall time, best of ``--repeat`` rounds. Target (issue 3): >= 0.5 MB/s.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from argmap import Document
from argmap.cues import extract

ROOT = Path(__file__).resolve().parent.parent


def _texts(corpus: str | None) -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "extract").glob("*.txt"))
    if corpus:
        paths += sorted(Path(corpus).glob("corpus/en/*.txt")) or sorted(Path(corpus).glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def _rate(docs: list[str], repeat: int) -> tuple[float, float, int]:
    size = sum(len(t.encode("utf-8")) for t in docs)
    documents = [Document(t) for t in docs]
    best = float("inf")
    statements = 0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        statements = sum(len(extract(d)) for d in documents)
        best = min(best, time.perf_counter() - start)
    return size / best / 1e6, best, statements


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="also include a microtext corpus folder (its .txt files)")
    parser.add_argument("--copies", type=int, default=100, help="copies of each text per round (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds; the best is reported (default 5)")
    parser.add_argument("--big", action="store_true", help="also time one document of about 1 MB")
    args = parser.parse_args()

    texts = _texts(args.corpus)
    docs = texts * args.copies
    mbps, seconds, statements = _rate(docs, args.repeat)
    print(f"{len(docs)} documents, {sum(len(t.encode()) for t in docs) / 1e6:.2f} MB, {statements} statements: "
          f"{seconds:.3f} s, {mbps:.2f} MB/s, {len(docs) / seconds:.0f} documents/s")
    if args.big:
        op_ed = "\n\n".join(texts)
        big = "\n\n".join([op_ed] * max(1, 1_000_000 // len(op_ed.encode())))
        mbps, seconds, statements = _rate([big], max(1, args.repeat // 2))
        print(f"1 document, {len(big.encode()) / 1e6:.2f} MB, {statements} statements: {seconds:.3f} s, {mbps:.2f} MB/s")


if __name__ == "__main__":
    main()
