"""Draw the labelled diagrams of docs/analysis.md: the op-ed's maps with each statement's grounded label.

Run from anywhere (needs Graphviz's dot, or graphviz-pure):

    .venv/bin/python tools/make_analysis_images.py

The pictures are what ``argmap render MAP -o x.png --status grounded`` draws: each
statement keeps its kind's colours, a word above its text gives its label ([IN],
[OUT], [UNDEC]), accepted statements get a double border and rejected ones grey
text, so the picture reads in greyscale too; the legend explains the marks.
"""

from __future__ import annotations

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "analysis"

PICTURES = [
    ("japan-russia-reset.core.grounded", "seeds/japan-russia-reset.core.json", "grounded"),
    ("japan-russia-reset.grounded", "seeds/japan-russia-reset.map.json", "grounded"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, source, semantics in PICTURES:
        png = argmap.render(argmap.load(ROOT / source), "png", status=semantics)
        (OUT / f"{name}.png").write_bytes(png)
        print(f"wrote docs/images/analysis/{name}.png")


if __name__ == "__main__":
    main()
