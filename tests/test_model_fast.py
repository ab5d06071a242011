"""The fast paths of the model (issue 14) accept and refuse exactly what the full checks do."""

from __future__ import annotations

import types

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Attack, Kind, Provenance, Statement, Support, ValidationError
from argmap.model import items
from argmap.model.map import _validate_carefully, _validate_quickly
from argmap.strategies import argument_maps

# Values of every sort a caller might pass for a field: valid ones, wrong types, subclasses, odd strings.


class _Str(str):
    pass


_strings = st.one_of(
    st.sampled_from(["s1", "r2", "graph", "Node", "x" * 64, "x" * 65, "1a", "a-b", "é", "", " ", "\t\n", "ok text"]),
    st.text(max_size=6),
    st.builds(_Str, st.sampled_from(["s1", "text"])),
)
_values = st.one_of(
    _strings,
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=False),
    st.just(Kind.PREMISE),
    st.just(Provenance("cues", 0.5)),
    st.lists(_strings, max_size=3),
    st.tuples(_strings, _strings),
    st.lists(st.lists(st.integers(-1, 8), max_size=3), max_size=3),
    st.lists(st.tuples(st.integers(-1, 8), st.integers(-1, 8)), max_size=2).map(tuple),
    st.dictionaries(st.one_of(st.text(max_size=3), st.integers(0, 2)), st.integers(), max_size=2),
    st.just(types.MappingProxyType({"a": 1})),
)


def _outcome(init, cls, args):
    """The object an __init__ makes from args, or the error it raises (type, message, where)."""
    obj = cls.__new__(cls)
    try:
        init(obj, *args)
    except Exception as exc:  # noqa: BLE001 - any error must be the same one
        return ("error", type(exc), str(exc), getattr(exc, "where", None))
    return ("made", obj, tuple(type(getattr(obj, f.name)) for f in cls.__attrs_attrs__))


_CASES = [
    (Statement, items._statement_init, 8),
    (Support, items._support_init, 7),
    (Attack, items._attack_init, 5),
]


@pytest.mark.parametrize("cls, full_init, arity", _CASES, ids=lambda c: getattr(c, "__name__", ""))
@given(data=st.data())
def test_fast_init_makes_the_same_object_or_the_same_error(cls, full_init, arity, data):
    """For any arguments, a Statement, Support or Attack made through the fast __init__ equals the one the
    full attrs __init__ makes (field types included), or both raise the same error with the same place."""
    n = data.draw(st.integers(2, arity))
    args = [data.draw(_values) for _ in range(n)]
    fast = _outcome(cls.__init__, cls, args)
    full = _outcome(full_init, cls, args)
    assert fast == full


@given(argument_maps(max_statements=8, max_relations=10))
def test_fast_init_copies_generated_items_exactly(amap):
    """Every item of a generated map, made again from its fields through the fast __init__, equals the original."""
    for item in (*amap.statements, *amap.relations):
        fields = {f.name: getattr(item, f.name) for f in type(item).__attrs_attrs__}
        assert type(item)(**fields) == item


def _mutations(amap: ArgumentMap, draw) -> types.SimpleNamespace:
    statements = list(amap.statements)
    relations = list(amap.relations)
    ids = [x.id for x in (*statements, *relations)] + ["nowhere"]
    what = draw(st.sampled_from(["dup", "target", "source", "self", "span", "type", "empty", "none"]))
    if what == "dup" and len(ids) > 2:
        i = draw(st.integers(0, len(statements) - 1))
        statements.append(Statement(id=draw(st.sampled_from(ids[:-1])), text="x"))
        del i
    elif what in ("target", "source", "self") and relations:
        j = draw(st.integers(0, len(relations) - 1))
        rel = relations[j]
        new_id = draw(st.sampled_from(ids))
        if what == "self":
            new_id = rel.sources[0]
        if what == "source":
            sources = list(rel.sources)
            sources[draw(st.integers(0, len(sources) - 1))] = new_id
            relations[j] = Support(rel.id, sources, rel.target) if isinstance(rel, Support) else Attack(rel.id, sources, rel.target)
        else:
            relations[j] = Support(rel.id, rel.sources, new_id) if isinstance(rel, Support) else Attack(rel.id, rel.sources, new_id)
    elif what == "span":
        i = draw(st.integers(0, len(statements) - 1))
        a = draw(st.integers(0, len(amap.document.text) + 2))
        statements[i] = Statement(id=statements[i].id, text=statements[i].text, spans=[(a, a + draw(st.integers(1, 4)))])
    elif what == "type":
        statements.append(draw(st.sampled_from([None, "s9", relations[0] if relations else 3])))
    elif what == "empty" and relations:
        rel = relations[0]
        bare = Support.__new__(Support)
        for f in Support.__attrs_attrs__:
            object.__setattr__(bare, f.name, getattr(rel, f.name, None) if f.name != "premises" else ())
        object.__setattr__(bare, "conclusion", rel.target)
        object.__setattr__(bare, "scheme", None)
        object.__setattr__(bare, "example", False)
        relations[0] = bare
    return types.SimpleNamespace(statements=tuple(statements), relations=tuple(relations), document=amap.document)


@given(argument_maps(max_statements=8, max_relations=10), st.data())
def test_quick_validation_accepts_only_what_the_careful_one_accepts(amap, data):
    """On valid and mutated maps, the quick pass of map validation gives the careful pass's id index or
    None (then the careful pass decides); it never accepts a map the careful pass refuses."""
    shape = _mutations(amap, data.draw)
    quick = _validate_quickly(shape)  # type: ignore[arg-type]
    try:
        careful = _validate_carefully(shape)  # type: ignore[arg-type]
    except ValidationError:
        assert quick is None
    else:
        assert quick is None or quick == careful


@given(argument_maps(max_statements=8, max_relations=10))
def test_quick_validation_accepts_every_generated_map(amap):
    """The quick pass accepts every valid generated map (so the careful pass is the exception, not the rule)."""
    assert _validate_quickly(amap) == _validate_carefully(amap)
