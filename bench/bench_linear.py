"""Extraction time against input size, for every shape of text: is the built-in extractor linear?

Run by hand (not a timed test)::

    .venv/bin/python bench/bench_linear.py                 # 1 KB, 10 KB, 100 KB, 1 MB, 5 MB
    .venv/bin/python bench/bench_linear.py --sizes 1000,100000

Three shapes of the same words (seeded, so every run reads the same texts): one long line with no
punctuation at all, one paragraph of sentences, and many paragraphs of five sentences. For each size
it prints the time and MB/s, and the ratio of time per byte to the 100 KB figure of the same shape: a
linear extractor keeps that ratio near 1 as the input grows (a quadratic one doubles it with each
doubling). The floor measured in the same run is a bare regular-expression pass over the same text
(``re.findall(r"\\w+")``), so the MB/s column can be read against the machine's speed that day.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import time

from argmap import Document
from argmap.cues import extract

WORDS = (
    "the city should plant more trees because shade cools streets and saves lives however some say "
    "water costs too much but a grown tree needs little so the council must fund planting now"
).split()


def make_text(size: int, shape: str, seed: int = 0) -> str:
    rng = random.Random(seed)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    if shape == "line":
        return " ".join(words)
    sentences = [" ".join(words[i:i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
    if shape == "paragraph":
        return " ".join(sentences)
    return "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000,5000000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    word = re.compile(r"\w+")
    print("| shape | size | extract (s) | MB/s | floor: regex pass (s) | time per byte vs 100 KB |")
    print("|---|---:|---:|---:|---:|---:|")
    for shape in ("line", "paragraph", "paragraphs"):
        reference = None
        for size in sizes:
            text = make_text(size, shape)
            doc = Document(text)
            repeat = args.repeat if size <= 1_000_000 else 1
            seconds = best(lambda: extract(doc), repeat)
            floor = best(lambda: word.findall(text), repeat)
            per_byte = seconds / len(text)
            if size == 100_000 or reference is None and size > 100_000:
                reference = per_byte
            ratio = f"{per_byte / reference:.2f}" if reference else ""
            print(f"| {shape} | {len(text):,} | {seconds:.3f} | {len(text) / seconds / 1e6:.2f} | {floor:.4f} | {ratio} |")


if __name__ == "__main__":
    main()
