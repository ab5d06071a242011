"""SADFace, the Simple Argument Description Format (JSON), both ways.

SADFace (Open-Argumentation/SADFace; the ``sadface`` Python library, 0.5) holds
an argument as a graph of *nodes* joined by *edges*, with *resources* (the
texts analysed) and *metadata* in namespaces (``core`` is SADFace's own)::

    {"metadata": {"core": {"version": ..., "id": ..., "title": ..., "claim": <atom id>, ...}},
     "resources": [{"id": ..., "type": "text", "content": "...", "metadata": {...}}],
     "nodes": [{"id": ..., "type": "atom", "text": "...",
                "sources": [{"resource_id": ..., "text": "...", "offset": 12, "length": 30}],
                "metadata": {"core": {}}},
               {"id": ..., "type": "inference", "name": "support", "metadata": {"core": {}}},
               {"id": ..., "type": "conflict", "name": "attack", "metadata": {"core": {}}}],
     "edges": [{"id": ..., "source_id": ..., "target_id": ...}]}

How it maps onto the model (docs/formats/sadface.md has the full table):

- an *atom* is a :class:`~argmap.model.Statement`; its ``sources`` into the one
  ``text`` resource (the document) are its spans, ``(offset, offset + length)``;
  ``metadata.core.claim`` names the main claim;
- an *inference* node is a :class:`~argmap.model.Support`: the atoms with an
  edge into it are its premises (several: linked), the atom it has an edge to
  is its conclusion; a ``name`` other than ``"support"`` is the scheme;
- a *conflict* node is an :class:`~argmap.model.Attack`: the atoms with an
  edge into it attack the node it has an edge to, an atom (rebut or
  undermine), an inference (undercut) or a conflict (an attack on an attack);
- the older dialect of the repository's example (0.2: ``type: "scheme"`` with
  ``name`` ``"support"``, or ``"conflict"``, ``"attack"``, ``"disagree"``) is
  read the same way; other scheme names (``"rephrase"``, ``"preference"``) have
  no counterpart and are reported.

The writer produces the library's dialect, formatted as the library saves it
(``sadface.save``: four-space indent, sorted keys), so that loading and saving
argmap's output with the library changes no byte. What SADFace has no field
for (a statement's kind, tags, provenance and metadata; a relation's id,
example flag and metadata; the document's author and source; argmap's ids)
goes into each node's metadata namespace ``argmap`` (free metadata as JSON
text, so that its key order survives the sorted keys), which makes the round
trip through SADFace exact. Ids, ``created`` and ``edited`` are fixed, so the
same map gives the same file byte for byte.

Reading a file argmap did not write, SADFace's UUIDs become ids ``n_<hex>``
and the original id, like everything else of a node argmap has no field for,
is kept in ``metadata["sadface"]`` (the file's own metadata in the map's
``metadata["sadface"]``); kinds are derived from the structure (the main claim
is a claim, support premises are premises, attackers are objections or
rebuttals by the parity of the attack chain). What cannot be carried is
reported, one :class:`~argmap.ImportLossWarning` per code with a count.
Bad input raises :class:`~argmap.errors.FormatError` naming the place, e.g.
``nodes[3].text: an atom needs text``.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections import deque
from collections.abc import Mapping
from typing import Any

from ..errors import FormatError, ImportLossWarning, ValidationError
from ..losses import Losses
from ..model import ArgumentMap, Attack, Document, Kind, Provenance, Relation, Statement, Support, is_valid_id
from .json import expect, json_type, parse_json, provenance_record

__all__ = [
    "CREATED",
    "NAMESPACE",
    "VERSION",
    "derive_kinds",
    "dumps",
    "loads",
    "looks_like_sadface",
    "map_from_dict",
    "map_to_dict",
    "node_id",
    "sniff",
]

VERSION = "0.5"
"""The ``metadata.core.version`` the writer puts in files (the library's 0.5 dialect)."""

CREATED = "1970-01-01T00:00:00"
"""The fixed ``created`` and ``edited`` of written files (SADFace's format, seconds, no zone)."""

NAMESPACE = uuid.UUID("0b7d6a3e-5c1f-5b3c-9d0e-6172676d6170")
"""The namespace of the name-based UUIDs (:func:`uuid.uuid5`) the writer gives documents."""

ARGMAP = "argmap"
"""The metadata namespace of nodes (and of the file) where argmap keeps what SADFace has no field for."""

_FORMAT_MARK = "argmap/1"
_SUPPORT_NAME = "support"
_ATTACK_NAME = "attack"
_ATTACK_SCHEMES = frozenset({"conflict", "attack", "disagree"})  # 0.2 scheme names that are conflicts
_NODE_TYPES = frozenset({"atom", "scheme", "inference", "conflict"})
_EMPTY_NODE_METADATA: tuple[Any, ...] = ({}, {"core": {}})

_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode
_write = json.JSONEncoder(ensure_ascii=False, indent=4, sort_keys=True, allow_nan=False).encode

_MESSAGES = {
    "sadface.resources": "resources besides the document (argmap has one document per map)",
    "sadface.source.unmatched": "atoms whose sources do not cover their text in the document: not read as "
    "spans (kept in metadata['sadface']['sources'] of atoms argmap did not write)",
    "sadface.edge.dangling": "edges with an end that is no node of the file",
    "sadface.edge.dropped": "edges to or from a node that was not imported",
    "sadface.edge.unrepresentable": "edges from an atom straight to an atom (argmap needs an inference or "
    "conflict node between them)",
    "sadface.edge.duplicate": "edges given twice",
    "sadface.relation.unrepresentable": "inference or conflict nodes argmap cannot hold (no premise or attacker, "
    "not exactly one target, a support that concludes a node that is not an atom, or a node that targets "
    "itself or one of its own sources)",
    "sadface.claim.unknown": "metadata.core.claim names no atom of the file",
}


# -- ids -----------------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


def node_id(sadface_id: str) -> str:
    """The argmap id a SADFace node id becomes: ``n_`` and the UUID's hex digits, or the id made safe.

    >>> node_id("3df54ae1-fa41-4ac7-85d5-4badee39215b")
    'n_3df54ae1fa414ac785d54badee39215b'
    >>> node_id("atom 7")
    'n_atom_7'
    """
    try:
        return "n_" + uuid.UUID(sadface_id).hex
    except (ValueError, TypeError, AttributeError):
        pass
    safe = _UNSAFE.sub("_", str(sadface_id)).strip("_")
    candidate = "n_" + safe
    if safe and len(candidate) <= 64:
        return candidate
    digest = hashlib.sha1(str(sadface_id).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return ("n_" + safe)[:45].rstrip("_") + "_" + digest


def _unique(candidate: str, taken: set[str]) -> str:
    if candidate not in taken:
        return candidate
    n = 2
    while True:
        suffix = f"_{n}"
        longer = candidate[: 64 - len(suffix)] + suffix
        if longer not in taken:
            return longer
        n += 1


# -- kinds ---------------------------------------------------------------------------------------------


def derive_kinds(statements: list[Statement] | tuple[Statement, ...],
                 relations: list[Relation] | tuple[Relation, ...]) -> dict[str, Kind]:
    """The kind of each statement as its place in the structure says.

    A main statement is a ``claim``. The others get a side: the main claims
    (or, in a map without one, the statements that support or attack
    nothing) are the author's side; a support's premises take the side of
    what they support, an attack's attackers the other side of what they
    attack (for an attacked relation, the side of its own sources). On the
    other side a statement is an ``objection``; on the author's side an
    attacker is a ``rebuttal``, a premise a ``premise``, anything else a
    ``claim``. (The microtext corpus's proponent and opponent, by parity.)
    """
    side: dict[str, int] = {}
    incoming: dict[str, list[Relation]] = {}
    is_source: set[str] = set()
    attackers: set[str] = set()
    premises: set[str] = set()
    for rel in relations:
        incoming.setdefault(rel.target, []).append(rel)
        is_source.update(rel.sources)
        (premises if isinstance(rel, Support) else attackers).update(rel.sources)
    roots = [s.id for s in statements if s.main] or [s.id for s in statements if s.id not in is_source]
    queue: deque[str] = deque()
    for sid in roots:
        if sid not in side:
            side[sid] = 0
            queue.append(sid)
    while queue:
        item = queue.popleft()
        for rel in incoming.get(item, ()):
            if rel.id in side:
                continue
            rel_side = side[item] if isinstance(rel, Support) else 1 - side[item]
            side[rel.id] = rel_side
            queue.append(rel.id)
            for sid in rel.sources:
                if sid not in side:
                    side[sid] = rel_side
                    queue.append(sid)
    kinds = {}
    for st in statements:
        if st.main:
            kinds[st.id] = Kind.CLAIM
        elif side.get(st.id, 0) == 1:
            kinds[st.id] = Kind.OBJECTION
        elif st.id in attackers:
            kinds[st.id] = Kind.REBUTTAL
        elif st.id in premises:
            kinds[st.id] = Kind.PREMISE
        else:
            kinds[st.id] = Kind.CLAIM
    return kinds


# -- writing -------------------------------------------------------------------------------------------


def _sadface_meta(metadata: Mapping[str, Any]) -> Mapping[str, Any]:
    """``metadata["sadface"]`` where it is an object (as the reader leaves it), else nothing."""
    if not metadata:
        return metadata
    found = metadata.get("sadface")
    return found if isinstance(found, Mapping) else {}


def _native(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The node or resource metadata namespaces kept from a file argmap read."""
    found = meta.get("metadata")
    if not isinstance(found, Mapping):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and k != ARGMAP}


def _json_text(value: Mapping[str, Any]) -> str:
    return _encode(dict(value))


def _uuid5(space: bytes, name: str) -> str:
    """``str(uuid.uuid5(UUID(bytes=space), name))``, without making UUID objects (it runs for every node and
    edge of a map)."""
    digest = bytearray(hashlib.sha1(space + name.encode("utf-8", "surrogatepass")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    x = digest.hex()
    return f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}"


def _document_uuid(amap: ArgumentMap) -> tuple[str, bytes]:
    """The document's SADFace id (kept from a file argmap read, else made from the map's content) and
    the namespace of the map's other UUIDs."""
    core = _sadface_meta(amap.metadata).get("core")
    kept = core.get("id") if isinstance(core, Mapping) else None
    if isinstance(kept, str) and kept:
        try:
            return kept, uuid.UUID(kept).bytes
        except ValueError:
            return kept, uuid.UUID(_uuid5(NAMESPACE.bytes, kept)).bytes
    digest = hashlib.sha1()
    for part in (amap.document.title or "", amap.document.text, *(f"{s.id}\x00{s.text}" for s in amap.statements)):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    made = _uuid5(NAMESPACE.bytes, digest.hexdigest())
    return made, uuid.UUID(made).bytes


def map_to_dict(amap: ArgumentMap) -> dict[str, Any]:
    """The map as SADFace data (the library's 0.5 dialect, with argmap's namespace on every node)."""
    doc_id, space = _document_uuid(amap)
    taken: set[str] = {doc_id}
    sid: dict[str, str] = {}
    items: list[Statement | Support | Attack] = [*amap.statements, *amap.relations]
    for item in items:  # ids kept from a file argmap read
        kept = _sadface_meta(item.metadata).get("id")
        if isinstance(kept, str) and kept and kept not in taken:
            sid[item.id] = kept
            taken.add(kept)
    for item in items:
        if item.id not in sid:
            made, n = _uuid5(space, item.id), 1
            while made in taken:
                n += 1
                made = _uuid5(space, f"{item.id}\x00{n}")
            sid[item.id] = made
            taken.add(made)

    document = amap.document
    resources = []
    resource_id = None
    if document.text:
        doc_meta = _sadface_meta(document.metadata)
        kept = doc_meta.get("id")
        if isinstance(kept, str) and kept and kept not in taken:
            resource_id = kept
        else:
            resource_id = _uuid5(space, "\x00resource")
        taken.add(resource_id)
        resources.append({"id": resource_id, "type": "text", "content": document.text,
                          "metadata": {"core": {}, **_native(doc_meta)}})

    mains = [s for s in amap.statements if s.main]
    claim = mains[0].id if mains else None
    nodes: list[dict[str, Any]] = []
    for st in amap.statements:
        ns: dict[str, Any] = {"id": st.id, "kind": st.kind.value}
        if st.main and st.id != claim:
            ns["main"] = True
        if st.tags:
            ns["tags"] = list(st.tags)
        if st.provenance is not None:
            ns["provenance"] = provenance_record(st.provenance)
        if st.metadata:
            ns["metadata"] = _json_text(st.metadata)
        sources = [
            {"resource_id": resource_id, "text": document.text[start:end], "offset": start, "length": end - start}
            for start, end in st.spans
        ]
        nodes.append({"id": sid[st.id], "type": "atom", "text": st.text, "sources": sources,
                      "metadata": {"core": {}, **_native(_sadface_meta(st.metadata)), ARGMAP: ns}})
    edges: list[tuple[str, str]] = []
    for rel in amap.relations:
        ns = {"id": rel.id}
        meta = _sadface_meta(rel.metadata)
        if isinstance(rel, Support):
            name = _SUPPORT_NAME if rel.scheme is None else rel.scheme
            if rel.scheme == _SUPPORT_NAME:
                ns["scheme"] = rel.scheme
            if rel.example:
                ns["example"] = True
            node_type = "inference"
        else:
            kept_name = meta.get("name")
            name = kept_name if isinstance(kept_name, str) and kept_name else _ATTACK_NAME
            node_type = "conflict"
        if rel.provenance is not None:
            ns["provenance"] = provenance_record(rel.provenance)
        if rel.metadata:
            ns["metadata"] = _json_text(rel.metadata)
        nodes.append({"id": sid[rel.id], "type": node_type, "name": name,
                      "metadata": {"core": {}, **_native(meta), ARGMAP: ns}})
        edges += [(sid[s], sid[rel.id]) for s in rel.sources]
        edges.append((sid[rel.id], sid[rel.target]))

    top: dict[str, Any] = {"format": _FORMAT_MARK}
    doc_ns: dict[str, Any] = {}
    if document.title == "":
        doc_ns["title"] = ""
    if document.author is not None:
        doc_ns["author"] = document.author
    if document.source is not None:
        doc_ns["source"] = document.source
    if document.metadata:
        doc_ns["metadata"] = _json_text(document.metadata)
    if doc_ns:
        top["document"] = doc_ns
    if amap.metadata:
        top["metadata"] = _json_text(amap.metadata)

    kept_meta = _sadface_meta(amap.metadata)
    kept_core = kept_meta.get("core")
    core: dict[str, Any] = {"analyst_name": "", "analyst_email": "", "created": CREATED, "edited": CREATED,
                            "description": "", "notes": ""}
    if isinstance(kept_core, Mapping):
        core.update((k, v) for k, v in kept_core.items() if isinstance(k, str) and k not in ("title", "claim"))
    version = core.get("version")
    core["version"] = version if isinstance(version, str) and version.startswith("0.5") else VERSION
    core["id"] = doc_id
    core["title"] = document.title or ""
    if claim is not None:
        core["claim"] = sid[claim]
    metadata = {k: v for k, v in kept_meta.items() if isinstance(k, str) and k not in ("core", ARGMAP)}
    metadata.update({"core": core, ARGMAP: top})
    return {
        "metadata": metadata,
        "resources": resources,
        "nodes": nodes,
        "edges": [{"id": _uuid5(space, f"{s}>{t}"), "source_id": s, "target_id": t} for s, t in edges],
    }


def dumps(amap: ArgumentMap) -> str:
    """The map as SADFace JSON, as the ``sadface`` library saves it (indent 4, sorted keys, no final newline).

    SADFace plus argmap's namespace carries every field of the map, so the
    writer never warns. Raises :class:`~argmap.errors.FormatError` when
    metadata holds something JSON cannot carry (a set, NaN, ...).
    """
    try:
        return _write(map_to_dict(amap))
    except (TypeError, ValueError) as exc:
        raise FormatError(f"metadata cannot be written as JSON: {exc}") from None
    except RecursionError:
        raise FormatError("metadata cannot be written as JSON: nested too deeply") from None


# -- reading -------------------------------------------------------------------------------------------


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"the number {text[:20]} is out of range")
    return value


_decode = json.JSONDecoder(parse_constant=_refuse_constant, parse_float=_finite).decode


def _parse(text: str | bytes) -> Any:
    if isinstance(text, str) and text.startswith("\ufeff"):
        text = text[1:]
    return parse_json(text)


def looks_like_sadface(data: Any) -> bool:
    """Whether parsed JSON is a SADFace document: ``nodes`` and ``edges`` lists, and ``metadata.core``
    or nodes of SADFace's types; not AIF (``nodeID``, ``locutions``) nor argmap JSON (``format``)."""
    if not isinstance(data, dict) or "format" in data or "locutions" in data:
        return False
    nodes, edges = data.get("nodes"), data.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    if any(isinstance(n, dict) and "nodeID" in n for n in nodes[:50]):
        return False
    if any(isinstance(e, dict) and ("fromID" in e or "toID" in e) for e in edges[:50]):
        return False
    metadata = data.get("metadata")
    if isinstance(metadata, dict) and isinstance(metadata.get("core"), dict):
        return True
    return any(isinstance(n, dict) and n.get("type") in _NODE_TYPES and "id" in n for n in nodes[:50])


def sniff(text: str) -> bool:
    """Whether *text* is a SADFace document (for ``.json`` files, which several importers share)."""
    if not text.lstrip("\ufeff \t\r\n").startswith("{"):
        return False
    try:
        return looks_like_sadface(json.loads(text.lstrip("\ufeff")))
    except (ValueError, RecursionError):
        return False


def loads(text: str | bytes) -> ArgumentMap:
    """Read SADFace JSON text into a validated map (either dialect; see the module's docstring).

    What argmap cannot carry is reported with :class:`~argmap.ImportLossWarning`
    (one per code, with the count); bad input raises
    :class:`~argmap.errors.FormatError` naming the place.
    """
    return map_from_dict(_parse(text))


def _code_part(name: str) -> str:
    return _UNSAFE.sub("_", name.lower()).strip("_") or "unnamed"


def _argmap_metadata(ns: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Free metadata argmap wrote as JSON text into its namespace."""
    text = ns.get("metadata")
    if text is None:
        return {}
    expect(text, str, f"{where}.metadata", "metadata as JSON text")
    try:
        # One decoder made once (json.loads with options makes one per call); text with an escaped
        # surrogate goes through parse_json, which refuses lone ones.
        value = parse_json(text) if "\\u" in text else _decode(text)
    except FormatError as exc:
        raise FormatError(f"metadata is not JSON text ({exc.message})", where=f"{where}.metadata") from None
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"metadata is not JSON text ({exc})", where=f"{where}.metadata") from None
    return expect(value, dict, f"{where}.metadata", "a JSON object")


def _argmap_provenance(ns: Mapping[str, Any], where: str) -> Provenance | None:
    found = ns.get("provenance")
    if found is None:
        return None
    expect(found, dict, f"{where}.provenance", "an object")
    try:
        return Provenance(extractor=found.get("extractor"), confidence=found.get("confidence"))
    except ValidationError as exc:
        raise FormatError(exc.message, where=f"{where}.provenance") from None


class _Node:
    """One node of the file, as read."""

    __slots__ = ("data", "id", "index", "ns", "role", "sid", "sources", "targets", "type")

    def __init__(self, index: int, sid: str, node_type: str, data: dict[str, Any],
                 ns: dict[str, Any] | None, role: str) -> None:
        self.index = index
        self.sid = sid
        self.type = node_type
        self.data = data
        self.ns = ns  # argmap's namespace, where argmap wrote the node
        self.id = ""
        self.role = role  # "atom", "support" or "attack"; "" for a node that is not imported
        self.sources: list[str] = []
        self.targets: list[str] = []

    @property
    def where(self) -> str:
        return f"nodes[{self.index}]"


_ROLES = {"atom": "atom", "inference": "support", "conflict": "attack"}


# _read_nodes and _wire run once per node and edge: they test the usual object with a few type() checks
# and build error places only on the way to an error (through _expect, which raises).


def _read_nodes(nodes: list[Any], losses: Losses, messages: dict[str, str]) -> dict[str, _Node]:
    found: dict[str, _Node] = {}
    for i, obj in enumerate(nodes):
        if type(obj) is not dict:
            expect(obj, dict, f"nodes[{i}]", "an object")
        sid = obj.get("id")
        if type(sid) is not str:
            expect(sid, str, f"nodes[{i}].id", "a string")
        if sid in found:
            raise FormatError(f"duplicate id {sid!r}", where=f"nodes[{i}].id")
        node_type = obj.get("type")
        if type(node_type) is not str:
            expect(node_type, str, f"nodes[{i}].type", "a string")
        meta = obj.get("metadata")
        ns = None
        if meta is not None:
            if type(meta) is not dict:
                expect(meta, dict, f"nodes[{i}].metadata", "an object")
            ns = meta.get(ARGMAP)
            if ns is not None and type(ns) is not dict:
                expect(ns, dict, f"nodes[{i}].metadata.{ARGMAP}", "an object")
        name = obj.get("name")
        role = _ROLES.get(node_type, "")
        if role == "atom":
            text = obj.get("text")
            if type(text) is not str:
                expect(text, str, f"nodes[{i}].text", "a string")
            if not text or text.isspace():
                raise FormatError("an atom needs text", where=f"nodes[{i}].text")
        elif node_type == "scheme":  # the 0.2 dialect
            if name == _SUPPORT_NAME:
                role = "support"
            elif name in _ATTACK_SCHEMES:
                role = "attack"
            else:
                code = f"sadface.scheme.{_code_part(name) if isinstance(name, str) else 'unnamed'}"
                messages[code] = f"scheme nodes named {name!r} (argmap has supports and attacks only)"
                losses.add(code, sid)
        elif not role:
            code = f"sadface.node.{_code_part(node_type)}"
            messages[code] = f"nodes of type {node_type!r} (not a SADFace atom, inference or conflict)"
            losses.add(code, sid)
        if role in ("support", "attack") and name is not None and type(name) is not str:
            expect(name, str, f"nodes[{i}].name", "a string")
        found[sid] = _Node(i, sid, node_type, obj, ns, role)
    return found


def _wire(edges: list[Any], nodes: dict[str, _Node], losses: Losses) -> None:
    """Give each inference and conflict node its sources and targets from the edges."""
    seen: set[tuple[str, str]] = set()
    for i, obj in enumerate(edges):
        if type(obj) is not dict:
            expect(obj, dict, f"edges[{i}]", "an object")
        src, trg = obj.get("source_id"), obj.get("target_id")
        if type(src) is not str:
            expect(src, str, f"edges[{i}].source_id", "a string")
        if type(trg) is not str:
            expect(trg, str, f"edges[{i}].target_id", "a string")
        a, b = nodes.get(src), nodes.get(trg)
        code = None
        if a is None or b is None:
            code = "sadface.edge.dangling"
        elif not a.role or not b.role:
            code = "sadface.edge.dropped"
        elif (src, trg) in seen:
            code = "sadface.edge.duplicate"
        elif a.role == "atom":
            if b.role == "atom":
                code = "sadface.edge.unrepresentable"
            else:
                b.sources.append(src)
        else:
            a.targets.append(trg)
        if code is None:
            seen.add((src, trg))
        else:
            edge_id = obj.get("id")
            losses.add(code, edge_id if isinstance(edge_id, str) else f"edges[{i}]")


def _check_relations(nodes: dict[str, _Node], losses: Losses) -> None:
    """Drop the inference and conflict nodes argmap cannot hold (and, in turn, the attacks on them)."""
    relations = [n for n in nodes.values() if n.role in ("support", "attack")]
    changed = True
    while changed:
        changed = False
        for node in relations:
            if not node.role:
                continue
            target = nodes[node.targets[0]] if len(node.targets) == 1 else None
            if (
                not node.sources
                or target is None
                or not target.role
                or (node.role == "support" and target.role != "atom")
                or target.sid in node.sources
                or target.sid == node.sid
            ):
                node.role = ""
                changed = True
                losses.add("sadface.relation.unrepresentable", node.sid)
                if node.sources or node.targets:
                    losses.add("sadface.edge.dropped", None, len(node.sources) + len(node.targets))
                # edges of other relations into this one are dropped with them when they are checked


def _spans(node: _Node, text: str, resource_id: str | None,
           losses: Losses) -> tuple[list[tuple[int, int]], list[Any]]:
    """The atom's sources as spans into the document, or (none, the sources) where they do not fit."""
    sources = node.data.get("sources")
    if sources is None:
        return [], []
    expect(sources, list, f"{node.where}.sources", "a list")
    if not sources:
        return [], []
    spans = []
    for src in sources:
        if not isinstance(src, dict) or resource_id is None or src.get("resource_id") != resource_id:
            break
        offset, length = src.get("offset"), src.get("length")
        if type(offset) is not int or type(length) is not int or offset < 0 or length <= 0:
            break
        end = offset + length
        if end > len(text) or ("text" in src and src["text"] != text[offset:end]):
            break
        spans.append((offset, end))
    else:
        covered = text[spans[0][0]:spans[0][1]] if len(spans) == 1 else " ".join(text[s:e] for s, e in spans)
        atom_text = node.data["text"]
        if covered == atom_text or covered.split() == atom_text.split():
            return spans, []
    losses.add("sadface.source.unmatched", node.sid)
    return [], sources


def _foreign(node_meta: Any, extra: dict[str, Any]) -> dict[str, Any]:
    """``metadata["sadface"]`` of a node argmap did not write: its id and what argmap has no field for."""
    kept = dict(extra)
    if isinstance(node_meta, dict):
        rest = {k: v for k, v in node_meta.items() if k != ARGMAP}
        if rest not in _EMPTY_NODE_METADATA:
            kept["metadata"] = rest
    return {"sadface": kept}


def map_from_dict(data: Any) -> ArgumentMap:
    """Build a validated map from SADFace data (as :func:`json.loads` gives); see :func:`loads`."""
    if not isinstance(data, dict):
        raise FormatError(f"expected a SADFace object (nodes, edges, metadata), got {json_type(data)}")
    nodes_list = expect(data.get("nodes"), list, "nodes", "a list")
    edges_list = expect(data.get("edges", []), list, "edges", "a list")
    metadata = data.get("metadata", {})
    expect(metadata, dict, "metadata", "an object")
    core = metadata.get("core", {})
    expect(core, dict, "metadata.core", "an object")
    core = dict(core)
    for key in ("analyst_name", "analyst_email", "created", "edited", "id"):  # the 0.1 dialect: at the top
        if key in data and key not in core:
            core[key] = data[key]
    top_ns = metadata.get(ARGMAP)
    if top_ns is not None:
        expect(top_ns, dict, f"metadata.{ARGMAP}", "an object")
    losses = Losses(ImportLossWarning)
    messages = dict(_MESSAGES)

    # the document: the first text resource
    resources = expect(data.get("resources", []), list, "resources", "a list")
    doc_text, resource_id, resource = "", None, None
    for i, res in enumerate(resources):
        expect(res, dict, f"resources[{i}]", "an object")
        content = res.get("content")
        if resource is None and res.get("type", "text") == "text" and isinstance(content, str):
            resource, doc_text = res, content
            resource_id = res.get("id") if isinstance(res.get("id"), str) else None
        else:
            losses.add("sadface.resources", res.get("id") if isinstance(res.get("id"), str) else f"resources[{i}]")

    nodes = _read_nodes(nodes_list, losses, messages)
    _wire(edges_list, nodes, losses)
    _check_relations(nodes, losses)
    kept = [n for n in nodes.values() if n.role]

    # ids: argmap's own first, then the others made from the SADFace ids
    taken: set[str] = set()
    for node in kept:
        if node.ns is not None and "id" in node.ns:
            own = node.ns["id"]
            if not is_valid_id(own):
                raise FormatError(f"invalid id {own!r}", where=f"{node.where}.metadata.{ARGMAP}.id")
            if own in taken:
                raise FormatError(f"duplicate id {own!r}", where=f"{node.where}.metadata.{ARGMAP}.id")
            node.id = own
            taken.add(own)
    for node in kept:
        if not node.id:
            node.id = _unique(node_id(node.sid), taken)
            taken.add(node.id)

    claim = core.get("claim")
    if claim is not None and (not isinstance(claim, str) or claim not in nodes or nodes[claim].role != "atom"):
        losses.add("sadface.claim.unknown", claim if isinstance(claim, str) else None)

    statements: list[Statement] = []
    explicit_kind: dict[str, bool] = {}
    for node in kept:
        if node.role != "atom":
            continue
        ns = node.ns
        where = f"{node.where}.metadata.{ARGMAP}"
        spans, unmatched = _spans(node, doc_text, resource_id, losses)
        if ns is None:
            extra: dict[str, Any] = {"id": node.sid}
            if unmatched:
                extra["sources"] = unmatched
            meta = _foreign(node.data.get("metadata"), extra)
            kind: Any = Kind.CLAIM
            tags: Any = ()
            provenance = None
            main = node.sid == claim
        else:
            meta = _argmap_metadata(ns, where)
            kind = ns.get("kind", Kind.CLAIM)
            tags = expect(ns.get("tags", []), list, f"{where}.tags", "a list of strings")
            provenance = _argmap_provenance(ns, where)
            main = node.sid == claim or ns.get("main") is True
        explicit_kind[node.id] = ns is not None and "kind" in ns
        try:
            statements.append(Statement(id=node.id, text=node.data["text"], kind=kind, main=main, spans=spans,
                                        provenance=provenance, tags=tags, metadata=meta))
        except ValidationError as exc:
            field = getattr(exc, "field", None)
            raise FormatError(exc.message, where=f"{where}.{field}" if field else node.where) from None

    relations: list[Relation] = []
    for node in kept:
        if node.role == "atom":
            continue
        ns = node.ns
        where = f"{node.where}.metadata.{ARGMAP}"
        name = node.data.get("name")
        sources = [nodes[s].id for s in node.sources]
        target = nodes[node.targets[0]].id
        if ns is None:
            extra = {"id": node.sid}
            if node.role == "attack" and name not in (None, _ATTACK_NAME):
                extra["name"] = name
            meta = _foreign(node.data.get("metadata"), extra)
            provenance = None
            scheme = name if node.type == "inference" and isinstance(name, str) and name != _SUPPORT_NAME else None
            example = False
        else:
            meta = _argmap_metadata(ns, where)
            provenance = _argmap_provenance(ns, where)
            if "scheme" in ns:
                scheme = ns["scheme"]
            else:
                scheme = name if isinstance(name, str) and name != _SUPPORT_NAME else None
            example = ns.get("example", False)
        try:
            if node.role == "support":
                relations.append(Support(id=node.id, premises=sources, conclusion=target, scheme=scheme,
                                         example=example, provenance=provenance, metadata=meta))
            else:
                relations.append(Attack(id=node.id, attackers=sources, target=target, provenance=provenance,
                                        metadata=meta))
        except ValidationError as exc:
            field = getattr(exc, "field", None)
            raise FormatError(exc.message, where=f"{where}.{field}" if field else node.where) from None

    if not all(explicit_kind.values()):
        derived = derive_kinds(statements, relations)
        statements = [st if explicit_kind[st.id] else _with_kind(st, derived[st.id]) for st in statements]

    # the document and the map's metadata
    title = core.get("title")
    if title is not None:
        expect(title, str, "metadata.core.title", "a string")
    title = title or None
    if top_ns is None:
        doc_meta: dict[str, Any] = {}
        if resource is not None:
            doc_meta = _foreign(resource.get("metadata"), {"id": resource_id} if resource_id is not None else {})
        kept_meta = {k: v for k, v in metadata.items() if k not in ("core", ARGMAP)}
        kept_core = {k: v for k, v in core.items() if k not in ("title", "claim")}
        if kept_core:
            kept_meta = {"core": kept_core, **kept_meta}
        map_meta = {"sadface": kept_meta} if kept_meta else {}
        author = source = None
    else:
        doc_ns = top_ns.get("document", {})
        expect(doc_ns, dict, f"metadata.{ARGMAP}.document", "an object")
        if "title" in doc_ns:
            title = doc_ns["title"]
        author, source = doc_ns.get("author"), doc_ns.get("source")
        doc_meta = _argmap_metadata(doc_ns, f"metadata.{ARGMAP}.document")
        map_meta = _argmap_metadata(top_ns, f"metadata.{ARGMAP}")
    try:
        document = Document(text=doc_text, title=title, author=author, source=source, metadata=doc_meta)
    except ValidationError as exc:
        field = getattr(exc, "field", None)
        where = f"metadata.{ARGMAP}.document.{field}" if field else "metadata"
        raise FormatError(exc.message, where=where) from None
    try:
        amap = ArgumentMap(statements=statements, relations=relations, document=document, metadata=map_meta)
    except ValidationError as exc:
        raise FormatError(exc.message, where=exc.where) from None
    losses.report(messages, stacklevel=3)
    return amap


def _with_kind(st: Statement, kind: Kind) -> Statement:
    if st.kind is kind:
        return st
    return Statement(id=st.id, text=st.text, kind=kind, main=st.main, spans=st.spans, provenance=st.provenance,
                     tags=st.tags, metadata=st.metadata)

