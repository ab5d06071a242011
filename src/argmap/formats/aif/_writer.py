"""Writing an argument map as AIF-JSON (AIFdb's dialect), with or without argmap's extension object.

AIF carries statements (I-nodes), supports (RA-nodes) and attacks (CA-nodes), and the edges
between them; nothing else of an argmap map has a place in it. With the extension (the
default) each node carries its item's ``argmap/1`` record (without what the node already says)
and the top level the document and the map's metadata, so that reading the file back gives the
map exactly. Without it, :func:`export_losses` reads the output back and warns, per kind, about
everything that would not come back.
"""

from __future__ import annotations

import json
from typing import Any

from ...errors import ExportWarning, FormatError
from ...losses import Losses
from ...model import ArgumentMap, Attack, Support
from ..json import FORMAT, map_to_dict
from ._reader import read

__all__ = ["EXPORT_MESSAGES", "TIMESTAMP", "export_losses", "format_aif", "to_dict"]

TIMESTAMP = "1970-01-01 00:00:00"
"""The ``timestamp`` of every node argmap writes: a fixed one, so that the output is byte-stable."""

EXPORT_MESSAGES: dict[str, str] = {
    "aif.export.ids": "argmap ids are not carried (nodeIDs are a counter; reading back gives i<n>, ra<n>, ca<n>)",
    "aif.export.kind": "statement kinds are not carried (reading back derives them from the structure)",
    "aif.export.main": (
        "the main-claim flag is not carried (reading back derives it: the one I-node that is a target "
        "and never a source)"
    ),
    "aif.export.spans": "spans are not carried (AIF-JSON has no document)",
    "aif.export.tags": "tags are not carried",
    "aif.export.provenance": "provenance is not carried",
    "aif.export.metadata": (
        "metadata is not carried (reading back keeps AIF's nodeID and timestamp in metadata.aif instead)"
    ),
    "aif.export.scheme": (
        "scheme and example flag change (the RA text is the scheme, or 'Example', or 'Default Inference'; "
        "'Example' reads back as scheme 'Example' with example=True)"
    ),
    "aif.export.document": "the document (text, title, author, source, metadata) is not carried",
    "aif.export.structure": "relations that do not read back the same",
}

_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode


def _ra_text(support: Support) -> str:
    if support.scheme:
        return support.scheme
    return "Example" if support.example else "Default Inference"


def _ca_text(attack: Attack) -> str:
    aif = attack.metadata.get("aif")
    text = aif.get("text") if isinstance(aif, dict) else None
    return text if isinstance(text, str) and text.strip() else "Default Conflict"


def to_dict(amap: ArgumentMap, *, extension: bool = True) -> dict[str, Any]:
    """The map as AIF-JSON data: ``nodes``, ``edges``, ``locutions`` (always, empty) and, with
    *extension*, argmap's own fields in an ``argmap`` object on each node and at the top level."""
    records = map_to_dict(amap) if extension else None
    node_ids: dict[str, str] = {}
    for n, item in enumerate((*amap.statements, *amap.relations), 1):
        node_ids[item.id] = str(n)
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for k, statement in enumerate(amap.statements):
        node: dict[str, Any] = {"nodeID": node_ids[statement.id], "text": statement.text, "type": "I",
                                "timestamp": TIMESTAMP}
        if records is not None:
            node["argmap"] = {key: v for key, v in records["statements"][k].items() if key != "text"}
        nodes.append(node)
    for k, relation in enumerate(amap.relations):
        nid = node_ids[relation.id]
        if isinstance(relation, Support):
            node = {"nodeID": nid, "text": _ra_text(relation), "type": "RA", "timestamp": TIMESTAMP}
        else:
            node = {"nodeID": nid, "text": _ca_text(relation), "type": "CA", "timestamp": TIMESTAMP}
        if records is not None:
            node["argmap"] = {key: v for key, v in records["relations"][k].items()
                              if key not in ("type", "from", "to")}
        nodes.append(node)
        for source in relation.sources:
            edges.append({"edgeID": str(len(edges) + 1), "fromID": node_ids[source], "toID": nid,
                          "formEdgeID": None})
        edges.append({"edgeID": str(len(edges) + 1), "fromID": nid, "toID": node_ids[relation.target],
                      "formEdgeID": None})
    out: dict[str, Any] = {"nodes": nodes, "edges": edges, "locutions": []}
    if records is not None:
        top: dict[str, Any] = {"format": FORMAT, "document": records["document"]}
        if "metadata" in records:
            top["metadata"] = records["metadata"]
        out["argmap"] = top
    return out


def format_aif(data: dict[str, Any]) -> str:
    """AIF data as JSON text: one node or edge per line, UTF-8 characters as they are."""
    try:
        parts = ["{\n"]
        for i, key in enumerate(data):
            value = data[key]
            parts.append(",\n" if i else "")
            if isinstance(value, list) and value:
                parts += [f'  "{key}": [\n    ', ",\n    ".join(_encode(item) for item in value), "\n  ]"]
            else:
                parts += [f'  "{key}": ', _encode(value)]
        parts.append("\n}\n")
    except (TypeError, ValueError) as exc:
        raise FormatError(f"metadata cannot be written as JSON: {exc}") from None
    return "".join(parts)


def export_losses(amap: ArgumentMap, data: dict[str, Any]) -> Losses:
    """What reading *data* (written without the extension) back would not give back, by kind.

    The output is read back with argmap's own AIF reader and compared with *amap* field by field,
    so the warnings name exactly the items that change.
    """
    losses = Losses(ExportWarning)
    back, _, _ = read(data)
    if back.document != amap.document:
        losses.add("aif.export.document", "document")
    if back.metadata != amap.metadata:
        losses.add("aif.export.metadata", "(map)")
    renamed: dict[str, str] = {}
    for old, new in zip((*amap.statements, *amap.relations), (*back.statements, *back.relations)):
        renamed[old.id] = new.id
    for before, after in zip(amap.statements, back.statements):
        for field, code in (("id", "ids"), ("kind", "kind"), ("main", "main"), ("spans", "spans"),
                            ("tags", "tags"), ("provenance", "provenance"), ("metadata", "metadata")):
            if getattr(before, field) != getattr(after, field):
                losses.add(f"aif.export.{code}", before.id)
    for r_before, r_after in zip(amap.relations, back.relations):
        if type(r_before) is not type(r_after) or [renamed.get(s) for s in r_before.sources] != list(r_after.sources) \
                or renamed.get(r_before.target) != r_after.target:
            losses.add("aif.export.structure", r_before.id)
        if r_before.id != r_after.id:
            losses.add("aif.export.ids", r_before.id)
        if isinstance(r_before, Support) and isinstance(r_after, Support) and (
                r_before.scheme != r_after.scheme or r_before.example != r_after.example):
            losses.add("aif.export.scheme", r_before.id)
        if r_before.provenance != r_after.provenance:
            losses.add("aif.export.provenance", r_before.id)
        if r_before.metadata != r_after.metadata:
            losses.add("aif.export.metadata", r_before.id)
    missing = len(amap.statements) + len(amap.relations) - len(back.statements) - len(back.relations)
    if missing:
        losses.add("aif.export.structure", None, count=missing)
    return losses
