"""The arg-microtexts XML format (``<arggraph>``) read into an argument map.

The format (Peldszus & Stede 2013; corpus: Peldszus & Stede 2015, "An
annotated corpus of argumentative microtexts") has three kinds of node and
one kind of edge:

- ``<edu id=... >TEXT</edu>``: a text segment, in text order;
- ``<joint id=...>``: two or more EDUs that only count together;
- ``<adu id=... type="pro|opp">``: an argumentative unit with its dialectical
  role (proponent or opponent);
- ``<edge id=... src=... trg=... type=...>`` with ``type`` one of ``seg``
  (EDU or joint grounds an ADU or joint), ``sup`` (support), ``exa`` (support
  by example), ``reb`` (rebutting attack on an ADU), ``und`` (undercutting
  attack on the edge ``trg`` names) and ``add`` (the source is an additional,
  linked premise of the edge ``trg`` names).

How it maps onto the model (docs/microtext.md has the full table):

- the document text is the EDUs joined by single spaces (the corpus ``.txt``
  files are exactly that) or, when the ``.txt`` is given, that text, with
  every EDU found in it in order;
- one :class:`~argmap.model.Statement` per ADU, with the ADU's id, its EDUs'
  text and spans, ``metadata["role"]`` ``"pro"`` or ``"opp"`` and
  ``metadata["edus"]`` the EDU ids. Kind: the central claim (the ADU with no
  outgoing argumentative edge) is a ``claim`` with ``main=True``; opponent
  ADUs are ``objection``; proponent ADUs whose edge attacks (``reb``, ``und``,
  or ``add`` to an attack) are ``rebuttal``; other proponent ADUs are
  ``premise``;
- ``sup``/``exa`` become a :class:`~argmap.model.Support` (``example=True``
  for ``exa``), ``reb`` an :class:`~argmap.model.Attack` on the ADU, ``und``
  an Attack whose target is the relation of the edge it points at (an
  undercut), each keeping the edge's id; an ``add`` edge puts its source into
  the relation of the edge it points at, after the original source, as a
  linked co-premise (co-attacker for an attack). ``metadata["microtext"]``
  of the relation records the edge type and the ids of the ``add`` edges.

What the model cannot carry as such is kept in metadata (EDU segmentation,
joints, topic, stance, original XML ids) or reported with a
:class:`MicrotextWarning`; nothing is dropped silently. Bad input raises
:class:`~argmap.errors.FormatError` whose ``where`` names the element, for
example ``edge 'c3'.trg: unknown id 'a9'``.
"""

from __future__ import annotations

import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from .._io import decode_text, read_input_bytes
from ..errors import FormatError, ValidationError
from ..model import ArgumentMap, Attack, Document, Kind, Statement, Support, is_valid_id

__all__ = [
    "EDGE_TYPES",
    "MicrotextGraph",
    "MicrotextWarning",
    "load",
    "load_path",
    "parse",
    "read_graph",
    "read_graph_path",
]

EDGE_TYPES: frozenset[str] = frozenset({"seg", "sup", "exa", "add", "reb", "und"})
"""The edge types of the format (``arggraph.dtd``)."""

_ROLES = ("pro", "opp")
_SUPPORT_TYPES = ("sup", "exa")
_ATTACK_TYPES = ("reb", "und")


class MicrotextWarning(UserWarning):
    """Something of a microtext graph could not be carried by the model as it is."""


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


@attrs.define
class _Edge:
    id: str
    src: str
    trg: str
    type: str
    index: int


def _where_element(tag: str, xml_id: str | None, index: int) -> str:
    return f"{tag} {xml_id!r}" if xml_id else f"{tag}[{index}]"


def _parse_xml(xml_text: str) -> ET.Element:
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


def _required(element: ET.Element, attr: str, where: str) -> str:
    value = element.get(attr)
    if value is None or not value.strip():
        raise FormatError(f"missing attribute {attr!r}", where=where)
    return value.strip()


def _locate_edus(edu_texts: Sequence[tuple[str, str]], text: str | None) -> tuple[str, list[tuple[int, int]]]:
    """The document text and each EDU's exact span in it.

    Without *text*, the document is the EDU texts joined by single spaces.
    With it, each EDU is found in order; whitespace inside an EDU may differ
    from the text (a line break for a space), nothing else may.
    """
    spans: list[tuple[int, int]] = []
    if text is None:
        parts: list[str] = []
        pos = 0
        for _, edu in edu_texts:
            if parts:
                parts.append(" ")
                pos += 1
            spans.append((pos, pos + len(edu)))
            parts.append(edu)
            pos += len(edu)
        return "".join(parts), spans
    pos = 0
    for xml_id, edu in edu_texts:
        start = text.find(edu, pos)
        if start >= 0 and not text[pos:start].strip():
            end = start + len(edu)
        else:
            pattern = r"\s+".join(re.escape(word) for word in edu.split())
            match = re.compile(pattern).search(text, pos)
            if match is None or text[pos : match.start()].strip():
                raise FormatError(
                    f"the EDU's text is not found in the given text after offset {pos}",
                    where=f"edu {xml_id!r}",
                )
            start, end = match.span()
        spans.append((start, end))
        pos = end
    if text[pos:].strip():
        warnings.warn(
            f"the text continues after the last EDU ({len(text) - pos} characters not in any EDU)",
            MicrotextWarning,
            stacklevel=3,
        )
    return text, spans


def _unique_ids(xml_ids: Sequence[str], taken: set[str]) -> dict[str, str]:
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


def read_graph(xml_text: str, *, text: str | None = None, source: str | None = None) -> MicrotextGraph:
    """Parse one microtext ``<arggraph>`` into a :class:`MicrotextGraph`.

    *text*, when given, is the text the graph annotates (the corpus ``.txt``);
    it becomes the document and every EDU is located in it. *source* (a path
    or URL) goes into the document. Raises :class:`~argmap.errors.FormatError`
    for malformed XML, unknown node or edge types, dangling or duplicate ids,
    and graphs the scheme does not allow (an ``add`` or ``und`` pointing at an
    ADU, a ``sup`` pointing at an edge, a cycle of ``add`` edges, ...).
    """
    root = _parse_xml(xml_text)
    graph_id = root.get("id")
    elements = _read_elements(root)
    seg_parents, argumentative, edge_by_id = _sort_edges(elements)

    text_doc, edu_span_list = _locate_edus(elements.edu_texts, text)
    edu_span = {xml_id: span for (xml_id, _), span in zip(elements.edu_texts, edu_span_list)}
    adu_edus, unused = _ground_adus(elements, seg_parents)

    taken: set[str] = set()
    adu_ids = _unique_ids([a for a, _ in elements.adus], taken)
    relation_edges = [e for e in argumentative if e.type != "add"]
    rel_ids = _unique_ids([e.id for e in relation_edges], taken)
    co_sources, undercut_target = _link_edges(argumentative, relation_edges, edge_by_id)
    outgoing = _outgoing_edges(argumentative)
    roots = _central_claims(elements.adus, outgoing)

    statements = _statements(
        elements.adus, adu_edus, edu_span, text_doc, roots, outgoing, adu_ids, edge_by_id
    )
    relations = _relations(relation_edges, co_sources, undercut_target, adu_ids, rel_ids, edge_by_id)
    map_info = _map_metadata(root, elements, edu_span, seg_parents, unused)
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


# -- the elements: each child of <arggraph> checked on its own ----------------------------


@attrs.define
class _Elements:
    """The children of one ``<arggraph>`` in document order, each checked on its own.

    ``kind_of`` maps every XML id to the tag that declared it.
    """

    edu_texts: list[tuple[str, str]] = attrs.Factory(list)
    joints: list[str] = attrs.Factory(list)
    adus: list[tuple[str, str]] = attrs.Factory(list)
    edges: list[_Edge] = attrs.Factory(list)
    kind_of: dict[str, str] = attrs.Factory(dict)


def _read_elements(root: ET.Element) -> _Elements:
    """Every ``<edu>``, ``<joint>``, ``<adu>`` and ``<edge>``, with unique ids and known types."""
    found = _Elements()
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
        where = _where_element(tag, xml_id, index)
        if tag not in ("edu", "joint", "adu", "edge"):
            raise FormatError(f"unknown element <{tag}> (expected edu, joint, adu or edge)", where=where)
        xml_id = _required(child, "id", where)
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
            role = _required(child, "type", where)
            if role not in _ROLES:
                raise FormatError(f"unknown ADU type {role!r} (expected pro or opp)", where=f"{where}.type")
            adus.append((xml_id, role))
        else:
            edge_type = _required(child, "type", where)
            if edge_type not in EDGE_TYPES:
                raise FormatError(
                    f"unknown edge type {edge_type!r} (expected one of {', '.join(sorted(EDGE_TYPES))})",
                    where=f"{where}.type",
                )
            src = _required(child, "src", where)
            trg = _required(child, "trg", where)
            edges.append(_Edge(xml_id, src, trg, edge_type, len(edges)))
    if not edu_texts:
        raise FormatError("no <edu> elements", where="arggraph")
    if not adus:
        raise FormatError("no <adu> elements", where="arggraph")
    return found


def _check_end(kind_of: Mapping[str, str], edge: _Edge, end: str, allowed: tuple[str, ...]) -> str:
    """The id at *end* (``"src"`` or ``"trg"``) of *edge*, which must name a node of an *allowed* kind."""
    value = edge.src if end == "src" else edge.trg
    found = kind_of.get(value)
    where = f"edge {edge.id!r}.{end}"
    if found is None:
        raise FormatError(f"unknown id {value!r}", where=where)
    if found not in allowed:
        raise FormatError(
            f"a {edge.type!r} edge's {end} must be {' or '.join(allowed)}, "
            f"{value!r} is {_article(found)}",
            where=where,
        )
    return value


def _sort_edges(elements: _Elements) -> tuple[dict[str, list[str]], list[_Edge], dict[str, _Edge]]:
    """Check both ends of every edge; split the edges into segmentation and argumentative ones.

    Returns the parts of each ADU or joint (from the ``seg`` edges), the
    argumentative edges in document order and every edge by its id.
    """
    kind_of = elements.kind_of
    seg_parents: dict[str, list[str]] = {}  # ADU or joint -> its EDUs or joints
    argumentative: list[_Edge] = []
    edge_by_id: dict[str, _Edge] = {}
    for edge in elements.edges:
        edge_by_id[edge.id] = edge
        if edge.type == "seg":
            _check_end(kind_of, edge, "src", ("edu", "joint"))
            _check_end(kind_of, edge, "trg", ("adu", "joint"))
            seg_parents.setdefault(edge.trg, []).append(edge.src)
        else:
            _check_end(kind_of, edge, "src", ("adu",))
            if edge.type in ("sup", "exa", "reb"):
                _check_end(kind_of, edge, "trg", ("adu",))
            else:
                _check_end(kind_of, edge, "trg", ("edge",))
            argumentative.append(edge)
    return seg_parents, argumentative, edge_by_id


# -- segmentation: which EDUs ground which ADU --------------------------------------------


def _edus_of(node: str, kind_of: Mapping[str, str], seg_parents: Mapping[str, list[str]]) -> list[str]:
    """The EDUs grounding *node* (an ADU or joint), following ``seg`` edges through joints.

    Depth first in the order of the ``seg`` edges, with an explicit stack, so
    that a long chain of joints needs no recursion.
    """
    found: list[str] = []
    trail: list[str] = []  # the ADU or joints from *node* down to the current one
    on_trail: set[str] = set()
    pending: list[Iterator[str]] = []

    def enter(current: str) -> None:
        if kind_of[current] == "edu":
            found.append(current)
            return
        if current in on_trail:
            raise FormatError("segmentation edges form a cycle", where=f"joint {current!r}")
        parts = seg_parents.get(current)
        if not parts:
            raise FormatError(
                "not grounded in any EDU (no 'seg' edge points at it)",
                where=f"{kind_of[current]} {current!r}",
            )
        trail.append(current)
        on_trail.add(current)
        pending.append(iter(parts))

    enter(node)
    while pending:
        part = next(pending[-1], None)
        if part is None:
            pending.pop()
            on_trail.discard(trail.pop())
        else:
            enter(part)
    return found


def _ground_adus(
    elements: _Elements, seg_parents: Mapping[str, list[str]]
) -> tuple[dict[str, list[str]], list[str]]:
    """Each ADU's EDUs in text order, and the EDUs no ADU uses; warns of joints that ground nothing."""
    edu_order = {xml_id: i for i, (xml_id, _) in enumerate(elements.edu_texts)}
    adu_edus: dict[str, list[str]] = {}
    used_edus: set[str] = set()
    for adu_id, _ in elements.adus:
        found = sorted(set(_edus_of(adu_id, elements.kind_of, seg_parents)), key=edu_order.__getitem__)
        adu_edus[adu_id] = found
        used_edus.update(found)
    for joint in elements.joints:
        if not any(joint in parts for parts in seg_parents.values()):
            warnings.warn(f"joint {joint!r} grounds no ADU; it is kept in the map's metadata only",
                          MicrotextWarning, stacklevel=3)
    unused = [xml_id for xml_id, _ in elements.edu_texts if xml_id not in used_edus]
    return adu_edus, unused


# -- argumentative edges -> relations -------------------------------------------------------


def _relation_of(edge_id: str, origin: _Edge, edge_by_id: Mapping[str, _Edge]) -> _Edge:
    """The relation-making edge an ``add``/``und`` target stands for (following add chains).

    Follows the chain in a loop, so a long chain of ``add`` edges needs no recursion.
    """
    trail: set[str] = set()
    while True:
        target = edge_by_id[edge_id]
        if target.type == "seg":
            raise FormatError(
                f"a {origin.type!r} edge must point at an argumentative edge, {edge_id!r} is a 'seg' edge",
                where=f"edge {origin.id!r}.trg",
            )
        if target.type != "add":
            return target
        if edge_id in trail:
            raise FormatError("'add' edges form a cycle", where=f"edge {edge_id!r}")
        trail.add(edge_id)
        edge_id = target.trg


def _link_edges(
    argumentative: Sequence[_Edge], relation_edges: Sequence[_Edge], edge_by_id: Mapping[str, _Edge]
) -> tuple[dict[str, list[_Edge]], dict[str, str]]:
    """The ``add`` edges joining each relation, and the relation each ``und`` edge undercuts."""
    co_sources: dict[str, list[_Edge]] = {e.id: [] for e in relation_edges}
    undercut_target: dict[str, str] = {}
    for edge in argumentative:
        if edge.type == "add":
            co_sources[_relation_of(edge.trg, edge, edge_by_id).id].append(edge)
        elif edge.type == "und":
            target = _relation_of(edge.trg, edge, edge_by_id)
            if edge_by_id[edge.trg].type == "add":
                warnings.warn(
                    f"edge {edge.id!r} undercuts the 'add' edge {edge.trg!r}; the model undercuts the whole "
                    f"linked relation {target.id!r} instead (recorded in the attack's metadata)",
                    MicrotextWarning,
                    stacklevel=3,
                )
            undercut_target[edge.id] = target.id
    return co_sources, undercut_target


def _outgoing_edges(argumentative: Sequence[_Edge]) -> dict[str, list[_Edge]]:
    """Outgoing edges per ADU: the scheme gives each ADU at most one."""
    outgoing: dict[str, list[_Edge]] = {}
    for edge in argumentative:
        outgoing.setdefault(edge.src, []).append(edge)
    return outgoing


def _central_claims(adus: Sequence[tuple[str, str]], outgoing: Mapping[str, list[_Edge]]) -> list[str]:
    """The ADUs with no outgoing edge (one, in a graph the scheme allows); warns of more than one
    and of ADUs with several outgoing edges."""
    roots = [a for a, _ in adus if a not in outgoing]
    if not roots:
        raise FormatError("every ADU has an outgoing edge, so there is no central claim (a cycle)",
                          where="arggraph")
    if len(roots) > 1:
        warnings.warn(
            f"{len(roots)} ADUs have no outgoing edge ({', '.join(roots)}); each is marked as a main claim",
            MicrotextWarning,
            stacklevel=3,
        )
    for adu_id, out in outgoing.items():
        if len(out) > 1:
            warnings.warn(
                f"ADU {adu_id!r} has {len(out)} outgoing edges ({', '.join(e.id for e in out)}); "
                "the scheme allows one, all are kept",
                MicrotextWarning,
                stacklevel=3,
            )
    return roots


def _attacks(edge: _Edge, edge_by_id: Mapping[str, _Edge]) -> bool:
    """Whether *edge* attacks: ``reb``, ``und``, or an ``add`` to one of those."""
    if edge.type == "add":
        return _relation_of(edge.trg, edge, edge_by_id).type in _ATTACK_TYPES
    return edge.type in _ATTACK_TYPES


def _statements(
    adus: Sequence[tuple[str, str]],
    adu_edus: Mapping[str, list[str]],
    edu_span: Mapping[str, tuple[int, int]],
    text_doc: str,
    roots: Sequence[str],
    outgoing: Mapping[str, list[_Edge]],
    adu_ids: Mapping[str, str],
    edge_by_id: Mapping[str, _Edge],
) -> list[Statement]:
    """One statement per ADU, its kind from its role and its outgoing edge."""
    statements: list[Statement] = []
    for adu_id, role in adus:
        edus = adu_edus[adu_id]
        spans = tuple(edu_span[e] for e in edus)
        if adu_id in roots:
            kind, main = Kind.CLAIM, True
        elif role == "opp":
            kind, main = Kind.OBJECTION, False
        elif any(_attacks(e, edge_by_id) for e in outgoing[adu_id]):
            kind, main = Kind.REBUTTAL, False
        else:
            kind, main = Kind.PREMISE, False
        metadata: dict[str, Any] = {"role": role, "edus": list(edus)}
        if adu_ids[adu_id] != adu_id:
            metadata["xml_id"] = adu_id
        statements.append(
            Statement(
                id=adu_ids[adu_id],
                text=" ".join(" ".join(text_doc[s:e].split()) for s, e in spans),
                kind=kind,
                main=main,
                spans=spans,
                metadata=metadata,
            )
        )
    return statements


def _relations(
    relation_edges: Sequence[_Edge],
    co_sources: Mapping[str, list[_Edge]],
    undercut_target: Mapping[str, str],
    adu_ids: Mapping[str, str],
    rel_ids: Mapping[str, str],
    edge_by_id: Mapping[str, _Edge],
) -> list[Support | Attack]:
    """One support or attack per ``sup``, ``exa``, ``reb`` and ``und`` edge, with its ``add`` co-sources."""
    relations: list[Support | Attack] = []
    for edge in relation_edges:
        adds = co_sources[edge.id]
        sources = tuple(adu_ids[a] for a in [edge.src] + [e.src for e in adds])
        info: dict[str, Any] = {"type": edge.type}
        if adds:
            info["add"] = [e.id for e in adds]
        if rel_ids[edge.id] != edge.id:
            info["xml_id"] = edge.id
        if edge.type in _SUPPORT_TYPES:
            relations.append(
                Support(
                    id=rel_ids[edge.id],
                    premises=sources,
                    conclusion=adu_ids[edge.trg],
                    example=edge.type == "exa",
                    metadata={"microtext": info},
                )
            )
        else:
            if edge.type == "und":
                attacked = rel_ids[undercut_target[edge.id]]
                if edge_by_id[edge.trg].type == "add":
                    info["trg"] = edge.trg
            else:
                attacked = adu_ids[edge.trg]
            relations.append(Attack(id=rel_ids[edge.id], attackers=sources, target=attacked,
                                    metadata={"microtext": info}))
    return relations


def _map_metadata(
    root: ET.Element,
    elements: _Elements,
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


def _article(kind: str) -> str:
    """``'an adu'``, ``'a joint'``: the kind of node with its article, for messages."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def parse(xml_text: str, *, text: str | None = None, source: str | None = None) -> ArgumentMap:
    """Parse one microtext ``<arggraph>`` (given as text) into an argument map.

    See :func:`read_graph` for *text*, *source* and the errors raised.

    >>> xml = '''<arggraph id="t1">
    ...   <edu id="e1">We should plant trees.</edu>
    ...   <edu id="e2">They cool the streets.</edu>
    ...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/>
    ...   <edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="sup"/>
    ... </arggraph>'''
    >>> amap = parse(xml)
    >>> amap.document.text
    'We should plant trees. They cool the streets.'
    >>> [(s.id, s.kind.value, s.main) for s in amap.statements]
    [('a1', 'claim', True), ('a2', 'premise', False)]
    >>> amap.relation("c3").premises, amap.relation("c3").conclusion
    (('a2',), 'a1')
    """
    return read_graph(xml_text, text=text, source=source).map


def load(xml_text: str) -> ArgumentMap:
    """The importer's entry point: a microtext XML document (as text) to a map."""
    return parse(xml_text)


def load_path(path: str | Path, text_path: str | Path | None = None) -> ArgumentMap:
    """Read a microtext ``.xml`` file; its ``.txt`` alongside (or *text_path*) is the document.

    Without a ``.txt`` file, the document is the EDUs joined by spaces.
    """
    return read_graph_path(path, text_path).map


def read_graph_path(path: str | Path, text_path: str | Path | None = None) -> MicrotextGraph:
    """Like :func:`load_path`, returning the :class:`MicrotextGraph` with the gold segmentation."""
    path = Path(path)
    xml_text = decode_text(read_input_bytes(path), str(path))
    if text_path is None:
        candidate = path.with_suffix(".txt")
        text_path = candidate if candidate.is_file() else None
    text = None
    if text_path is not None:
        text = decode_text(read_input_bytes(text_path), str(text_path))
    try:
        return read_graph(xml_text, text=text, source=str(path))
    except FormatError as exc:
        raise FormatError(exc.message, where=f"{path}: {exc.where}" if exc.where else str(path)) from None
