"""Draw the labelled diagrams of docs/analysis.md: the op-ed's maps with each statement's grounded label.

Run from anywhere (needs Graphviz's dot, or graphviz-pure):

    .venv/bin/python tools/make_analysis_images.py

Each statement keeps its kind's colours; its border says its label (green: in,
red: out, amber: undecided) and a small tag beside it repeats the label in
words, so the picture reads in greyscale too. The DOT source is argmap's own
(argmap.to_dot), with one line per statement added that sets the border; the
only texts added are the fixed label words and the legend, through
argmap.diagram.quote.
"""

from __future__ import annotations

from pathlib import Path

import argmap
from argmap.analysis import labels
from argmap.diagram import quote, render_dot

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "images" / "analysis"

STATUS = {"in": ("#1a9850", "IN"), "out": ("#d73027", "OUT"), "undec": ("#e08a00", "UNDEC")}

PICTURES = [
    ("japan-russia-reset.core.grounded", "seeds/japan-russia-reset.core.json", "grounded"),
    ("japan-russia-reset.grounded", "seeds/japan-russia-reset.map.json", "grounded"),
]


def labelled_dot(amap: argmap.ArgumentMap, statuses: dict[str, str]) -> str:
    """argmap's DOT of the map, each statement's border coloured by its label, with a legend of the labels."""
    dot = argmap.to_dot(amap).rstrip()
    assert dot.endswith("}")
    lines = [dot[:-1].rstrip()]
    for st in amap.statements:
        colour, word = STATUS[statuses[st.id]]
        lines.append(f'  {st.id} [color="{colour}", penwidth=4, xlabel={quote(word, where="label")}];')
    legend = "border: green = in (stands), red = out (defeated), amber = undecided"
    lines.append(f"  status_legend [shape=box, style=rounded, color=\"#bdbdbd\", fontsize=10, "
                 f"label={quote(legend, where='legend')}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, source, semantics in PICTURES:
        amap = argmap.load(ROOT / source)
        png = render_dot(labelled_dot(amap, labels(amap, semantics)), "png")
        (OUT / f"{name}.png").write_bytes(png)
        print(f"wrote docs/images/analysis/{name}.png")


if __name__ == "__main__":
    main()
