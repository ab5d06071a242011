"""Graphviz DOT source for argument maps.

Node names are statement and relation ids (validated, so they need no
quoting); every piece of text goes through :func:`quote`, which makes Graphviz
show it literally: quotes, backslashes (``\\N``, ``\\l``, a trailing one),
HTML-like text and entities such as ``&amp;`` come out as written.
"""

from __future__ import annotations

import unicodedata
import warnings
from collections.abc import Iterable

from .errors import ExportWarning
from .model import ArgumentMap, Kind, Statement, Support

__all__ = ["quote", "to_dot", "wrap"]

WRAP_WIDTH = 32

# Fill colours by kind (a later theme system replaces these).
_KIND_STYLE = {
    Kind.CLAIM: '"#ffffff"',
    Kind.PREMISE: '"#e8f5e9"',
    Kind.OBJECTION: '"#ffebee"',
    Kind.REBUTTAL: '"#fff8e1"',
    Kind.RECOMMENDATION: '"#e3f2fd"',
}
_SUPPORT_EDGE = 'color="#2e7d32", penwidth=1.4'
_ATTACK_EDGE = 'color="#c62828", style=dashed, arrowhead=tee, penwidth=1.4'


def _unsafe(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in ("Cc", "Cs") or ch in "\ufffe\uffff"


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Split text into lines of at most *width* characters at white space.

    White space runs become one space; a word longer than *width* keeps a
    line of its own rather than being cut.
    """
    lines: list[str] = []
    current: list[str] = []
    length = 0
    for word in text.split():
        if current and length + 1 + len(word) > width:
            lines.append(" ".join(current))
            current = [word]
            length = len(word)
        else:
            length += len(word) + (1 if current else 0)
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines


def _clean(text: str, where: str) -> str:
    """Replace characters DOT/SVG cannot carry (control characters, lone
    surrogates) with U+FFFD, warning once per text."""
    if text.isprintable():
        return text
    bad = [ch for ch in text if not ch.isspace() and _unsafe(ch)]
    if not bad:
        return text
    warnings.warn(
        f"DOT cannot carry control characters: {len(bad)} replaced with U+FFFD in {where}",
        ExportWarning,
        stacklevel=3,
    )
    return "".join("\ufffd" if (not ch.isspace() and _unsafe(ch)) else ch for ch in text)


def _escape_line(line: str) -> str:
    return line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


def quote(text: str | Iterable[str], *, where: str = "text") -> str:
    """A DOT double-quoted string that Graphviz shows as exactly *text*.

    *text* may be a list of lines, which are joined with centred line breaks.
    This is the only way text enters DOT source in argmap.

    >>> print(quote('say "hi" \\\\N <b>'))
    "say \\"hi\\" \\\\N <b>"
    """
    if isinstance(text, str):
        lines = [text]
    else:
        lines = list(text)
    return '"' + "\\n".join(_escape_line(_clean(line, where)) for line in lines) + '"'


def _label(text: str, where: str, width: int = WRAP_WIDTH) -> str:
    return quote(wrap(_clean(text, where), width), where=where)


def _statement_node(st: Statement, width: int) -> str:
    attrs = [f"label={_label(st.text, st.id, width)}", f"fillcolor={_KIND_STYLE[st.kind]}"]
    if st.main:
        attrs.append("penwidth=2.5")
    return f"  {st.id} [{', '.join(attrs)}];"


def to_dot(amap: ArgumentMap, *, rankdir: str = "BT", width: int = WRAP_WIDTH) -> str:
    """The map as Graphviz DOT source.

    One node per statement with its wrapped text; supports are solid green
    arrows, attacks dashed red bars. A support with several premises (linked)
    or one that is attacked (an undercut target) gets a small junction node
    named by its id: its premises join there and one arrow leaves it, and an
    undercut points at it. Same map, same bytes.
    """
    if rankdir not in ("BT", "TB", "LR", "RL"):
        raise ValueError(f"rankdir must be BT, TB, LR or RL, not {rankdir!r}")
    out = [
        "digraph argmap {",
        f"  graph [rankdir={rankdir}, newrank=true, nodesep=0.35, ranksep=0.45, fontname=\"Helvetica\"];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, margin="0.15,0.08"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    title = amap.document.title
    if title and title.strip():
        out.append(f"  label={_label(title, 'document title', 2 * width)};")
        out.append("  labelloc=t;")
    for st in amap.statements:
        out.append(_statement_node(st, width))
    targeted = {r.target for r in amap.relations}
    for rel in amap.relations:
        style = _SUPPORT_EDGE if isinstance(rel, Support) else _ATTACK_EDGE
        sources = rel.sources
        if len(sources) > 1 or rel.id in targeted:
            colour = "#2e7d32" if isinstance(rel, Support) else "#c62828"
            out.append(
                f'  {rel.id} [shape=point, width=0.09, height=0.09, color="{colour}", fillcolor="{colour}", label=""];'
            )
            for src in sources:
                out.append(f'  {src} -> {rel.id} [{style}, arrowhead=none];')
            out.append(f"  {rel.id} -> {rel.target} [{style}];")
        else:
            out.append(f"  {sources[0]} -> {rel.target} [{style}];")
    out.append("}")
    return "\n".join(out) + "\n"

