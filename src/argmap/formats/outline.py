"""The outline exporter: a map as an indented Markdown outline, for reading and for notes.

The thesis comes first, then its reasons (linked premises together, each with
its own reasons), the objections with the rebuttals that answer them, and the
recommendations::

    # Trees

    **Thesis:** Cities should plant more trees.

    ## Reasons
    - Trees cool the streets.
      - *but:* A few trees cool nothing.
    ...

Statement text is Markdown-escaped, so text such as ``*not*`` or ``# 1``
shows as written. White space inside a statement is shown as single spaces.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import ArgumentMap, Attack, Kind, Statement, Support

__all__ = ["escape_markdown", "to_outline"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$])")
_LEADING_DASH = re.compile(r"^-")
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """Text that Markdown (CommonMark/GFM) shows literally, on one line.

    >>> escape_markdown("*not* <b>bold</b> # 1")
    '\\\\*not\\\\* \\\\<b\\\\>bold\\\\</b\\\\> \\\\# 1'
    """
    flat = " ".join(text.split())
    flat = _SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")
    flat = _LEADING_DASH.sub(r"\\-", flat)  # a list item
    return _LEADING_NUMBER.sub(r"\1\\\2", flat)  # an ordered list item


class _Writer:
    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.lines: list[str] = []
        self.shown: set[str] = set()

    def text(self, statement: Statement) -> str:
        return escape_markdown(statement.text)

    def group(self, rel: Support | Attack) -> str:
        parts = [self.text(self.amap.statement(s)) for s in rel.sources]
        return " **+** ".join(parts)

    def item(self, depth: int, label: str, body: str) -> None:
        self.lines.append(f"{'  ' * depth}- {label}{body}")

    def children(self, item_id: str, depth: int) -> None:
        """Reasons, then objections, of a statement or relation, recursively."""
        for rel in self.amap.relations_to(item_id):
            if rel.id in self.shown:
                continue
            self.shown.add(rel.id)
            label = ("*example:* " if rel.example else "*because:* ") if isinstance(rel, Support) else "*but:* "
            self.item(depth, label, self.group(rel))
            self.shown.update(rel.sources)
            for src in rel.sources:
                self.children(src, depth + 1)
            self.children(rel.id, depth + 1)  # undercuts of this reason or objection

    def section(self, title: str, rels: Sequence[Support | Attack]) -> None:
        rels = [r for r in rels if r.id not in self.shown]
        if not rels:
            return
        self.lines += ["", f"## {title}"]
        for rel in rels:
            self.shown.add(rel.id)
            self.shown.update(rel.sources)
            self.item(0, "", self.group(rel))
            for src in rel.sources:
                self.children(src, 1)
            self.children(rel.id, 1)


def to_outline(amap: ArgumentMap) -> str:
    """The map as a Markdown outline (see the module docstring)."""
    w = _Writer(amap)
    title = amap.document.title
    w.lines.append(f"# {escape_markdown(title)}" if title and title.strip() else "# Argument")
    mains = list(amap.main_claims) or list(amap.roots())
    for main in mains:
        w.shown.add(main.id)
        label = "Thesis" if main.main else "Claim"
        w.lines += ["", f"**{label}:** {w.text(main)}"]
    for main in mains:
        incoming = amap.relations_to(main.id)
        # Recommendations that support the thesis are listed with the recommendations.
        advice = [r for r in incoming if isinstance(r, Support) and all(
            amap.statement(s).kind is Kind.RECOMMENDATION for s in r.sources)]
        reasons = [r for r in incoming if isinstance(r, Support) and r not in advice]
        objections = [r for r in incoming if isinstance(r, Attack)]
        heading = "" if len(mains) == 1 else f" ({escape_markdown(main.text)[:40]})"
        w.section(f"Reasons{heading}", reasons)
        w.section(f"Objections{heading}", objections)
        w.section(f"Recommendations{heading}", advice)
    recommendations = [s for s in amap.by_kind(Kind.RECOMMENDATION) if s.id not in w.shown]
    if recommendations:
        if "## Recommendations" not in w.lines:
            w.lines += ["", "## Recommendations"]
        for s in recommendations:
            w.shown.add(s.id)
            w.item(0, "", w.text(s))
            w.children(s.id, 1)
    rest = [s for s in amap.statements if s.id not in w.shown]
    if rest:
        w.lines += ["", "## Other statements"]
        for s in rest:
            if s.id in w.shown:
                continue
            w.shown.add(s.id)
            w.item(0, f"*{s.kind.value}:* ", w.text(s))
            w.children(s.id, 1)
    return "\n".join(w.lines) + "\n"
