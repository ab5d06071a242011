"""Graphviz DOT source for argument maps: the visual grammar of argmap's diagrams.

- The main claim stands out (thick border, larger text); each kind has its own
  fill, border colour and border style, explained by a legend.
- A support is a solid arrow; an attack is a dashed line ending in a bar, so
  they differ in greyscale too. Line weight shows confidence where the map
  carries it.
- Linked co-premises are framed together and join in one dot, from which one
  arrow leaves: one reason. Convergent reasons are separate arrows.
- An undercut points at the dot of the inference it attacks.
- Text is wrapped; a statement's source quote is its tooltip.

Node names are statement and relation ids (validated, so they need no
quoting); every piece of text goes through :func:`quote`, which makes Graphviz
show it literally: quotes, backslashes (``\\N``, ``\\l``, a trailing one),
HTML-like text and entities such as ``&amp;`` come out as written, and no text
can add attributes (``URL``, ``image``, ...) or markup.
"""

from __future__ import annotations

import re
import warnings
from typing import Any, Callable, TextIO

from ..errors import ExportWarning
from ..model import ArgumentMap, Kind, Statement, Support
from ..text import wrap
from .quoting import clean, escape_line, escape_tooltip, quote
from .themes import DIRECTIONS, THEMES, Theme
from .views import DiagramOptions, select

__all__ = ["quote", "stream_dot", "to_dot", "write_dot"]

# Graphviz resolves "Helvetica" through fontconfig (a metric-compatible sans on Linux); graphviz-pure has
# hard-coded metrics for it, while a list such as "Helvetica,Arial,sans-serif" made it fall back to Times
# metrics and draw text wider than its box.
_FONT = "Helvetica"


LEGEND = '"argmap-legend"'
"""The legend's node name: quoted, with a character no statement or relation id can hold, so no id
(not even ``legend``) can be drawn over by it."""

MAX_LABEL = 4000
"""Characters of one box's text at most: Graphviz 2.43's dot cannot lay out a label of ~16 KB."""


MAX_QUOTED = 16000
"""Bytes of one quoted DOT string at most: Graphviz 2.43's scanner refuses strings over 16,384."""


def _fit(escaped: str, source: str, where: str) -> str:
    """A tooltip cut to what dot can scan (very rare: a statement of over ~16 KB), with a warning."""
    if len(escaped) <= MAX_QUOTED // 4 or len(escaped.encode("utf-8")) <= MAX_QUOTED:
        return escaped
    keep = len(source)
    while True:
        keep = keep * MAX_QUOTED // max(len(escaped.encode("utf-8")), 1) - 8
        escaped = escape_tooltip(source[:keep] + " …")
        if len(escaped.encode("utf-8")) <= MAX_QUOTED:
            break
    warnings.warn(
        f"the tooltip of {where} shows the first {keep:,} characters of its text (Graphviz cannot read "
        "longer text); the map keeps all of it",
        ExportWarning,
        stacklevel=4,
    )
    return escaped


def _lines(text: str, width: int, max_lines: int | None, where: str = "") -> list[str]:
    lines = wrap(text, width)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] += " …"
    # A word longer than a few lines (a URL, a run of digits) keeps a line of its own, cut to
    # fit; a box never holds more than MAX_LABEL characters. The tooltip keeps the whole text.
    longest = max(4 * width, 40)
    cut = False
    if lines and max(map(len, lines)) > longest:
        lines = [line if len(line) <= longest else line[: longest - 1] + "…" for line in lines]
        cut = True
    # The lines hold at most the text's characters, plus " …" on a cut last line: a short text
    # cannot pass MAX_LABEL, so only a long one is counted line by line.
    if len(text) + len(lines) + 2 > MAX_LABEL:
        total = 0
        for n, line in enumerate(lines):
            total += len(line) + 1
            if total > MAX_LABEL:
                lines = lines[:n] + ["…"]
                cut = True
                break
    if cut and where:
        warnings.warn(
            f"the box of {where} shows its text shortened (a very long word or text); the map keeps all of it",
            ExportWarning,
            stacklevel=4,
        )
    return lines


def _quote_of(amap: ArgumentMap, st: Statement) -> str:
    """The source quote of a statement (its spans in the document), else its text."""
    if not st.spans:
        return st.text
    doc = amap.document.text
    return " … ".join(doc[a:b] for a, b in st.spans)


def _weight(confidence: float | None, base: float) -> float:
    return base if confidence is None else round(0.5 + 2.5 * confidence, 2)


_BADGES = {"in": "[IN] accepted", "out": "[OUT] rejected", "undec": "[UNDEC] undecided"}
"""The status line above a statement's text: words, so the mark reads in greyscale and in a text-only
renderer; a rejected statement's text is also greyed, an accepted one gets a double border."""


_CONTEXT_LABEL = "Context: background the argument does not use"
"""The frame around statements tagged ``context`` that take part in no relation."""

_MUTED_FILL, _MUTED_LINE, _MUTED_FONT = "#f2f2f2", "#9e9e9e", "#4d4d4d"

_CHUNK = 4096
"""Lines the writer gathers before it hands them on as one piece of text."""


class _Writer:
    """Writes the DOT source in pieces of about _CHUNK lines to ``sink``: the text of the whole
    is the pieces one after the other, so a file is written without holding all of it."""

    def __init__(self, amap: ArgumentMap, opts: DiagramOptions, status: dict[str, str] | None,
                 sink: Callable[[str], Any]) -> None:
        self.amap = amap
        self.opts = opts
        self.status = status
        self.sink = sink
        self.theme: Theme = THEMES[opts.theme]
        self.out: list[str] = []
        theme = self.theme
        self.node_style = {
            kind: f'fillcolor="{s.fill}", color="{s.border}", style="{s.style}", fontcolor="{s.font}"'
            for kind, s in theme.kinds.items()
        }
        # Context is drawn in the kind's line style but in greys, so it does not read as a reason.
        self.muted_style = {
            kind: f'fillcolor="{_MUTED_FILL}", color="{_MUTED_LINE}", style="{s.style}", fontcolor="{_MUTED_FONT}"'
            for kind, s in theme.kinds.items()
        }
        self.support_edge = f'color="{theme.support}", style=solid, arrowhead=normal'
        self.attack_edge = f'color="{theme.attack}", style=dashed, arrowhead=tee'
        self.confident = any(
            x.provenance is not None and x.provenance.confidence is not None
            for x in (*amap.statements, *amap.relations)
        )

    def header(self) -> None:
        o, amap = self.opts, self.amap
        self.out += [
            "digraph argmap {",
            f'  graph [rankdir={DIRECTIONS[o.direction]}, newrank=true, nodesep=0.3, ranksep=0.45, '
            f'fontname="{_FONT}", bgcolor="{self.theme.background}", pad=0.2];',
            f'  node [shape=box, fontname="{_FONT}", fontsize=11, margin="0.14,0.07", penwidth=1.2];',
            f'  edge [fontname="{_FONT}", fontsize=9, penwidth=1.4, arrowsize=0.8];',
        ]
        title = amap.document.title
        if title and title.strip():
            label = quote(_lines(clean(title, "document title"), 2 * o.width, 3), where="document title")
            self.out += [f"  label={label};", "  labelloc=t;", "  fontsize=15;"]

    def statement(self, st: Statement, indent: str = "  ", muted: bool = False) -> None:
        o = self.opts
        # Clean once (one warning per statement), then escape: the hot path of big maps.
        text = clean(st.text, st.id)
        lines = _lines(text, o.width, o.max_lines, st.id)
        if o.show_ids:
            lines = [f"[{st.id}]", *lines]
        state = self.status.get(st.id) if self.status is not None else None
        if state is not None:
            lines = [_BADGES[state].split()[0], *lines]
        label = '"' + escape_line("\n".join(lines)).replace("\n", "\\n") + '"'
        source = clean(_quote_of(self.amap, st), st.id, warn=False) if st.spans else text
        tooltip = '"' + _fit(escape_tooltip(source), source, st.id) + '"'
        extra = ""
        if st.main:
            extra = f', penwidth=3.2, color="{self.theme.main_border}", fontsize=13'
        elif st.provenance is not None and st.provenance.confidence is not None:
            extra = f", penwidth={_weight(st.provenance.confidence, 1.2)}"
        if state == "in":
            extra += ", peripheries=2"
        elif state == "out":
            extra += ', fontcolor="#6b6b6b"'
        style = self.node_style[st.kind]
        if muted:
            style = self.muted_style[st.kind]
        self.out.append(f"{indent}{st.id} [label={label}, tooltip={tooltip}, {style}{extra}];")
        if len(self.out) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        """Hand the lines so far on, each followed by its newline."""
        self.out.append("")
        self.sink("\n".join(self.out))
        self.out.clear()

    def relations(self) -> None:
        amap = self.amap
        targeted = {r.target for r in amap.relations}
        # A claim with many reasons would make one very wide row: stagger the
        # arrows into it over a few rows (what Graphviz's `unflatten` does).
        fan_in: dict[str, int] = {}
        for rel in amap.relations:
            fan_in[rel.target] = fan_in.get(rel.target, 0) + 1
        seen: dict[str, int] = {}
        rows = self.opts.stagger
        for rel in amap.relations:
            is_support = isinstance(rel, Support)
            style = self.support_edge if is_support else self.attack_edge
            conf = rel.provenance.confidence if rel.provenance is not None else None
            weight = f", penwidth={_weight(conf, 1.4)}" if conf is not None else ""
            what = ("supports" if is_support else "attacks") + (f" ({rel.id})")
            if rows > 1 and fan_in[rel.target] > 2 * rows:
                nth = seen.get(rel.target, 0)
                seen[rel.target] = nth + 1
                if nth % rows:
                    weight += f", minlen={1 + nth % rows}"
            sources = rel.sources
            if len(sources) > 1 or rel.id in targeted:
                colour = self.theme.support if is_support else self.theme.attack
                self.out.append(
                    f'  {rel.id} [shape=point, width=0.11, height=0.11, color="{colour}", '
                    f'fillcolor="{colour}", style=filled, label="", tooltip="{what}"];'
                )
                for src in sources:
                    self.out.append(f'  {src} -> {rel.id} [{style}, arrowhead=none{weight}, tooltip="{what}"];')
                self.out.append(f'  {rel.id} -> {rel.target} [{style}{weight}, tooltip="{what}"];')
            else:
                self.out.append(f'  {sources[0]} -> {rel.target} [{style}{weight}, tooltip="{what}"];')
            if len(self.out) >= _CHUNK:
                self.flush()

    def body(self) -> None:
        amap, o = self.amap, self.opts
        framed: dict[str, str] = {}  # statement id -> the linked relation framing it
        if not o.group_paragraphs:
            for rel in amap.relations:
                if len(rel.sources) > 1 and not any(s in framed for s in rel.sources):
                    for s in rel.sources:
                        framed[s] = rel.id
        groups: dict[str, list[Statement]] = {}
        loose: list[Statement] = []
        if o.group_paragraphs:
            starts = _paragraph_starts(amap.document.text)
            for st in amap.statements:
                if st.spans:
                    groups.setdefault(f"p{_paragraph_index(starts, st.spans[0][0]) + 1}", []).append(st)
                else:
                    loose.append(st)
        else:
            for st in amap.statements:
                if st.id in framed:
                    groups.setdefault(framed[st.id], []).append(st)
                else:
                    loose.append(st)
        involved = {r.target for r in amap.relations}
        for rel in amap.relations:
            involved.update(rel.sources)
        context = [st for st in loose if "context" in st.tags and st.id not in involved and not st.main]
        if context:
            keep = {st.id for st in context}
            loose = [st for st in loose if st.id not in keep]
        for st in loose:
            self.statement(st)
        if context:
            # Background the extractor kept outside the argument (tag "context", no relation): one
            # labelled frame of its own, so that it does not read as a row of unconnected reasons.
            self.out.append("  subgraph cluster_context {")
            self.out.append(
                f'    graph [label="{_CONTEXT_LABEL}", labeljust=l, fontsize=10, fontcolor="#666666", '
                'style="rounded,dashed", color="#9e9e9e", margin=8];'
            )
            for st in context:
                self.statement(st, indent="    ", muted=True)
            self.out.append("  }")
        for name, members in groups.items():
            if o.group_paragraphs:
                frame = f'label="¶ {name[1:]}", labeljust=l, fontsize=10, fontcolor="#666666", style="rounded,dashed", color="#9e9e9e"'
            else:
                colour = self.theme.support if isinstance(amap.get(name), Support) else self.theme.attack
                frame = f'label="", style=rounded, color="{colour}", penwidth=1.2, margin=6'
            self.out.append(f"  subgraph cluster_{name} {{")
            self.out.append(f"    graph [{frame}];")
            for st in members:
                self.statement(st, indent="    ")
            self.out.append("  }")
        self.relations()

    def legend(self) -> None:
        """One table node listing the kinds shown, the main claim and the relation styles.

        Its text is fixed (no user text), in ASCII so every renderer has the glyphs."""
        amap, theme = self.amap, self.theme
        kinds = [k for k in Kind if any(s.kind is k for s in amap.statements)]
        if not kinds:
            return
        rows = ['<TR><TD BORDER="0" ALIGN="LEFT"><B>Legend</B></TD></TR>']
        for kind in kinds:
            ks = theme.kinds[kind]
            cell_style = "dashed" if "dashed" in ks.style else "rounded" if "rounded" in ks.style else "solid"
            border = "2" if "bold" in ks.style else "1"
            rows.append(
                f'<TR><TD BGCOLOR="{ks.fill}" COLOR="{ks.border}" BORDER="{border}" STYLE="{cell_style}">'
                f"<FONT COLOR=\"{ks.font}\">{kind.value}</FONT></TD></TR>"
            )
        if any(s.main for s in amap.statements):
            rows.append(f'<TR><TD BORDER="3" COLOR="{theme.main_border}">main claim</TD></TR>')
        rows.append(f'<TR><TD BORDER="0" ALIGN="LEFT"><FONT COLOR="{theme.support}"><B>---&gt;</B></FONT> supports</TD></TR>')
        if amap.attacks:
            rows.append(f'<TR><TD BORDER="0" ALIGN="LEFT"><FONT COLOR="{theme.attack}"><B>- - -|</B></FONT> attacks</TD></TR>')
        if any(len(r.sources) > 1 for r in amap.relations):
            rows.append('<TR><TD BORDER="0" ALIGN="LEFT">framed + dot: linked premises</TD></TR>')
        if any(not isinstance(amap.get(r.target), Statement) for r in amap.attacks):
            rows.append('<TR><TD BORDER="0" ALIGN="LEFT">attack on a dot: undercut</TD></TR>')
        if self.confident:
            rows.append('<TR><TD BORDER="0" ALIGN="LEFT">line weight: confidence</TD></TR>')
        if self.status is not None:
            rows.append(f'<TR><TD BORDER="0" ALIGN="LEFT"><B>{self.opts.status} semantics:</B></TD></TR>')
            for state in ("in", "out", "undec"):
                if state in self.status.values():
                    badge, word = _BADGES[state].split()
                    rows.append(f'<TR><TD BORDER="0" ALIGN="LEFT">{badge} {word}</TD></TR>')
        table = (
            '<<TABLE BORDER="1" COLOR="#bdbdbd" STYLE="rounded" CELLBORDER="1" CELLSPACING="4" CELLPADDING="3">'
            + "".join(rows) + "</TABLE>>"
        )
        self.out.append(f'  {LEGEND} [shape=plain, fontsize=9, tooltip="legend", label={table}];')

    def write(self) -> None:
        self.header()
        self.body()
        if self.opts.legend:
            self.legend()
        self.out.append("}")
        self.flush()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _paragraph_starts(text: str) -> list[int]:
    return [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _paragraph_index(starts: list[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset)


def to_dot(amap: ArgumentMap, options: DiagramOptions | None = None, **changes: Any) -> str:
    """The map as Graphviz DOT source.

    ``options`` (a :class:`~argmap.diagram.DiagramOptions`) or keyword changes
    choose the view and the look: ``direction``, ``theme``, ``kinds``,
    ``depth``, ``focus``, ``group_paragraphs``, ``width``, ``max_lines``,
    ``legend``, ``show_ids``, ``status``. The same map and options give the same bytes.
    """
    pieces: list[str] = []
    _write(amap, pieces.append, DiagramOptions.of(options, **changes))
    return "".join(pieces)


def write_dot(amap: ArgumentMap, file: TextIO, options: DiagramOptions | None = None, **changes: Any) -> None:
    """Write the map's DOT source to an open text file in pieces, without holding the whole text:
    the same text as :func:`to_dot` (same options), for large maps (the DOT of 100,000 statements
    is about 50 MB)."""
    stream_dot(amap, file.write, options, **changes)


def stream_dot(
    amap: ArgumentMap, write: Callable[[str], Any], options: DiagramOptions | None = None, **changes: Any
) -> None:
    """Hand the map's DOT source to ``write`` in pieces (the exporter's ``stream``): their
    concatenation is the text of :func:`to_dot`."""
    _write(amap, write, DiagramOptions.of(options, **changes))


def _write(amap: ArgumentMap, sink: Callable[[str], Any], opts: DiagramOptions) -> None:
    status = None
    if opts.status is not None:
        # A lazy import: argmap.analysis draws its diffs with this package, which would make a circle.
        from ..analysis import AnalysisError, labels

        try:
            status = labels(amap, opts.status)  # on the whole map: a view must not change what stands
        except AnalysisError as exc:  # no stable labelling, or more labellings than the limit
            warnings.warn(f"no {opts.status} status is drawn: {exc.message}", ExportWarning, stacklevel=3)
    _Writer(select(amap, opts), opts, status, sink).write()
