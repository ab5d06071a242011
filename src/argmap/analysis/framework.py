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

import contextlib
import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType

from ..errors import ArgmapError
from ..model import ArgumentMap, Attack, Relation, Statement, Support

__all__ = ["ROLES", "AnalysisError", "Framework", "project"]


class AnalysisError(ArgmapError):
    """An analysis cannot be done as asked: a search over its limit, an unknown semantics, a bad framework."""


ROLES = ("statement", "inference", "attack", "not", "unsupported", "argument")
"""What an argument of a framework stands for: a statement of the map; a support's inference
(holds); an attack relation (succeeds); the negation of a statement (``not_s3``); "no reason of this
statement stands" (``unsupported_s1``); or a plain argument of a framework read from a file."""


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

    __slots__ = ("_arguments", "_index", "_targets", "_roles", "_holders", "_statement_count", "_attackers",
                 "_edges")

    def __init__(self, arguments: Iterable[str], attacks: Iterable[tuple[str, str]] = (),
                 roles: Mapping[str, tuple[str, str]] | None = None, holders: Mapping[str, str] | None = None) -> None:
        names = tuple(arguments)
        index: dict[str, int] = {}
        for i, name in enumerate(names):
            if not isinstance(name, str) or not name:
                raise AnalysisError(f"argument {i + 1}: a name must be a non-empty string, got {name!r}")
            if name in index:
                raise AnalysisError(f"argument {name!r} is listed twice")
            index[name] = i
        targets: list[list[int]] = [[] for _ in names]
        for pair in attacks:
            a, b = pair
            for end in (a, b):
                if end not in index:
                    raise AnalysisError(f"attack ({a}, {b}): unknown argument {end!r}")
            row, j = targets[index[a]], index[b]
            if j not in row:
                row.append(j)
        for name in roles or {}:
            if name not in index:
                raise AnalysisError(f"role given for unknown argument {name!r}")
        self._setup(names, index, targets, dict(roles or {}), dict(holders or {}), 0)

    def _setup(self, names: tuple[str, ...], index: dict[str, int], targets: list[list[int]],
               roles: dict[str, tuple[str, str]], holders: dict[str, str], statement_count: int) -> None:
        self._arguments = names
        self._index = index
        self._targets = targets
        self._roles = roles  # the first statement_count arguments are statements, without an entry here
        self._holders = holders
        self._statement_count = statement_count
        self._attackers: list[list[int]] | None = None
        self._edges: tuple[tuple[int, int], ...] | None = None

    @classmethod
    def _trusted(cls, names: tuple[str, ...], index: dict[str, int], targets: list[list[int]],
                 roles: dict[str, tuple[str, str]], holders: dict[str, str], statement_count: int) -> Framework:
        """A framework from parts already checked (the projection's fast path)."""
        fw = cls.__new__(cls)
        fw._setup(names, index, targets, roles, holders, statement_count)
        return fw

    @property
    def arguments(self) -> tuple[str, ...]:
        """The argument names, in order."""
        return self._arguments

    @property
    def attacks(self) -> tuple[tuple[str, str], ...]:
        """The attacks as pairs of names, each once."""
        names = self._arguments
        return tuple((names[a], names[b]) for a, b in self.edges)

    @property
    def roles(self) -> Mapping[str, tuple[str, str]]:
        """What each argument stands for, where the framework says (see :data:`ROLES`)."""
        if not self._statement_count:
            return MappingProxyType(self._roles)
        out = {n: ("statement", n) for n in self._arguments[: self._statement_count]}
        out.update(self._roles)
        return MappingProxyType(out)

    @property
    def holders(self) -> Mapping[str, str]:
        """For each relation of the map the framework was projected from, the argument standing for it."""
        return MappingProxyType(self._holders)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return set(self.arguments) == set(other.arguments) and set(self.attacks) == set(other.attacks)

    def __hash__(self) -> int:
        return hash((frozenset(self.arguments), frozenset(self.attacks)))

    def __repr__(self) -> str:
        return f"<Framework: {len(self._arguments)} arguments, {len(self.edges)} attacks>"

    def __len__(self) -> int:
        return len(self._arguments)

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
        i = self.index(name)
        if i < self._statement_count:
            return ("statement", name)
        return self._roles.get(name, ("argument", name))

    @property
    def edges(self) -> tuple[tuple[int, int], ...]:
        """The attacks as pairs of positions, each once, by attacker."""
        if self._edges is None:
            self._edges = tuple((a, b) for a, row in enumerate(self._targets) for b in row)
        return self._edges

    @property
    def targets(self) -> list[list[int]]:
        """For each argument (by position), the positions of the arguments it attacks (do not modify)."""
        return self._targets

    @property
    def attackers(self) -> list[list[int]]:
        """For each argument (by position), the positions of its attackers (do not modify)."""
        if self._attackers is None:
            out: list[list[int]] = [[] for _ in self._arguments]
            for a, row in enumerate(self._targets):
                for b in row:
                    out[b].append(a)
            self._attackers = out
        return self._attackers

    def attackers_of(self, name: str) -> tuple[str, ...]:
        """The names of the arguments that attack *name*."""
        return tuple(self._arguments[i] for i in self.attackers[self.index(name)])

    def statements(self) -> tuple[str, ...]:
        """The arguments that stand for statements of a map (all arguments of a plain framework)."""
        if self._statement_count:
            return self._arguments[: self._statement_count]
        return tuple(a for a in self._arguments if self._roles.get(a, ("argument",))[0] in ("statement", "argument"))

    def holder(self, relation_id: str) -> str | None:
        """The argument that stands for a relation of the map: its own argument, or the single
        premise or attacker it is equivalent to (``None`` in a framework not projected from a map)."""
        return self._holders.get(relation_id)


def _fresh(base: str, taken: set[str]) -> str:
    name = base
    while name in taken:
        name += "_"
    taken.add(name)
    return name


@contextlib.contextmanager
def quiet_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector while a large framework is built or labelled.

    Building one allocates a list per argument; with a big map alive, those
    allocations set off full collections that walk the whole map and double
    the time. Nothing built here makes reference cycles, so pausing the
    collector frees nothing late; it is switched back on (if it was on) after.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


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
    (('s2', 'unsupported_s1'), ('s3', 's1'), ('unsupported_s1', 's1'))
    """
    with quiet_gc():
        return _project(amap)


def _project(amap: ArgumentMap) -> Framework:
    statements: Sequence[Statement] = amap.statements
    relations = amap.relations
    by_id = amap._by_id
    names: list[str] = [s.id for s in statements]
    index: dict[str, int] = {n: i for i, n in enumerate(names)}
    taken: set[str] = set(by_id)
    roles: dict[str, tuple[str, str]] = {}
    holders: dict[str, str] = {}
    hold: dict[str, int] = {}  # relation id -> position of the argument standing for it
    attacked = {r.target for r in relations if type(r) is Attack}
    own: list[Relation] = []
    for rel in relations:
        sources = rel.sources
        if len(sources) == 1 and rel.id not in attacked:
            holders[rel.id] = sources[0]
            hold[rel.id] = index[sources[0]]
        else:
            holders[rel.id] = rel.id
            hold[rel.id] = len(names)
            index[rel.id] = len(names)
            names.append(rel.id)
            roles[rel.id] = ("inference" if type(rel) is Support else "attack", rel.id)
            own.append(rel)
    targets: list[list[int]] = [[] for _ in names]
    negation: dict[str, int] = {}
    for rel in own:  # an argument of its own is defeated when a source does not stand
        me = hold[rel.id]
        for src in rel.sources:
            neg = negation.get(src)
            if neg is None:
                name = _fresh("not_" + src, taken)
                neg = negation[src] = len(names)
                index[name] = neg
                names.append(name)
                roles[name] = ("not", src)
                targets[index[src]].append(neg)
                targets.append([])
            targets[neg].append(me)
    reasons: dict[str, list[int]] = {}
    for rel in relations:
        if type(rel) is Support:
            reasons.setdefault(rel.conclusion, []).append(hold[rel.id])
        else:
            target = rel.target
            t = index[target] if type(by_id[target]) is Statement else hold[target]
            row = targets[hold[rel.id]]
            if t not in row:
                row.append(t)
    for conclusion, holders_of in reasons.items():
        name = _fresh("unsupported_" + conclusion, taken)
        u = len(names)
        index[name] = u
        names.append(name)
        roles[name] = ("unsupported", conclusion)
        targets.append([index[conclusion]])
        for h in holders_of:
            row = targets[h]
            if u not in row:
                row.append(u)
    return Framework._trusted(tuple(names), index, targets, roles, holders, len(statements))
