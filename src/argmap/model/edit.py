"""Batch edits: many additions, replacements and removals, validated once.

Every edit method of :class:`~argmap.ArgumentMap` returns a new map validated as
a whole, so ``m = m.add(x)`` in a loop of *n* items validates *n* maps: quadratic
time. An :class:`Editor` collects the edits and validates the result once.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..errors import UnknownIdError, ValidationError
from .items import Attack, Document, Item, Relation, Statement, Support

if TYPE_CHECKING:  # pragma: no cover - types only
    from .map import ArgumentMap

__all__ = ["Editor"]


class Editor:
    """Edits of a map, applied in order and validated once by :meth:`build`.

    Made by :meth:`ArgumentMap.edit() <argmap.ArgumentMap.edit>`; the map it
    started from does not change. :meth:`add`, :meth:`replace` and
    :meth:`remove` do what the map's methods of the same names do, in the order
    called, each in time proportional to what it touches; :meth:`build` makes
    the new map and validates it as a whole (a dangling reference or a span
    outside the document is reported there, naming its place in the new map).
    As a context manager, the editor builds on leaving the block without an
    error and keeps the result in :attr:`map`::

        with amap.edit() as e:
            e.add(Statement("s9", "A new reason."), Support("r9", ["s9"], "s1"))
            e.remove("s4")
        new = e.map
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.document: Document = amap.document
        """The document of the map to build (assign another to change it)."""
        self.metadata: Mapping[str, Any] = amap.metadata
        """The metadata of the map to build (assign another to change it)."""
        self.map: ArgumentMap | None = None
        """The map built on leaving a ``with`` block (``None`` before)."""
        self._statements: dict[str, Statement] = {s.id: s for s in amap.statements}
        self._relations: dict[str, Relation] = {r.id: r for r in amap.relations}
        self._touching: dict[str, set[str]] | None = None  # id -> ids of the relations that start from or point at it

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._statements or item_id in self._relations

    def __repr__(self) -> str:
        return f"<Editor: {len(self._statements)} statements, {len(self._relations)} relations so far>"

    def __len__(self) -> int:
        """The number of statements so far."""
        return len(self._statements)

    def add(self, *items: Item) -> Editor:
        """Add statements and relations at the end (a relation may name a statement added later).

        An id already in use is a :class:`~argmap.ValidationError` at once.
        """
        for item in items:
            if item.id in self:
                raise ValidationError(f"duplicate id {item.id!r}", where="Editor.add")
            if isinstance(item, Statement):
                self._statements[item.id] = item
            elif isinstance(item, (Support, Attack)):
                self._relations[item.id] = item
                self._index(item)
            else:
                raise ValidationError(
                    f"expected a Statement, a Support or an Attack, got {type(item).__name__}", where="Editor.add"
                )
        return self

    def replace(self, *items: Item) -> Editor:
        """Put each item in the place of the one with its id (a statement for a statement, a relation
        for a relation); an id not in the map is an :class:`~argmap.UnknownIdError`."""
        for item in items:
            if item.id in self._statements:
                if not isinstance(item, Statement):
                    raise ValidationError(f"{item.id!r} is a statement; replace it with a statement",
                                          where="Editor.replace")
                self._statements[item.id] = item
            elif item.id in self._relations:
                if not isinstance(item, (Support, Attack)):
                    raise ValidationError(f"{item.id!r} is a relation; replace it with a relation",
                                          where="Editor.replace")
                self._unindex(self._relations[item.id])
                self._relations[item.id] = item
                self._index(item)
            else:
                raise UnknownIdError(f"unknown id {item.id!r}")
        return self

    def remove(self, *ids: str) -> Editor:
        """Remove these statements or relations, and every relation that points at or starts from
        something removed (and so on); an id not in the map is an :class:`~argmap.UnknownIdError`."""
        for item_id in ids:
            if item_id not in self:
                raise UnknownIdError(f"unknown id {item_id!r}")
        if self._touching is None:
            self._touching = {}
            for rel in self._relations.values():
                self._index(rel)
        todo = list(ids)
        while todo:
            item_id = todo.pop()
            if self._statements.pop(item_id, None) is None:
                if item_id not in self._relations:
                    continue  # already gone
                self._unindex(self._relations.pop(item_id))
            todo.extend(self._touching.pop(item_id, ()))
        return self

    def build(self) -> ArgumentMap:
        """The edited map, validated as a whole (a :class:`~argmap.ValidationError` names what is wrong)."""
        from .map import ArgumentMap

        return ArgumentMap(
            statements=tuple(self._statements.values()),
            relations=tuple(self._relations.values()),
            document=self.document,
            metadata=self.metadata,
        )

    def __enter__(self) -> Editor:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is None:
            self.map = self.build()

    def _index(self, rel: Relation) -> None:
        if self._touching is not None:
            for end in (*rel.sources, rel.target):
                self._touching.setdefault(end, set()).add(rel.id)

    def _unindex(self, rel: Relation) -> None:
        if self._touching is not None:
            for end in (*rel.sources, rel.target):
                ids = self._touching.get(end)
                if ids is not None:
                    ids.discard(rel.id)
