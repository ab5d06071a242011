"""Laying out DOT source into pictures with Graphviz.

argmap looks for a renderer in this order: the executable named by the
``ARGMAP_GRAPHVIZ`` environment variable; Graphviz's ``dot`` on the PATH; the
``graphviz-pure`` executable (a static port of Graphviz, installed with
argmap where it has wheels) beside the running Python or on the PATH.
``graphviz-pure`` writes SVG and PNG; PDF needs ``dot``.

SVG output can carry alt text: :func:`render_dot` with ``title=``/``description=``
puts a ``<title>`` and a ``<desc>`` first in the ``<svg>`` element (what screen
readers, notebooks and web pages read), and :func:`alt_text` says what they
are for a map (its thesis, its size).

Big diagrams (see docs/diagrams.md, "Big diagrams"): above :data:`BIG_LAYOUT`
statements :func:`render_dot` warns first (a :class:`~argmap.errors.LayoutWarning`
that says how to draw part of the map) and bounds the work of ``dot``'s
placement (:func:`layout_flags`); smaller diagrams are laid out exactly as before.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import warnings
from collections.abc import Mapping
from pathlib import Path

from typing import TYPE_CHECKING, TypedDict
from xml.sax.saxutils import escape

import attrs

from ..errors import LayoutWarning, RenderError
from ..model import Kind

if TYPE_CHECKING:  # pragma: no cover - types only
    from ..model import ArgumentMap

__all__ = [
    "BIG_LAYOUT",
    "FORMATS",
    "LAYOUT_BUDGET",
    "AltText",
    "Renderer",
    "alt_text",
    "find_renderer",
    "layout_flags",
    "layout_size",
    "render_dot",
    "svg_with_title",
]

FORMATS = ("svg", "png", "pdf")
"""The image formats :func:`render_dot` produces."""

_PURE_FORMATS = ("svg", "png")
_INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) "
    "or the graphviz-pure wheel (pip install graphviz-pure)"
)


@attrs.frozen
class Renderer:
    """A Graphviz executable and the formats it writes."""

    path: str
    kind: str  # "dot", "graphviz-pure" or "custom"
    formats: tuple[str, ...]


def _pure_candidates() -> list[Path]:
    exe = "graphviz-pure.exe" if os.name == "nt" else "graphviz-pure"
    dirs = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    found = [Path(d) / exe for d in dirs if d]
    on_path = shutil.which("graphviz-pure")
    if on_path:
        found.append(Path(on_path))
    return found


def find_renderer(fmt: str = "svg", *, env: Mapping[str, str] | None = None) -> Renderer:
    """The renderer that will draw *fmt*, or a :class:`RenderError` that says
    what to install."""
    if env is None:
        env = os.environ
    if fmt not in FORMATS:
        raise RenderError(f"unknown image format {fmt!r} (expected one of {', '.join(FORMATS)})")
    forced = env.get("ARGMAP_GRAPHVIZ")
    if forced:
        path = shutil.which(forced)
        if path is None:
            raise RenderError(f"ARGMAP_GRAPHVIZ names {forced!r}, which is not an executable")
        return Renderer(path=path, kind="custom", formats=FORMATS)
    dot = shutil.which("dot")
    if dot:
        return Renderer(path=dot, kind="dot", formats=FORMATS)
    for candidate in _pure_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            if fmt not in _PURE_FORMATS:
                raise RenderError(
                    f"{fmt.upper()} needs Graphviz's dot program, which is not installed: install Graphviz "
                    "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz); the graphviz-pure "
                    "renderer installed with argmap writes svg and png only"
                )
            return Renderer(path=str(candidate), kind="graphviz-pure", formats=_PURE_FORMATS)
    raise RenderError(f"no Graphviz renderer found: {_INSTALL_HINT}")


BIG_LAYOUT = 2000
"""Statements from which a diagram counts as big: :func:`render_dot` warns before laying it out and
bounds ``dot``'s work (:func:`layout_flags`). Below it nothing changes. Measured with
bench/bench_layout.py: unbounded, ``dot`` needs ~1.5 s of CPU for 2,000 statements, ~6 s for the 3,572
of AraucariaDB's concatenated text and ~12 s for 5,000 (100 s of wall-clock time on a loaded machine)."""

LAYOUT_BUDGET = 1000
"""Network-simplex iterations at most that ``dot`` spends placing the boxes of a big diagram side to
side (its ``nslimit`` is this over the number of nodes). The unbounded placement of 5,000 statements
takes ~6,000 iterations, each costing time in proportion to the map's size, so an unbounded layout grows
with the square of the size and a bounded one linearly."""

# argmap's DOT writes one node or edge per line; ids are ASCII identifiers (validated).
_NODE_LINE = re.compile(r'^[ \t]+(?!(?:graph|node|edge) )(?:[A-Za-z_]\w*|"[^"\n]*") \[', re.M)
_BOX_LINE = re.compile(r"^[ \t]+(?!(?:graph|node|edge) )[A-Za-z_]\w* \[label=", re.M)
_ARROW_LINE = re.compile(r'^[ \t]+(?:[A-Za-z_]\w*|"[^"\n]*") -> ', re.M)


class LayoutSize(TypedDict):
    """What :func:`layout_size` counts in DOT source."""

    statements: int  # boxes with text
    nodes: int  # every node: boxes, the dots of linked reasons, the legend
    arrows: int


def layout_size(source: str) -> LayoutSize:
    """Count the boxes, all nodes and the arrows of DOT source written by :func:`argmap.diagram.to_dot`
    (one node or edge per line), without parsing it.

    >>> layout_size('digraph g {\\n  s1 [label="A"];\\n  s2 [label="B"];\\n  s2 -> s1 [color=red];\\n}\\n')
    {'statements': 2, 'nodes': 2, 'arrows': 1}
    """
    return {
        "statements": len(_BOX_LINE.findall(source)),
        "nodes": len(_NODE_LINE.findall(source)),
        "arrows": len(_ARROW_LINE.findall(source)),
    }


def layout_flags(size: LayoutSize) -> list[str]:
    """The Graphviz command-line flags that bound the layout of a diagram of this *size*: none below
    :data:`BIG_LAYOUT` statements (small diagrams are drawn exactly as before), else an ``nslimit`` that
    stops the placement of boxes after :data:`LAYOUT_BUDGET` network-simplex iterations.

    Rank direction, ranks, the order within ranks (no arrow crosses more than before), box sizes and
    spline arrows stay; what the bound gives up is the last straightening of arrows, so in a big diagram
    some boxes sit to the side of what they support rather than right under it.

    >>> layout_flags({"statements": 50, "nodes": 60, "arrows": 55})
    []
    >>> layout_flags({"statements": 5000, "nodes": 5615, "arrows": 5612})
    ['-Gnslimit=0.178']
    """
    if size["statements"] < BIG_LAYOUT:
        return []
    nslimit = LAYOUT_BUDGET / max(size["nodes"], 1)
    return [f"-Gnslimit={nslimit:.3g}"]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def layout_warning(size: LayoutSize) -> str | None:
    """The one line said before laying out a big diagram (``None`` below :data:`BIG_LAYOUT` statements)."""
    if size["statements"] < BIG_LAYOUT:
        return None
    return (
        f"a diagram of {_plural(size['statements'], 'statement')} and {_plural(size['arrows'], 'arrow')} "
        "takes a while to lay out and is hard to read whole (dot's work is bounded, so some boxes sit "
        "off-centre); to draw part of the map use --depth N, --focus ID or --kinds KINDS "
        "(depth=, focus=, kinds= in Python)"
    )


def render_dot(
    source: str,
    fmt: str = "svg",
    *,
    renderer: Renderer | None = None,
    title: str | None = None,
    description: str | None = None,
) -> bytes:
    """Lay out DOT source with Graphviz and return the image bytes.

    For SVG, ``title`` and ``description`` (see :func:`alt_text`) become the
    picture's ``<title>`` and ``<desc>`` (:func:`svg_with_title`); other
    formats ignore them.

    A diagram of :data:`BIG_LAYOUT` statements or more is big: a
    :class:`~argmap.errors.LayoutWarning` says so (and how to draw part of
    the map) before Graphviz starts, and :func:`layout_flags` bound its work."""
    renderer = renderer or find_renderer(fmt)
    if fmt not in renderer.formats:
        raise RenderError(f"{renderer.kind} cannot write {fmt!r} (it writes {', '.join(renderer.formats)})")
    size = layout_size(source)
    notice = layout_warning(size)
    if notice is not None:
        warnings.warn(notice, LayoutWarning, stacklevel=2)
    try:
        proc = subprocess.run(
            [renderer.path, "-Kdot", f"-T{fmt}", *layout_flags(size)],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise RenderError(f"cannot run {renderer.path}: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        first = next((m for m in message if m.strip()), f"exit status {proc.returncode}")
        raise RenderError(f"{Path(renderer.path).name} failed: {first}")
    if fmt == "svg" and (title or description):
        return svg_with_title(proc.stdout, title, description)
    return proc.stdout


# What XML 1.0 cannot carry: control characters but tab, newline and carriage return, lone
# surrogates, U+FFFE and U+FFFF (https://www.w3.org/TR/xml/#charsets).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", text))


def svg_with_title(svg: bytes, title: str | None, description: str | None = None) -> bytes:
    """*svg* (Graphviz's output) with ``<title>`` and ``<desc>`` as the first
    children of its ``<svg>`` element, the text escaped as XML.

    >>> svg_with_title(b'<svg width="1pt">\\n<g/></svg>', "A & <b>", "x").decode()
    '<svg width="1pt">\\n<title>A &amp; &lt;b&gt;</title>\\n<desc>x</desc>\\n<g/></svg>'
    """
    start = svg.find(b"<svg")
    end = svg.find(b">", start) if start >= 0 else -1
    if end < 0:
        return svg
    parts = []
    if title:
        parts.append(f"\n<title>{_xml_text(title)}</title>")
    if description:
        parts.append(f"\n<desc>{_xml_text(description)}</desc>")
    return svg[: end + 1] + "".join(parts).encode("utf-8") + svg[end + 1 :]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class AltText(TypedDict):
    """The ``title`` and ``description`` keywords of :func:`render_dot`."""

    title: str
    description: str


def alt_text(amap: ArgumentMap) -> AltText:
    """The alt text of a map's picture, as keywords of :func:`render_dot`:
    ``title`` names the thesis (the main claims, else the document's title),
    ``description`` says what the map holds.

    >>> import argmap
    >>> b = argmap.MapBuilder()
    >>> _ = b.support(b.claim("Cities should plant trees.", main=True), b.premise("Shade cools."))
    >>> alt_text(b.build())["title"]
    'Argument map: Cities should plant trees.'
    """
    theses = [s.text for s in amap.main_claims]
    doc_title = (amap.document.title or "").strip()
    if theses:
        title = "Argument map: " + _clip(" / ".join(theses), 300)
    elif doc_title:
        title = "Argument map of " + _clip(doc_title, 300)
    else:
        title = "Argument map"
    counts = {kind: 0 for kind in Kind}
    for st in amap.statements:
        counts[st.kind] += 1
    kinds = ", ".join(f"{n} {kind.value}{'' if n == 1 else 's'}" for kind, n in counts.items() if n)
    n_st, n_sup, n_att = len(amap.statements), len(amap.supports), len(amap.attacks)
    description = (
        f"{n_st} statement{'' if n_st == 1 else 's'}" + (f" ({kinds})" if kinds else "")
        + f", {n_sup} support{'' if n_sup == 1 else 's'} and {n_att} attack{'' if n_att == 1 else 's'}."
    )
    if doc_title:
        description = f"From “{_clip(doc_title, 200)}”. " + description
    return {"title": title, "description": description}
