"""Diagram options and views: what to draw.

A *view* picks part of a map (some kinds, a depth from the thesis, the
subtree of one statement); a *theme* (:mod:`argmap.diagram.themes`) says how
each kind and relation looks. :class:`DiagramOptions` holds both choices and
the rest of the look; it is used by the DOT writer
(:func:`argmap.diagram.to_dot`), the diagram exporters' options (``argmap
render --theme print --depth 2 ...``) and Python (``argmap.render(amap,
"svg", theme="colorblind")``).
"""

from __future__ import annotations

from typing import Any

import attrs

from .._validators import field_error, validated, whole_number
from ..errors import OptionError, UnknownIdError
from ..model import ArgumentMap, Kind, Support
from .themes import DIRECTIONS, THEMES

__all__ = ["STATUS_SEMANTICS", "DiagramOptions", "select"]

STATUS_SEMANTICS = ("grounded", "complete", "preferred", "stable")
"""The semantics ``status`` can mark a diagram with."""


def _kinds(value: Any) -> frozenset[Kind] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [v for v in value.replace(",", " ").split() if v]
    kinds = []
    for v in value:
        try:
            kinds.append(Kind(v))
        except ValueError:
            raise field_error(
                "DiagramOptions", "kinds", f"unknown kind {v!r} (expected {', '.join(k.value for k in Kind)})"
            ) from None
    return frozenset(kinds)


_COUNT = whole_number
def _at_most(limit: int) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: int) -> None:
        if not 1 <= value <= limit:
            raise ValueError(f"expected a whole number from 1 to {limit}, got {value!r}", attribute)

    return check


_OPTIONAL_COUNT: Any = attrs.validators.optional(_COUNT)
_BOOL = attrs.validators.instance_of(bool)


@validated
@attrs.frozen
class DiagramOptions:
    """Everything that shapes a diagram. All fields have the defaults a reader wants.

    - ``direction``: where the thesis sits: ``top`` (default), ``bottom``, ``left``, ``right``.
    - ``theme``: ``default``, ``print`` (greyscale) or ``colorblind``.
    - ``kinds``: only statements of these kinds (``None``: all).
    - ``depth``: only statements at most this many steps from a main claim.
    - ``focus``: only this statement (or relation) and what hangs from it.
    - ``group_paragraphs``: frame the statements of each source paragraph together.
    - ``width``: characters per line of wrapped text; ``max_lines``: lines before "…".
    - ``legend``: draw a legend of the kinds and relations shown.
    - ``stagger``: spread the reasons of a claim that has many over this many rows.
    - ``show_ids``: put each statement's id (what ``focus`` takes) above its text.
    - ``status``: mark each statement accepted, rejected or undecided under these
      semantics (``grounded``, ``complete``, ``preferred``, ``stable``; see
      :func:`argmap.analysis.labels`), computed on the whole map before any view.
    """

    direction: str = attrs.field(default="top", validator=attrs.validators.in_(tuple(DIRECTIONS)))
    theme: str = attrs.field(default="default", validator=attrs.validators.in_(tuple(THEMES)))
    kinds: frozenset[Kind] | None = attrs.field(default=None, converter=_kinds)
    depth: int | None = attrs.field(default=None, validator=_OPTIONAL_COUNT)
    focus: str | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.instance_of(str)))
    group_paragraphs: bool = attrs.field(default=False, validator=_BOOL)
    width: int = attrs.field(default=30, validator=[_COUNT, _at_most(1000)])
    max_lines: int | None = attrs.field(default=14, validator=_OPTIONAL_COUNT)
    legend: bool = attrs.field(default=True, validator=_BOOL)
    stagger: int = attrs.field(default=3, validator=_COUNT)
    show_ids: bool = attrs.field(default=False, validator=_BOOL)
    status: str | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.in_(STATUS_SEMANTICS))
    )

    @classmethod
    def of(cls, options: DiagramOptions | None = None, **changes: Any) -> DiagramOptions:
        """Options from an existing set and/or keyword changes (``None`` values are ignored)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        base = options or cls()
        unknown = set(changes) - {a.name for a in attrs.fields(cls)}
        if unknown:
            raise OptionError(
                f"unknown diagram option(s): {', '.join(sorted(unknown))} "
                f"(options: {', '.join(a.name for a in attrs.fields(cls))})"
            )
        return attrs.evolve(base, **changes) if changes else base


def _within_depth(amap: ArgumentMap, depth: int) -> set[str]:
    """Ids of statements and relations at most ``depth`` support/attack steps from a main claim."""
    roots = [s.id for s in amap.main_claims] or [s.id for s in amap.roots()]
    keep = set(roots)
    frontier = list(roots)
    for _ in range(depth):
        if not frontier:
            break  # nothing further away: a depth of 10**11 costs no more than the map's own
        nxt = []
        for item in frontier:
            for rel in amap.relations_to(item):
                if rel.id not in keep:
                    keep.add(rel.id)
                    nxt.append(rel.id)  # undercuts of this relation are one step further
                for src in rel.sources:
                    if src not in keep:
                        keep.add(src)
                        nxt.append(src)
        frontier = nxt
    return keep


def select(amap: ArgumentMap, options: DiagramOptions) -> ArgumentMap:
    """The part of the map the options ask to show (focus, then depth, then kinds).

    Relations lose the statements that are hidden; a relation left with no
    source, or whose target is hidden, is not shown.
    """
    if options.focus is not None:
        if options.focus not in amap:
            raise UnknownIdError(f"unknown id {options.focus!r}", where="focus")
        amap = amap.subtree(options.focus)
    if options.depth is not None:
        keep = _within_depth(amap, options.depth)
        amap = _restrict(amap, lambda s: s.id in keep, keep)
    if options.kinds is not None:
        kinds = options.kinds
        amap = _restrict(amap, lambda s: s.kind in kinds, None)
    return amap


def _restrict(amap: ArgumentMap, keep_statement: Any, keep_relations: set[str] | None) -> ArgumentMap:
    statements = [s for s in amap.statements if keep_statement(s)]
    alive: set[str] = {s.id for s in statements}
    relations = []
    # Relations come after what they target only for undercuts; loop until stable.
    pending = [r for r in amap.relations if keep_relations is None or r.id in keep_relations]
    changed = True
    while changed:
        changed = False
        rest = []
        for rel in pending:
            sources = [s for s in rel.sources if s in alive]
            if rel.target in alive and sources:
                relations.append((rel, sources))
                alive.add(rel.id)
                changed = True
            else:
                rest.append(rel)
        pending = rest
    order = {r.id: i for i, r in enumerate(amap.relations)}
    relations.sort(key=lambda pair: order[pair[0].id])
    trimmed = []
    for rel, sources in relations:
        if len(sources) != len(rel.sources):
            if isinstance(rel, Support):
                rel = attrs.evolve(rel, premises=tuple(sources))
            else:
                rel = attrs.evolve(rel, attackers=tuple(sources))
        trimmed.append(rel)
    return amap.evolve(statements=statements, relations=trimmed)

