"""The argument map: a document, its statements and the relations between them,
validated as a whole when made, with the queries and edits users reach for.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

import attrs

from .._validators import validated
from ..errors import UnknownIdError, ValidationError
from .edit import Editor
from .items import Attack, Document, Item, Kind, Relation, Statement, Support, _freeze_metadata, _to_kind

__all__ = ["ArgumentMap"]


def _normalise_ws(text: str) -> str:
    return " ".join(text.split())


def _validate(amap: ArgumentMap) -> dict[str, Item]:
    """Check every rule of the model; return the id index.

    A quick pass answers the usual valid map; anything it does not accept is
    checked again by the careful pass below, which names the first problem.
    """
    by_id = _validate_quickly(amap)
    return by_id if by_id is not None else _validate_carefully(amap)


def _validate_quickly(amap: ArgumentMap) -> dict[str, Item] | None:
    """The id index of a map that keeps every rule, or None when the careful pass must look.

    The same rules as :func:`_validate_carefully`, checked with set and dict operations and one
    loop over the relations instead of a loop with error places; it never raises.
    """
    statements, relations = amap.statements, amap.relations
    if not set(map(type, statements)) <= {Statement}:
        return None
    statement_ids: dict[str, Item] = {st.id: st for st in statements}
    if len(statement_ids) != len(statements):
        return None  # a duplicate id
    doc_text = amap.document.text
    doc_len = len(doc_text)
    for st in statements:
        spans = st.spans
        if spans:
            if len(spans) == 1:
                start, end = spans[0]
                if end > doc_len:
                    return None
                raw = doc_text[start:end]
            else:
                if max(end for _, end in spans) > doc_len:
                    return None
                raw = " ".join(doc_text[start:end] for start, end in spans)
            if raw != st.text and _normalise_ws(raw) != _normalise_ws(st.text):
                return None
    if not set(map(type, relations)) <= {Support, Attack}:
        return None
    by_id = statement_ids.copy()
    by_id.update({rel.id: rel for rel in relations})
    if len(by_id) != len(statements) + len(relations):
        return None
    for rel in relations:
        if type(rel) is Support:
            sources = rel.premises
            target = rel.conclusion
            if target not in statement_ids:
                return None
        else:
            sources = rel.attackers  # type: ignore[union-attr]
            target = rel.target
            if target == rel.id or target not in by_id:
                return None
        if len(sources) == 1:
            if sources[0] == target or sources[0] not in statement_ids:
                return None
        elif (
            not sources or len(set(sources)) != len(sources) or target in sources
            or not all(src in statement_ids for src in sources)
        ):
            return None
    return by_id


def _validate_carefully(amap: ArgumentMap) -> dict[str, Item]:
    """Check every rule of the model one by one; return the id index, or raise naming the first problem.

    Error places use the names of the argmap JSON format, in the map's order,
    e.g. ``relations[3].to: unknown id 's9' (in support 'r4')``.
    """
    by_id: dict[str, Item] = {}
    doc_text = amap.document.text
    doc_len = len(doc_text)
    for i, st in enumerate(amap.statements):
        if not isinstance(st, Statement):
            raise ValidationError(f"expected a Statement, got {type(st).__name__}", where=f"statements[{i}]")
        if st.id in by_id:
            raise ValidationError(f"duplicate id {st.id!r}", where=f"statements[{i}].id")
        by_id[st.id] = st
        if st.spans:
            for j, (start, end) in enumerate(st.spans):
                if end > doc_len:
                    raise ValidationError(
                        f"span [{start}, {end}] lies outside the document ({doc_len} characters)",
                        where=f"statements[{i}].spans[{j}]",
                    )
            if len(st.spans) == 1:
                start, end = st.spans[0]
                raw = doc_text[start:end]
            else:
                raw = " ".join(doc_text[start:end] for start, end in st.spans)
            # Normalising white space costs two splits and joins per statement:
            # skip it in the usual case, where the spans cover the text exactly.
            if raw != st.text and (covered := _normalise_ws(raw)) != _normalise_ws(st.text):
                raise ValidationError(
                    f"spans cover {_clip(covered)!r}, not the statement's text {_clip(st.text)!r}",
                    where=f"statements[{i}].spans",
                )
    relations = amap.relations
    for i, rel in enumerate(relations):
        if not isinstance(rel, (Support, Attack)):
            raise ValidationError(
                f"expected a Support or an Attack, got {type(rel).__name__}", where=f"relations[{i}]"
            )
        if rel.id in by_id:
            raise ValidationError(f"duplicate id {rel.id!r}", where=f"relations[{i}].id")
        by_id[rel.id] = rel
    for i, rel in enumerate(relations):
        what = "support" if isinstance(rel, Support) else "attack"
        sources = rel.sources
        if not sources:
            raise ValidationError(f"a {what} needs at least one statement", where=f"relations[{i}].from")
        seen: set[str] = set()
        for j, src in enumerate(sources):
            found = by_id.get(src)
            if found is None:
                raise ValidationError(
                    f"unknown id {src!r} (in {what} {rel.id!r})", where=f"relations[{i}].from[{j}]"
                )
            if not isinstance(found, Statement):
                raise ValidationError(
                    f"{src!r} is a relation; a {what} starts from statements", where=f"relations[{i}].from[{j}]"
                )
            if src in seen:
                raise ValidationError(f"{src!r} is listed twice", where=f"relations[{i}].from[{j}]")
            seen.add(src)
        target = rel.target
        found = by_id.get(target)
        if found is None:
            raise ValidationError(f"unknown id {target!r} (in {what} {rel.id!r})", where=f"relations[{i}].to")
        if what == "support" and not isinstance(found, Statement):
            raise ValidationError(
                f"{target!r} is a relation; a support concludes a statement (attack it to undercut)",
                where=f"relations[{i}].to",
            )
        if target in seen:
            raise ValidationError(
                f"statement {target!r} {'supports' if what == 'support' else 'attacks'} itself",
                where=f"relations[{i}].to",
            )
        if target == rel.id:
            raise ValidationError(f"relation {target!r} targets itself", where=f"relations[{i}].to")
    return by_id


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _statement_tuple(value: Iterable[Statement]) -> tuple[Statement, ...]:
    return tuple(value)


def _relation_tuple(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


@validated
@attrs.frozen(repr=False)
class ArgumentMap:
    """A document, the statements taken from it, and the relations between them.

    The map is validated when it is made: ids are unique across statements
    and relations, every reference resolves, spans lie inside the document
    and cover the statement's text, no statement supports or attacks itself.
    Edits (:meth:`add`, :meth:`remove`, :meth:`replace`, :meth:`evolve`)
    return a new map.
    """

    statements: tuple[Statement, ...] = attrs.field(default=(), converter=_statement_tuple)
    relations: tuple[Relation, ...] = attrs.field(default=(), converter=_relation_tuple)
    document: Document = attrs.field(factory=Document, validator=attrs.validators.instance_of(Document))
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_metadata, hash=False, repr=False
    )
    _by_id: dict[str, Item] = attrs.field(init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", _validate(self))

    # -- lookup -------------------------------------------------------------

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._by_id

    def __repr__(self) -> str:
        title = f", title={self.document.title!r}" if self.document.title else ""
        return f"<ArgumentMap: {len(self.statements)} statements, {len(self.relations)} relations{title}>"

    # -- Jupyter --------------------------------------------------------------
    # Lazy imports, and the only places the model reaches the diagram package: the
    # diagram depends on the model, so importing it at the top would make a circle.

    def _repr_svg_(self) -> str | None:
        """The map's diagram, for Jupyter (``None`` when Graphviz is missing)."""
        from ..diagram.jupyter import notebook_svg

        return notebook_svg(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """The diagram as HTML scaled to the cell's width and as SVG, where Graphviz is
        available, and a one-line summary."""
        from ..diagram.jupyter import notebook_bundle

        return notebook_bundle(self)

    def diagram(self, **options: Any) -> Any:
        """The diagram drawn with diagram options (``theme``, ``direction``, ``depth``,
        ``focus``, ``kinds``, ...): an :class:`argmap.diagram.jupyter.Diagram`, which a
        notebook shows scaled to the cell's width (``.svg`` is its text, ``.save(path)``
        writes it). Needs Graphviz (:class:`~argmap.RenderError` otherwise)."""
        from ..diagram.jupyter import Diagram

        return Diagram.of(self, **options)

    def view(self, *, height: int = 640, **options: Any) -> Any:
        """The interactive page, the diagram beside the document's text, for a
        notebook: an :class:`argmap.diagram.jupyter.MapView` shown ``height`` pixels
        tall (``.html`` is the page, ``.save(path)`` writes it). Takes the ``html``
        exporter's options: ``theme``, ``direction``, ``depth``, ``focus``, ...,
        ``select`` (a statement id) and ``text``."""
        from ..diagram.jupyter import MapView

        return MapView.of(self, height=height, **options)

    def __len__(self) -> int:
        """The number of statements."""
        return len(self.statements)

    def __iter__(self) -> Iterator[Statement]:
        return iter(self.statements)

    def get(self, item_id: str) -> Item:
        """The statement or relation with this id."""
        try:
            return self._by_id[item_id]
        except KeyError:
            raise UnknownIdError(f"unknown id {item_id!r}") from None

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id."""
        item = self.get(statement_id)
        if not isinstance(item, Statement):
            raise UnknownIdError(f"{statement_id!r} is a relation, not a statement")
        return item

    def relation(self, relation_id: str) -> Relation:
        """The support or attack with this id."""
        item = self.get(relation_id)
        if isinstance(item, Statement):
            raise UnknownIdError(f"{relation_id!r} is a statement, not a relation")
        return item

    @cached_property
    def supports(self) -> tuple[Support, ...]:
        """All supports, in map order."""
        return tuple(r for r in self.relations if isinstance(r, Support))

    @cached_property
    def attacks(self) -> tuple[Attack, ...]:
        """All attacks, in map order."""
        return tuple(r for r in self.relations if isinstance(r, Attack))

    @cached_property
    def _incoming(self) -> dict[str, list[Relation]]:
        incoming: dict[str, list[Relation]] = {}
        for rel in self.relations:
            incoming.setdefault(rel.target, []).append(rel)
        return incoming

    @cached_property
    def _outgoing(self) -> dict[str, list[Relation]]:
        outgoing: dict[str, list[Relation]] = {}
        for rel in self.relations:
            for src in rel.sources:
                outgoing.setdefault(src, []).append(rel)
        return outgoing

    # -- queries ------------------------------------------------------------

    @property
    def main_claims(self) -> tuple[Statement, ...]:
        """The statements flagged as main claims (the thesis), in map order."""
        return tuple(s for s in self.statements if s.main)

    def by_kind(self, kind: Kind | str) -> tuple[Statement, ...]:
        """The statements of one kind, in map order."""
        kind = _to_kind(kind)
        return tuple(s for s in self.statements if s.kind is kind)

    def reasons_for(self, item_id: str) -> tuple[Support, ...]:
        """The supports whose conclusion is this statement (its reasons)."""
        self.get(item_id)
        return tuple(r for r in self._incoming.get(item_id, ()) if isinstance(r, Support))

    def objections_to(self, item_id: str) -> tuple[Attack, ...]:
        """The attacks on this statement or, for undercuts, on this relation."""
        self.get(item_id)
        return tuple(r for r in self._incoming.get(item_id, ()) if isinstance(r, Attack))

    def premises_of(self, support_id: str) -> tuple[Statement, ...]:
        """The statements a support (or attack) starts from."""
        return tuple(self._by_id[s] for s in self.relation(support_id).sources)  # type: ignore[misc]

    def relations_from(self, statement_id: str) -> tuple[Relation, ...]:
        """The supports and attacks this statement takes part in as a source."""
        self.get(statement_id)
        return tuple(self._outgoing.get(statement_id, ()))

    def relations_to(self, item_id: str) -> tuple[Relation, ...]:
        """The supports and attacks that point at this statement or relation."""
        self.get(item_id)
        return tuple(self._incoming.get(item_id, ()))

    def roots(self) -> tuple[Statement, ...]:
        """Statements that support or attack nothing: the tops of the map."""
        outgoing = self._outgoing
        return tuple(s for s in self.statements if s.id not in outgoing)

    def leaves(self) -> tuple[Statement, ...]:
        """Statements that nothing supports or attacks."""
        incoming = self._incoming
        return tuple(s for s in self.statements if s.id not in incoming)

    def attack_type(self, attack_id: str) -> str:
        """``"undercut"`` (on a relation), ``"rebut"`` (on a main claim or a
        conclusion) or ``"undermine"`` (on a premise)."""
        attack = self.relation(attack_id)
        if not isinstance(attack, Attack):
            raise UnknownIdError(f"{attack_id!r} is a support, not an attack")
        target = self._by_id[attack.target]
        if not isinstance(target, Statement):
            return "undercut"
        if target.main or any(isinstance(r, Support) for r in self._incoming.get(target.id, ())):
            return "rebut"
        return "undermine"

    def subtree(self, item_id: str) -> ArgumentMap:
        """The part of the map that hangs from a statement: it, its reasons and
        objections, theirs, and so on, down to the leaves (same document).

        For a relation: the relation with what it stands on (its target, up
        to the statement at the end of a chain of undercuts) and what hangs
        from it (its premises or attackers, and the attacks on it).
        """
        item = self.get(item_id)
        keep: set[str] = {item_id}
        todo = [item_id]
        incoming = self._incoming
        while not isinstance(item, Statement):  # a relation: keep what it points at, up to a statement
            for src in item.sources:
                if src not in keep:
                    keep.add(src)
                    todo.append(src)
            keep.add(item.target)
            item = self._by_id[item.target]
        while todo:
            current = todo.pop()
            for rel in incoming.get(current, ()):
                if rel.id not in keep:
                    keep.add(rel.id)
                    todo.append(rel.id)
                    for src in rel.sources:
                        if src not in keep:
                            keep.add(src)
                            todo.append(src)
        return ArgumentMap(
            statements=[s for s in self.statements if s.id in keep],
            relations=[r for r in self.relations if r.id in keep],
            document=self.document,
            metadata=self.metadata,
        )

    def lint(self, **options: Any) -> list[Any]:
        """The findings of the checks a teacher of argument mapping applies (see :func:`argmap.analysis.lint`)."""
        # A lazy import: the analysis package depends on the model.
        from ..analysis import lint

        return lint(self, **options)

    # -- edits --------------------------------------------------------------

    def evolve(self, **changes: Any) -> ArgumentMap:
        """A copy with some fields changed, validated again."""
        return attrs.evolve(self, **changes)

    def edit(self) -> Editor:
        """An :class:`~argmap.model.edit.Editor` of this map: many additions, replacements and
        removals, validated once when it builds the new map (see docs/python.md)."""
        return Editor(self)

    def add(self, *items: Item) -> ArgumentMap:
        """A copy with statements and relations added at the end.

        The new map is validated as a whole, so add many items in one call
        (``amap.add(*items)``) or through :meth:`edit`, not one call per item
        in a loop, which validates the whole map each time."""
        statements = list(self.statements)
        relations = list(self.relations)
        for item in items:
            if isinstance(item, Statement):
                statements.append(item)
            else:
                relations.append(item)
        return self.evolve(statements=statements, relations=relations)

    def replace(self, *items: Item) -> ArgumentMap:
        """A copy in which each item takes the place of the one with its id."""
        new = {item.id: item for item in items}
        for item_id in new:
            self.get(item_id)
        return self.evolve(
            statements=[new.get(s.id, s) for s in self.statements],
            relations=[new.get(r.id, r) for r in self.relations],
        )

    def remove(self, *ids: str) -> ArgumentMap:
        """A copy without these statements or relations, and without every
        relation that pointed at or started from something removed."""
        gone = set(ids)
        for item_id in gone:
            self.get(item_id)
        changed = True
        relations = list(self.relations)
        while changed:
            changed = False
            kept = []
            for rel in relations:
                if rel.id in gone or rel.target in gone or any(s in gone for s in rel.sources):
                    if rel.id not in gone:
                        gone.add(rel.id)
                        changed = True
                else:
                    kept.append(rel)
            relations = kept
        return self.evolve(statements=[s for s in self.statements if s.id not in gone], relations=relations)
