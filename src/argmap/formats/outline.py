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
from ..errors import ExportWarning
from ..losses import report
from ..text import has_unsafe, replace_unsafe

__all__ = ["escape_markdown", "to_outline"]

# What GitHub-flavoured Markdown would read as markup inside a line; other punctuation ((), {}, !, #
# and + inside a line, a single $) is left alone, so the outline stays readable as plain text.
_SPECIAL = re.compile(r"([\\`*_\[\]<>~])")
_LEADING = re.compile(r"^([#+=]|-(?=\s|$|-))")  # a heading, a list item, a setext underline, a rule
_LEADING_NUMBER = re.compile(r"^(\d+)([.)])")
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|xmpp)(:)")
_WWW = re.compile(r"(?i)\b(www)(\.)")
_EMAIL_AT = re.compile(r"(?<=[\w.+-])@(?=[\w-]+\.)")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Text that Markdown (CommonMark, and GitHub's flavour with its autolinks) shows literally, on one line.

    White space becomes single spaces; control characters become U+FFFD (the
    outline warns). URLs and ``www.`` addresses are kept from becoming links
    by an escaped ``:`` or ``.``; in an e-mail address, which GitHub links
    whatever is escaped, an invisible word joiner (U+2060) follows the ``@``.

    >>> escape_markdown("*not* <b>bold</b> # 1, $12bn (est.)")
    '\\\\*not\\\\* \\\\<b\\\\>bold\\\\</b\\\\> # 1, $12bn (est.)'
    >>> escape_markdown("see https://example.org or www.example.org")
    'see https\\\\://example.org or www\\\\.example.org'
    """
    flat = replace_unsafe(" ".join(text.split()))
    flat = _SPECIAL.sub(r"\\\1", flat).replace("&", "&amp;")
    if flat.count("$") > 1:  # a pair could be read as maths (GitHub)
        flat = flat.replace("$", "\\$")
    flat = _SCHEME.sub(r"\1\\\2", flat)
    flat = _WWW.sub(r"\1\\\2", flat)
    flat = _EMAIL_AT.sub("@" + WORD_JOINER, flat)
    flat = _LEADING.sub(r"\\\1", flat)
    return _LEADING_NUMBER.sub(r"\1\\\2", flat)  # an ordered list item


class _Writer:
    def __init__(self, amap: ArgumentMap, ids: bool = False) -> None:
        self.amap = amap
        self.ids = ids
        self.lines: list[str] = []
        self.shown: set[str] = set()
        self.unsafe: list[str] = []

    def text(self, statement: Statement) -> str:
        if has_unsafe(statement.text):
            self.unsafe.append(statement.id)
        shown = escape_markdown(statement.text)
        return f"{shown} `{statement.id}`" if self.ids else shown

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


def to_outline(amap: ArgumentMap, *, ids: bool = False) -> str:
    """The map as a Markdown outline (see the module docstring).

    ``ids=True`` shows each statement's id after its text (as code), the
    names ``argmap render --focus ID`` takes.
    """
    w = _Writer(amap, ids)
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
        advice_ids = {r.id for r in advice}  # a set: `r not in advice` compared whole relations, quadratic
        reasons = [r for r in incoming if isinstance(r, Support) and r.id not in advice_ids]
        objections = [r for r in incoming if isinstance(r, Attack)]
        heading = "" if len(mains) == 1 else f" ({escape_markdown(main.text[:40])})"
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
    if w.unsafe:
        report(ExportWarning, "outline.control", "control characters shown as U+FFFD", sorted(set(w.unsafe)))
    return "\n".join(w.lines) + "\n"
