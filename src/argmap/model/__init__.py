"""The argument-map model: documents, statements, supports, attacks and maps.

All classes are frozen attrs classes. A change makes a new object
(:func:`attrs.evolve` or the edit methods of :class:`ArgumentMap`), and every
new object is validated again, so a map that exists is a valid map.

Ids are shared by statements and relations: a relation's target may be a
statement or, for an undercut, another relation, and both are named by id.

The classes live in two modules: :mod:`argmap.model.items` (kinds, provenance,
the document, statements, supports, attacks) and :mod:`argmap.model.map`
(the map, its validation as a whole, queries and edits).
"""

from __future__ import annotations

from .items import Attack, Document, Item, Kind, Provenance, Relation, Statement, Support, is_valid_id
from .edit import Editor
from .map import ArgumentMap

__all__ = [
    "ArgumentMap",
    "Attack",
    "Document",
    "Editor",
    "Item",
    "Kind",
    "Provenance",
    "Relation",
    "Statement",
    "Support",
    "is_valid_id",
]
