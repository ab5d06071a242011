"""The HTML page of a map: markup, data and policy.

The page has four parts, all in one file: the inline SVG of the diagram (from
Graphviz, whose output escapes every text), the map as JSON in a
``<script type="application/json">`` block (with ``<``, ``>``, ``&``, U+2028,
U+2029 and lone surrogates written as ``\\uXXXX``, so no text can end the
block), one style block and one script block (``view.css`` and ``view.js``
beside this module). A Content-Security-Policy ``<meta>`` allows exactly
those two blocks by their SHA-256 and nothing else: no network request of any
kind, no inline event handler, no ``javascript:`` URL, no other script.

The script builds everything else with ``textContent``, so statement and
document text is shown literally whatever it holds.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from ...errors import OptionError, UnknownIdError
from ...model import ArgumentMap, Kind, Support
from ...text import replace_unsafe
from ..dot import to_dot
from ..render import alt_text, render_dot
from ..themes import THEMES, KindStyle, Theme
from ..views import DiagramOptions, select as select_view

__all__ = ["PAGE_OPTIONS", "page_data", "to_html"]

PAGE_OPTIONS = ("select", "text")
"""The page's own options, beside the diagram options: ``select`` (the id of the
statement selected when the page opens) and ``text`` (``False``: show the list of
statements instead of the document's text)."""


# -- assets ----------------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    # One block each: the text must not be able to close its own element early.
    closer = "</script" if name.endswith(".js") else "</style"
    if closer in text.lower():  # pragma: no cover - a guard on our own files
        raise RuntimeError(f"{name} contains {closer}")
    return text


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


# -- colours ---------------------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    if len(c) == 3:
        c = "".join(ch * 2 for ch in c)
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v))):02x}" for v in rgb)


def _mix(colour: str, other: str, amount: float) -> str:
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x * amount + y * (1 - amount) for x, y in zip(a, b)))  # type: ignore[arg-type]


def _tint(style: KindStyle) -> str:
    """The highlight colour of a kind in the text: its fill, or a light tint of its border
    where the fill is (nearly) white and would not show on the page."""
    if min(_rgb(style.fill)) >= 0xF6:
        return _mix(style.border, "#ffffff", 0.16)
    return style.fill


def _theme_css(theme: Theme) -> str:
    rules = [
        f":root{{--support:{theme.support};--attack:{theme.attack};--main:{theme.main_border}}}"
    ]
    for kind, st in theme.kinds.items():
        line = "dashed" if "dashed" in st.style else "solid"
        width = "3px" if "bold" in st.style else "2px"
        rules.append(
            f".k-{kind.value}{{--fill:{st.fill};--line:{st.border};--tint:{_tint(st)};"
            f"--ink:{st.font};--ls:{line};--lw:{width}}}"
        )
    return "\n".join(rules) + "\n"


# -- data ------------------------------------------------------------------------------------------


def _segments(amap: ArgumentMap, text: str) -> list[Any]:
    """The document cut where spans begin and end: a plain piece is a string, a
    highlighted one ``[text, [statement indexes]]``, innermost statement first.

    Offsets are Python's (code points); cutting here spares the page's script
    JavaScript's UTF-16 offsets, where an emoji counts twice."""
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    length: dict[int, int] = {}
    for i, st in enumerate(amap.statements):
        for a, b in st.spans:
            starts.setdefault(a, []).append(i)
            ends.setdefault(b, []).append(i)
        if st.spans:
            length[i] = sum(b - a for a, b in st.spans)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict[int, int] = {}  # statement index -> spans of it open here
    out: list[Any] = []
    for a, b in zip(cuts, cuts[1:]):
        for i in ends.get(a, ()):
            active[i] -= 1
            if not active[i]:
                del active[i]
        for i in starts.get(a, ()):
            active[i] = active.get(i, 0) + 1
        piece = text[a:b]
        if not active:
            if out and isinstance(out[-1], str):
                out[-1] += piece
            else:
                out.append(piece)
            continue
        ids = sorted(active, key=lambda i: (length[i], i))
        if out and isinstance(out[-1], list) and out[-1][1] == ids:
            out[-1][0] += piece
        else:
            out.append([piece, ids])
    return out


def _plain(value: Any) -> Any:
    """Metadata as JSON the page can parse: mappings and sequences as objects and lists, finite
    numbers, strings, booleans and null as they are, anything else as its text."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return repr(value)


def _conf(item: Any) -> float | None:
    prov = item.provenance
    return None if prov is None else prov.confidence


def page_data(
    amap: ArgumentMap, options: DiagramOptions | None = None, *, select: str | None = None, text: bool = True
) -> dict[str, Any]:
    """What the page's script reads: the statements and relations the diagram
    shows (``options`` picks them, as for the diagram), the document cut into
    highlighted pieces (``segments``, ``None`` without a document text or with
    ``text=False``), and the statement to select first."""
    opts = options or DiagramOptions()
    shown = select_view(amap, opts)
    doc = amap.document
    statements = []
    for st in shown.statements:
        entry: dict[str, Any] = {"id": st.id, "text": st.text, "kind": st.kind.value}
        if st.main:
            entry["main"] = True
        if st.spans:
            entry["spans"] = [list(span) for span in st.spans]
        if st.provenance is not None:
            entry["by"] = st.provenance.extractor
            if st.provenance.confidence is not None:
                entry["conf"] = st.provenance.confidence
        if st.tags:
            entry["tags"] = list(st.tags)
        if st.metadata:
            entry["meta"] = _plain(st.metadata)
        statements.append(entry)
    relations = []
    for rel in shown.relations:
        item: dict[str, Any] = {
            "id": rel.id,
            "type": "support" if isinstance(rel, Support) else "attack",
            "from": list(rel.sources),
            "to": rel.target,
        }
        if isinstance(rel, Support):
            if rel.scheme:
                item["scheme"] = rel.scheme
            if rel.example:
                item["example"] = True
        if (conf := _conf(rel)) is not None:
            item["conf"] = conf
        relations.append(item)
    if select is not None and not any(st.id == select for st in shown.statements):
        raise UnknownIdError(f"no statement {select!r} in the map's view", where="select")
    use_text = text and bool(doc.text) and any(st.spans for st in shown.statements)
    kinds = [k.value for k in Kind if any(st.kind is k for st in shown.statements)]
    return {
        "title": doc.title if doc.title and doc.title.strip() else None,
        "author": doc.author,
        "source": doc.source,
        "kinds": kinds,
        "statements": statements,
        "relations": relations,
        "segments": _segments(shown, doc.text) if use_text else None,
        "select": select,
    }


_JSON_UNSAFE = re.compile("[<>&\u2028\u2029\ud800-\udfff]")


def script_json(data: Any) -> str:
    """JSON that can sit inside ``<script type="application/json">``: ``<``, ``>``,
    ``&``, U+2028, U+2029 and lone surrogates as ``\\uXXXX`` escapes.

    >>> script_json({"t": "</script><!--&\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# -- the diagram -----------------------------------------------------------------------------------

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')
_NAMED_GROUP = re.compile(r'(<g id="[^"]*" class="(?:node|edge|cluster|graph)")([^>]*)>\s*<title>([^<]*)</title>')
_TOOLTIP_OPEN = re.compile(r'<g id="a_[^"]*"><a xlink:title="[^"]*">\n?')
_TOOLTIP_CLOSE = re.compile(r"</a>\n</g>\n?")


def inline_svg(svg: str) -> str:
    """Graphviz's SVG made fit to sit inside the page, and lighter for the browser.

    - no XML prolog, doctype or comments (Graphviz writes node names there, never text);
    - no fixed width or height on the ``<svg>`` element (the page sizes it from the ``viewBox``);
    - each node's, edge's and cluster's ``<title>`` (its DOT name: a statement or relation id,
      ``a->b`` for an edge) becomes a ``data-name`` attribute, which the page's script reads;
    - the tooltip links Graphviz wraps around each node and edge (``<a xlink:title>``, the source
      quote the page's text already shows) are left out: a third fewer elements to lay out.
    """
    svg = _PROLOG.sub("", svg).strip()
    start = svg.find("<svg")
    end = svg.find(">", start)
    if start < 0 or end < 0:  # pragma: no cover - Graphviz always writes one
        raise ValueError("no <svg> element in Graphviz's output")
    svg = _SIZE.sub("", svg[start:end]) + svg[end:]
    svg = _NAMED_GROUP.sub(lambda m: f'{m.group(1)} data-name="{m.group(3)}"{m.group(2)}>', svg)
    opened = len(_TOOLTIP_OPEN.findall(svg))
    if opened and opened == len(_TOOLTIP_CLOSE.findall(svg)) and opened == svg.count("<a "):
        svg = _TOOLTIP_CLOSE.sub("", _TOOLTIP_OPEN.sub("", svg))
    return svg


# -- the page --------------------------------------------------------------------------------------


def _page_title(amap: ArgumentMap) -> str:
    title = (amap.document.title or "").strip()
    if not title and amap.main_claims:
        title = amap.main_claims[0].text
    title = " ".join(replace_unsafe(title).split()) or "Argument map"
    return title if len(title) <= 120 else title[:119].rstrip() + "…"


def to_html(
    amap: ArgumentMap,
    options: DiagramOptions | None = None,
    *,
    select: str | None = None,
    text: bool = True,
    **changes: Any,
) -> str:
    """The map as one self-contained interactive HTML page (a ``str``).

    ``options`` (a :class:`~argmap.diagram.DiagramOptions`) or keyword changes
    (``theme``, ``direction``, ``depth``, ``focus``, ``kinds``, ...) shape the
    diagram as for ``argmap render``; ``select`` names the statement selected
    when the page opens; ``text=False`` shows the list of statements instead of
    the document. Needs Graphviz (a :class:`~argmap.RenderError` says what to
    install). The same map and options give the same bytes.
    """
    if not isinstance(text, bool):
        raise OptionError(f"option 'text' of the html page: expected true or false, got {text!r}")
    opts = DiagramOptions.of(options, **changes)
    data = page_data(amap, opts, select=select, text=text)
    svg = render_dot(to_dot(amap, opts), "svg", **alt_text(amap)).decode("utf-8")
    css = _theme_css(THEMES[opts.theme]) + _asset("view.css")
    js = _asset("view.js")
    policy = (
        f"default-src 'none'; script-src '{_sha256(js)}'; style-src '{_sha256(css)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    title = html.escape(_page_title(amap))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="argmap">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{title} · argument map</title>\n"
        f"<style>{css}</style>\n</head>\n"
        f'<body class="{"has-text" if data["segments"] is not None else "no-text"}">\n'
        f"{_BODY}"
        f'<div id="stage" tabindex="0" role="application" '
        f'aria-label="Diagram: drag to pan, wheel or + and - to zoom, 0 to fit">\n'
        f"{inline_svg(svg)}\n</div>\n"
        f"{_AFTER_STAGE}"
        f'<script type="application/json" id="argmap-data">{script_json(data)}</script>\n'
        f"<script>{js}</script>\n"
        "</body>\n</html>\n"
    )


_BODY = """\
<a class="skip" href="#reading">Skip to the text</a>
<header id="bar">
<div id="doc"><h1 id="doc-title"></h1><p id="doc-meta"></p></div>
<div id="tools">
<div id="find"><input id="search" type="search" placeholder="Search statements  ( / )" aria-label="Search statements" \
autocomplete="off" spellcheck="false" role="combobox" aria-controls="results" aria-expanded="false" aria-autocomplete="list">\
<ul id="results" role="listbox" aria-label="Matching statements" hidden></ul></div>
<div id="filters" role="group" aria-label="Show kinds"></div>
</div>
</header>
<main id="main">
<section id="reading" tabindex="-1" aria-label="Text"><div id="reading-inner"></div></section>
<section id="map" aria-label="Diagram">
"""

_AFTER_STAGE = """\
<div id="zoom" role="toolbar" aria-label="Zoom">\
<button type="button" id="zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>\
<button type="button" id="zoom-out" title="Zoom out (-)" aria-label="Zoom out">\u2212</button>\
<button type="button" id="zoom-fit" title="Fit the diagram (0)" aria-label="Fit the diagram">Fit</button></div>
<aside id="panel" aria-live="polite" aria-label="Selected statement"></aside>
</section>
</main>
<noscript><p class="noscript">The diagram above is static without JavaScript; the highlights, search \
and filters need it.</p></noscript>
"""
