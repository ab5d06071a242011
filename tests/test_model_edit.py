"""Batch edits (ArgumentMap.edit, Editor): the same maps as one edit call at a time, validated once."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Attack, MapBuilder, Statement, Support, UnknownIdError, ValidationError
from argmap.model import Editor
from argmap.strategies import argument_maps


def _small() -> ArgumentMap:
    b = MapBuilder()
    thesis = b.claim("Cities should plant trees.", main=True)
    b.support(thesis, b.premise("Trees cool streets."))
    b.attack("r1", b.objection("Heat has other causes."))
    return b.build()


def test_editor_in_a_with_block_builds_the_map_once_at_the_end():
    """Edits in a with block give e.map, validated on leaving; the original map is unchanged."""
    amap = _small()
    with amap.edit() as e:
        e.add(Statement("s9", "Shade saves energy."), Support("r9", ["s9"], "s1"))
        e.remove("s3")
        assert e.map is None
    assert isinstance(e, Editor)
    assert [s.id for s in e.map.statements] == ["s1", "s2", "s9"]
    assert [r.id for r in e.map.relations] == ["r1", "r9"]
    assert len(amap.statements) == 3


def test_editor_lets_a_relation_name_a_statement_added_later():
    """Within one edit a relation may come before the statement it names; build checks the whole."""
    new = _small().edit().add(Support("r9", ["s9"], "s1"), Statement("s9", "Later.")).build()
    assert new.reasons_for("s1")[-1].id == "r9"


def test_editor_errors_name_what_and_where():
    """A used id, an unknown id and a dangling reference are typed errors with a place."""
    amap = _small()
    with pytest.raises(ValidationError, match="duplicate id 's1'") as dup:
        amap.edit().add(Statement("s1", "Again."))
    assert dup.value.where == "Editor.add"
    with pytest.raises(UnknownIdError, match="unknown id 'nope'"):
        amap.edit().remove("nope")
    with pytest.raises(UnknownIdError, match="unknown id 's7'"):
        amap.edit().replace(Statement("s7", "No such."))
    with pytest.raises(ValidationError) as dangling:
        amap.edit().add(Support("r9", ["s8"], "s1")).build()
    assert dangling.value.where == "relations[2].from[0]"


def test_a_failing_with_block_builds_nothing():
    """An error inside the block leaves e.map None and propagates."""
    with pytest.raises(KeyError):
        with _small().edit() as e:
            raise KeyError("x")
    assert e.map is None


_ops = st.lists(
    st.tuples(st.sampled_from(["add_statement", "add_support", "add_attack", "remove", "replace"]),
              st.integers(0, 30), st.integers(0, 30)),
    max_size=8,
)


@given(argument_maps(max_statements=6, max_relations=8, extras=False), _ops)
def test_editor_equals_the_map_methods_applied_one_by_one(amap, ops):
    """Any sequence of add, replace and remove that the map's own methods apply one call at a time
    (each result valid) gives the same map through one Editor, validated once."""
    step = amap
    editor = amap.edit()
    for n, (op, a, b) in enumerate(ops):
        ids = [s.id for s in step.statements]
        every = ids + [r.id for r in step.relations]
        if op == "add_statement":
            item = Statement(f"n{n}", f"new {n}")
            args: tuple = (item,)
        elif op in ("add_support", "add_attack"):
            if len(ids) < 2:
                continue
            src, tgt = ids[a % len(ids)], ids[b % len(ids)]
            if src == tgt:
                continue
            args = (Support(f"q{n}", [src], tgt) if op == "add_support" else Attack(f"q{n}", [src], every[b % len(every)]),)
            if args[0].target == src:
                continue
        elif op == "remove":
            if not every:
                continue
            args = (every[a % len(every)],)
        else:
            if not ids:
                continue
            old = step.statement(ids[a % len(ids)])
            args = (Statement(old.id, f"changed {n}", kind=old.kind),)
        try:
            step = getattr(step, op.split("_")[0])(*args)
        except ValidationError:
            return  # the one-by-one path refuses this sequence; nothing to compare
        getattr(editor, op.split("_")[0])(*args)
    assert editor.build() == step


@given(argument_maps(max_statements=6, max_relations=8, extras=False))
def test_add_of_many_items_is_one_batch(amap):
    """amap.add(*items) equals adding the items one call at a time, and equals the Editor's result."""
    items = [Statement(f"x{i}", f"extra {i}") for i in range(3)]
    items.append(Support("y1", ["x0"], amap.statements[0].id))
    one_by_one = amap
    for item in items:
        one_by_one = one_by_one.add(item)
    assert amap.add(*items) == one_by_one == amap.edit().add(*items).build()
