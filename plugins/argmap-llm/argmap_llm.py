"""argmap-llm: argument maps by a large language model (registers the extractor ``llm``).

The model is reached through the `llm <https://llm.datasette.io>`_ library, so
any provider or local model that llm or one of its plugins supports can serve:
``ARGMAP_LLM_MODEL`` names the model (an llm model id or alias); without it,
llm's default model is used (``llm models default``).

The model is asked for the argument's statements as **verbatim quotes**, each
with a kind and a main-claim flag, and for the supports and attacks between
them, as JSON (with a JSON schema where the model supports schemas). The
answer is then checked, not trusted:

- each quote is aligned to exact spans of the document: first as written,
  then ignoring differences of white space, case, curly and straight quotes,
  dashes and a trailing full stop; a quote with ``...`` in it may cover
  several spans. The statement's text is the document's own text there.
- quotes that are not in the document are **dropped**, and an
  :class:`ExtractionWarning` says how many (with the first few);
- relations naming an unknown or dropped statement (or relation), supports
  of relations and relations of a statement to itself are **dropped** too,
  with a warning saying how many. A map with fewer relations is more useful
  than no map, and the warning makes the loss visible.
- malformed answers (empty, not JSON, JSON of the wrong shape, an unknown
  kind, a duplicate id) raise :class:`argmap.FormatError` naming the place;
  a model that fails (no key, no network, a refusal) raises
  :class:`argmap.ArgmapError` naming the model.

An empty or blank document gives an empty map without asking the model.
"""

from __future__ import annotations

import bisect
import json
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import argmap
from argmap import ArgumentMap, Attack, Document, Extractor, FormatError, Kind, Provenance, Statement, Support

if TYPE_CHECKING:  # pragma: no cover
    import llm

__all__ = [
    "EXTRACTOR",
    "ExtractionWarning",
    "MAX_CHARS",
    "NAME",
    "SCHEMA",
    "align",
    "build_map",
    "extract",
    "parse_answer",
    "prompt_for",
]

NAME = "llm"
MODEL_VARIABLE = "ARGMAP_LLM_MODEL"
MAX_CHARS = 200_000
"""Longer documents are refused before the model is asked (``ARGMAP_LLM_MAX_CHARS`` changes it)."""


class ExtractionWarning(UserWarning):
    """The model's answer held quotes or relations that had to be dropped."""


KINDS = tuple(kind.value for kind in Kind)
_SYNONYMS = {
    "thesis": "claim", "conclusion": "claim", "main claim": "claim", "subclaim": "claim",
    "reason": "premise", "evidence": "premise", "ground": "premise", "grounds": "premise",
    "counterargument": "objection", "counter-argument": "objection", "counterclaim": "objection",
    "rebuttal": "rebuttal", "response": "rebuttal", "reply": "rebuttal",
    "proposal": "recommendation", "policy": "recommendation",
}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "statements": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "description": "a short id such as s1"},
                    "quote": {"type": "string", "description": "the statement, copied word for word from the text"},
                    "kind": {"type": "string", "enum": list(KINDS)},
                    "main": {"type": "boolean", "description": "true for the main claim (the thesis)"},
                },
                "required": ["id", "quote", "kind", "main"],
                "additionalProperties": False,
            },
        },
        "relations": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "description": "a short id such as r1"},
                    "type": {"type": "string", "enum": ["support", "attack"]},
                    "from": {"type": "array", "items": {"type": "string"}, "description": "statement ids"},
                    "to": {"type": "string", "description": "a statement id, or a relation id for an undercut"},
                },
                "required": ["id", "type", "from", "to"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["statements", "relations"],
    "additionalProperties": False,
}
"""The JSON schema of the answer the model is asked for."""

SYSTEM = """\
You map the argument of a text. Find its statements and how they relate, and answer with JSON only.

Statements: copy each one word for word from the text, as a quote; never paraphrase, shorten or fix it.
A statement is usually a sentence or a clause. Give each an id (s1, s2, ...), a kind and a main flag:
- claim: a proposition the author puts forward;
- premise: a reason given for another statement;
- objection: a view against the author's side (the opponent's);
- rebuttal: the author's answer to an objection;
- recommendation: a claim about what someone should do.
Mark the main claim (the thesis) with "main": true; usually there is one.

Relations: give each an id (r1, r2, ...), a type and its ends:
- support: "from" lists the premises (several when they only work together), "to" the conclusion;
- attack: "from" lists the attacking statements, "to" the statement attacked, or the id of a
  support when the attack grants its premises but denies that they carry its conclusion (an undercut).
Only use ids you defined.
"""

_FORMAT_HINT = """
Answer with one JSON object and nothing else, of this form:
{"statements": [{"id": "s1", "quote": "...", "kind": "claim", "main": true}, ...],
 "relations": [{"id": "r1", "type": "support", "from": ["s2"], "to": "s1"}, ...]}
"""


def prompt_for(document: Document) -> str:
    """The prompt that carries the document to the model."""
    title = f"Title: {document.title}\n\n" if document.title else ""
    return f"Map the argument of this text.\n\n{title}<text>\n{document.text}\n</text>\n"


# -- talking to the model ------------------------------------------------------------------------------


def _model(name: str | None) -> llm.Model:
    import llm

    name = name or os.environ.get(MODEL_VARIABLE) or None
    try:
        return llm.get_model(name)
    except llm.UnknownModelError:
        wanted = name or llm.get_default_model()
        raise argmap.ArgmapError(
            f"llm knows no model {wanted!r}: set {MODEL_VARIABLE} to one listed by `llm models`, "
            "or install the llm plugin that provides it"
        ) from None


def _ask(model: llm.Model, document: Document) -> str:
    options: dict[str, Any] = {}
    fields = getattr(getattr(model, "Options", None), "model_fields", {})
    if "temperature" in fields:
        options["temperature"] = 0  # as repeatable as the model allows
    system = SYSTEM if model.supports_schema else SYSTEM + _FORMAT_HINT
    try:
        response = model.prompt(
            prompt_for(document), system=system, schema=SCHEMA if model.supports_schema else None, **options
        )
        return response.text()
    except Exception as exc:  # noqa: BLE001 - any provider failure becomes one clear line
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise argmap.ArgmapError(f"model {model.model_id!r} failed: {type(exc).__name__}: {message}") from exc


def _max_chars() -> int:
    value = os.environ.get("ARGMAP_LLM_MAX_CHARS")
    if value is None or not value.strip():
        return MAX_CHARS
    try:
        limit = int(value.strip().replace("_", ""))
    except ValueError:
        limit = 0
    if limit <= 0:
        raise argmap.InputError(f"expected a whole number of characters, got {value!r}", where="ARGMAP_LLM_MAX_CHARS")
    return limit


def extract(document: Document, *, model: str | None = None) -> ArgumentMap:
    """Map *document* with a language model (*model*, else ``ARGMAP_LLM_MODEL``, else llm's default)."""
    if not document.text.strip():
        return ArgumentMap(document=document, metadata={"extractor": NAME})
    limit = _max_chars()
    if len(document.text) > limit:
        raise argmap.InputError(
            f"the document has {len(document.text):,} characters; the llm extractor takes at most {limit:,} "
            "(set ARGMAP_LLM_MAX_CHARS to allow more, if your model's context is large enough)"
        )
    chosen = _model(model)
    answer = _ask(chosen, document)
    return build_map(document, parse_answer(answer, where=f"model {chosen.model_id!r}"), model_id=chosen.model_id)


# -- reading the answer --------------------------------------------------------------------------------

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n(.*?)\n?```", re.S)


def parse_answer(answer: str, *, where: str = "the model's answer") -> dict[str, Any]:
    """The model's answer as checked data: ``{"statements": [...], "relations": [...]}``.

    Accepts bare JSON or JSON in a Markdown code fence. Raises
    :class:`argmap.FormatError` for an empty answer, invalid JSON or the wrong
    shape, naming the place (e.g. ``statements[2].kind``).
    """
    text = answer.strip() if isinstance(answer, str) else ""
    if not text:
        raise FormatError("the model gave an empty answer", where=where)
    if fenced := _FENCE.search(text):
        text = fenced.group(1).strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"the model's answer is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}): "
            f"{_clip(answer)!r}",
            where=where,
        ) from None
    except RecursionError:
        raise FormatError("the model's answer is nested too deeply to read", where=where) from None
    except ValueError:  # an integer of thousands of digits
        raise FormatError(
            f"the model's answer holds a number of more than {sys.get_int_max_str_digits()} digits", where=where
        ) from None
    if not isinstance(data, dict):
        raise FormatError(f"expected a JSON object with statements and relations, got {_kind(data)}", where=where)
    statements = _list(data, "statements", where)
    relations = _list(data, "relations", where, required=False)
    out_statements = []
    seen: set[str] = set()
    for i, item in enumerate(statements):
        place = f"{where}: statements[{i}]"
        if not isinstance(item, dict):
            raise FormatError(f"expected an object, got {_kind(item)}", where=place)
        sid = _string(item, "id", place)
        if sid in seen:
            raise FormatError(f"duplicate id {sid!r}", where=f"{place}.id")
        seen.add(sid)
        quote = _string(item, "quote", place, alternatives=("text",))
        kind = _string(item, "kind", place)
        normal = _SYNONYMS.get(kind.strip().lower(), kind.strip().lower())
        if normal not in KINDS:
            raise FormatError(f"unknown kind {kind!r} (expected one of {', '.join(KINDS)})", where=f"{place}.kind")
        main = item.get("main", False)
        if not isinstance(main, bool):
            raise FormatError(f"expected true or false, got {_kind(main)}", where=f"{place}.main")
        out_statements.append({"id": sid, "quote": quote, "kind": normal, "main": main})
    out_relations = []
    for i, item in enumerate(relations):
        place = f"{where}: relations[{i}]"
        if not isinstance(item, dict):
            raise FormatError(f"expected an object, got {_kind(item)}", where=place)
        rid = _string(item, "id", place)
        if rid in seen:
            raise FormatError(f"duplicate id {rid!r}", where=f"{place}.id")
        seen.add(rid)
        rtype = _string(item, "type", place).strip().lower()
        if rtype not in ("support", "attack"):
            raise FormatError(f"unknown relation type {rtype!r} (expected support or attack)", where=f"{place}.type")
        sources = item.get("from")
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise FormatError(f"expected a list of statement ids, got {_kind(sources)}", where=f"{place}.from")
        target = _string(item, "to", place)
        out_relations.append({"id": rid, "type": rtype, "from": sources, "to": target})
    return {"statements": out_statements, "relations": out_relations}


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


def _list(data: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> list[Any]:
    if key not in data:
        if required:
            raise FormatError(f"missing {key!r}", where=where)
        return []
    value = data[key]
    if not isinstance(value, list):
        raise FormatError(f"expected a list, got {_kind(value)}", where=f"{where}: {key}")
    return value


def _string(item: Mapping[str, Any], key: str, place: str, alternatives: Iterable[str] = ()) -> str:
    for name in (key, *alternatives):
        if name in item:
            value = item[name]
            if not isinstance(value, str) or not value.strip():
                raise FormatError(f"expected a non-empty string, got {_kind(value) if not isinstance(value, str) else 'an empty one'}",
                                  where=f"{place}.{name}")
            return value
    raise FormatError(f"missing {key!r}", where=place)


# -- aligning quotes to the document ----------------------------------------------------------------------

_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ",
}
_ELLIPSIS = re.compile(r"\s*(?:\[\s*(?:\.\s*){3}\]|\.\.\.|\u2026)\s*")
_TRAILING = ".,;:!?"


def _fold_char(ch: str) -> str:
    if ch in _FOLD:
        return _FOLD[ch]
    if ch.isspace():
        return " "
    lower = ch.lower()
    return lower if len(lower) == 1 else ch


def _folded(text: str) -> tuple[str, list[int]]:
    """Text with white space runs as one space, quotes, dashes and case folded; and for each of its
    characters, the offset in *text* it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded == " " and (not out or out[-1] == " "):
            continue
        for piece in folded:
            out.append(piece)
            where.append(i)
    return "".join(out), where


class _Aligner:
    """Finds quotes in one document, preferring the first occurrence where no statement starts yet."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded, self.where = _folded(text)
        self.used: set[int] = set()  # where statements start: one statement per starting point
        # Where the search for a quote resumes: the occurrences before it are taken. A model that
        # repeats one quote N times would otherwise cost N searches over the same taken places.
        self.resume: dict[tuple[str, str], int] = {}

    def exact(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        key = ("exact", quote)
        at = self.text.find(quote, max(start, self.resume.get(key, 0)) if not start else start)
        while at >= 0:
            if at not in self.used:
                if not start:
                    self.resume[key] = at
                return (at, at + len(quote))
            at = self.text.find(quote, at + 1)
        return None

    def loose(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        needle = _folded(quote.strip())[0].strip()
        if not needle:
            return None
        # Start searching at the first folded character at or after *start* (``where`` is sorted).
        lo = bisect.bisect_left(self.where, start) if start else self.resume.get(("loose", needle), 0)
        at = self.folded.find(needle, lo)
        while at >= 0:
            if self.where[at] not in self.used:
                if not start:
                    self.resume[("loose", needle)] = at
                return (self.where[at], self.where[at + len(needle) - 1] + 1)
            at = self.folded.find(needle, at + 1)
        return None

    def one(self, quote: str, start: int = 0) -> tuple[int, int] | None:
        span = self.exact(quote, start) or self.loose(quote, start)
        if span is None:
            trimmed = quote.strip().rstrip(_TRAILING).strip()
            if trimmed and trimmed != quote.strip():
                span = self.exact(trimmed, start) or self.loose(trimmed, start)
        return span

    def find(self, quote: str) -> list[tuple[int, int]] | None:
        """The spans of *quote*: one, or one per part when it has ``...`` in it; None when absent."""
        span = self.one(quote)
        if span is not None:
            self.used.add(span[0])
            return [span]
        parts = [p for p in _ELLIPSIS.split(quote) if p.strip(" " + _TRAILING)]
        if len(parts) < 2:
            return None
        spans: list[tuple[int, int]] = []
        start = 0
        for part in parts:
            found = self.one(part, start)
            if found is None:
                return None
            spans.append(found)
            start = found[1]
        self.used.add(spans[0][0])
        return spans


def align(text: str, quotes: Iterable[str]) -> list[list[tuple[int, int]] | None]:
    """For each quote, its spans in *text* (see the module's rules), or None when it is not there.

    >>> align("Trees cool  the streets. So plant “more” trees.", ["trees cool the streets", 'plant "more"', "Cars"])
    [[(0, 23)], [(28, 40)], None]
    """
    aligner = _Aligner(text)
    return [aligner.find(quote) for quote in quotes]


# -- building the map ------------------------------------------------------------------------------------


def build_map(document: Document, answer: Mapping[str, Any], *, model_id: str | None = None) -> ArgumentMap:
    """The map of a parsed answer (see :func:`parse_answer`), with the rules of the module's docstring.

    Statements get ids ``s1, s2, ...`` and relations ``r1, r2, ...`` in the answer's order.
    """
    text = document.text
    provenance = Provenance(extractor=NAME)
    found = align(text, [s["quote"] for s in answer["statements"]])
    statements: list[Statement] = []
    ids: dict[str, str] = {}
    missing: list[str] = []
    for item, spans in zip(answer["statements"], found):
        if spans is None:
            missing.append(item["quote"])
            continue
        sid = f"s{len(statements) + 1}"
        ids[item["id"]] = sid
        statements.append(
            Statement(
                id=sid,
                text=" ".join(text[a:b] for a, b in spans),
                kind=item["kind"],
                main=item["main"],
                spans=spans,
                provenance=provenance,
            )
        )
    if missing:
        shown = "; ".join(repr(_clip(q, 50)) for q in missing[:3]) + ("; ..." if len(missing) > 3 else "")
        warnings.warn(
            f"llm: dropped {len(missing)} of {len(answer['statements'])} quotes that are not in the document "
            f"(or repeat an earlier one): {shown}",
            ExtractionWarning,
            stacklevel=3,
        )

    relations = list(answer["relations"])
    dropped: dict[str, str] = {}
    for rel in relations:
        sources = list(dict.fromkeys(rel["from"]))
        bad = [s for s in sources if s not in ids]
        if not sources:
            dropped[rel["id"]] = "no statements"
        elif bad:
            dropped[rel["id"]] = f"unknown id {bad[0]!r}"
        elif rel["to"] in sources:
            dropped[rel["id"]] = "a statement relating to itself"
    # A relation may target a statement or (attacks only) a kept relation: drop until nothing changes.
    changed = True
    while changed:
        changed = False
        kept_relations = {r["id"] for r in relations if r["id"] not in dropped}
        for rel in relations:
            if rel["id"] in dropped:
                continue
            to = rel["to"]
            if to in ids:
                continue
            if to in kept_relations and rel["type"] == "attack" and to != rel["id"]:
                continue
            reason = "a support of a relation" if to in kept_relations else f"unknown id {to!r}"
            dropped[rel["id"]] = reason
            changed = True
    kept = [r for r in relations if r["id"] not in dropped]
    rel_ids = {r["id"]: f"r{i + 1}" for i, r in enumerate(kept)}
    out: list[Support | Attack] = []
    for rel in kept:
        sources = [ids[s] for s in dict.fromkeys(rel["from"])]
        target = ids.get(rel["to"]) or rel_ids[rel["to"]]
        rid = rel_ids[rel["id"]]
        if rel["type"] == "support":
            out.append(Support(id=rid, premises=sources, conclusion=target, provenance=provenance))
        else:
            out.append(Attack(id=rid, attackers=sources, target=target, provenance=provenance))
    if dropped:
        first = next(iter(dropped.items()))
        warnings.warn(
            f"llm: dropped {len(dropped)} of {len(relations)} relations that name unknown or dropped statements "
            f"(first: {first[0]!r}: {first[1]})",
            ExtractionWarning,
            stacklevel=3,
        )
    metadata: dict[str, Any] = {"extractor": NAME}
    if model_id:
        metadata["model"] = model_id
    return ArgumentMap(statements, out, document=document, metadata=metadata)


EXTRACTOR = Extractor(
    NAME,
    extract,
    description=f"a large language model through the llm library ({MODEL_VARIABLE}, else llm's default model)",
)


@argmap.hookimpl
def argmap_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register the ``llm`` extractor."""
    register(EXTRACTOR)
