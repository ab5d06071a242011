"""argmap.analysis.diff and `argmap diff`: alignment by spans or by words, and each kind of change reported
(statements only in one map, kinds, words, relations, relation types, the main claim), as text, JSON and a
diagram."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

import argmap
from argmap import ArgumentMap, Attack, Document, Statement, Support
from argmap.analysis.diff import diff
from argmap.cli import main
from argmap.evaluation.align import align_statements
from argmap.strategies import argument_maps

from .conftest import ROOT, need_renderers

SEED = ROOT / "seeds" / "japan-russia-reset.map.json"
CORE = ROOT / "seeds" / "japan-russia-reset.core.json"

DOC = "Cities should plant trees. Trees cool the streets. Trees cost money. They pay for themselves."


def _spanned(*items, relations=()) -> ArgumentMap:
    """Statements (id, start, end, kind[, main]) into DOC."""
    return ArgumentMap(
        statements=[Statement(id=i, text=DOC[a:b], kind=k, main=bool(rest and rest[0]), spans=[(a, b)])
                    for i, a, b, k, *rest in items],
        relations=relations, document=Document(text=DOC))


SENTENCES = [(DOC.index(x), DOC.index(x) + len(x)) for x in
             ("Cities should plant trees.", "Trees cool the streets.", "Trees cost money.", "They pay for themselves.")]
(S1, S2, S3, S4) = SENTENCES
BASE = [("s1", *S1, "claim", True), ("s2", *S2, "premise"), ("s3", *S3, "objection"), ("s4", *S4, "rebuttal")]
BASE_RELATIONS = [Support("r1", ["s2"], "s1"), Attack("r2", ["s3"], "s1"), Attack("r3", ["s4"], "s3")]


def test_a_map_against_itself_is_the_same():
    """diff(m, m) aligns every statement by spans and finds nothing."""
    m = _spanned(*BASE, relations=BASE_RELATIONS)
    d = diff(m, m)
    assert d.same and d.by == "spans"
    assert [(a, b) for a, b, _ in d.pairs] == [("s1", "s1"), ("s2", "s2"), ("s3", "s3"), ("s4", "s4")]


def test_statements_only_in_one_map_and_their_relations():
    """A statement dropped from b is only in a, and so are its relations; ids need not match."""
    a = _spanned(*BASE, relations=BASE_RELATIONS)
    b = _spanned(("x1", *S1, "claim", True), ("x2", *S2, "premise"), ("x3", *S3, "objection"),
                 relations=[Support("q1", ["x2"], "x1"), Attack("q2", ["x3"], "x1")])
    d = diff(a, b)
    assert d.only_a == ("s4",) and d.only_b == ()
    assert d.relations_only_a == ("r3",) and d.relations_only_b == ()
    assert not d.main_changed and not d.kind_changed


def test_kind_and_word_changes_of_aligned_statements():
    """A statement whose span grew (token F1 >= 0.5) aligns and reports its new words; a new kind is reported."""
    a = _spanned(*BASE, relations=BASE_RELATIONS)
    b = _spanned(("s1", *S1, "claim", True), ("s2", *S2, "premise"), ("s3", *S3, "premise"),
                 ("s4", S3[1] - 6, S4[1], "rebuttal"), relations=[Support("r1", ["s2"], "s1"), Support("r2", ["s3"], "s1"),
                                                        Attack("r3", ["s4"], "s3")])
    d = diff(a, b)
    assert d.kind_changed == (("s3", "s3", "objection", "premise"),)
    assert d.text_changed == (("s4", "s4"),)
    assert d.relations_retyped == (("r2", "r2"),)
    assert d.relations_only_a == () and d.relations_only_b == ()


def test_a_new_main_claim_is_reported():
    """Moving the main-claim flag is a changed main claim, naming both."""
    a = _spanned(*BASE, relations=BASE_RELATIONS)
    moved = [("s1", *S1, "claim"), ("s2", *S2, "premise", True), *BASE[2:]]
    d = diff(a, _spanned(*moved, relations=BASE_RELATIONS))
    assert d.main_changed and d.main_a == ("s1",) and d.main_b == ("s2",)


def test_relations_only_in_b_and_undercuts_through_the_alignment():
    """A relation added in b is only in b; an undercut matches when it hits the aligned support."""
    a = _spanned(*BASE, relations=[*BASE_RELATIONS, Attack("r4", ["s4"], "r1")])
    b = _spanned(*BASE, relations=[*BASE_RELATIONS, Attack("r4", ["s4"], "r1"), Support("r5", ["s4"], "s2")])
    d = diff(a, b)
    assert d.relations_only_b == ("r5",) and d.relations_only_a == ()
    c = _spanned(*BASE, relations=[*BASE_RELATIONS, Attack("r4", ["s4"], "r2")])
    assert diff(a, c).relations_only_a == ("r4",) and diff(a, c).relations_only_b == ("r4",)


def test_maps_without_spans_align_by_words():
    """Hand-written maps (no spans) align by their words, in any order and with new ids."""
    a = ArgumentMap(statements=[Statement("a", "Trees cool the streets"), Statement("b", "Cities should plant trees",
                                                                                  main=True)],
                    relations=[Support("r1", ["a"], "b")])
    b = ArgumentMap(statements=[Statement("t", "Cities should plant more trees", main=True),
                                Statement("p", "trees cool the streets.")],
                    relations=[Support("x", ["p"], "t")])
    d = diff(a, b)
    assert d.by == "text" and {(x, y) for x, y, _ in d.pairs} == {("a", "p"), ("b", "t")}
    assert d.text_changed == (("a", "p"), ("b", "t")) and d.relations_only_a == () and not d.main_changed


def test_align_statements_prefers_exact_matches_and_respects_the_threshold():
    """Identical statements pair first; a pair below token F1 0.5 never aligns."""
    a = [Statement("a", "alpha beta gamma delta"), Statement("b", "alpha beta")]
    b = [Statement("x", "alpha beta"), Statement("y", "epsilon zeta")]
    al = align_statements(a, b)
    assert al.pairs == ((1, 0, 1.0),)


@given(argument_maps(max_statements=8, max_relations=10, extras=False))
def test_any_map_against_itself_is_the_same(amap):
    """For any valid map, diff(m, m) finds no difference and aligns every statement."""
    d = diff(amap, amap)
    assert d.same, d.to_text()
    assert len(d.pairs) == len(amap.statements)


@given(argument_maps(max_statements=8, max_relations=10, extras=False, with_spans=True))
def test_removing_a_statement_is_exactly_that(amap):
    """Removing one statement from a spanned map reports it (and only it) as only in a, and every relation
    removed with it as only in a."""
    gone = amap.statements[-1].id
    smaller = amap.remove(gone)
    d = diff(amap, smaller)
    assert d.only_a == (gone,) and d.only_b == ()
    lost = {r.id for r in amap.relations} - {r.id for r in smaller.relations}
    assert set(d.relations_only_a) == lost and d.relations_only_b == ()


# -- the command line ----------------------------------------------------------------------------------------


def test_cli_diff_the_seeds(capsys):
    """`argmap diff` of the op-ed and its core: aligned by spans, the main claim unchanged, the kinds that
    changed named (s30 was a rebuttal, is a premise of the core)."""
    assert main(["diff", str(SEED), str(CORE)]) == 0
    out = capsys.readouterr().out
    assert "6 statements aligned (by spans)" in out
    assert "main claim unchanged: s1 -> s1" in out
    assert "  ~ s30 -> s2: rebuttal -> premise" in out
    assert f"statements only in {SEED} (32):" in out


def test_cli_diff_json_and_exit_code(capsys):
    """--format json has every kind of change; --exit-code gives status 1 when the maps differ, 0 when not."""
    assert main(["diff", str(SEED), str(CORE), "--format", "json", "--exit-code"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"aligned_by", "aligned", "statements", "relations", "main", "same"}
    assert set(data["statements"]) == {"only_a", "only_b", "kind_changed", "text_changed"}
    assert set(data["relations"]) == {"only_a", "only_b", "type_changed"}
    assert {"a": "s30", "b": "s2", "from": "rebuttal", "to": "premise"} in data["statements"]["kind_changed"]
    assert main(["diff", str(CORE), str(CORE), "--exit-code"]) == 0
    assert "no differences" in capsys.readouterr().out


def test_cli_diff_diagram_dot_colours_what_changed(tmp_path, capsys):
    """--diagram out.dot draws b with a's missing statements dashed red and b's changed ones coloured;
    every text is quoted."""
    out = tmp_path / "d.dot"
    assert main(["diff", str(SEED), str(CORE), "--diagram", str(out)]) == 0
    dot = out.read_text(encoding="utf-8")
    assert dot.startswith("digraph argmap_diff {")
    assert 'a_s23 [label="s23 [objection]' in dot and 'style="rounded,filled,dashed"' in dot
    assert 's2 [label="s2 [premise]' in dot and 'color="#f46d43"' in dot  # kind changed: orange


def test_cli_diff_diagram_renders(tmp_path, capsys):
    """--diagram out.svg renders the diagram with Graphviz."""
    need_renderers()
    out = tmp_path / "d.svg"
    assert main(["diff", str(SEED), str(CORE), "--diagram", str(out)]) == 0
    assert out.read_bytes().lstrip().startswith((b"<?xml", b"<svg"))


def test_cli_diff_errors(tmp_path, capsys):
    """A bad diagram suffix or two standard inputs are one error line."""
    assert main(["diff", str(SEED), str(CORE), "--diagram", str(tmp_path / "d.gif")]) == 1
    assert "the diagram's suffix must be .svg, .png, .pdf or .dot" in capsys.readouterr().err
    assert main(["diff", "-", "-"]) == 1
    assert "only one of MAP_A and MAP_B" in capsys.readouterr().err
    assert main(["diff", "--help"]) == 0
    assert "span overlap" in capsys.readouterr().out


def test_python_diff_text_is_deterministic():
    """The same two maps give the same text twice."""
    a, b = argmap.load(SEED), argmap.load(CORE)
    assert diff(a, b).to_text() == diff(a, b).to_text()
    with pytest.raises(argmap.UnknownIdError):
        diff(a, b).a.statement("nope")
