"""argmap-mermaid: argument maps as Mermaid flowcharts (registers the exporter ``mermaid``).

GitHub, GitLab, Obsidian and many Markdown tools draw Mermaid diagrams from a
```` ```mermaid ```` block. The flowchart has one box per statement, filled by
kind (``classDef``), the main claim with a thick border; support edges solid
green arrows, attack edges dotted red with a cross. Linked premises meet at a
junction dot before their conclusion, and an undercut is an attack edge
pointing at the junction of the support (or attack) it undercuts.

Text reaches Mermaid only through :func:`label`: every character Mermaid or
its HTML labels would read as syntax is written as an entity code
(``#34;`` for ``"``), so a statement shows exactly as written, white space
aside (labels are wrapped at spaces, ``<br>`` between lines). Node names are
never text: ``S_<id>`` for statements, ``J_<id>`` for junctions.

>>> import argmap
>>> b = argmap.MapBuilder()
>>> t = b.claim('Say "yes" & <mean> it', main=True)
>>> _ = b.support(t, b.premise("Because #1"))
>>> print(to_mermaid(b.build()))
flowchart BT
  S_s1["Say #34;yes#34; #38; #60;mean#62; it"]
  S_s2["Because #35;1"]
  S_s2 --> S_s1
  classDef claim fill:#ffffff,stroke:#455a64,color:#1b1b1b
  classDef premise fill:#e8f5e9,stroke:#2e7d32,color:#1b1b1b
  class S_s1 claim
  class S_s2 premise
  style S_s1 stroke-width:4px
  linkStyle 0 stroke:#2e7d32,stroke-width:2px
<BLANKLINE>
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from typing import TypeVar

import argmap
from argmap import ArgumentMap, Exporter, Kind, Option, Support

__all__ = ["EXPORTER", "NAME", "decode_label", "label", "to_mermaid", "wrap"]

T = TypeVar("T")
NAME = "mermaid"
WRAP_WIDTH = 36

# Characters written as Mermaid entity codes (#<decimal>;) in a label, and why:
#   "  ends the quoted label          #  starts an entity code       ;  (kept: harmless alone)
#   &  <  >  HTML in labels           `  markdown strings            \  "\n" becomes a line break
#   %  %%{...}%% directives anywhere  :  the style/classDef rewrite Mermaid applies to any
#   line with "style...:...#...;"     ﬂ ° ¶  Mermaid's own placeholders for entity codes
_ESCAPED = frozenset('"#&<>`\\%:\ufb02\u00b0\u00b6')
_REPLACEMENT = "\ufffd"

_KIND_STYLE = {
    Kind.CLAIM: "fill:#ffffff,stroke:#455a64,color:#1b1b1b",
    Kind.PREMISE: "fill:#e8f5e9,stroke:#2e7d32,color:#1b1b1b",
    Kind.OBJECTION: "fill:#ffebee,stroke:#c62828,color:#1b1b1b",
    Kind.REBUTTAL: "fill:#fff8e1,stroke:#f9a825,color:#1b1b1b",
    Kind.RECOMMENDATION: "fill:#e3f2fd,stroke:#1565c0,color:#1b1b1b",
}
_JUNCTION_STYLE = "fill:#616161,stroke:#616161"
_SUPPORT_LINK = "stroke:#2e7d32,stroke-width:2px"
_ATTACK_LINK = "stroke:#c62828,stroke-width:2px"
_MAIN_STYLE = "stroke-width:4px"


def _unsafe(ch: str) -> bool:
    """Characters no diagram can show: control characters (other than white space), surrogates,
    non-characters."""
    return (unicodedata.category(ch) in ("Cc", "Cs") and not ch.isspace()) or ch in "\ufffe\uffff"


def _clean(text: str, where: str) -> str:
    """Replace characters Mermaid's SVG cannot carry with U+FFFD, with an ExportWarning."""
    if not any(_unsafe(ch) for ch in text):
        return text
    count = sum(1 for ch in text if _unsafe(ch))
    warnings.warn(
        f"Mermaid cannot show control characters: {count} replaced with U+FFFD in {where}",
        argmap.ExportWarning,
        stacklevel=4,
    )
    return "".join(_REPLACEMENT if _unsafe(ch) else ch for ch in text)


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Lines of at most *width* characters, split at white space (a longer word keeps its own line)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def _escape(line: str) -> str:
    return "".join(f"#{ord(ch)};" if ch in _ESCAPED else ch for ch in line)


def label(text: str, *, width: int = WRAP_WIDTH, where: str = "text") -> str:
    """A Mermaid double-quoted label that shows *text* (wrapped at spaces, ``<br>`` between lines).

    >>> label('a "b" <c> 50% #d')
    '"a #34;b#34; #60;c#62; 50#37; #35;d"'
    """
    lines = wrap(_clean(text, where), width) or [" "]
    return '"' + "<br>".join(_escape(line) for line in lines) + '"'


_ENTITY = re.compile(r"#(\d+);|<br>|(.)", re.S)


def decode_label(source: str) -> str:
    """Read back a label written by :func:`label` as Mermaid does: entity codes to characters,
    ``<br>`` to a line break. Raises ValueError on anything :func:`label` never writes
    (a raw ``"``, ``#``, ``<``, ...), which is how the tests show labels cannot break out."""
    if len(source) < 2 or source[0] != '"' or source[-1] != '"':
        raise ValueError(f"not a quoted label: {source!r}")
    out = []
    for match in _ENTITY.finditer(source[1:-1]):
        code, char = match.group(1), match.group(2)
        if code is not None:
            out.append(chr(int(code)))
        elif char is None:
            out.append("\n")
        elif char in _ESCAPED or char in "\n\r":
            raise ValueError(f"raw {char!r} in a label: {source!r}")
        else:
            out.append(char)
    return "".join(out)


def _yaml_string(text: str) -> str:
    """A YAML double-quoted string with every character but letters, digits and spaces escaped
    (so nothing in it means anything to Mermaid's preprocessing)."""
    out = []
    for ch in text:
        if (ch.isascii() and ch.isalnum()) or ch == " ":
            out.append(ch)
        elif ord(ch) > 0xFFFF:
            out.append(f"\\U{ord(ch):08x}")
        else:
            out.append(f"\\u{ord(ch):04x}")
    return '"' + "".join(out) + '"'


def to_mermaid(amap: ArgumentMap, *, direction: str = "BT", width: int = WRAP_WIDTH) -> str:
    """The map as Mermaid flowchart source (the same map gives the same text, byte for byte).

    ``direction`` is Mermaid's: ``BT`` (default: conclusions on top), ``TB``, ``LR`` or ``RL``.
    """
    if direction not in ("BT", "TB", "TD", "LR", "RL"):
        raise argmap.ArgmapError(f"unknown Mermaid direction {direction!r} (use BT, TB, LR or RL)")
    lines: list[str] = []
    title = amap.document.title
    if title and title.strip():
        clean = " ".join(_clean(title, "the document title").split())
        lines += ["---", f"title: {_yaml_string(clean)}", "---"]
    lines.append(f"flowchart {direction}")
    for st in amap.statements:
        lines.append(f"  S_{st.id}[{label(st.text, width=width, where=f'statement {st.id!r}')}]")

    targeted = {rel.target for rel in amap.relations}
    junctions = [rel for rel in amap.relations if len(rel.sources) > 1 or rel.id in targeted]
    for rel in junctions:
        lines.append(f'  J_{rel.id}((" "))')

    def node(item_id: str) -> str:
        return f"J_{item_id}" if isinstance(amap.get(item_id), (Support, argmap.Attack)) else f"S_{item_id}"

    support_links: list[int] = []
    attack_links: list[int] = []
    links: list[str] = []
    junction_ids = {rel.id for rel in junctions}
    for rel in amap.relations:
        is_support = isinstance(rel, Support)
        arrow = "-->" if is_support else "-.-x"
        mine = support_links if is_support else attack_links
        if rel.id in junction_ids:
            for source in rel.sources:
                mine.append(len(links))
                links.append(f"  S_{source} --- J_{rel.id}")
            mine.append(len(links))
            links.append(f"  J_{rel.id} {arrow} {node(rel.target)}")
        else:
            mine.append(len(links))
            links.append(f"  S_{rel.sources[0]} {arrow} {node(rel.target)}")
    lines += links

    kinds_used = [kind for kind in Kind if any(st.kind is kind for st in amap.statements)]
    for kind in kinds_used:
        lines.append(f"  classDef {kind.value} {_KIND_STYLE[kind]}")
    if junctions:
        lines.append(f"  classDef junction {_JUNCTION_STYLE}")
    for kind in kinds_used:
        ids = [f"S_{st.id}" for st in amap.statements if st.kind is kind]
        lines += _class_lines(ids, kind.value)
    lines += _class_lines([f"J_{rel.id}" for rel in junctions], "junction")
    for st in amap.main_claims:
        lines.append(f"  style S_{st.id} {_MAIN_STYLE}")
    for indices, style in ((support_links, _SUPPORT_LINK), (attack_links, _ATTACK_LINK)):
        for chunk in _chunks(indices, 50):
            lines.append(f"  linkStyle {','.join(map(str, chunk))} {style}")
    return "\n".join(lines) + "\n"


def _chunks(items: list[T], size: int) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _class_lines(ids: list[str], name: str) -> list[str]:
    return [f"  class {','.join(chunk)} {name}" for chunk in _chunks(ids, 20)]


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise ValueError(f"expected a whole number >= 1, got {text!r}")
    return number


EXPORTER = Exporter(
    NAME,
    to_mermaid,
    suffixes=(".mmd", ".mermaid"),
    description="Mermaid flowchart (GitHub, GitLab, Obsidian); kinds styled, linked premises and undercuts shown",
    options=(
        Option("direction", "Mermaid's direction: BT (conclusions on top, default), TB, LR or RL",
               choices=("BT", "TB", "LR", "RL")),
        Option("width", f"characters per line of statement text (default: {WRAP_WIDTH})", parse=_positive),
    ),
)


@argmap.hookimpl
def argmap_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register the ``mermaid`` exporter."""
    register(EXPORTER)
