"""argmap → Argdown text: statements, arguments with premise–conclusion structures, attacks, undercuts.

The layout (docs/formats/argdown.md shows a whole file)::

    ===
    title: "Trees"
    ===

    # Trees {"isGroup": false, "argmap": {"format": "argmap/1", "document": {...}}}

    [s1]: Cities should plant more trees. {"argmap": {"kind": "recommendation", "main": true}}

    [s5]: Trees are expensive. {"argmap": {"kind": "objection", "attacks": [{"id": "r3", "from": ["s5"], "to": "s1"}]}}

    [s5]
      -> [s1]

    <r1>

    (1) [s2]
    -- consequences --
    (2) [s1]

    <r1>
      <_ [s7]

What Argdown can draw is drawn; everything of argmap's own (kind, main,
spans, tags Argdown cannot write, ids and grouping of attacks, provenance,
metadata, the document) rides along in ``argmap`` data blocks, so that the
round trip through the real Argdown is exact. What the drawing cannot show is
reported with an :class:`~argmap.errors.ExportWarning` by code.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ExportWarning, FormatError
from ...losses import Losses
from ...model import ArgumentMap, Attack, Document, Statement, Support
from ..json import provenance_record
from ._escape import data_json, escape_rule, escape_text, front_matter_json, normalise, rule_visible, tag_markup, visible

__all__ = ["EXPORT_LOSSES", "dumps"]

FORMAT = "argmap/1"

EXPORT_LOSSES = {
    "argdown.attack_on_attack": "Argdown cannot draw an attack on an attack (kept in the argmap data)",
    "argdown.linked_attack": "Argdown draws an attack with several attackers as one attack per attacker "
    "(the grouping is kept in the argmap data)",
    "argdown.linebreak": "Argdown draws a line break inside a statement as a space (the text is kept in the argmap data)",
    "argdown.number_precision": "whole numbers beyond 2**53 that a double cannot hold are rounded by Argdown's "
    "JavaScript",
}

_SAFE_INT = 2**53
_DIGITS = re.compile(r"\d{16}")


def dumps(amap: ArgumentMap) -> str:
    """The map as Argdown text; what Argdown cannot draw is reported as an :class:`~argmap.ExportWarning`.

    Raises :class:`~argmap.errors.FormatError` when metadata holds something
    JSON cannot carry (a set, an object, NaN, ...).
    """
    losses = Losses(ExportWarning)
    try:
        text = _Writer(amap, losses).write()
    except (TypeError, ValueError) as exc:
        raise FormatError(f"metadata cannot be written as JSON: {exc}") from None
    losses.report(EXPORT_LOSSES, stacklevel=2)
    return text


class _Writer:
    def __init__(self, amap: ArgumentMap, losses: Losses) -> None:
        self.amap = amap
        self.losses = losses
        self.parts: list[str] = []

    # -- the whole file --------------------------------------------------------

    def write(self) -> str:
        amap = self.amap
        records: dict[str, list[dict[str, Any]]] = {}
        for relation in amap.relations:
            if isinstance(relation, Attack):
                records.setdefault(relation.attackers[0], []).append(self.attack_record(relation))
        self.front_matter(amap.document)
        self.heading()
        for statement in amap.statements:
            self.statement(statement, records.get(statement.id, []))
        undercuts: dict[str, list[Attack]] = {}
        for relation in amap.relations:
            if isinstance(relation, Attack):
                self.attack(relation, undercuts)
        for relation in amap.relations:
            if isinstance(relation, Support):
                self.support(relation, undercuts.get(relation.id, []))
        return "".join(self.parts).rstrip("\n") + "\n"

    def front_matter(self, document: Document) -> None:
        # For Argdown's own views (its HTML export takes the title from here); `argdown json`
        # does not pass front matter on, so the heading's data below carries the document.
        lines = [f"{key}: {front_matter_json(value)}\n" for key, value in (("title", document.title),
                                                                   ("author", document.author))
                 if value is not None]
        if lines:
            self.parts += ["===\n", *lines, "===\n\n"]

    def heading(self) -> None:
        amap = self.amap
        block: dict[str, Any] = {}
        document = _document_record(amap.document)
        if "metadata" in document:
            self.checked(document["metadata"], "document")
        if document:
            block["document"] = document
        if amap.metadata:
            block["metadata"] = self.checked(dict(amap.metadata), "map")
        order = [r.id for r in amap.relations]
        if order != [r.id for r in _natural_order(amap)]:
            block["order"] = order
        if not block and amap.statements:
            return  # (an empty map gets the heading all the same: Argdown refuses an empty file)
        title = normalise(amap.document.title or "") or "Argument map"
        data = {"isGroup": False, "argmap": {"format": FORMAT, **block}}
        self.parts.append(f"# {escape_text(title)} {data_json(data)}\n\n")

    # -- statements ------------------------------------------------------------

    def statement(self, s: Statement, attacks: list[dict[str, Any]]) -> None:
        shown = visible(s.text)
        block: dict[str, Any] = {"kind": s.kind.value}
        if s.main:
            block["main"] = True
        if s.spans:
            block["spans"] = [list(span) for span in s.spans]
        if shown != s.text:
            block["text"] = s.text
            if "\n" in s.text or "\r" in s.text:
                self.losses.add("argdown.linebreak", s.id)
        tags = [tag_markup(tag) for tag in s.tags]
        if None in tags or len(set(s.tags)) != len(s.tags):
            block["tags"] = list(s.tags)
            tags = [t for t in tags if t is not None]
        if s.provenance is not None:
            block["provenance"] = provenance_record(s.provenance)
        if s.metadata:
            block["metadata"] = self.checked(dict(s.metadata), s.id)
        if attacks:
            block["attacks"] = attacks
        line = f"[{s.id}]: {escape_text(shown)}"
        if tags:
            line += " " + " ".join(dict.fromkeys(t for t in tags if t is not None))
        self.parts.append(f"{line} {data_json({'argmap': block})}\n\n")

    # -- attacks ---------------------------------------------------------------

    def attack_record(self, a: Attack) -> dict[str, Any]:
        record: dict[str, Any] = {"id": a.id, "from": list(a.attackers), "to": a.target}
        if a.provenance is not None:
            record["provenance"] = provenance_record(a.provenance)
        if a.metadata:
            record["metadata"] = self.checked(dict(a.metadata), a.id)
        return record

    def attack(self, a: Attack, undercuts: dict[str, list[Attack]]) -> None:
        target = self.amap.get(a.target)
        if isinstance(target, Attack):
            self.losses.add("argdown.attack_on_attack", a.id)
            return
        if len(a.attackers) > 1:
            self.losses.add("argdown.linked_attack", a.id)
        if isinstance(target, Support):
            undercuts.setdefault(target.id, []).append(a)
            return
        for attacker in a.attackers:
            self.parts.append(f"[{attacker}]\n  -> [{a.target}]\n\n")

    # -- supports: one argument with a premise-conclusion structure each --------

    def support(self, r: Support, undercuts: list[Attack]) -> None:
        lines = [f"<{r.id}>\n\n"]
        lines += [f"({i}) [{premise}]\n" for i, premise in enumerate(r.premises, 1)]
        block: dict[str, Any] = {}
        rule = ""
        if r.scheme is not None:
            shown = rule_visible(r.scheme)
            rule = escape_rule(shown)
            if not rule or shown != r.scheme:
                block["scheme"] = r.scheme
        if r.example:
            block["example"] = True
        if r.provenance is not None:
            block["provenance"] = provenance_record(r.provenance)
        if r.metadata:
            block["metadata"] = self.checked(dict(r.metadata), r.id)
        inside = " ".join(part for part in (rule, data_json({"argmap": block}) if block else "") if part)
        lines.append(f"-- {inside} --\n" if inside else "----\n")
        lines.append(f"({len(r.premises) + 1}) [{r.conclusion}]\n\n")
        if undercuts:
            lines.append(f"<{r.id}>\n")
            lines += [f"  <_ [{attacker}]\n" for a in undercuts for attacker in a.attackers]
            lines.append("\n")
        self.parts += lines

    # -- data ------------------------------------------------------------------

    def checked(self, value: Any, item_id: str) -> Any:
        """*value*, after noting whole numbers that JavaScript cannot hold exactly."""
        # Such a number has at least 16 digits: look for the digits first (repr is fast), walk only then.
        if _DIGITS.search(repr(value)) and _has_big_int(value):
            self.losses.add("argdown.number_precision", item_id)
        return value


def _natural_order(amap: ArgumentMap) -> list[Support | Attack]:
    """The order the importer gives relations when the file does not say: supports (arguments, in
    file order), then attacks by their first attacker's place among the statements."""
    place = {s.id: i for i, s in enumerate(amap.statements)}
    supports = [r for r in amap.relations if isinstance(r, Support)]
    attacks = [r for r in amap.relations if isinstance(r, Attack)]
    attacks.sort(key=lambda a: place[a.attackers[0]])  # stable: map order among one attacker's
    return [*supports, *attacks]


def _document_record(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in ("text", "title", "author", "source"):
        value = getattr(d, field)
        if value is not None and (field != "text" or value):
            out[field] = value
    if d.metadata:
        out["metadata"] = dict(d.metadata)
    return out


def _has_big_int(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        # Read back as a double: exact only when the double holds this very number.
        return abs(value) > _SAFE_INT and (abs(value) >= 2**1024 or int(float(value)) != value)
    if isinstance(value, dict):
        return any(_has_big_int(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_big_int(v) for v in value)
    return False
