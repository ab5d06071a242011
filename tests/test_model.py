"""The model: validation on construction, queries, immutable edits, the builder."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import (
    ArgumentMap,
    Attack,
    Document,
    Kind,
    MapBuilder,
    Provenance,
    Statement,
    Support,
    UnknownIdError,
    ValidationError,
)
from argmap.strategies import argument_maps


def small_map() -> ArgumentMap:
    b = MapBuilder(title="Trees")
    thesis = b.recommendation("Cities should plant more trees.", main=True)
    b.support(thesis, b.premise("Trees cool streets."))  # r1
    b.support(thesis, b.premise("Shade saves energy."), b.premise("Energy costs money."))  # r2, linked
    cost = b.objection("Trees cost money to maintain.")
    b.attack(thesis, cost)  # r3
    b.attack(cost, b.rebuttal("Maintenance is cheaper than air conditioning."))  # r4
    b.attack("r1", b.objection("Cooling needs many trees, not a few."))  # r5, undercut
    return b.build()


def test_builder_makes_the_documented_ids_and_structure():
    """The builder numbers statements s1.. and relations r1.. in the order they are added."""
    m = small_map()
    assert [s.id for s in m.statements] == ["s1", "s2", "s3", "s4", "s5", "s6", "s7"]
    assert [r.id for r in m.relations] == ["r1", "r2", "r3", "r4", "r5"]
    assert m.get("r2").premises == ("s3", "s4")


def test_builder_refuses_a_relation_to_a_missing_statement_naming_the_id():
    """A relation to an id that does not exist is refused at build time, naming the id."""
    b = MapBuilder()
    thesis = b.claim("A.")
    b.support(thesis, "s42")
    with pytest.raises(ValidationError, match=r"relations\[0\]\.from\[0\]: unknown id 's42'"):
        b.build()


def test_builder_locates_statements_in_its_document():
    """With locate=True each statement gets the span of its text in the document, whitespace aside."""
    doc = Document(text="Intro.\nWe must act now.  It is\nurgent.")
    b = MapBuilder(doc, locate=True)
    a = b.claim("We must act now.")
    u = b.premise("It is urgent.")
    m = b.build()
    assert m.statement(a).spans == ((7, 23),)
    assert doc.text[slice(*m.statement(u).spans[0])] == "It is\nurgent."
    with pytest.raises(ValidationError, match="not found in the document"):
        b.claim("Not in there.")


def test_queries_answer_about_reasons_objections_and_premises():
    """reasons_for, objections_to, premises_of, main_claims and by_kind return the right items in order."""
    m = small_map()
    assert [s.id for s in m.main_claims] == ["s1"]
    assert [r.id for r in m.reasons_for("s1")] == ["r1", "r2"]
    assert [a.id for a in m.objections_to("s1")] == ["r3"]
    assert [a.id for a in m.objections_to("r1")] == ["r5"]
    assert [s.id for s in m.premises_of("r2")] == ["s3", "s4"]
    assert [s.id for s in m.by_kind("objection")] == ["s5", "s7"]
    assert [s.id for s in m.by_kind(Kind.REBUTTAL)] == ["s6"]


def test_roots_leaves_and_attack_types():
    """Roots support or attack nothing; leaves have nothing pointing at them; attacks are typed."""
    m = small_map()
    assert [s.id for s in m.roots()] == ["s1"]
    assert [s.id for s in m.leaves()] == ["s2", "s3", "s4", "s6", "s7"]
    assert m.attack_type("r3") == "rebut"
    assert m.attack_type("r5") == "undercut"
    assert m.add(Attack("r9", ["s6"], "s2")).attack_type("r9") == "undermine"


def test_subtree_keeps_what_hangs_from_a_statement():
    """subtree(x) keeps x, everything supporting or attacking it, recursively, and undercuts of those links."""
    m = small_map()
    sub = m.subtree("s5")
    assert [s.id for s in sub.statements] == ["s5", "s6"]
    assert [r.id for r in sub.relations] == ["r4"]
    assert m.subtree("s1") == m


def test_edits_return_new_validated_maps():
    """add, replace and remove leave the original alone; remove also drops relations left dangling."""
    m = small_map()
    m2 = m.replace(attrs.evolve(m.statement("s2"), text="Trees cool streets a lot."))
    assert m.statement("s2").text == "Trees cool streets."
    assert m2.statement("s2").text == "Trees cool streets a lot."
    m3 = m.remove("s2")
    assert "s2" not in m3 and "r1" not in m3 and "r5" not in m3  # r5 undercut r1
    assert "s7" in m3
    with pytest.raises(ValidationError, match="duplicate id 's1'"):
        m.add(Statement("s1", "Again."))
    with pytest.raises(UnknownIdError):
        m.remove("nope")


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: ArgumentMap([Statement("s1", "A"), Statement("s1", "B")]), r"statements\[1\]\.id: duplicate id 's1'"),
        (lambda: ArgumentMap([Statement("s1", "A")], [Support("s1", ["s1"], "s1")]), r"relations\[0\]\.id: duplicate"),
        (lambda: ArgumentMap([Statement("s1", "A")], [Attack("r1", ["s1"], "s9")]), r"relations\[0\]\.to: unknown id 's9'"),
        (lambda: ArgumentMap([Statement("s1", "A"), Statement("s2", "B")], [Support("r1", ["s1", "s2"], "s1")]),
         r"relations\[0\]\.to: statement 's1' supports itself"),
        (lambda: ArgumentMap([Statement("s1", "A"), Statement("s2", "B")],
                             [Support("r1", ["s1"], "s2"), Support("r2", ["s1"], "r1")]),
         r"relations\[1\]\.to: 'r1' is a relation; a support concludes a statement"),
        (lambda: ArgumentMap([Statement("s1", "A"), Statement("s2", "B")], [Support("r1", ["s1", "s1"], "s2")]),
         r"relations\[0\]\.from\[1\]: 's1' is listed twice"),
        (lambda: ArgumentMap([Statement("s1", "A")], [Support("r1", [], "s1")]), r"relations\[0\]\.from: a support needs"),
        (lambda: ArgumentMap([Statement("s1", "Hello", spans=[(0, 9)])], document=Document("Hello")),
         r"statements\[0\]\.spans\[0\]: span \[0, 9\] lies outside the document \(5 characters\)"),
        (lambda: ArgumentMap([Statement("s1", "Hello", spans=[(0, 4)])], document=Document("Hello")),
         r"statements\[0\]\.spans: spans cover 'Hell', not the statement's text 'Hello'"),
        (lambda: Statement("s1", "A", kind="clam"), r"Statement\.kind: unknown kind 'clam'"),
        (lambda: Statement("1s", "A"), r"Statement\.id: invalid id '1s'"),
        (lambda: Statement("graph", "A"), r"Statement\.id: invalid id 'graph'"),
        (lambda: Statement("s1", "   "), r"Statement\.text: empty text"),
        (lambda: Statement("s1", "A", spans=[(3, 3)]), r"Statement\.spans\[0\]: a span is two offsets"),
        (lambda: Provenance("cues", 1.5), r"Provenance\.confidence: a confidence is a number in \[0, 1\]"),
        (lambda: Statement("s1", "A", main="yes"), r"Statement\.main: expected true or false"),
    ],
)
def test_validation_names_what_and_where(make, message):
    """Each broken rule raises ValidationError whose message names the place and the bad value."""
    with pytest.raises(ValidationError, match=message):
        make()


def test_spans_match_up_to_whitespace_and_may_be_several():
    """A statement may cover several spans; their text joined equals its text up to white space."""
    doc = Document("We must act.\n\nNow,   not later.")
    st_ = Statement("s1", "We must act. Now, not later.", spans=[(0, 12), (14, 31)])
    assert ArgumentMap([st_], document=doc).statement("s1") is st_


def test_metadata_is_read_only():
    """Metadata cannot be changed in place: changes go through evolve."""
    s = Statement("s1", "A", metadata={"k": 1})
    with pytest.raises(TypeError):
        s.metadata["k"] = 2  # type: ignore[index]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.text = "B"  # type: ignore[misc]


@given(argument_maps(), st.data())
def test_validation_rejects_any_dangling_reference(amap, data):
    """Pointing any relation at an id the map lacks is refused, and the error names that id."""
    if not amap.relations:
        return
    i = data.draw(st.integers(0, len(amap.relations) - 1))
    rel = amap.relations[i]
    broken = attrs.evolve(rel, **({"conclusion": "zz_missing"} if isinstance(rel, Support) else {"target": "zz_missing"}))
    with pytest.raises(ValidationError, match=rf"relations\[{i}\]\.to: unknown id 'zz_missing'"):
        amap.evolve(relations=amap.relations[:i] + (broken,) + amap.relations[i + 1:])


@given(argument_maps(), st.data())
def test_validation_rejects_any_duplicate_id(amap, data):
    """Giving a statement the id of another statement or relation is refused."""
    ids = [s.id for s in amap.statements] + [r.id for r in amap.relations]
    if len(ids) < 2:
        return
    victim = data.draw(st.integers(1, len(amap.statements) - 1)) if len(amap.statements) > 1 else None
    if victim is None:
        return
    other = data.draw(st.sampled_from([x for x in ids if x != amap.statements[victim].id]))
    statements = list(amap.statements)
    statements[victim] = attrs.evolve(statements[victim], id=other)
    with pytest.raises(ValidationError, match="duplicate id|unknown id"):
        amap.evolve(statements=statements)


@given(argument_maps(with_spans=True), st.data())
def test_validation_rejects_spans_outside_or_not_matching(amap, data):
    """A span past the document's end, or one covering other text, is refused."""
    i = data.draw(st.integers(0, len(amap.statements) - 1))
    s = amap.statements[i]
    n = len(amap.document.text)
    outside = attrs.evolve(s, spans=[(0, n + data.draw(st.integers(1, 5)))])
    with pytest.raises(ValidationError, match=rf"statements\[{i}\]\.spans\[0\]: .* outside the document"):
        amap.replace(outside)
    start, end = s.spans[0]
    shifted = attrs.evolve(s, text=s.text + " extra words")
    with pytest.raises(ValidationError, match=rf"statements\[{i}\]\.spans: spans cover"):
        amap.replace(shifted)
    assert (start, end) == s.spans[0]


@given(argument_maps())
def test_generated_maps_answer_queries_consistently(amap):
    """Every relation is found among the reasons or objections of its target, and subtree of a root is valid."""
    for rel in amap.relations:
        found = amap.reasons_for(rel.target) if isinstance(rel, Support) else amap.objections_to(rel.target)
        assert rel in found
    for root in amap.roots():
        assert root.id in amap.subtree(root.id)
