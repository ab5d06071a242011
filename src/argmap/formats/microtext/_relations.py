"""The argumentative edges: ``add`` and ``und`` resolved to the relation they stand for, the central
claims, and the statements and relations of the map."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from ...errors import FormatError
from ...model import Attack, Kind, Statement, Support
from ._elements import Edge, MicrotextWarning

__all__ = [
    "attacks",
    "build_relations",
    "build_statements",
    "central_claims",
    "link_edges",
    "outgoing_edges",
    "relation_of",
]

_SUPPORT_TYPES = ("sup", "exa")
_ATTACK_TYPES = ("reb", "und")


def relation_of(edge_id: str, origin: Edge, edge_by_id: Mapping[str, Edge]) -> Edge:
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


def link_edges(
    argumentative: Sequence[Edge], relation_edges: Sequence[Edge], edge_by_id: Mapping[str, Edge]
) -> tuple[dict[str, list[Edge]], dict[str, str]]:
    """The ``add`` edges joining each relation, and the relation each ``und`` edge undercuts."""
    co_sources: dict[str, list[Edge]] = {e.id: [] for e in relation_edges}
    undercut_target: dict[str, str] = {}
    for edge in argumentative:
        if edge.type == "add":
            co_sources[relation_of(edge.trg, edge, edge_by_id).id].append(edge)
        elif edge.type == "und":
            target = relation_of(edge.trg, edge, edge_by_id)
            if edge_by_id[edge.trg].type == "add":
                warnings.warn(
                    f"edge {edge.id!r} undercuts the 'add' edge {edge.trg!r}; the model undercuts the whole "
                    f"linked relation {target.id!r} instead (recorded in the attack's metadata)",
                    MicrotextWarning,
                    stacklevel=3,
                )
            undercut_target[edge.id] = target.id
    return co_sources, undercut_target


def outgoing_edges(argumentative: Sequence[Edge]) -> dict[str, list[Edge]]:
    """Outgoing edges per ADU: the scheme gives each ADU at most one."""
    outgoing: dict[str, list[Edge]] = {}
    for edge in argumentative:
        outgoing.setdefault(edge.src, []).append(edge)
    return outgoing


def central_claims(adus: Sequence[tuple[str, str]], outgoing: Mapping[str, list[Edge]]) -> list[str]:
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


def attacks(edge: Edge, edge_by_id: Mapping[str, Edge]) -> bool:
    """Whether *edge* attacks: ``reb``, ``und``, or an ``add`` to one of those."""
    if edge.type == "add":
        return relation_of(edge.trg, edge, edge_by_id).type in _ATTACK_TYPES
    return edge.type in _ATTACK_TYPES


def build_statements(
    adus: Sequence[tuple[str, str]],
    adu_edus: Mapping[str, list[str]],
    edu_span: Mapping[str, tuple[int, int]],
    text_doc: str,
    roots: Sequence[str],
    outgoing: Mapping[str, list[Edge]],
    adu_ids: Mapping[str, str],
    edge_by_id: Mapping[str, Edge],
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
        elif any(attacks(e, edge_by_id) for e in outgoing[adu_id]):
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


def build_relations(
    relation_edges: Sequence[Edge],
    co_sources: Mapping[str, list[Edge]],
    undercut_target: Mapping[str, str],
    adu_ids: Mapping[str, str],
    rel_ids: Mapping[str, str],
    edge_by_id: Mapping[str, Edge],
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
