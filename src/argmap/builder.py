"""A builder that makes hand-written maps short.

>>> from argmap import MapBuilder
>>> b = MapBuilder(title="School uniforms")
>>> thesis = b.recommendation("Schools should require uniforms.", main=True)
>>> b.support(thesis, b.premise("Uniforms hide income differences."))
'r1'
>>> cost = b.objection("Uniforms cost parents money.")
>>> b.attack(thesis, cost)
'r2'
>>> b.attack(cost, b.rebuttal("A uniform costs less than a fashionable wardrobe."))
'r3'
>>> amap = b.build()
>>> [s.id for s in amap.main_claims], len(amap.statements), len(amap.relations)
(['s1'], 4, 3)
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ValidationError
from .model import ArgumentMap, Attack, Document, Kind, Provenance, Statement, Support

__all__ = ["MapBuilder"]


class MapBuilder:
    """Collects statements and relations, then :meth:`build` validates them into a map.

    Statement methods return the new statement's id (``s1``, ``s2``, ... unless
    you give one); relation methods return the relation's id (``r1``, ...).
    Relations may name statements added later: everything is checked in
    :meth:`build`, which names any id that does not exist.

    With ``document`` (or ``text``) and ``locate=True``, every statement's text
    is looked up in the document and gets its span, so a hand-written map of a
    real text points into it.
    """

    def __init__(
        self,
        document: Document | None = None,
        *,
        text: str | None = None,
        title: str | None = None,
        locate: bool = False,
        provenance: Provenance | None = None,
    ) -> None:
        if document is None:
            document = Document(text=text or "", title=title)
        elif text is not None or title is not None:
            raise TypeError("give either a document or text/title, not both")
        self.document = document
        self.locate = locate
        self._cursor = 0  # where the last located statement ended
        self.provenance = provenance
        self._statements: list[Statement] = []
        self._relations: list[Support | Attack] = []
        self._next_statement = 0
        self._next_relation = 0
        self._taken: set[str] = set()

    # -- statements -----------------------------------------------------------

    def statement(self, text: str, kind: Kind | str = Kind.CLAIM, *, id: str | None = None, main: bool = False,
                  spans: Any = None, **fields: Any) -> str:
        """Add a statement of any kind; return its id."""
        if id is None:
            id = self._fresh("s")
        if spans is None and self.locate:
            spans = (self._find(text),)
        fields.setdefault("provenance", self.provenance)
        self._statements.append(
            Statement(id=id, text=text, kind=kind, main=main, spans=spans or (), **fields)
        )
        self._taken.add(id)
        return id

    def claim(self, text: str, **fields: Any) -> str:
        """Add a claim; ``main=True`` marks the thesis."""
        return self.statement(text, Kind.CLAIM, **fields)

    def premise(self, text: str, **fields: Any) -> str:
        """Add a premise (a reason)."""
        return self.statement(text, Kind.PREMISE, **fields)

    def objection(self, text: str, **fields: Any) -> str:
        """Add an objection (a view the author argues against)."""
        return self.statement(text, Kind.OBJECTION, **fields)

    def rebuttal(self, text: str, **fields: Any) -> str:
        """Add a rebuttal (the author's answer to an objection)."""
        return self.statement(text, Kind.REBUTTAL, **fields)

    def recommendation(self, text: str, **fields: Any) -> str:
        """Add a recommendation (what someone should do)."""
        return self.statement(text, Kind.RECOMMENDATION, **fields)

    # -- relations ----------------------------------------------------------

    def support(self, conclusion: str, *premises: str, id: str | None = None, **fields: Any) -> str:
        """``conclusion`` because of ``premises``; several premises are linked."""
        id = id or self._fresh("r")
        fields.setdefault("provenance", self.provenance)
        self._relations.append(Support(id=id, premises=premises, conclusion=conclusion, **fields))
        self._taken.add(id)
        return id

    def attack(self, target: str, *attackers: str, id: str | None = None, **fields: Any) -> str:
        """``attackers`` speak against ``target``: a statement, or a relation (an undercut)."""
        id = id or self._fresh("r")
        fields.setdefault("provenance", self.provenance)
        self._relations.append(Attack(id=id, attackers=attackers, target=target, **fields))
        self._taken.add(id)
        return id

    # -- result -------------------------------------------------------------

    def build(self, **metadata: Any) -> ArgumentMap:
        """Validate everything added so far into an :class:`ArgumentMap`."""
        return ArgumentMap(
            statements=self._statements, relations=self._relations, document=self.document, metadata=metadata
        )

    # -- helpers ------------------------------------------------------------

    def _fresh(self, prefix: str) -> str:
        while True:
            if prefix == "s":
                self._next_statement += 1
                candidate = f"s{self._next_statement}"
            else:
                self._next_relation += 1
                candidate = f"r{self._next_relation}"
            if candidate not in self._taken:
                return candidate

    def _find(self, text: str) -> tuple[int, int]:
        doc = self.document.text
        # Statements usually come in the order of the text: look after the last one found first,
        # then from the start. (Searching from the start each time was quadratic in long maps.)
        start = doc.find(text, self._cursor)
        if start < 0 and self._cursor:
            start = doc.find(text)
        if start >= 0:
            self._cursor = start + len(text)
            return (start, start + len(text))
        # Allow the hand-written text to differ from the source in whitespace only.
        words = text.split()
        if words:
            match = re.search(r"\s+".join(re.escape(w) for w in words), doc)
            if match:
                return match.span()
        raise ValidationError(f"text not found in the document: {text[:60]!r}", where="MapBuilder.locate")
