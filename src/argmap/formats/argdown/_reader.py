"""Argdown JSON (what ``argdown json`` writes) → argmap: Argdown's own parser has done the parsing.

The mapping (docs/formats/argdown.md has the tables):

- each statement equivalence class is a statement (id ``s_<title>``, made a
  valid id; the title in ``metadata["argdown"]``), its text the last member's
  text with ``#tags`` cut out and white space normalised, its tags the
  class's tags;
- each argument with a premise–conclusion structure (PCS) gives one support
  per inference step: the premises since the previous intermediary
  conclusion (that one included), or those its ``uses`` list names, as
  Argdown itself counts them; inference rules are the scheme;
- an argument without a PCS is a statement holding its description;
- support, attack, undercut, contradictory and contrary relations become
  supports and attacks; relations into a whole argument attach to its last
  inference;
- main claim and kinds are derived (the one statement that is a target and
  never a source is the main claim; attackers are objections or rebuttals by
  the side they take) unless ``argmap`` data blocks, as argmap's exporter
  writes them, say otherwise: then ids, kinds, spans, tags, attack groupings,
  provenance, metadata and the document come from the data, and the round
  trip is exact.

Whatever does not fit is counted per code and reported once per code as an
:class:`~argmap.errors.ImportLossWarning`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from ...errors import FormatError, ImportLossWarning, ValidationError
from ...losses import Losses
from ...model import ArgumentMap, Attack, Document, Kind, Provenance, Statement, Support
from ...model.items import is_valid_id
from ._escape import normalise, rule_visible, visible

__all__ = ["IMPORT_LOSSES", "loads_json", "map_from_argdown", "sniff_json"]

IMPORT_LOSSES = {
    "argdown.format": "bold, italic, links and mentions read as plain text",
    "argdown.argument_as_statement": "an argument without a premise-conclusion structure read as a statement "
    "holding its description",
    "argdown.empty_node": "an element without text read as a statement whose text is its title",
    "argdown.text_variant": "a statement defined with several texts: the last one kept",
    "argdown.relation_to_argument": "a relation into a whole argument attached to its last inference",
    "argdown.support_to_argument": "a support into an argument or inference not imported "
    "(an argmap support concludes a statement)",
    "argdown.contradictory": "a contradiction (symmetric in Argdown) read as one attack",
    "argdown.contrary": "a contrary relation read as an attack",
    "argdown.relation_type": "a relation of a type argmap does not know not imported",
    "argdown.self_relation": "a relation of a statement to itself not imported",
    "argdown.duplicate_relation": "a relation that repeats another one read once",
    "argdown.invalid_step": "an inference step without premises (or with a bad 'uses' list) not imported",
    "argdown.circular_premise": "a premise that is its own inference step's conclusion left out",
    "argdown.dangling": "a relation whose end Argdown did not define not imported",
    "argdown.view": "sections (headings) and their group settings have no place in an argmap map",
    "argdown.stale_data": "argmap data that no longer matches the Argdown text ignored",
    "argdown.span": "spans that do not fit the document ignored",
}

_CONCLUSION_ROLES = ("intermediary-conclusion", "main-conclusion")
_KINDS = frozenset(k.value for k in Kind)
_FORMAT_RANGES = frozenset({"bold", "italic", "link", "statement-mention", "argument-mention", "mention"})
_NOT_ID = re.compile(r"[^A-Za-z0-9]+")


def sniff_json(text: str) -> bool:
    """Whether *text* looks like ``argdown json`` output: an object with ``statements``,
    ``arguments`` and ``relations`` and no ``nodes`` (AIF, SADFace)."""
    head = text[:200].lstrip()
    if not head.startswith("{") or '"format"' in head[:20]:
        return False
    try:
        data = json.loads(text)
    except ValueError:
        return False
    return isinstance(data, dict) and {"statements", "arguments", "relations"} <= data.keys() and "nodes" not in data


def loads_json(text: str | bytes, *, source: str | None = None) -> ArgumentMap:
    """Read the JSON ``argdown json`` writes into a map (losses reported as :class:`~argmap.ImportLossWarning`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{source}:{exc.lineno}:{exc.colno}" if source else f"line {exc.lineno} column {exc.colno}"
        raise FormatError(f"invalid JSON: {exc.msg}", where=where) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as exc:
        raise FormatError(f"cannot read the JSON: {exc}", where=source) from None
    return map_from_argdown(data)


def map_from_argdown(data: Any) -> ArgumentMap:
    """Build a validated map from Argdown JSON data (as :func:`json.loads` gives it)."""
    if not isinstance(data, Mapping) or not {"statements", "arguments", "relations"} <= data.keys():
        raise FormatError("not Argdown JSON (expected an object with statements, arguments and relations)")
    losses = Losses(ImportLossWarning)
    amap = _Reader(data, losses).read()
    losses.report(IMPORT_LOSSES, stacklevel=2)
    return amap


# -- small checked accessors -----------------------------------------------------------------------


def _obj(value: Any, where: str) -> Mapping[str, Any]:
    if type(value) is dict:  # what json.loads gives: answered before the slower check against Mapping
        return value
    if not isinstance(value, Mapping):
        raise FormatError("expected an object", where=where)
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError("expected a list", where=where)
    return value


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise FormatError("expected a string", where=where)
    return value


def _block(data: Any, where: str) -> dict[str, Any] | None:
    """The ``argmap`` block of an element's data, if any."""
    if not isinstance(data, Mapping) or "argmap" not in data:
        return None
    block = data["argmap"]
    if not isinstance(block, Mapping):
        raise FormatError("argmap data must be an object", where=f"{where}.data.argmap")
    return dict(block)


def _foreign_data(data: Any) -> dict[str, Any]:
    """An element's data other than argmap's own block."""
    if not isinstance(data, Mapping):
        return {}
    return {k: v for k, v in data.items() if k != "argmap"}


def _clean(title: str) -> str:
    return _NOT_ID.sub("_", title).strip("_")[:48]


class _Ids:
    """Fresh, valid, unique ids."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str) -> str | None:
        if is_valid_id(wanted) and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        return None

    def fresh(self, base: str) -> str:
        base = base if is_valid_id(base) else "x_" + _clean(base)
        candidate, n = base, 1
        while not is_valid_id(candidate) or candidate in self.used:
            n += 1
            candidate = f"{base[:56]}_{n}"
        self.used.add(candidate)
        return candidate


class _Reader:
    def __init__(self, data: Mapping[str, Any], losses: Losses) -> None:
        self.data = data
        self.losses = losses
        self.ids = _Ids()
        self.statements: dict[str, dict[str, Any]] = {}  # id -> Statement fields
        self.blocks: dict[str, dict[str, Any] | None] = {}  # statement id -> its argmap block
        self.class_ids: dict[str, str] = {}  # Argdown statement title -> statement id
        self.argument_source: dict[str, str] = {}  # argument title -> statement its relations leave from
        self.argument_target: dict[str, str] = {}  # argument title -> id relations into it reach
        self.argument_has_pcs: dict[str, bool] = {}
        self.steps: dict[tuple[str, int], str] = {}  # (argument title, conclusion index) -> support id
        self.supports: list[Support] = []
        self.attacks: list[Attack] = []

    # -- the whole map -----------------------------------------------------------------------------

    def read(self) -> ArgumentMap:
        data = self.data
        statements = _obj(data["statements"], "statements")
        arguments = _obj(data["arguments"], "arguments")
        relations = _list(data["relations"], "relations")
        head = self.sections(_list(data.get("sections"), "sections"))
        self.from_argmap = head is not None or any(
            _block(_obj(c, f"statements[{t!r}]").get("data"), f"statements[{t!r}]") is not None
            for t, c in statements.items()
        )
        for title, cls in statements.items():
            self.statement_class(title, _obj(cls, f"statements[{title!r}]"))
        for title, arg in arguments.items():
            self.argument(title, _obj(arg, f"arguments[{title!r}]"))
        drawn = self.drawn_relations(relations)
        used = self.attack_records(drawn)
        self.convert(drawn, used)
        return self.build(head or {})

    def sections(self, sections: list[Any]) -> dict[str, Any] | None:
        """argmap's own heading block, if any; every other section is a view loss."""
        head: dict[str, Any] | None = None
        stack = list(reversed(sections))
        while stack:
            section = _obj(stack.pop(), "sections[]")
            block = _block(section.get("data"), "sections[]")
            if head is None and block is not None and "format" in block:
                head = block
            else:
                self.losses.add("argdown.view", None)
            stack += reversed(_list(section.get("children"), "sections[].children"))
        return head

    # -- statements ----------------------------------------------------------------------------------

    def statement_class(self, title: str, cls: Mapping[str, Any]) -> None:
        where = f"statements[{title!r}]"
        block = _block(cls.get("data"), where)
        sid = (self.ids.take(title) if self.from_argmap else None) or self.ids.fresh("s_" + _clean(title))
        self.class_ids[title] = sid
        texts: list[str] = []
        formatted = False
        for i, member in enumerate(_list(cls.get("members"), f"{where}.members")):
            member = _obj(member, f"{where}.members[{i}]")
            text, fmt = _member_text(member, f"{where}.members[{i}]")
            formatted = formatted or fmt
            if text:
                texts.append(text)
        if formatted:
            self.losses.add("argdown.format", sid)
        if len(set(texts)) > 1:
            self.losses.add("argdown.text_variant", sid)
        fields: dict[str, Any] = {"id": sid}
        if texts:
            fields["text"] = texts[-1]
        else:
            fields["text"] = title
            self.losses.add("argdown.empty_node", sid)
        tags = [t for t in _list(cls.get("tags"), f"{where}.tags") if isinstance(t, str)]
        fields["tags"] = list(dict.fromkeys(tags))
        metadata: dict[str, Any] = {}
        if block is not None:
            self.apply_block(fields, block, f"{where}.data.argmap")
            metadata = dict(fields.pop("metadata", {}))
        extra = _foreign_data(cls.get("data"))
        if sid != title or extra:
            info: dict[str, Any] = {"title": title}
            if extra:
                info["data"] = extra
            metadata["argdown"] = info
        fields["metadata"] = metadata
        self.statements[sid] = fields
        self.blocks[sid] = block

    def apply_block(self, fields: dict[str, Any], block: dict[str, Any], where: str) -> None:
        """Take kind, main, spans, text, tags, provenance and metadata from a statement's argmap block."""
        if "kind" in block:
            kind = block["kind"]
            if kind not in _KINDS:
                raise FormatError(f"unknown kind {kind!r}", where=f"{where}.kind")
            fields["kind"] = kind
        if block.get("main") is True:
            fields["main"] = True
        if "spans" in block:
            spans = _list(block["spans"], f"{where}.spans")
            if not all(isinstance(s, list) and len(s) == 2 and all(type(n) is int for n in s) for s in spans):
                raise FormatError("expected a list of [start, end] pairs", where=f"{where}.spans")
            fields["spans"] = spans
        if "text" in block:
            exact = _str(block["text"], f"{where}.text")
            if visible(exact) == fields["text"]:
                fields["text"] = exact
            else:
                self.losses.add("argdown.stale_data", fields["id"])
        if "tags" in block:
            tags = _list(block["tags"], f"{where}.tags")
            fields["tags"] = [_str(t, f"{where}.tags") for t in tags]
        fields["provenance"] = _provenance(block.get("provenance"), f"{where}.provenance")
        fields["metadata"] = _metadata(block.get("metadata"), f"{where}.metadata")

    # -- arguments -----------------------------------------------------------------------------------

    def argument(self, title: str, arg: Mapping[str, Any]) -> None:
        where = f"arguments[{title!r}]"
        pcs = [_obj(s, f"{where}.pcs[{i}]") for i, s in enumerate(_list(arg.get("pcs"), f"{where}.pcs"))]
        descriptions: list[str] = []
        formatted = False
        for i, member in enumerate(_list(arg.get("members"), f"{where}.members")):
            text, fmt = _member_text(_obj(member, f"{where}.members[{i}]"), f"{where}.members[{i}]")
            formatted = formatted or fmt
            if text:
                descriptions.append(text)
        if not pcs:
            self.argument_as_statement(title, arg, descriptions, formatted)
            return
        self.argument_has_pcs[title] = True
        conclusions = [i for i, s in enumerate(pcs) if s.get("role") in _CONCLUSION_ROLES]
        last_conclusion = conclusions[-1] if conclusions else len(pcs) - 1
        self.argument_source[title] = self.pcs_statement(pcs[last_conclusion], f"{where}.pcs[{last_conclusion}]")
        multi = len(conclusions) > 1
        for step, index in enumerate(conclusions, 1):
            sid = self.step(title, arg, pcs, index, step if multi else None, descriptions, where)
            if sid is not None:
                self.steps[(title, index)] = sid
                self.argument_target[title] = sid

    def pcs_statement(self, s: Mapping[str, Any], where: str) -> str:
        title = _str(s.get("title"), f"{where}.title")
        if title not in self.class_ids:
            raise FormatError(f"statement {title!r} is not among the statements", where=f"{where}.title")
        return self.class_ids[title]

    def step(self, title: str, arg: Mapping[str, Any], pcs: list[Mapping[str, Any]], index: int,
             step: int | None, descriptions: list[str], where: str) -> str | None:
        conclusion = pcs[index]
        inference = conclusion.get("inference") if isinstance(conclusion.get("inference"), Mapping) else {}
        assert isinstance(inference, Mapping)
        inference_data = inference.get("data")
        block = _block(inference_data, f"{where}.pcs[{index}].inference") or {}
        suffix = "" if step is None else f"_{step}"
        sid = (self.ids.take(title + suffix) if self.from_argmap else None) or self.ids.fresh(
            "r_" + _clean(title) + suffix)
        uses = _uses(inference_data, conclusion.get("data"))
        if uses is not None:
            if not all(type(n) is int and 1 <= n <= len(pcs) for n in uses):
                self.losses.add("argdown.invalid_step", sid)
                return None
            chosen = [pcs[n - 1] for n in uses]
        else:
            chosen = []
            for i in range(index - 1, -1, -1):
                chosen.append(pcs[i])
                if pcs[i].get("role") == "intermediary-conclusion":
                    break
            chosen.reverse()
        target = self.pcs_statement(conclusion, f"{where}.pcs[{index}]")
        premises = [self.pcs_statement(s, f"{where}.pcs[]") for s in chosen]
        if target in premises:
            self.losses.add("argdown.circular_premise", sid)
        premises = [p for p in dict.fromkeys(premises) if p != target]
        if not premises:
            self.losses.add("argdown.invalid_step", sid)
            return None
        rules = [r for r in _list(inference.get("inferenceRules"), f"{where}.inferenceRules") if isinstance(r, str)]
        scheme: str | None = ", ".join(normalise(r) for r in rules) if rules else None
        if "scheme" in block:
            exact = _str(block["scheme"], f"{where}.data.argmap.scheme")
            if rule_visible(exact) == (scheme or ""):
                scheme = exact
            else:
                self.losses.add("argdown.stale_data", sid)
        metadata = _metadata(block.get("metadata"), f"{where}.data.argmap.metadata")
        info: dict[str, Any] = {}
        if sid != title:
            info["argument"] = title
            if step is not None:
                info["step"] = step
        if descriptions:
            info["description"] = descriptions[-1]
        if _foreign_data(arg.get("data")):
            info["data"] = _foreign_data(arg.get("data"))
        if _foreign_data(inference_data):
            info["inference_data"] = _foreign_data(inference_data)
        if info:
            metadata["argdown"] = info
        self.supports.append(Support(
            id=sid, premises=premises, conclusion=target, scheme=scheme, example=block.get("example") is True,
            provenance=_provenance(block.get("provenance"), f"{where}.data.argmap.provenance"), metadata=metadata,
        ))
        return sid

    def argument_as_statement(self, title: str, arg: Mapping[str, Any], descriptions: list[str],
                              formatted: bool) -> None:
        sid = self.ids.fresh("a_" + _clean(title))
        self.losses.add("argdown.argument_as_statement", sid)
        if formatted:
            self.losses.add("argdown.format", sid)
        if descriptions:
            text = descriptions[-1]
            if len(set(descriptions)) > 1:
                self.losses.add("argdown.text_variant", sid)
        else:
            text = title
            self.losses.add("argdown.empty_node", sid)
        info: dict[str, Any] = {"argument": title}
        if _foreign_data(arg.get("data")):
            info["data"] = _foreign_data(arg.get("data"))
        tags = [t for t in _list(arg.get("tags"), "tags") if isinstance(t, str)]
        self.statements[sid] = {"id": sid, "text": text, "tags": list(dict.fromkeys(tags)),
                                "metadata": {"argdown": info}}
        self.blocks[sid] = None
        self.argument_source[title] = sid
        self.argument_target[title] = sid
        self.argument_has_pcs[title] = False

    # -- relations -----------------------------------------------------------------------------------

    def drawn_relations(self, relations: list[Any]) -> list[tuple[str, str, str, str] | None]:
        """Each Argdown relation as (type, source statement, target kind, target id), None where it dangles.

        Target kinds: ``statement``, ``support`` (an inference) and ``argument`` (an argument's last
        inference, for a relation into a whole argument)."""
        out: list[tuple[str, str, str, str] | None] = []
        for i, rel in enumerate(relations):
            rel = _obj(rel, f"relations[{i}]")
            rtype = rel.get("relationType")
            source = self.end(rel.get("from"), rel.get("fromType"))
            target = self.target(rel)
            if not isinstance(rtype, str) or source is None or target is None:
                self.losses.add("argdown.dangling", None)
                out.append(None)
                continue
            out.append((rtype, source, *target))
        return out

    def end(self, title: Any, kind: Any) -> str | None:
        if not isinstance(title, str):
            return None
        if kind == "equivalence-class":
            return self.class_ids.get(title)
        if kind == "argument":
            return self.argument_source.get(title)
        return None

    def target(self, rel: Mapping[str, Any]) -> tuple[str, str] | None:
        title, kind = rel.get("to"), rel.get("toType")
        if not isinstance(title, str):
            return None
        if kind == "equivalence-class":
            sid = self.class_ids.get(title)
            return None if sid is None else ("statement", sid)
        if kind == "argument":
            if title not in self.argument_target:
                return None
            if self.argument_has_pcs.get(title):
                return ("argument", self.argument_target[title])
            return ("statement", self.argument_target[title])
        if kind == "inference":
            index = rel.get("conclusionIndex")
            sid = self.steps.get((title, index)) if isinstance(index, int) else None
            return None if sid is None else ("support", sid)
        return None

    def attack_records(self, drawn: list[tuple[str, str, str, str] | None]) -> set[tuple[str, str, str, str]]:
        """The attacks argmap's data blocks record, where the drawing still shows them; the drawn
        relations they account for."""
        present = {d for d in drawn if d is not None}
        used: set[tuple[str, str, str, str]] = set()
        records: list[tuple[dict[str, Any], str]] = []
        for sid, block in self.blocks.items():
            for j, record in enumerate(_list((block or {}).get("attacks"), f"{sid}.attacks")):
                records.append((dict(_obj(record, f"statements[{sid!r}].data.argmap.attacks[{j}]")), sid))
        support_ids = {s.id for s in self.supports}
        accepted: dict[str, tuple[dict[str, Any], list[tuple[str, str, str, str]]]] = {}
        pending = []
        for record, owner in records:
            where = f"statements[{owner!r}].data.argmap.attacks"
            rid, sources, target = record.get("id"), record.get("from"), record.get("to")
            if not (isinstance(rid, str) and isinstance(target, str) and isinstance(sources, list) and sources
                    and all(isinstance(s, str) and s in self.statements for s in sources)):
                self.losses.add("argdown.stale_data", owner)
                continue
            if target in self.statements:
                keys = [("attack", s, "statement", target) for s in sources]
            elif target in support_ids:
                keys = [("undercut", s, "support", target) for s in sources]
            else:
                pending.append((record, owner, where))
                continue
            if all(k in present for k in keys) and self.ids.take(rid):
                accepted[rid] = (record, keys)
                used.update(keys)
            else:
                self.losses.add("argdown.stale_data", rid)
        # Attacks on attacks (not drawn): kept when their target is kept.
        changed = True
        while changed:
            changed = False
            for item in list(pending):
                record, owner, where = item
                if record["to"] in accepted and self.ids.take(record["id"]):
                    accepted[record["id"]] = (record, [])
                    pending.remove(item)
                    changed = True
        for record, owner, _ in pending:
            self.losses.add("argdown.stale_data", record["id"])
        for rid, (record, _) in accepted.items():
            where = f"attack {rid!r}"
            self.attacks.append(Attack(
                id=rid, attackers=record["from"], target=record["to"],
                provenance=_provenance(record.get("provenance"), f"{where}.provenance"),
                metadata=_metadata(record.get("metadata"), f"{where}.metadata"),
            ))
        return used

    def convert(self, drawn: list[tuple[str, str, str, str] | None], used: set[tuple[str, str, str, str]]) -> None:
        seen: set[tuple[str, str, str, str]] = set(used)
        for i, item in enumerate(drawn):
            if item is None or item in used:
                continue
            rtype, source, kind, target = item
            if item in seen:
                self.losses.add("argdown.duplicate_relation", None)
                continue
            seen.add(item)
            rid = self.ids.fresh(f"rel{i + 1}")
            if kind == "statement" and source == target:
                self.losses.add("argdown.self_relation", rid)
                continue
            if rtype in ("support", "entails"):
                if kind != "statement":
                    self.losses.add("argdown.support_to_argument", rid)
                    continue
                self.supports.append(Support(id=rid, premises=[source], conclusion=target))
                continue
            if rtype not in ("attack", "undercut", "contradictory", "contrary"):
                self.losses.add("argdown.relation_type", rid)
                continue
            if rtype in ("contradictory", "contrary"):
                self.losses.add(f"argdown.{rtype}", rid)
            if kind == "argument" and rtype != "undercut":
                self.losses.add("argdown.relation_to_argument", rid)
            self.attacks.append(Attack(id=rid, attackers=[source], target=target))

    # -- the result ------------------------------------------------------------------------------------

    def build(self, head: dict[str, Any]) -> ArgumentMap:
        document = _document(head.get("document"))
        kinds = _derive(self.statements, self.blocks, self.supports, self.attacks,
                        derive_main=not any(b is not None for b in self.blocks.values()))
        statements = []
        for sid, fields in self.statements.items():
            kind, main = kinds[sid]
            fields.setdefault("kind", kind)
            fields.setdefault("main", main)
            spans = fields.get("spans")
            if spans and not _spans_fit(spans, fields["text"], document.text):
                self.losses.add("argdown.span", sid)
                fields["spans"] = ()
            try:
                statements.append(Statement(**fields))
            except ValidationError as exc:
                raise FormatError(exc.message, where=f"statement {sid!r}") from None
        relations: list[Support | Attack] = [*self.supports, *self.attacks]
        order = head.get("order")
        if isinstance(order, list):
            place = {rid: i for i, rid in enumerate(order)}
            relations.sort(key=lambda r: place.get(r.id, len(place)))
        try:
            return ArgumentMap(statements=statements, relations=relations, document=document,
                               metadata=_metadata(head.get("metadata"), "map metadata"))
        except ValidationError as exc:
            raise FormatError(exc.message, where=exc.where) from None


# -- helpers ------------------------------------------------------------------------------------------


def _member_text(member: Mapping[str, Any], where: str) -> tuple[str, bool]:
    """A statement member's text without its #tags, white space normalised; and whether it had formatting."""
    text = member.get("text")
    if not isinstance(text, str):
        return "", False
    cuts = []
    formatted = False
    for rng in _list(member.get("ranges"), f"{where}.ranges"):
        if not isinstance(rng, Mapping):
            continue
        if rng.get("type") == "tag" and isinstance(rng.get("start"), int) and isinstance(rng.get("stop"), int):
            cuts.append((rng["start"], rng["stop"] + 1))
        elif rng.get("type") in _FORMAT_RANGES:
            formatted = True
    if cuts and any(ord(c) > 0xFFFF for c in text):
        # Argdown's offsets count UTF-16 code units (JavaScript strings): an astral character is two.
        at: list[int] = []
        for i, c in enumerate(text):
            at += [i] * (2 if ord(c) > 0xFFFF else 1)
        at.append(len(text))
        cuts = [(at[min(a, len(at) - 1)], at[min(b, len(at) - 1)]) for a, b in cuts]
    for start, stop in sorted(cuts, reverse=True):
        text = text[:start] + " " + text[stop:]
    return normalise(text), formatted


def _uses(inference_data: Any, statement_data: Any) -> list[Any] | None:
    for data in (inference_data, statement_data):
        if isinstance(data, Mapping):
            for key in ("uses", "from"):
                if isinstance(data.get(key), list):
                    return list(data[key])
    return None


def _provenance(value: Any, where: str) -> Provenance | None:
    if value is None:
        return None
    value = _obj(value, where)
    try:
        return Provenance(extractor=_str(value.get("extractor"), f"{where}.extractor"),
                          confidence=value.get("confidence"))
    except ValidationError as exc:
        raise FormatError(exc.message, where=where) from None


def _metadata(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    return {k: _number(v) for k, v in _obj(value, where).items()}


_SAFE_INT = 2**53


def _number(value: Any) -> Any:
    """*value* with whole numbers beyond 2**53 as floats: Argdown's JavaScript held them as doubles and
    printed them without a decimal point, so a float written as 4.8e16 comes back as 48000000000000000."""
    if type(value) is str:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value) if abs(value) > _SAFE_INT else value
    if isinstance(value, dict):
        return {k: _number(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_number(v) for v in value]
    return value


def _document(value: Any) -> Document:
    if value is None:
        return Document()
    value = _obj(value, "argmap document")
    fields = {k: value[k] for k in ("text", "title", "author", "source") if k in value}
    try:
        return Document(**fields, metadata=_metadata(value.get("metadata"), "argmap document.metadata"))
    except ValidationError as exc:
        raise FormatError(exc.message, where="argmap document") from None


def _spans_fit(spans: list[list[int]], text: str, document: str) -> bool:
    if not all(0 <= s < e <= len(document) for s, e in spans):
        return False
    covered = " ".join(document[s:e] for s, e in spans)
    return " ".join(covered.split()) == " ".join(text.split())


def _derive(statements: Mapping[str, dict[str, Any]], blocks: Mapping[str, Any], supports: list[Support],
            attacks: list[Attack], *, derive_main: bool) -> dict[str, tuple[str, bool]]:
    """Kind and main claim of each statement, as far as the structure tells.

    The main claim (when *derive_main*) is the one statement that is a target and never a source
    (of several such, the one with reasons, if only one has any).
    Sides follow the relations from the main claims (or, without one, from the roots): a premise
    takes its conclusion's side, an attacker the other side. An attacker on the other side than the
    main claim is an objection, on its side a rebuttal; a premise is a premise; the rest are claims.
    """
    sources = {s for r in supports for s in r.premises} | {s for a in attacks for s in a.attackers}
    targets = {r.conclusion for r in supports} | {a.target for a in attacks if a.target in statements}
    main = {sid for sid, f in statements.items() if f.get("main")}
    if derive_main:
        roots = [sid for sid in statements if sid in targets and sid not in sources]
        if len(roots) > 1:  # several: the one that has reasons, if only one has
            supported = {r.conclusion for r in supports}
            roots = [sid for sid in roots if sid in supported] or roots
        if len(roots) == 1:
            main = {roots[0]}
    side: dict[str, int] = {sid: 0 for sid in (main or [s for s in statements if s in targets and s not in sources])}
    relations: list[Support | Attack] = [*supports, *attacks]
    by_id = {r.id: r for r in relations}

    def side_of(item: str) -> int | None:
        if item in statements:
            return side.get(item)
        rel = by_id.get(item)
        if isinstance(rel, Support):
            return side.get(rel.conclusion)
        if isinstance(rel, Attack):
            return side.get(rel.attackers[0])
        return None

    changed = True
    while changed:
        changed = False
        for rel in relations:
            target_side = side_of(rel.conclusion if isinstance(rel, Support) else rel.target)
            if target_side is None:
                continue
            new = target_side if isinstance(rel, Support) else 1 - target_side
            for s in rel.sources:
                if s not in side:
                    side[s] = new
                    changed = True
    attackers = {s for a in attacks for s in a.attackers}
    premises = {s for r in supports for s in r.premises}
    out: dict[str, tuple[str, bool]] = {}
    for sid in statements:
        is_main = sid in main
        if is_main:
            kind = Kind.CLAIM
        elif sid in attackers:
            kind = Kind.REBUTTAL if side.get(sid) == 0 else Kind.OBJECTION
        elif sid in premises:
            kind = Kind.PREMISE
        else:
            kind = Kind.CLAIM
        out[sid] = (kind.value, is_main)
    return out
