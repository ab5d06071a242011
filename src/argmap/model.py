"""The argument-map model: documents, statements, supports, attacks and maps.

All classes are frozen attrs classes. A change makes a new object
(:func:`attrs.evolve` or the edit methods of :class:`ArgumentMap`), and every
new object is validated again, so a map that exists is a valid map.

Ids are shared by statements and relations: a relation's target may be a
statement or, for an undercut, another relation, and both are named by id.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Union

import attrs

from ._io import decode_text, read_input_bytes
from ._validators import checked, field_error, in_unit_interval, not_blank
from .errors import UnknownIdError, ValidationError

__all__ = [
    "ArgumentMap",
    "Attack",
    "Document",
    "Kind",
    "Provenance",
    "Relation",
    "Statement",
    "Support",
    "is_valid_id",
]

# An id is a Graphviz identifier that needs no quoting and is not a DOT keyword.
_DOT_KEYWORDS = frozenset({"node", "edge", "graph", "digraph", "subgraph", "strict"})
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def is_valid_id(value: object) -> bool:
    """Tell whether *value* can be the id of a statement or relation.

    An id is 1 to 64 ASCII letters, digits and underscores, not starting with
    a digit, and not a Graphviz keyword (``node``, ``edge``, ``graph``, ...).

    >>> is_valid_id("s1"), is_valid_id("1s"), is_valid_id("a-b"), is_valid_id("graph")
    (True, False, False, False)
    """
    # On ASCII text str.isidentifier() is exactly [A-Za-z_][A-Za-z0-9_]* without the length
    # limit, and several times faster than a regular expression (this runs for every id).
    return (
        isinstance(value, str)
        and value.isascii()
        and value.isidentifier()
        and len(value) <= 64
        and value.lower() not in _DOT_KEYWORDS
    )


_fail = field_error

_STR = attrs.validators.instance_of(str)
_OPTIONAL_STR = checked(attrs.validators.optional(_STR))
_TEXT = checked(_STR, not_blank)
_BOOL = checked(attrs.validators.instance_of(bool))


def _valid_id(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not is_valid_id(value):
        raise ValueError(f"invalid id {value!r} (use 1-64 letters, digits or _, not starting with a digit)")


_ID = checked(_valid_id)


def _freeze_metadata(value: Any, owner: str) -> Mapping[str, Any]:
    """Metadata is a read-only mapping with string keys."""
    # Most objects have no metadata: answer them before the slow isinstance()
    # check against the Mapping ABC below.
    if value is None or value is _EMPTY or (type(value) is dict and not value):
        return _EMPTY
    if not value:
        if value is None or isinstance(value, Mapping):
            return _EMPTY
    if isinstance(value, MappingProxyType):
        return value
    if not isinstance(value, Mapping):
        raise _fail(owner, "metadata", f"expected a mapping, got {type(value).__name__}")
    for key in value:
        if not isinstance(key, str):
            raise _fail(owner, "metadata", f"keys must be strings, got {key!r}")
    return MappingProxyType(dict(value))


# One named converter per class, so that an error names the class (mypy's attrs
# plugin accepts only named functions as converters).
def _document_metadata(value: Any) -> Mapping[str, Any]:
    return _freeze_metadata(value, "Document")


def _statement_metadata(value: Any) -> Mapping[str, Any]:
    return _freeze_metadata(value, "Statement")


def _support_metadata(value: Any) -> Mapping[str, Any]:
    return _freeze_metadata(value, "Support")


def _attack_metadata(value: Any) -> Mapping[str, Any]:
    return _freeze_metadata(value, "Attack")


def _map_metadata(value: Any) -> Mapping[str, Any]:
    return _freeze_metadata(value, "ArgumentMap")


class Kind(str, enum.Enum):
    """What a statement does in the argument."""

    CLAIM = "claim"
    """A proposition the author puts forward; the main claim is the thesis."""
    PREMISE = "premise"
    """A reason given for another statement."""
    OBJECTION = "objection"
    """A statement against a claim of the author's side (the opponent's view)."""
    REBUTTAL = "rebuttal"
    """The author's answer to an objection."""
    RECOMMENDATION = "recommendation"
    """A claim about what someone should do."""

    def __str__(self) -> str:
        return self.value


_KINDS = {k.value: k for k in Kind}


def _to_kind(value: Any) -> Kind:
    if isinstance(value, Kind):
        return value
    try:
        return _KINDS[value]
    except (KeyError, TypeError):
        raise _fail(
            "Statement", "kind", f"unknown kind {value!r} (expected one of {', '.join(_KINDS)})"
        ) from None


def _to_spans(value: Any) -> tuple[tuple[int, int], ...]:
    if not value:
        return ()
    try:
        if type(value) is tuple and all(type(span) is tuple and len(span) == 2 for span in value):
            spans = value  # already a tuple of pairs (a copied map, evolve): keep it, no copy
        else:
            spans = tuple((start, end) for start, end in value)
    except (TypeError, ValueError):
        raise _fail("Statement", "spans", f"expected a list of [start, end] pairs, got {value!r}") from None
    for i, (start, end) in enumerate(spans):
        if type(start) is not int or type(end) is not int or not 0 <= start < end:
            raise _fail(
                "Statement", f"spans[{i}]", f"a span is two offsets 0 <= start < end, got [{start!r}, {end!r}]"
            )
    return spans


def _to_strings(cls: str, field: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise _fail(cls, field, f"expected a list of strings, got {value!r}") from None
    for item in items:
        if not isinstance(item, str):
            raise _fail(cls, field, f"expected strings, got {item!r}")
    return items


def _tags(value: Iterable[str]) -> tuple[str, ...]:
    return _to_strings("Statement", "tags", value)


def _premises(value: Iterable[str]) -> tuple[str, ...]:
    return _to_strings("Support", "premises", value)


def _attackers(value: Iterable[str]) -> tuple[str, ...]:
    return _to_strings("Attack", "attackers", value)


_CONFIDENCE = checked(attrs.validators.optional(in_unit_interval))


@attrs.frozen
class Provenance:
    """Where a statement or relation came from: which extractor, how sure it is."""

    extractor: str = attrs.field(validator=_TEXT)
    confidence: float | None = attrs.field(default=None, validator=_CONFIDENCE)


_PROVENANCE = checked(attrs.validators.optional(attrs.validators.instance_of(Provenance)))


@attrs.frozen
class Document:
    """The source text of a map, exactly as read, with what is known about it."""

    text: str = attrs.field(default="", validator=checked(_STR))
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    author: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    source: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_document_metadata, hash=False, repr=False
    )

    @classmethod
    def from_path(cls, path: str | Path, *, encoding: str = "utf-8", **fields: Any) -> Document:
        """Read a text file into a Document; the file's path becomes its source.

        Raises :class:`~argmap.errors.InputError` for a missing file, a
        directory, an empty file or one that is not text in *encoding*.
        """
        path = Path(path)
        data = read_input_bytes(path)
        text = decode_text(data, str(path), encoding=encoding)
        fields.setdefault("source", str(path))
        return cls(text=text, **fields)


@attrs.frozen
class Statement:
    """One proposition of the argument.

    ``spans`` are ``(start, end)`` character offsets into the map's document;
    hand-written maps may have none. Tags and metadata are free for users and
    plugins.
    """

    id: str = attrs.field(validator=_ID)
    text: str = attrs.field(validator=_TEXT)
    kind: Kind = attrs.field(default=Kind.CLAIM, converter=_to_kind)
    main: bool = attrs.field(default=False, validator=_BOOL)
    spans: tuple[tuple[int, int], ...] = attrs.field(default=(), converter=_to_spans)
    provenance: Provenance | None = attrs.field(default=None, validator=_PROVENANCE)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tags)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_statement_metadata, hash=False, repr=False
    )


@attrs.frozen
class Support:
    """An inference: one or more premises give a reason for a conclusion.

    Several premises in one support are *linked* (each needs the others);
    several supports into one conclusion are *convergent*. ``scheme`` names
    the argumentation scheme where known; ``example`` marks support by example.
    """

    id: str = attrs.field(validator=_ID)
    premises: tuple[str, ...] = attrs.field(converter=_premises)
    conclusion: str = attrs.field(validator=checked(_STR))
    scheme: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    example: bool = attrs.field(default=False, validator=_BOOL)
    provenance: Provenance | None = attrs.field(default=None, validator=_PROVENANCE)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_support_metadata, hash=False, repr=False
    )

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids the relation starts from (its premises)."""
        return self.premises

    @property
    def target(self) -> str:
        """The id the relation points at (its conclusion)."""
        return self.conclusion

    @property
    def linked(self) -> bool:
        """True when the premises are co-premises of one reason."""
        return len(self.premises) > 1


@attrs.frozen
class Attack:
    """One or more statements attack a target.

    A target that is a statement is rebutted (a conclusion) or undermined (a
    premise); a target that is a relation is *undercut*: its premises are
    granted, its inference denied.
    """

    id: str = attrs.field(validator=_ID)
    attackers: tuple[str, ...] = attrs.field(converter=_attackers)
    target: str = attrs.field(validator=checked(_STR))
    provenance: Provenance | None = attrs.field(default=None, validator=_PROVENANCE)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_attack_metadata, hash=False, repr=False
    )

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids the relation starts from (its attackers)."""
        return self.attackers


Relation = Union[Support, Attack]
Item = Union[Statement, Support, Attack]


def _normalise_ws(text: str) -> str:
    return " ".join(text.split())


def _validate(amap: ArgumentMap) -> dict[str, Item]:
    """Check every rule of the model; return the id index.

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
    document: Document = attrs.field(factory=Document, validator=checked(attrs.validators.instance_of(Document)))
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_map_metadata, hash=False, repr=False
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

    def _repr_svg_(self) -> str | None:
        """The map's diagram, for Jupyter (``None`` when Graphviz is missing)."""
        # A lazy import, and the only place the model reaches the diagram package: the
        # diagram depends on the model, so importing it at the top would make a circle.
        from .diagram.jupyter import notebook_svg

        return notebook_svg(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """The diagram as SVG where Graphviz is available, and a one-line summary."""
        bundle = {"text/plain": repr(self)}
        svg = self._repr_svg_()
        if svg is not None:
            bundle["image/svg+xml"] = svg
        return bundle

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
        objections, theirs, and so on, down to the leaves (same document)."""
        self.get(item_id)
        keep: set[str] = {item_id}
        todo = [item_id]
        incoming = self._incoming
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

    # -- edits --------------------------------------------------------------

    def evolve(self, **changes: Any) -> ArgumentMap:
        """A copy with some fields changed, validated again."""
        return attrs.evolve(self, **changes)

    def add(self, *items: Item) -> ArgumentMap:
        """A copy with statements and relations added at the end."""
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
