"""Reading AIF-JSON (AIFdb's dialect, or inside xAIF's ``{"AIF": ...}`` wrapper) into an argument map.

The steps of :func:`read`: check and index the nodes and edges; resolve each RA and CA node to
its premises (attackers) and its one target, or count it as unrepresentable; give every node an
argmap id; derive the main claim and the kinds where the file carries no ``argmap`` extension
object; find the document and the spans; build the ``argmap/1`` records and let
:func:`argmap.formats.json.map_from_dict` validate them. What the model cannot hold is counted in a
:class:`~argmap.losses.Losses` by code, never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...errors import FormatError, ImportLossWarning
from ...losses import Losses
from ...model import ArgumentMap
from ..json import FORMAT, json_type, map_from_dict
from ._ids import IdMaker, node_key
from ._text import Highlights, SpanFinder, covers, de_html

__all__ = ["LOSS_MESSAGES", "loss_messages", "read"]

LOSS_MESSAGES: dict[str, str] = {
    "aif.node.L": "locutions (L-nodes) not imported: argmap has no dialogue layer",
    "aif.node.YA": "illocutionary connections (YA-nodes) not imported: argmap has no dialogue layer",
    "aif.node.TA": "transitions (TA-nodes) not imported: argmap has no dialogue layer",
    "aif.node.MA": "rephrases (MA-nodes) not imported: argmap has no rephrase relation",
    "aif.node.PA": "preferences (PA-nodes) not imported: argmap has no preference relation",
    "aif.node.I.empty": "I-nodes without text not imported (a statement needs text)",
    "aif.locutions": "locutions[] (speakers, times, sources) not imported: argmap has no dialogue layer",
    "aif.participants": "participants[] not imported: argmap has no dialogue layer",
    "aif.descriptors": "descriptorfulfillments[] not imported",
    "aif.layout": "OVA's layout (node positions, visibility) not imported",
    "aif.relation.unrepresentable": (
        "RA/CA nodes argmap cannot hold not imported (no I-node premise, not exactly one target, an L-node "
        "or an RA as premise or target, a relation from a node to itself, or an attack on one of these)"
    ),
    "aif.edge.dangling": "edges with an end that is no node not imported",
    "aif.edge.self": "edges from a node to itself not imported",
    "aif.edge.duplicate": "edges repeating an earlier edge not imported",
    "aif.edge.direct": "edges from an I-node straight to an I-node (no RA or CA between) not imported",
    "aif.document.missing": (
        "no document text (AIF-JSON has none: give AIFdb's sidecar, -I text=nodesetN.txt), so no spans"
    ),
    "aif.span.not_found": "statement texts not found in the document: no span",
    "aif.field.unknown": "top-level fields argmap does not know not imported",
}

DERIVED = "derived"
"""The key of ``metadata["aif"]`` of an imported map that lists what was derived (``kind``, ``main``)."""

_TYPE_CODE = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_DIALOGUE_ANCHORS = frozenset({"YA", "TA"})  # point at RA/CA nodes without being premises or targets
_SCHEME_TYPES = frozenset({"RA", "CA"})
_AIF_KEYS = frozenset({"nodes", "edges", "locutions", "participants", "schemefulfillments",
                       "descriptorfulfillments", "cqdescriptorfulfillments", "argmap"})
_WRAPPER_KEYS = frozenset({"AIF", "text", "OVA", "ova", "dialog", "argmap"})
_RA_DEFAULTS = frozenset({"", "RA", "Default Inference", "Default"})
_CA_DEFAULTS = frozenset({"", "CA", "Default Conflict", "Default"})
_RECORD_PLACE = re.compile(r"(statements|relations)\[(\d+)\](.*)", re.DOTALL)


def loss_messages(losses: Losses) -> dict[str, str]:
    """What each code of *losses* means (codes of unknown node types included)."""
    out = dict(LOSS_MESSAGES)
    for code in losses.counts:
        if code.startswith("aif.node.") and code not in out:
            out[code] = f"nodes of type {code[len('aif.node.'):]!r} not imported: argmap does not know it"
    return out


class _Node:
    __slots__ = ("index", "nid", "raw", "text", "type")

    def __init__(self, index: int, nid: str, type_: str, text: str | None, raw: dict[str, Any]) -> None:
        self.index, self.nid, self.type, self.text, self.raw = index, nid, type_, text, raw


def _list(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FormatError(f"expected a list, got {json_type(value)}", where=where + key)
    return value


def _unwrap(data: Any) -> tuple[dict[str, Any], dict[str, Any] | None, str]:
    """The AIF object, the xAIF wrapper around it (or None) and the prefix of error places."""
    if not isinstance(data, dict):
        raise FormatError(f"expected a JSON object (AIF: nodes and edges), got {json_type(data)}")
    if "AIF" in data:
        aif = data["AIF"]
        if not isinstance(aif, dict):
            raise FormatError(f"expected an object, got {json_type(aif)}", where="AIF")
        return aif, data, "AIF."
    if "nodes" not in data and "edges" not in data:
        hint = " (this is argmap JSON: read it with the json importer)" if "statements" in data else ""
        raise FormatError("not AIF: no 'nodes' and 'edges' (nor an xAIF 'AIF' object)" + hint)
    return data, None, ""


def _read_nodes(aif: dict[str, Any], prefix: str) -> tuple[dict[str, _Node], list[_Node]]:
    nodes: dict[str, _Node] = {}
    order: list[_Node] = []
    for i, raw in enumerate(_list(aif, "nodes", prefix)):
        where = f"{prefix}nodes[{i}]"
        if not isinstance(raw, dict):
            raise FormatError(f"expected an object, got {json_type(raw)}", where=where)
        nid = node_key(raw.get("nodeID"))
        if nid is None:
            problem = "missing field 'nodeID'" if "nodeID" not in raw else \
                f"expected a string or a whole number, got {json_type(raw['nodeID'])}"
            raise FormatError(problem, where=f"{where}.nodeID" if "nodeID" in raw else where)
        ntype = raw.get("type")
        if not isinstance(ntype, str):
            raise FormatError("missing field 'type'" if ntype is None else
                              f"expected a string, got {json_type(ntype)}", where=f"{where}.type")
        text = raw.get("text")
        if text is not None and not isinstance(text, str):
            raise FormatError(f"expected a string, got {json_type(text)}", where=f"{where}.text")
        if nid in nodes:
            raise FormatError(f"duplicate nodeID {nid!r} (also nodes[{nodes[nid].index}])", where=f"{where}.nodeID")
        node = _Node(i, nid, ntype, text, raw)
        nodes[nid] = node
        order.append(node)
    return nodes, order


def _read_edges(aif: dict[str, Any], prefix: str, nodes: Mapping[str, _Node], losses: Losses
                ) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    preds: dict[str, list[str]] = {}
    succs: dict[str, list[str]] = {}
    seen: set[tuple[str, str]] = set()
    for j, raw in enumerate(_list(aif, "edges", prefix)):
        where = f"{prefix}edges[{j}]"
        if not isinstance(raw, dict):
            raise FormatError(f"expected an object, got {json_type(raw)}", where=where)
        ends = []
        for key in ("fromID", "toID"):
            end = node_key(raw.get(key))
            if end is None:
                raise FormatError(f"missing field {key!r}" if key not in raw else
                                  f"expected a string or a whole number, got {json_type(raw[key])}",
                                  where=f"{where}.{key}" if key in raw else where)
            ends.append(end)
        src, dst = ends
        name = node_key(raw.get("edgeID")) or f"{src}->{dst}"
        if src not in nodes or dst not in nodes:
            losses.add("aif.edge.dangling", name)
        elif src == dst:
            losses.add("aif.edge.self", name)
        elif (src, dst) in seen:
            losses.add("aif.edge.duplicate", name)
        elif nodes[src].type == "I" and nodes[dst].type == "I":
            losses.add("aif.edge.direct", name)
        else:
            seen.add((src, dst))
            succs.setdefault(src, []).append(dst)
            preds.setdefault(dst, []).append(src)
    return preds, succs


def _resolve(node: _Node, nodes: Mapping[str, _Node], kept: set[str], preds: Mapping[str, list[str]],
             succs: Mapping[str, list[str]]) -> tuple[list[str], str] | None:
    """The premises (attackers) and the target of an RA or CA node, or None if the model cannot hold it."""
    premises: list[str] = []
    for p in preds.get(node.nid, ()):
        ptype = nodes[p].type
        if ptype == "I":
            if p not in kept:
                return None
            premises.append(p)
        elif ptype == "L":
            return None
        # Other sources are not premises: CA nodes attack this one, YA/TA anchor it in the dialogue,
        # MA/PA and unknown types are reported as nodes of their own.
    targets = [t for t in succs.get(node.nid, ()) if nodes[t].type not in _DIALOGUE_ANCHORS]
    if not premises or len(targets) != 1:
        return None
    target = targets[0]
    ttype = nodes[target].type
    ok = (ttype == "I" and target in kept) or (node.type == "CA" and ttype in _SCHEME_TYPES)
    return (premises, target) if ok and target not in premises else None


def _resolve_all(schemes: list[_Node], nodes: Mapping[str, _Node], kept: set[str],
                 preds: Mapping[str, list[str]], succs: Mapping[str, list[str]]) -> dict[str, tuple[list[str], str]]:
    found = {n.nid: _resolve(n, nodes, kept, preds, succs) for n in schemes}
    changed = True
    while changed:  # an attack on a relation that is not held is not held either
        changed = False
        for nid, found_one in found.items():
            if found_one is not None and nodes[found_one[1]].type in _SCHEME_TYPES and found.get(found_one[1]) is None:
                found[nid] = None
                changed = True
    return {nid: r for nid, r in found.items() if r is not None}


def _extension(node: _Node, prefix: str) -> dict[str, Any] | None:
    ext = node.raw.get("argmap")
    if ext is None:
        return None
    if not isinstance(ext, dict):
        raise FormatError(f"expected an object, got {json_type(ext)}", where=f"{prefix}nodes[{node.index}].argmap")
    if "id" in ext and not isinstance(ext["id"], str):
        raise FormatError(f"expected an id (a string), got {json_type(ext['id'])}",
                          where=f"{prefix}nodes[{node.index}].argmap.id")
    return ext


def _aif_metadata(node: _Node, fulfilled: Mapping[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in node.raw.items() if k not in ("text", "type", "argmap")}
    if node.nid in fulfilled and "schemeID" not in meta:
        meta["schemeID"] = fulfilled[node.nid]
    return meta


def _scheme_of(node: _Node) -> str | None:
    text = (node.text or "").strip()
    if text not in _RA_DEFAULTS:
        return text
    scheme = node.raw.get("scheme")
    return scheme.strip() if isinstance(scheme, str) and scheme.strip() else None


def _derive(statements: list[dict[str, Any]], relations: list[dict[str, Any]], derive_main: bool) -> list[str] | None:
    """Fill in ``main`` (when *derive_main*) and ``kind`` where a record has none; return the candidates
    for the main claim when there is not exactly one (else None)."""
    sources = {s for r in relations for s in r["from"]}
    targets = {r["to"] for r in relations}
    if derive_main:
        candidates = [s["id"] for s in statements if s["id"] in targets and s["id"] not in sources]
        for s in statements:
            s["main"] = len(candidates) == 1 and s["id"] == candidates[0]
        ambiguous = candidates if statements and len(candidates) != 1 else None
        roots = candidates
    else:
        roots = [s["id"] for s in statements if s.get("main")]
        ambiguous = None
    incoming: dict[str, list[dict[str, Any]]] = {}
    for r in relations:
        incoming.setdefault(r["to"], []).append(r)
    side: dict[str, bool] = {root: True for root in roots}  # True: the main claim's side
    queue = list(roots)
    while queue:
        here = queue.pop(0)
        for r in incoming.get(here, ()):
            if r["id"] in side:
                continue
            rside = side[here] if r["type"] == "support" else not side[here]
            side[r["id"]] = rside
            queue.append(r["id"])
            for s in r["from"]:
                if s not in side:
                    side[s] = rside
                    queue.append(s)
    attackers = {s for r in relations if r["type"] == "attack" for s in r["from"]}
    supporters = {s for r in relations if r["type"] == "support" for s in r["from"]}
    root_set = set(roots)
    for s in statements:
        if "kind" in s:
            continue
        sid = s["id"]
        pro = side.get(sid)
        if sid in root_set:
            s["kind"] = "claim"
        elif pro is False or (pro is None and sid in attackers):
            s["kind"] = "objection"
        elif sid in attackers:
            s["kind"] = "rebuttal"
        elif sid in supporters:
            s["kind"] = "premise"
        else:
            s["kind"] = "claim"
    return ambiguous


def _highlighted(highlights: Highlights, nodes: Mapping[str, _Node], succs: Mapping[str, list[str]]
                 ) -> dict[str, list[tuple[int, int]]]:
    """I-node -> the OVA highlights of its locutions (``<span id="node<L>">``, L -YA-> I)."""
    out: dict[str, list[tuple[int, int]]] = {}
    for span_id, start, end in highlights:
        nid = span_id if span_id in nodes else span_id[4:] if span_id.startswith("node") else None
        node = nodes.get(nid) if nid is not None else None
        if node is None:
            continue
        if node.type == "I":
            out.setdefault(node.nid, []).append((start, end))
        elif node.type == "L":
            for ya in succs.get(node.nid, ()):
                if nodes[ya].type == "YA":
                    for i in succs.get(ya, ()):
                        if nodes[i].type == "I":
                            out.setdefault(i, []).append((start, end))
    return out


def _document(document: str | None, ext_top: dict[str, Any] | None, wrapper: dict[str, Any] | None,
              ) -> tuple[dict[str, Any], Highlights, bool]:
    """The document record, OVA's highlights in its text, and whether the file or the caller gave a document
    (argmap's extension object counts, even with an empty text: the map had none)."""
    record: dict[str, Any] = {}
    known = False
    if ext_top is not None and isinstance(ext_top.get("document"), dict):
        record = dict(ext_top["document"])
        known = True
    highlights: Highlights = []
    if document is not None:
        record["text"] = document
    elif not isinstance(record.get("text"), str) and wrapper is not None:
        raw = wrapper.get("text")
        if isinstance(raw, dict):
            raw = raw.get("txt")
        if isinstance(raw, str) and raw.strip():
            record["text"], highlights = de_html(raw)
    known = known or (isinstance(record.get("text"), str) and bool(record["text"].strip()))
    record.setdefault("text", "")
    return record, highlights, known


def _place(where: str | None, prefix: str, st_nodes: list[_Node], rel_nodes: list[_Node]) -> str | None:
    """An error place in the built records, as a place in the AIF file."""
    if where is None:
        return None
    match = _RECORD_PLACE.fullmatch(where)
    if match:
        node = (st_nodes if match.group(1) == "statements" else rel_nodes)[int(match.group(2))]
        return f"{prefix}nodes[{node.index}].argmap{match.group(3)}"
    return f"{prefix}argmap.{where}"


def read(data: Any, *, document: str | None = None) -> tuple[ArgumentMap, Losses, dict[str, str]]:
    """Read parsed AIF-JSON (or xAIF) into a map; return it, the losses and what each loss code means.

    *document*, where given, is the document text (AIFdb's sidecar ``.txt``).
    """
    losses = Losses(ImportLossWarning)
    aif, wrapper, prefix = _unwrap(data)
    nodes, order = _read_nodes(aif, prefix)
    preds, succs = _read_edges(aif, prefix, nodes, losses)
    ext_top = aif.get("argmap", wrapper.get("argmap") if wrapper else None)
    if ext_top is not None and not isinstance(ext_top, dict):
        raise FormatError(f"expected an object, got {json_type(ext_top)}", where=f"{prefix}argmap")

    i_nodes: list[_Node] = []
    schemes: list[_Node] = []
    for node in order:
        if node.type == "I":
            if node.text is None or not node.text.strip():
                losses.add("aif.node.I.empty", node.nid)
            else:
                i_nodes.append(node)
        elif node.type in _SCHEME_TYPES:
            schemes.append(node)
        else:
            losses.add(f"aif.node.{node.type}" if _TYPE_CODE.fullmatch(node.type) else "aif.node.other", node.nid)
    kept = {n.nid for n in i_nodes}
    resolved = _resolve_all(schemes, nodes, kept, preds, succs)
    for node in schemes:
        if node.nid not in resolved:
            losses.add("aif.relation.unrepresentable", node.nid)
    rel_nodes = [n for n in schemes if n.nid in resolved]

    exts = {n.nid: _extension(n, prefix) for n in (*i_nodes, *rel_nodes)}
    make_id = IdMaker({e["id"] for e in exts.values() if e is not None and isinstance(e.get("id"), str)})
    ids = {n.nid: e["id"] if e is not None and "id" in e else make_id(n.nid, n.type)
           for n in (*i_nodes, *rel_nodes) for e in (exts[n.nid],)}
    fulfilled: dict[str, Any] = {}
    for item in _list(aif, "schemefulfillments", prefix):
        key = node_key(item.get("nodeID")) if isinstance(item, dict) else None
        if key is not None:
            fulfilled[key] = item.get("schemeID")

    statements: list[dict[str, Any]] = []
    for node in i_nodes:
        ext = exts[node.nid]
        record: dict[str, Any] = {"id": ids[node.nid], "text": node.text}
        if ext is None:
            record["metadata"] = {"aif": _aif_metadata(node, fulfilled)}
        else:
            record.update((k, v) for k, v in ext.items() if k not in ("id", "text"))
        statements.append(record)
    relations: list[dict[str, Any]] = []
    for node in rel_nodes:
        premises, target = resolved[node.nid]
        support = node.type == "RA"
        record = {"id": ids[node.nid], "type": "support" if support else "attack",
                  "from": [ids[p] for p in premises], "to": ids[target]}
        ext = exts[node.nid]
        if ext is not None:
            record.update((k, v) for k, v in ext.items() if k not in ("id", "type", "from", "to"))
        else:
            meta = _aif_metadata(node, fulfilled)
            if support:
                scheme = _scheme_of(node)
                if scheme is not None:
                    record["scheme"] = scheme
                    if scheme.lower() == "example":
                        record["example"] = True
            elif (node.text or "").strip() not in _CA_DEFAULTS:
                meta["text"] = node.text
            record["metadata"] = {"aif": meta}
        relations.append(record)

    derive_main = all(exts[n.nid] is None for n in i_nodes)
    ambiguous = _derive(statements, relations, derive_main)
    if ambiguous is not None:
        losses.add("aif.main.ambiguous", None)
        losses.found["aif.main.ambiguous"] = ambiguous[:50]

    doc_record, highlights, known = _document(document, ext_top, wrapper)
    text = doc_record["text"]
    if statements and not known:
        losses.add("aif.document.missing", None)
    elif isinstance(text, str) and text.strip():
        marks = _highlighted(highlights, nodes, succs)
        finder = SpanFinder(text)
        for node, record in zip(i_nodes, statements):
            spans = record.get("spans")
            if spans is not None:
                try:
                    if not spans or covers(text, [(s, e) for s, e in spans], record["text"]):
                        continue
                except (TypeError, ValueError):
                    continue  # malformed: map_from_dict names it
            found = next((span for s, e in marks.get(node.nid, ())
                          if (span := finder.highlight(s, e, record["text"])) is not None), None)
            if found is None:
                found = finder.find(record["text"])
            if found is None:
                record["spans"] = []
                losses.add("aif.span.not_found", record["id"])
            else:
                record["spans"] = [list(found)]

    for key, value in aif.items():
        if key not in _AIF_KEYS and value not in (None, [], {}, ""):
            losses.add("aif.field.unknown", prefix + key)
    for key, value in (wrapper or {}).items():
        if key not in _WRAPPER_KEYS and value not in (None, [], {}, ""):
            losses.add("aif.field.unknown", key)
    for key, code in (("locutions", "aif.locutions"), ("participants", "aif.participants"),
                      ("descriptorfulfillments", "aif.descriptors")):
        if items := _list(aif, key, prefix):
            losses.add(code, None, count=len(items))
    ova = (wrapper or {}).get("OVA", (wrapper or {}).get("ova"))
    if isinstance(ova, dict) and isinstance(ova.get("nodes"), list) and ova["nodes"]:
        losses.add("aif.layout", None, count=len(ova["nodes"]))

    top: dict[str, Any] = {"format": FORMAT, "document": doc_record, "statements": statements,
                           "relations": relations}
    if ext_top is not None:
        if "metadata" in ext_top:
            top["metadata"] = ext_top["metadata"]
    else:
        top["metadata"] = {"aif": {DERIVED: ["kind", "main"]}}
    try:
        amap = map_from_dict(top)
    except FormatError as exc:
        raise FormatError(exc.message, where=_place(exc.where, prefix, i_nodes, rel_nodes)) from None
    messages = loss_messages(losses)
    if ambiguous is not None:
        messages["aif.main.ambiguous"] = (
            f"no single main claim ({len(ambiguous)} I-nodes are a target and never a source): none marked main")
    return amap, losses, messages
