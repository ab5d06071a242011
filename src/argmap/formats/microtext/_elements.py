"""Reading an ``<arggraph>``: its elements, each checked on its own, and both ends of every edge.

Also the vocabulary the other modules of the package share: the edge types,
:class:`Edge` and :class:`MicrotextWarning`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping

import attrs

from ...errors import FormatError

__all__ = [
    "EDGE_TYPES",
    "Edge",
    "Elements",
    "MicrotextWarning",
    "article",
    "check_end",
    "parse_xml",
    "read_elements",
    "sort_edges",
]

EDGE_TYPES: frozenset[str] = frozenset({"seg", "sup", "exa", "add", "reb", "und"})
"""The edge types of the format (``arggraph.dtd``)."""

_ROLES = ("pro", "opp")


class MicrotextWarning(UserWarning):
    """Something of a microtext graph could not be carried by the model as it is."""


@attrs.define
class Edge:
    id: str
    src: str
    trg: str
    type: str
    index: int


@attrs.define
class Elements:
    """The children of one ``<arggraph>`` in document order, each checked on its own.

    ``kind_of`` maps every XML id to the tag that declared it.
    """

    edu_texts: list[tuple[str, str]] = attrs.Factory(list)
    joints: list[str] = attrs.Factory(list)
    adus: list[tuple[str, str]] = attrs.Factory(list)
    edges: list[Edge] = attrs.Factory(list)
    kind_of: dict[str, str] = attrs.Factory(dict)


def parse_xml(xml_text: str) -> ET.Element:
    if not isinstance(xml_text, str):
        raise FormatError(f"expected the XML as text, got {type(xml_text).__name__}", where="arggraph")
    try:
        root = ET.fromstring(xml_text)
    except ET.ParseError as exc:
        line, column = exc.position
        message = str(exc).split(":")[0]
        raise FormatError(f"malformed XML: {message}", where=f"line {line}, column {column + 1}") from None
    if root.tag != "arggraph":
        raise FormatError(f"expected an <arggraph> element, found <{root.tag}>", where=root.tag)
    return root


def read_elements(root: ET.Element) -> Elements:
    """Every ``<edu>``, ``<joint>``, ``<adu>`` and ``<edge>``, with unique ids and known types."""
    found = Elements()
    edu_texts, joints, adus, edges = found.edu_texts, found.joints, found.adus, found.edges
    kind_of = found.kind_of
    counts: dict[str, int] = {}

    def declare(xml_id: str, tag: str, where: str) -> None:
        if xml_id in kind_of:
            raise FormatError(f"duplicate id {xml_id!r} (already a {kind_of[xml_id]})", where=where)
        kind_of[xml_id] = tag

    for child in root:
        tag = child.tag
        index = counts.get(tag, 0)
        counts[tag] = index + 1
        xml_id = (child.get("id") or "").strip() or None
        where = where_element(tag, xml_id, index)
        if tag not in ("edu", "joint", "adu", "edge"):
            raise FormatError(f"unknown element <{tag}> (expected edu, joint, adu or edge)", where=where)
        xml_id = required(child, "id", where)
        declare(xml_id, tag, where)
        if tag == "edu":
            content = (child.text or "").strip()
            if len(child):
                raise FormatError("an <edu> holds text only, no elements", where=where)
            if not content:
                raise FormatError("empty EDU", where=where)
            edu_texts.append((xml_id, content))
        elif tag == "joint":
            joints.append(xml_id)
        elif tag == "adu":
            role = required(child, "type", where)
            if role not in _ROLES:
                raise FormatError(f"unknown ADU type {role!r} (expected pro or opp)", where=f"{where}.type")
            adus.append((xml_id, role))
        else:
            edge_type = required(child, "type", where)
            if edge_type not in EDGE_TYPES:
                raise FormatError(
                    f"unknown edge type {edge_type!r} (expected one of {', '.join(sorted(EDGE_TYPES))})",
                    where=f"{where}.type",
                )
            src = required(child, "src", where)
            trg = required(child, "trg", where)
            edges.append(Edge(xml_id, src, trg, edge_type, len(edges)))
    if not edu_texts:
        raise FormatError("no <edu> elements", where="arggraph")
    if not adus:
        raise FormatError("no <adu> elements", where="arggraph")
    return found


def where_element(tag: str, xml_id: str | None, index: int) -> str:
    return f"{tag} {xml_id!r}" if xml_id else f"{tag}[{index}]"


def required(element: ET.Element, attr: str, where: str) -> str:
    value = element.get(attr)
    if value is None or not value.strip():
        raise FormatError(f"missing attribute {attr!r}", where=where)
    return value.strip()


def check_end(kind_of: Mapping[str, str], edge: Edge, end: str, allowed: tuple[str, ...]) -> str:
    """The id at *end* (``"src"`` or ``"trg"``) of *edge*, which must name a node of an *allowed* kind."""
    value = edge.src if end == "src" else edge.trg
    found = kind_of.get(value)
    where = f"edge {edge.id!r}.{end}"
    if found is None:
        raise FormatError(f"unknown id {value!r}", where=where)
    if found not in allowed:
        raise FormatError(
            f"a {edge.type!r} edge's {end} must be {' or '.join(allowed)}, "
            f"{value!r} is {article(found)}",
            where=where,
        )
    return value


def sort_edges(elements: Elements) -> tuple[dict[str, list[str]], list[Edge], dict[str, Edge]]:
    """Check both ends of every edge; split the edges into segmentation and argumentative ones.

    Returns the parts of each ADU or joint (from the ``seg`` edges), the
    argumentative edges in document order and every edge by its id.
    """
    kind_of = elements.kind_of
    seg_parents: dict[str, list[str]] = {}  # ADU or joint -> its EDUs or joints
    argumentative: list[Edge] = []
    edge_by_id: dict[str, Edge] = {}
    for edge in elements.edges:
        edge_by_id[edge.id] = edge
        if edge.type == "seg":
            check_end(kind_of, edge, "src", ("edu", "joint"))
            check_end(kind_of, edge, "trg", ("adu", "joint"))
            seg_parents.setdefault(edge.trg, []).append(edge.src)
        else:
            check_end(kind_of, edge, "src", ("adu",))
            if edge.type in ("sup", "exa", "reb"):
                check_end(kind_of, edge, "trg", ("adu",))
            else:
                check_end(kind_of, edge, "trg", ("edge",))
            argumentative.append(edge)
    return seg_parents, argumentative, edge_by_id


def article(kind: str) -> str:
    """``'an adu'``, ``'a joint'``: the kind of node with its article, for messages."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
