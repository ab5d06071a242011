"""Abstract argumentation frameworks, and the projection of a map onto one.

A :class:`Framework` is Dung's (1995) pair of arguments and an attack relation,
with names for the arguments. :func:`project` builds the framework of an
:class:`~argmap.ArgumentMap`, reading each support as *necessary* support
(Nouioua & Risch 2010, 2011): a conclusion that has reasons stands only if at
least one of its reasons stands, and a reason stands only if every one of its
(linked) premises stands and nothing undercuts its inference. Attacks are
Dung's attacks; an attack with several attackers succeeds only if all of them
stand, and an undercut (an attack on a support or on an attack) defeats that
relation. The framework holds one argument per statement, and auxiliary
arguments for what Dung's attack alone cannot say:

- ``r4`` (a relation's own id), for a support that has several premises or is
  undercut: *the inference r4 holds*; for an attack with several attackers or
  that is itself attacked: *the attack r4 succeeds*;
- ``not_s3``: *s3 does not stand* (attacked by ``s3`` alone), which defeats each
  inference that needs ``s3`` and each attack ``s3`` takes part in with others;
- ``unsupported_s1``: *no reason for s1 stands* (attacked by each reason of
  ``s1``), which attacks ``s1``.

A support with one premise and nothing undercutting it needs no argument of
its own (it holds exactly when its premise stands), nor does an attack with
one attacker that nothing attacks (it is the attacker's own attack); so a map
of statements and plain attacks projects onto exactly the framework it draws.
docs/analysis.md works through examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from types import MappingProxyType

import attrs

from ..errors import ArgmapError
from ..model import ArgumentMap, Attack, Statement, Support

__all__ = ["ROLES", "AnalysisError", "Framework", "project"]


class AnalysisError(ArgmapError):
    """An analysis cannot be done as asked: a search over its limit, an unknown semantics, a bad framework."""


ROLES = ("statement", "inference", "attack", "not", "unsupported", "argument")
"""What an argument of a framework stands for: a statement of the map; a support's inference
(holds); an attack relation (succeeds); the negation of a statement (``not_s3``); "no reason of this
statement stands" (``unsupported_s1``); or a plain argument of a framework read from a file."""


def _arguments(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _attacks(value: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in value)


def _roles(value: Mapping[str, tuple[str, str]] | None) -> Mapping[str, tuple[str, str]]:
    return MappingProxyType(dict(value or {}))


def _holders(value: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(value or {}))


@attrs.frozen(eq=False, slots=False)
class Framework:
    """An abstract argumentation framework: named arguments and the attacks between them.

    ``roles`` says, for a framework projected from a map, what each argument
    stands for: ``(role, id)`` with a role of :data:`ROLES` and the id of the
    statement or relation of the map; ``holders`` names, for each relation of
    the map, the argument that stands for it. Arguments without a role are
    plain arguments (``("argument", name)``). Names are unique; an attack names two
    arguments of the framework; an argument may attack itself. Two frameworks
    are equal when they have the same arguments and attacks (in any order).

    >>> fw = Framework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> fw.attackers_of("c")
    ('b',)
    """

    arguments: tuple[str, ...] = attrs.field(converter=_arguments)
    attacks: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_attacks)
    roles: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, converter=_roles)
    holders: Mapping[str, str] = attrs.field(factory=dict, converter=_holders, repr=False)
    _index: dict[str, int] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, int] = {}
        for i, name in enumerate(self.arguments):
            if not isinstance(name, str) or not name:
                raise AnalysisError(f"argument {i + 1}: a name must be a non-empty string, got {name!r}")
            if name in index:
                raise AnalysisError(f"argument {name!r} is listed twice")
            index[name] = i
        for a, b in self.attacks:
            for end in (a, b):
                if end not in index:
                    raise AnalysisError(f"attack ({a}, {b}): unknown argument {end!r}")
        for name in self.roles:
            if name not in index:
                raise AnalysisError(f"role given for unknown argument {name!r}")
        object.__setattr__(self, "_index", index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return set(self.arguments) == set(other.arguments) and set(self.attacks) == set(other.attacks)

    def __hash__(self) -> int:
        return hash((frozenset(self.arguments), frozenset(self.attacks)))

    def __repr__(self) -> str:
        return f"<Framework: {len(self.arguments)} arguments, {len(self.edges)} attacks>"

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def index(self, name: str) -> int:
        """The position of the argument *name* (an :class:`AnalysisError` if there is none)."""
        try:
            return self._index[name]
        except KeyError:
            raise AnalysisError(f"unknown argument {name!r}") from None

    def role(self, name: str) -> tuple[str, str]:
        """``(role, id)``: what the argument stands for (see :data:`ROLES`)."""
        self.index(name)
        return self.roles.get(name, ("argument", name))

    @cached_property
    def edges(self) -> tuple[tuple[int, int], ...]:
        """The attacks as pairs of positions, each once, in the order first given."""
        index = self._index
        seen: dict[tuple[int, int], None] = {}
        for a, b in self.attacks:
            seen[(index[a], index[b])] = None
        return tuple(seen)

    @cached_property
    def attackers(self) -> tuple[tuple[int, ...], ...]:
        """For each argument (by position), the positions of its attackers."""
        out: list[list[int]] = [[] for _ in self.arguments]
        for a, b in self.edges:
            out[b].append(a)
        return tuple(tuple(x) for x in out)

    @cached_property
    def targets(self) -> tuple[tuple[int, ...], ...]:
        """For each argument (by position), the positions of the arguments it attacks."""
        out: list[list[int]] = [[] for _ in self.arguments]
        for a, b in self.edges:
            out[a].append(b)
        return tuple(tuple(x) for x in out)

    def attackers_of(self, name: str) -> tuple[str, ...]:
        """The names of the arguments that attack *name*."""
        return tuple(self.arguments[i] for i in self.attackers[self.index(name)])

    def statements(self) -> tuple[str, ...]:
        """The arguments that stand for statements of a map (all arguments of a plain framework)."""
        if not self.roles:
            return self.arguments
        return tuple(a for a in self.arguments if self.roles.get(a, ("argument",))[0] in ("statement", "argument"))

    def holder(self, relation_id: str) -> str | None:
        """The argument that stands for a relation of the map: its own argument, or the single
        premise or attacker it is equivalent to (``None`` in a framework not projected from a map)."""
        return self.holders.get(relation_id)


def _fresh(base: str, taken: set[str]) -> str:
    name = base
    while name in taken:
        name += "_"
    taken.add(name)
    return name


def project(amap: ArgumentMap) -> Framework:
    """The abstract argumentation framework of a map (necessary support; see the module's docstring).

    >>> import argmap
    >>> b = argmap.MapBuilder()
    >>> t = b.claim("Cities should plant trees.", main=True)
    >>> p = b.premise("Trees cool streets.")
    >>> _ = b.support(t, p)
    >>> o = b.objection("Trees cost money.")
    >>> _ = b.attack(t, o)
    >>> fw = project(b.build())
    >>> fw.arguments
    ('s1', 's2', 's3', 'unsupported_s1')
    >>> fw.attacks
    (('s3', 's1'), ('s2', 'unsupported_s1'), ('unsupported_s1', 's1'))
    """
    statements: Sequence[Statement] = amap.statements
    relations = amap.relations
    taken: set[str] = {s.id for s in statements}
    taken.update(r.id for r in relations)
    arguments: list[str] = [s.id for s in statements]
    roles: dict[str, tuple[str, str]] = {s.id: ("statement", s.id) for s in statements}
    attacked = {r.target for r in relations if type(r) is Attack}
    holder: dict[str, str] = {}
    for rel in relations:
        sources = rel.sources
        if len(sources) == 1 and rel.id not in attacked:
            holder[rel.id] = sources[0]
        else:
            holder[rel.id] = rel.id
            arguments.append(rel.id)
            roles[rel.id] = ("inference" if type(rel) is Support else "attack", rel.id)
    negation: dict[str, str] = {}
    attacks: list[tuple[str, str]] = []
    extra: list[tuple[str, str]] = []
    for rel in relations:
        if holder[rel.id] != rel.id:
            continue
        for src in rel.sources:
            neg = negation.get(src)
            if neg is None:
                neg = negation[src] = _fresh("not_" + src, taken)
                extra.append((src, neg))
                roles[neg] = ("not", src)
            attacks.append((neg, rel.id))
    by_id = amap._by_id
    reasons: dict[str, list[str]] = {}
    for rel in relations:
        if type(rel) is Support:
            reasons.setdefault(rel.conclusion, []).append(holder[rel.id])
        else:
            target = rel.target
            attacks.append((holder[rel.id], target if type(by_id[target]) is Statement else holder[target]))
    unsupported: list[str] = []
    for conclusion, holders in reasons.items():
        name = _fresh("unsupported_" + conclusion, taken)
        unsupported.append(name)
        roles[name] = ("unsupported", conclusion)
        for h in holders:
            attacks.append((h, name))
        attacks.append((name, conclusion))
    arguments.extend(negation.values())
    arguments.extend(unsupported)
    return Framework(arguments, [*extra, *attacks], roles, holder)
