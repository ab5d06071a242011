"""The parts of a map: kinds, provenance, the document, statements, supports and attacks.

Each is a frozen attrs class whose fields are checked when it is made, with
attrs' validators; :func:`argmap._validators.validated` makes every bad field a
:class:`~argmap.ValidationError` naming ``Class.field``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Union

import attrs

from .._io import decode_text, read_input_bytes
from .._validators import FieldName, field_error, in_unit_interval, text, validated
from ..errors import ValidationError

__all__ = ["Attack", "Document", "Item", "Kind", "Provenance", "Relation", "Statement", "Support", "is_valid_id"]

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
_OPTIONAL_STR = attrs.validators.optional(_STR)
_TEXT = text
_BOOL = attrs.validators.instance_of(bool)


def _valid_id(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not is_valid_id(value):
        raise ValueError(f"invalid id {value!r} (use 1-64 letters, digits or _, not starting with a digit)", attribute)


_ID = _valid_id


METADATA = FieldName("metadata")


def _freeze_metadata(value: Any) -> Mapping[str, Any]:
    """Metadata is a read-only mapping with string keys."""
    # Most objects have no metadata: answer them before the slow isinstance()
    # check against the Mapping ABC below.
    if value is None or value is _EMPTY or (type(value) is dict and not value):
        return _EMPTY
    if not value and isinstance(value, Mapping):
        return _EMPTY
    if isinstance(value, MappingProxyType):
        return value
    if not isinstance(value, Mapping):
        # FieldName: the class's @validated wrapper names it (Statement.metadata, ...).
        raise ValueError(f"expected a mapping, got {type(value).__name__}", METADATA)
    for key in value:
        if not isinstance(key, str):
            raise ValueError(f"keys must be strings, got {key!r}", METADATA)
    return MappingProxyType(dict(value))


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


_CONFIDENCE = attrs.validators.optional(in_unit_interval)


@validated
@attrs.frozen
class Provenance:
    """Where a statement or relation came from: which extractor, how sure it is."""

    extractor: str = attrs.field(validator=_TEXT)
    confidence: float | None = attrs.field(default=None, validator=_CONFIDENCE)


_PROVENANCE = attrs.validators.optional(attrs.validators.instance_of(Provenance))


@validated
@attrs.frozen
class Document:
    """The source text of a map, exactly as read, with what is known about it."""

    text: str = attrs.field(default="", validator=_STR)
    title: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    author: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    source: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_metadata, hash=False, repr=False
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


@validated
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
        factory=dict, converter=_freeze_metadata, hash=False, repr=False
    )


@validated
@attrs.frozen
class Support:
    """An inference: one or more premises give a reason for a conclusion.

    Several premises in one support are *linked* (each needs the others);
    several supports into one conclusion are *convergent*. ``scheme`` names
    the argumentation scheme where known; ``example`` marks support by example.
    """

    id: str = attrs.field(validator=_ID)
    premises: tuple[str, ...] = attrs.field(converter=_premises)
    conclusion: str = attrs.field(validator=_STR)
    scheme: str | None = attrs.field(default=None, validator=_OPTIONAL_STR)
    example: bool = attrs.field(default=False, validator=_BOOL)
    provenance: Provenance | None = attrs.field(default=None, validator=_PROVENANCE)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_metadata, hash=False, repr=False
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


@validated
@attrs.frozen
class Attack:
    """One or more statements attack a target.

    A target that is a statement is rebutted (a conclusion) or undermined (a
    premise); a target that is a relation is *undercut*: its premises are
    granted, its inference denied.
    """

    id: str = attrs.field(validator=_ID)
    attackers: tuple[str, ...] = attrs.field(converter=_attackers)
    target: str = attrs.field(validator=_STR)
    provenance: Provenance | None = attrs.field(default=None, validator=_PROVENANCE)
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_freeze_metadata, hash=False, repr=False
    )

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids the relation starts from (its attackers)."""
        return self.attackers


Relation = Union[Support, Attack]
Item = Union[Statement, Support, Attack]



# -- the fast path of construction -----------------------------------------------------------
#
# A map of 100,000 statements makes 190,000 of these objects, and attrs' generated __init__
# with its validators and converters, behind @validated's wrapper, is most of the cost of a
# build or a load. Each class below gets an __init__ that checks the usual, well-typed input
# itself (exact types, valid ids, no white-space-only text) and sets the fields; anything
# else -- a wrong type, a bad value, a subclass, unusual metadata -- goes through the full
# attrs __init__ from the start, which accepts or rejects it exactly as before (same error,
# same message). So the fast path accepts a subset of what the full one accepts, makes the
# same object from it, and never raises. tests/test_model.py compares the two.

_KIND_OF: dict[Any, Kind] = {**{k.value: k for k in Kind}, **{k: k for k in Kind}}


def _plain_id(value: Any) -> bool:
    """is_valid_id for a value known to be an exact str (inlined in the hot paths below)."""
    return value.isascii() and value.isidentifier() and len(value) <= 64 and (
        len(value) < 4 or len(value) > 8 or value.lower() not in _DOT_KEYWORDS
    )


def _plain_metadata(value: Any) -> Mapping[str, Any] | None:
    """The frozen metadata for usual input (None, an empty or a str-keyed dict), else None."""
    if value is None or value is _EMPTY:
        return _EMPTY
    if type(value) is dict:
        if not value:
            return _EMPTY
        for key in value:
            if type(key) is not str:
                return None
        return MappingProxyType(dict(value))
    if type(value) is MappingProxyType and value:
        return value  # type: ignore[no-any-return]
    return None


def _plain_strings(value: Any) -> tuple[str, ...] | None:
    """A tuple of exact strs from a list or tuple of them, else None."""
    if type(value) is tuple:
        items = value
    elif type(value) is list:
        items = tuple(value)
    else:
        return None
    for item in items:
        if type(item) is not str:
            return None
    return items



# The slots' own setters: a little faster than object.__setattr__(self, name, value), which
# looks the name up first (a frozen class's own __setattr__ refuses every assignment).
(_st_id, _st_text, _st_kind, _st_main, _st_spans, _st_provenance, _st_tags, _st_metadata) = (
    Statement.__dict__[f.name].__set__ for f in attrs.fields(Statement))
(_su_id, _su_premises, _su_conclusion, _su_scheme, _su_example, _su_provenance, _su_metadata) = (
    Support.__dict__[f.name].__set__ for f in attrs.fields(Support))
(_at_id, _at_attackers, _at_target, _at_provenance, _at_metadata) = (
    Attack.__dict__[f.name].__set__ for f in attrs.fields(Attack))

_statement_init = Statement.__init__
_support_init = Support.__init__
_attack_init = Attack.__init__


def _statement_fast_init(
    self: Statement, id: Any, text: Any, kind: Any = Kind.CLAIM, main: Any = False, spans: Any = (),
    provenance: Any = None, tags: Any = (), metadata: Any = None,
) -> None:
    if (
        type(id) is str and type(text) is str and (main is False or main is True)
        and (type(kind) is str or type(kind) is Kind) and (kind_ := _KIND_OF.get(kind)) is not None
        and (provenance is None or type(provenance) is Provenance)
        and id.isascii() and id.isidentifier() and len(id) <= 64
        and (len(id) < 4 or len(id) > 8 or id.lower() not in _DOT_KEYWORDS)
        and text and not text.isspace()
        and (type(spans) is tuple or type(spans) is list)
        and (tags_ := _plain_strings(tags)) is not None
        and (metadata_ := _plain_metadata(metadata)) is not None
    ):
        if spans:
            try:
                spans_ = _to_spans(spans)
            except ValidationError:
                return _statement_init(self, id, text, kind, main, spans, provenance, tags, metadata)
        else:
            spans_ = ()
        _st_id(self, id)
        _st_text(self, text)
        _st_kind(self, kind_)
        _st_main(self, main)
        _st_spans(self, spans_)
        _st_provenance(self, provenance)
        _st_tags(self, tags_)
        _st_metadata(self, metadata_)
        return None
    return _statement_init(self, id, text, kind, main, spans, provenance, tags, metadata)


def _support_fast_init(
    self: Support, id: Any, premises: Any, conclusion: Any, scheme: Any = None, example: Any = False,
    provenance: Any = None, metadata: Any = None,
) -> None:
    if (
        type(id) is str and type(conclusion) is str and (scheme is None or type(scheme) is str)
        and (example is False or example is True) and (provenance is None or type(provenance) is Provenance)
        and id.isascii() and id.isidentifier() and len(id) <= 64
        and (len(id) < 4 or len(id) > 8 or id.lower() not in _DOT_KEYWORDS)
        and (premises_ := _plain_strings(premises)) is not None
        and (metadata_ := _plain_metadata(metadata)) is not None
    ):
        _su_id(self, id)
        _su_premises(self, premises_)
        _su_conclusion(self, conclusion)
        _su_scheme(self, scheme)
        _su_example(self, example)
        _su_provenance(self, provenance)
        _su_metadata(self, metadata_)
        return None
    return _support_init(self, id, premises, conclusion, scheme, example, provenance, metadata)


def _attack_fast_init(
    self: Attack, id: Any, attackers: Any, target: Any, provenance: Any = None, metadata: Any = None
) -> None:
    if (
        type(id) is str and type(target) is str and (provenance is None or type(provenance) is Provenance)
        and id.isascii() and id.isidentifier() and len(id) <= 64
        and (len(id) < 4 or len(id) > 8 or id.lower() not in _DOT_KEYWORDS)
        and (attackers_ := _plain_strings(attackers)) is not None
        and (metadata_ := _plain_metadata(metadata)) is not None
    ):
        _at_id(self, id)
        _at_attackers(self, attackers_)
        _at_target(self, target)
        _at_provenance(self, provenance)
        _at_metadata(self, metadata_)
        return None
    return _attack_init(self, id, attackers, target, provenance, metadata)


for _cls, _fast in ((Statement, _statement_fast_init), (Support, _support_fast_init), (Attack, _attack_fast_init)):
    _fast.__doc__ = _cls.__init__.__doc__
    _fast.__qualname__ = f"{_cls.__name__}.__init__"
    _fast.__wrapped__ = _cls.__init__  # type: ignore[union-attr]
    setattr(_cls, "__init__", _fast)
del _cls, _fast
