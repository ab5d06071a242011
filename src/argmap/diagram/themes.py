"""Themes: the colours and line styles of argmap's diagrams, and the directions they can take."""

from __future__ import annotations

import attrs

from ..model import Kind

__all__ = ["DIRECTIONS", "THEMES", "KindStyle", "Theme"]

DIRECTIONS = {"top": "BT", "bottom": "TB", "left": "RL", "right": "LR"}
"""Where the thesis sits -> Graphviz ``rankdir`` (edges run from reasons to claims)."""


@attrs.frozen
class KindStyle:
    """How statements of one kind look."""

    fill: str
    border: str
    style: str  # Graphviz node style: "rounded,filled", "filled,dashed", ...
    font: str = "#1a1a1a"


@attrs.frozen
class Theme:
    """Colours and line styles of a diagram. Support and attack always differ
    in line style as well as colour, so every theme survives greyscale print."""

    name: str
    kinds: dict[Kind, KindStyle]
    support: str  # edge colour
    attack: str
    background: str = "white"
    main_border: str = "#0b2545"


def _theme(name: str, support: str, attack: str, main_border: str, **kinds: tuple[str, str, str]) -> Theme:
    return Theme(
        name=name,
        kinds={Kind(k): KindStyle(fill=v[0], border=v[1], style=v[2]) for k, v in kinds.items()},
        support=support,
        attack=attack,
        main_border=main_border,
    )


THEMES: dict[str, Theme] = {
    "default": _theme(
        "default", support="#2e7d32", attack="#c62828", main_border="#0b2545",
        claim=("#ffffff", "#34495e", "rounded,filled"),
        recommendation=("#dbeafe", "#1d4ed8", "filled"),
        premise=("#e3f4e1", "#2e7d32", "rounded,filled"),
        objection=("#fde2e1", "#c62828", "rounded,filled,dashed"),
        rebuttal=("#fff1cc", "#b45309", "rounded,filled,bold"),
    ),
    # Greyscale: kinds differ by shade and border style, relations by line style.
    "print": _theme(
        "print", support="#000000", attack="#000000", main_border="#000000",
        claim=("#ffffff", "#000000", "rounded,filled"),
        recommendation=("#e0e0e0", "#000000", "filled"),
        premise=("#f4f4f4", "#555555", "rounded,filled"),
        objection=("#ffffff", "#000000", "rounded,filled,dashed"),
        rebuttal=("#d0d0d0", "#000000", "rounded,filled,bold"),
    ),
    # Okabe-Ito colours, distinguishable with the common colour-vision deficiencies.
    "colorblind": _theme(
        "colorblind", support="#0072b2", attack="#d55e00", main_border="#000000",
        claim=("#ffffff", "#000000", "rounded,filled"),
        recommendation=("#cde6f5", "#0072b2", "filled"),
        premise=("#d9f0e8", "#009e73", "rounded,filled"),
        objection=("#fbe0cc", "#d55e00", "rounded,filled,dashed"),
        rebuttal=("#fbf3c4", "#9a8400", "rounded,filled,bold"),
    ),
}
"""The built-in themes by name."""
