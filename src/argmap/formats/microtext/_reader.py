"""One ``<arggraph>`` to a :class:`MicrotextGraph`: the steps of the other modules, in order, and the map."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ...errors import FormatError, ValidationError
from ...model import ArgumentMap, Document, is_valid_id
from ._elements import Elements, parse_xml, read_elements, sort_edges
from ._relations import build_relations, build_statements, central_claims, link_edges, outgoing_edges
from ._segmentation import ground_adus, locate_edus

__all__ = ["MicrotextGraph", "read_graph"]


@attrs.frozen
class MicrotextGraph:
    """One parsed ``<arggraph>``: the map and the gold segmentation behind it.

    ``edus`` are ``(xml id, (start, end))`` in text order; ``adu_spans`` map
    each statement id to its spans (one per EDU) in text order.
    """

    id: str | None
    map: ArgumentMap
    edus: tuple[tuple[str, tuple[int, int]], ...]
    adu_spans: Mapping[str, tuple[tuple[int, int], ...]]


def read_graph(xml_text: str, *, text: str | None = None, source: str | None = None) -> MicrotextGraph:
    """Parse one microtext ``<arggraph>`` into a :class:`MicrotextGraph`.

    *text*, when given, is the text the graph annotates (the corpus ``.txt``);
    it becomes the document and every EDU is located in it. *source* (a path
    or URL) goes into the document. Raises :class:`~argmap.errors.FormatError`
    for malformed XML, unknown node or edge types, dangling or duplicate ids,
    and graphs the scheme does not allow (an ``add`` or ``und`` pointing at an
    ADU, a ``sup`` pointing at an edge, a cycle of ``add`` edges, ...).
    """
    root = parse_xml(xml_text)
    graph_id = root.get("id")
    elements = read_elements(root)
    seg_parents, argumentative, edge_by_id = sort_edges(elements)

    text_doc, edu_span_list = locate_edus(elements.edu_texts, text)
    edu_span = {xml_id: span for (xml_id, _), span in zip(elements.edu_texts, edu_span_list)}
    adu_edus, unused = ground_adus(elements, seg_parents)

    taken: set[str] = set()
    adu_ids = unique_ids([a for a, _ in elements.adus], taken)
    relation_edges = [e for e in argumentative if e.type != "add"]
    rel_ids = unique_ids([e.id for e in relation_edges], taken)
    co_sources, undercut_target = link_edges(argumentative, relation_edges, edge_by_id)
    outgoing = outgoing_edges(argumentative)
    roots = central_claims(elements.adus, outgoing)

    statements = build_statements(
        elements.adus, adu_edus, edu_span, text_doc, roots, outgoing, adu_ids, edge_by_id
    )
    relations = build_relations(relation_edges, co_sources, undercut_target, adu_ids, rel_ids, edge_by_id)
    map_info = map_metadata(root, elements, edu_span, seg_parents, unused)
    try:
        amap = ArgumentMap(
            statements=statements,
            relations=relations,
            document=Document(text=text_doc, title=graph_id, source=source),
            metadata={"microtext": map_info},
        )
    except ValidationError as exc:
        raise FormatError(
            f"the graph is not a valid argument map: {exc}", where=f"arggraph {graph_id!r}"
        ) from None
    return MicrotextGraph(
        id=graph_id,
        map=amap,
        edus=tuple((xml_id, edu_span[xml_id]) for xml_id, _ in elements.edu_texts),
        adu_spans={adu_ids[a]: tuple(edu_span[e] for e in adu_edus[a]) for a, _ in elements.adus},
    )


def unique_ids(xml_ids: Sequence[str], taken: set[str]) -> dict[str, str]:
    """Map each XML id to a valid argmap id: itself when valid, else a cleaned one."""
    out: dict[str, str] = {}
    for xml_id in xml_ids:
        if is_valid_id(xml_id) and xml_id not in taken:
            out[xml_id] = xml_id
            taken.add(xml_id)
    for xml_id in xml_ids:
        if xml_id in out:
            continue
        base = re.sub(r"[^A-Za-z0-9_]", "_", xml_id)[:56] or "x"
        if not re.match(r"[A-Za-z_]", base) or not is_valid_id(base):
            base = "x_" + base
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}_{n}"
        out[xml_id] = candidate
        taken.add(candidate)
    return out


def map_metadata(
    root: ET.Element,
    elements: Elements,
    edu_span: Mapping[str, tuple[int, int]],
    seg_parents: Mapping[str, list[str]],
    unused: list[str],
) -> dict[str, Any]:
    """What the map keeps of the graph: EDU spans, graph attributes, joints, EDUs outside every ADU."""
    graph_id = root.get("id")
    map_info: dict[str, Any] = {
        "edus": [{"id": xml_id, "span": list(edu_span[xml_id])} for xml_id, _ in elements.edu_texts],
    }
    if graph_id is not None:
        map_info["id"] = graph_id
    for attr in ("topic_id", "stance"):
        if root.get(attr) is not None:
            map_info[attr] = root.get(attr)
    if elements.joints:
        map_info["joints"] = {j: list(seg_parents.get(j, [])) for j in elements.joints}
    if unused:
        map_info["unused_edus"] = unused
    return map_info
