"""The argmap JSON format (``argmap/1``): lossless, versioned, line-oriented.

A file holds one object::

    {
      "format": "argmap/1",
      "document": {"text": "...", "title": "..."},
      "statements": [
        {"id": "s1", "text": "...", "kind": "claim", "main": true, "spans": [[0, 42]]},
        ...
      ],
      "relations": [
        {"id": "r1", "type": "support", "from": ["s2"], "to": "s1"},
        {"id": "r2", "type": "attack", "from": ["s3"], "to": "r1"},
        ...
      ]
    }

Each statement and relation is written on one line, so files diff well and the
writer stays fast. Optional fields (``provenance``, ``tags``, ``metadata``,
``scheme``, ``example``) are written only when set. The reader refuses unknown
fields rather than drop them, and names the place of any error, for example
``relations[3].to: unknown id 's9' (in support 'r4')``. See docs/json-format.md.
"""

from __future__ import annotations

import gc
import json
import math
import re
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from ..errors import FormatError, ValidationError
from ..model import ArgumentMap, Attack, Document, Provenance, Statement, Support

__all__ = ["FORMAT", "dumps", "expect", "json_type", "loads", "map_from_dict", "map_to_dict", "parse_json",
           "provenance_record"]

FORMAT = "argmap/1"
"""The value of the top-level ``format`` field this version reads and writes."""

_TOP_FIELDS = ("format", "document", "statements", "relations", "metadata")
_DOCUMENT_FIELDS = ("text", "title", "author", "source", "metadata")
_STATEMENT_FIELDS = ("id", "text", "kind", "main", "spans", "provenance", "tags", "metadata")
_SUPPORT_FIELDS = ("id", "type", "from", "to", "scheme", "example", "provenance", "metadata")
_ATTACK_FIELDS = ("id", "type", "from", "to", "provenance", "metadata")
_PROVENANCE_FIELDS = ("extractor", "confidence")
_STATEMENT_REQUIRED = ("id", "text", "kind")
_RELATION_REQUIRED = ("id", "type", "from", "to")
# The same as sets, for the one-comparison check of the usual object.
_STATEMENT_KEYS = frozenset(_STATEMENT_FIELDS)
_STATEMENT_REQUIRED_KEYS = frozenset(_STATEMENT_REQUIRED)
_SUPPORT_KEYS = frozenset(_SUPPORT_FIELDS)
_ATTACK_KEYS = frozenset(_ATTACK_FIELDS)
_RELATION_REQUIRED_KEYS = frozenset(_RELATION_REQUIRED)
# Model attribute -> JSON field, for error places.
_JSON_NAME = {"premises": "from", "attackers": "from", "conclusion": "to", "target": "to"}

_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode


# -- writing -------------------------------------------------------------------


def provenance_record(p: Provenance) -> dict[str, Any]:
    """A provenance as argmap/1 writes it (the other formats carry it the same way)."""
    out: dict[str, Any] = {"extractor": p.extractor}
    if p.confidence is not None:
        out["confidence"] = p.confidence
    return out


def _statement(s: Statement) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "text": s.text,
        "kind": s.kind.value,
        "main": s.main,
        "spans": [list(span) for span in s.spans],
    }
    if s.provenance is not None:
        out["provenance"] = provenance_record(s.provenance)
    if s.tags:
        out["tags"] = list(s.tags)
    if s.metadata:
        out["metadata"] = dict(s.metadata)
    return out


def _relation(r: Support | Attack) -> dict[str, Any]:
    if isinstance(r, Support):
        out: dict[str, Any] = {"id": r.id, "type": "support", "from": list(r.premises), "to": r.conclusion}
        if r.scheme is not None:
            out["scheme"] = r.scheme
        if r.example:
            out["example"] = True
    else:
        out = {"id": r.id, "type": "attack", "from": list(r.attackers), "to": r.target}
    if r.provenance is not None:
        out["provenance"] = provenance_record(r.provenance)
    if r.metadata:
        out["metadata"] = dict(r.metadata)
    return out


def _document(d: Document) -> dict[str, Any]:
    out: dict[str, Any] = {"text": d.text, "title": d.title}
    if d.author is not None:
        out["author"] = d.author
    if d.source is not None:
        out["source"] = d.source
    if d.metadata:
        out["metadata"] = dict(d.metadata)
    return out


def map_to_dict(amap: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON-ready data (the ``argmap/1`` structure)."""
    out: dict[str, Any] = {
        "format": FORMAT,
        "document": _document(amap.document),
        "statements": [_statement(s) for s in amap.statements],
        "relations": [_relation(r) for r in amap.relations],
    }
    if amap.metadata:
        out["metadata"] = dict(amap.metadata)
    return out


def dumps(amap: ArgumentMap) -> str:
    """The map as ``argmap/1`` JSON text: one statement or relation per line.

    Raises :class:`~argmap.errors.FormatError` when metadata holds something
    JSON cannot carry (a set, an object, NaN, ...).
    """
    try:
        parts = ['{\n  "format": ', _encode(FORMAT), ',\n  "document": ', _encode(_document(amap.document))]
        parts += _list_block("statements", _statement_lines(amap.statements))
        parts += _list_block("relations", _relation_lines(amap.relations))
        if amap.metadata:
            parts += [',\n  "metadata": ', _encode(dict(amap.metadata))]
    except (TypeError, ValueError) as exc:
        raise FormatError(f"metadata cannot be written as JSON: {exc}") from None
    except RecursionError:
        raise FormatError("metadata cannot be written as JSON: nested too deeply") from None
    parts.append("\n}\n")
    # One join of all the pieces: adding them up one by one would hold several
    # copies of a large map's text at once.
    return "".join(parts)


# The writer makes each line's text itself rather than a dict per item for the encoder: the
# bytes are those json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")) writes for
# _statement(s) / _relation(r) (tests/test_json.py compares the two on generated maps).
# Ids, premises, conclusions and targets of a map are valid ids (letters, digits, _), which
# JSON writes as they are between quotes; every other string goes through the encoder's
# own string escaper, and provenance, tags and metadata (rare) through the encoder.
_string = json.encoder.encode_basestring  # the C escaper of ensure_ascii=False where available
_BOOL = ("false", "true")


def _statement_lines(statements: tuple[Statement, ...]) -> list[str]:
    string = _string
    out: list[str] = []
    append = out.append
    for s in statements:
        spans = s.spans
        if not spans:
            spans_text = "[]"
        elif len(spans) == 1:
            spans_text = f"[[{spans[0][0]}, {spans[0][1]}]]"
        else:
            spans_text = "[" + ", ".join([f"[{a}, {b}]" for a, b in spans]) + "]"
        line = (
            f'{{"id": "{s.id}", "text": {string(s.text)}, "kind": "{s.kind.value}", '
            f'"main": {_BOOL[s.main]}, "spans": {spans_text}'
        )
        if s.provenance is not None or s.tags or s.metadata:
            line += _extras(s.provenance, s.tags, s.metadata)
        append(line + "}")
    return out


def _relation_lines(relations: tuple[Support | Attack, ...]) -> list[str]:
    out: list[str] = []
    append = out.append
    for r in relations:
        if type(r) is Support or isinstance(r, Support):
            sources = r.premises
            line = f'{{"id": "{r.id}", "type": "support", "from": ["{sources[0]}"' if len(sources) == 1 else (
                f'{{"id": "{r.id}", "type": "support", "from": [' + ", ".join([f'"{x}"' for x in sources])
            )
            line += f'], "to": "{r.conclusion}"'
            if r.scheme is not None:
                line += f', "scheme": {_string(r.scheme)}'
            if r.example:
                line += ', "example": true'
        else:
            sources = r.attackers
            line = f'{{"id": "{r.id}", "type": "attack", "from": ["{sources[0]}"' if len(sources) == 1 else (
                f'{{"id": "{r.id}", "type": "attack", "from": [' + ", ".join([f'"{x}"' for x in sources])
            )
            line += f'], "to": "{r.target}"'
        if r.provenance is not None or r.metadata:
            line += _extras(r.provenance, (), r.metadata)
        append(line + "}")
    return out


def _extras(provenance: Provenance | None, tags: tuple[str, ...], metadata: Mapping[str, Any]) -> str:
    """The optional fields of a statement or relation, as ``, "name": value`` text."""
    text = ""
    if provenance is not None:
        text += ', "provenance": ' + _encode(provenance_record(provenance))
    if tags:
        text += ', "tags": ' + _encode(list(tags))
    if metadata:
        text += ', "metadata": ' + _encode(dict(metadata))
    return text


def _list_block(name: str, items: list[str]) -> list[str]:
    if not items:
        return [f',\n  "{name}": []']
    return [f',\n  "{name}": [\n    ', ",\n    ".join(items), "\n  ]"]


# -- reading -------------------------------------------------------------------


def loads(text: str | bytes, *, source: str | None = None) -> ArgumentMap:
    """Read ``argmap/1`` JSON text into a validated map.

    Every problem raises :class:`~argmap.errors.FormatError` whose message is
    one line naming the place, e.g. ``statements[2].kind: unknown kind 'clam'``.
    ``source`` (a file name) is put in front of JSON syntax errors.
    """
    with _collector_paused():
        data = parse_json(text, source=source)
        # The parsed data is ours alone: each item read is let go at once, so the map of a
        # large file does not sit beside the whole parsed JSON at the peak of memory.
        return _map_from_data(data, consume=True)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"the number {text[:20]}{'...' if len(text) > 20 else ''} is out of range")
    return value


def parse_json(text: str | bytes, *, source: str | None = None) -> Any:
    """Parse JSON text for a reader, refusing with one :class:`FormatError` line what argmap
    cannot carry losslessly: nesting deeper than Python can follow, integers longer than
    Python converts, ``NaN``/``Infinity`` (not JSON, and not writable again) and lone
    surrogates (``"\\ud800"``: not Unicode text, and not writable as UTF-8).

    Other readers of JSON formats (AIF, SADFace, ...) use it too.
    """
    try:
        data = json.loads(text, parse_constant=_no_constants, parse_float=_finite)
    except json.JSONDecodeError as exc:
        where = f"{source}:{exc.lineno}:{exc.colno}" if source else f"line {exc.lineno} column {exc.colno}"
        raise FormatError(f"invalid JSON: {exc.msg}", where=where) from None
    except UnicodeDecodeError as exc:
        raise FormatError(f"not UTF-8 text (bad byte at offset {exc.start})", where=source) from None
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply", where=source) from None
    except ValueError as exc:  # an integer of thousands of digits, NaN, Infinity, 1e400
        message = str(exc)
        if "integer string conversion" in message:
            message = f"a number with more than {sys.get_int_max_str_digits()} digits"
        raise FormatError(f"invalid JSON: {message}", where=source) from None
    if isinstance(text, str) and _SURROGATE_ESCAPE.search(text):
        try:
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as exc:
            bad = exc.object[exc.start:exc.end].encode("unicode_escape").decode("ascii")
            raise FormatError(f"invalid text: a lone surrogate ({bad}) is not Unicode text", where=source) from None
        except RecursionError:  # pragma: no cover - json.loads refuses deeper nesting first
            raise FormatError("invalid JSON: nested too deeply", where=source) from None
    return data


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector (as :mod:`timeit` does), if it runs.

    Reading a file makes hundreds of thousands of containers that all live on
    (the parsed JSON, then the map); the collector would rescan the growing heap
    several times and find nothing to free: a third of the reading time at 100k
    statements. Reading makes no reference cycles, so nothing waits for it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _check_fields(obj: Any, where: str, allowed: tuple[str, ...], required: tuple[str, ...]) -> None:
    if not isinstance(obj, Mapping):
        raise FormatError(f"expected an object, got {json_type(obj)}", where=where or None)
    for key in obj:
        if key not in allowed:
            raise FormatError(
                f"unknown field {key!r} (allowed: {', '.join(allowed)}; put extra data in metadata)",
                where=where or None,
            )
    for key in required:
        if key not in obj:
            raise FormatError(f"missing field {key!r}", where=where or None)


def json_type(value: Any) -> str:
    """What a JSON value is, for messages: ``null``, ``a boolean``, ``a number``, ``a string``,
    ``a list``, ``an object``. The readers of every JSON format use it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def expect(value: Any, kind: type, where: str, what: str) -> Any:
    """*value* if it is a *kind*, else a :class:`FormatError` at *where*: ``expected WHAT, got ...``."""
    if not isinstance(value, kind):
        raise _wrong_type(value, where, what)
    return value


def _wrong_type(value: Any, where: str, what: str) -> FormatError:
    return FormatError(f"expected {what}, got {json_type(value)}", where=where)


def _field_error(exc: ValidationError, where: str) -> FormatError:
    field = getattr(exc, "field", None)
    if field is None:
        return FormatError(exc.message, where=f"{where}" if where else exc.where)
    head, _, rest = field.partition("[")
    name = _JSON_NAME.get(head, head)
    return FormatError(exc.message, where=f"{where}.{name}" + (f"[{rest}" if rest else ""))


def _read_provenance(obj: Any, where: str) -> Provenance | None:
    if obj is None:
        return None
    _check_fields(obj, where, _PROVENANCE_FIELDS, ("extractor",))
    try:
        return Provenance(extractor=expect(obj["extractor"], str, f"{where}.extractor", "a string"),
                          confidence=obj.get("confidence"))
    except ValidationError as exc:
        raise _field_error(exc, where) from None


def _read_metadata(obj: Any, where: str) -> Any:
    if obj is None:
        return {}
    return expect(obj, dict, where, "an object")


# The readers below run once per statement and relation of a file. They check
# the usual object with one set comparison and build error places (f-strings)
# only on the way to an error; the checks and their order are those of
# _check_fields and _expect.


def _read_extras(obj: Mapping[str, Any], where: str) -> tuple[Provenance | None, Any]:
    """The optional provenance and metadata of a statement or relation."""
    provenance = obj.get("provenance")
    if provenance is not None:
        provenance = _read_provenance(provenance, f"{where}.provenance")
    metadata = obj.get("metadata")
    return provenance, {} if metadata is None else _read_metadata(metadata, f"{where}.metadata")


def _read_statement(obj: Any, where: str) -> Statement:
    if not (type(obj) is dict and _STATEMENT_REQUIRED_KEYS <= obj.keys() <= _STATEMENT_KEYS):
        _check_fields(obj, where, _STATEMENT_FIELDS, _STATEMENT_REQUIRED)
    spans = obj.get("spans", [])
    if not isinstance(spans, list):
        raise _wrong_type(spans, f"{where}.spans", "a list of [start, end] pairs")
    for j, span in enumerate(spans):
        if not isinstance(span, list) or len(span) != 2:
            raise FormatError("expected a [start, end] pair", where=f"{where}.spans[{j}]")
    tags = obj.get("tags", [])
    if not isinstance(tags, list):
        raise _wrong_type(tags, f"{where}.tags", "a list of strings")
    provenance, metadata = _read_extras(obj, where)
    try:
        return Statement(
            id=obj["id"],
            text=obj["text"],
            kind=obj["kind"],
            main=obj.get("main", False),
            spans=spans,
            provenance=provenance,
            tags=tags,
            metadata=metadata,
        )
    except ValidationError as exc:
        raise _field_error(exc, where) from None


def _read_relation(obj: Any, where: str) -> Support | Attack:
    if type(obj) is not dict and not isinstance(obj, Mapping):
        raise FormatError(f"expected an object, got {json_type(obj)}", where=where)
    rtype = obj.get("type")
    if rtype == "support":
        if not (type(obj) is dict and _RELATION_REQUIRED_KEYS <= obj.keys() <= _SUPPORT_KEYS):
            _check_fields(obj, where, _SUPPORT_FIELDS, _RELATION_REQUIRED)
    elif rtype == "attack":
        if not (type(obj) is dict and _RELATION_REQUIRED_KEYS <= obj.keys() <= _ATTACK_KEYS):
            _check_fields(obj, where, _ATTACK_FIELDS, _RELATION_REQUIRED)
    elif rtype is None:
        raise FormatError("missing field 'type'", where=where)
    else:
        raise FormatError(f"unknown type {rtype!r} (expected 'support' or 'attack')", where=f"{where}.type")
    sources = obj["from"]
    if not isinstance(sources, list):
        raise _wrong_type(sources, f"{where}.from", "a list of statement ids")
    target = obj["to"]
    if not isinstance(target, str):
        raise _wrong_type(target, f"{where}.to", "an id")
    provenance, metadata = _read_extras(obj, where)
    try:
        if rtype == "support":
            return Support(
                id=obj["id"],
                premises=sources,
                conclusion=target,
                scheme=obj.get("scheme"),
                example=obj.get("example", False),
                provenance=provenance,
                metadata=metadata,
            )
        return Attack(id=obj["id"], attackers=sources, target=target, provenance=provenance, metadata=metadata)
    except ValidationError as exc:
        raise _field_error(exc, where) from None


def map_from_dict(data: Any) -> ArgumentMap:
    """Build a validated map from ``argmap/1`` data (as :func:`json.loads` gives)."""
    return _map_from_data(data, consume=False)


def _map_from_data(data: Any, *, consume: bool) -> ArgumentMap:
    """map_from_dict; with ``consume``, each statement and relation of *data* is replaced by None once read."""
    _check_fields(data, "", _TOP_FIELDS, ("format", "statements", "relations"))
    fmt = data["format"]
    if not isinstance(fmt, str) or fmt.split(".")[0] != FORMAT:
        raise FormatError(f"unsupported format {fmt!r} (this argmap reads {FORMAT!r})", where="format")
    doc_obj = data.get("document") or {"text": ""}
    _check_fields(doc_obj, "document", _DOCUMENT_FIELDS, ("text",))
    try:
        document = Document(
            text=expect(doc_obj["text"], str, "document.text", "a string"),
            title=doc_obj.get("title"),
            author=doc_obj.get("author"),
            source=doc_obj.get("source"),
            metadata=_read_metadata(doc_obj.get("metadata"), "document.metadata"),
        )
    except ValidationError as exc:
        raise _field_error(exc, "document") from None
    statements = expect(data["statements"], list, "statements", "a list")
    relations = expect(data["relations"], list, "relations", "a list")
    try:
        return ArgumentMap(
            statements=_read_items(statements, _read_statements_quickly, _read_statement, "statements", consume),
            relations=_read_items(relations, _read_relations_quickly, _read_relation, "relations", consume),
            document=document,
            metadata=_read_metadata(data.get("metadata"), "metadata"),
        )
    except ValidationError as exc:
        raise FormatError(exc.message, where=exc.where) from None


# -- the quick readers -----------------------------------------------------------
#
# Most files are written by argmap: every statement and relation a dict with the usual keys
# and types. The quick readers below take such items straight to the model's constructors
# (whose own fast path checks every field) and stop at the first item they cannot vouch for
# -- an unusual key or type, or any error at all. That item then goes through the careful
# reader above, which reads it or raises the error naming its place exactly as before, and
# the quick reader goes on after it. So errors and results are those of the careful readers
# (tests/test_json.py compares both on generated and mutated files).

_ABSENT: Any = ()


def _read_items(objs: list[Any], quickly: Any, carefully: Any, name: str, consume: bool) -> list[Any]:
    out: list[Any] = []
    count = len(objs)
    while len(out) < count:
        try:
            quickly(objs, len(out), out, consume)
        except Exception:  # noqa: BLE001 - whatever it was, the careful reader says it
            pass
        i = len(out)
        if i < count:
            out.append(carefully(objs[i], f"{name}[{i}]"))
            if consume:
                objs[i] = None
    return out


def _quick_extras(obj: dict[str, Any]) -> tuple[Provenance | None, Any]:
    provenance = obj.get("provenance")
    if provenance is not None:
        provenance = _read_provenance(provenance, "")
    metadata = obj.get("metadata")
    if metadata is not None and type(metadata) is not dict:
        raise TypeError  # the careful reader names it
    return provenance, metadata


def _read_statements_quickly(objs: list[Any], start: int, out: list[Statement], consume: bool) -> None:
    append = out.append
    keys, required = _STATEMENT_KEYS, _STATEMENT_REQUIRED_KEYS
    for i in range(start, len(objs)):  # by index: resuming after a careful read copies nothing
        obj = objs[i]
        if type(obj) is not dict or not required <= obj.keys() <= keys:
            return
        spans = obj.get("spans", _ABSENT)
        if spans is not _ABSENT:
            if type(spans) is not list:
                return
            # From JSON, a pair that unpacks is a list, a string or an object; the last two
            # fail the model's check of offsets (ints) and go to the careful reader.
            spans = tuple([(a, b) for a, b in spans]) if spans else _ABSENT
        tags = obj.get("tags", _ABSENT)
        if tags is not _ABSENT and type(tags) is not list:
            return
        provenance, metadata = _quick_extras(obj)
        append(Statement(obj["id"], obj["text"], obj["kind"], obj.get("main", False), spans, provenance, tags,
                         metadata))
        if consume:
            objs[i] = None


def _read_relations_quickly(objs: list[Any], start: int, out: list[Support | Attack], consume: bool) -> None:
    append = out.append
    required = _RELATION_REQUIRED_KEYS
    for i in range(start, len(objs)):
        obj = objs[i]
        if type(obj) is not dict:
            return
        rtype = obj.get("type")
        if rtype == "support":
            if not required <= obj.keys() <= _SUPPORT_KEYS:
                return
        elif rtype != "attack" or not required <= obj.keys() <= _ATTACK_KEYS:
            return
        sources = obj["from"]
        target = obj["to"]
        if type(sources) is not list or type(target) is not str:
            return
        provenance, metadata = _quick_extras(obj)
        if rtype == "support":
            append(Support(obj["id"], sources, target, obj.get("scheme"), obj.get("example", False), provenance,
                           metadata))
        else:
            append(Attack(obj["id"], sources, target, provenance, metadata))
        if consume:
            objs[i] = None
