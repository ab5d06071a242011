"""argmap.analysis.lint and `argmap lint`: each rule fires where it should and only there, with its id,
severity and a message naming the statements; the exit status follows the severities."""

from __future__ import annotations

import json

import pytest
from hypothesis import given

from argmap import ArgumentMap, Attack, Kind, MapBuilder, Statement, Support
from argmap.analysis import AnalysisError
from argmap.analysis.lint import RULES, Finding, lint
from argmap.cli import main
from argmap.strategies import argument_maps

from .conftest import ROOT

SEED = ROOT / "seeds" / "japan-russia-reset.map.json"
CORE = ROOT / "seeds" / "japan-russia-reset.core.json"


def _map(statements, relations) -> ArgumentMap:
    """Statements given as (id, kind) or (id, kind, main)."""
    made = [Statement(id=s[0], text=f"text of {s[0]}", kind=s[1], main=len(s) > 2 and s[2]) for s in statements]
    return ArgumentMap(statements=made, relations=relations)


def rules(amap: ArgumentMap) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.rule, f.ids) for f in lint(amap)]


def test_a_sound_map_has_no_findings():
    """A thesis with a reason and an answered objection passes every rule."""
    amap = _map([("t", "claim", True), ("p", "premise"), ("o", "objection"), ("r", "rebuttal")],
                [Support("r1", ["p"], "t"), Attack("r2", ["o"], "t"), Attack("r3", ["r"], "o")])
    assert lint(amap) == []


def test_main_claim_without_reason():
    """A main claim no support concludes is an error naming it."""
    found = lint(_map([("t", "claim", True), ("o", "objection"), ("r", "rebuttal")],
                      [Attack("r1", ["o"], "t"), Attack("r2", ["r"], "o")]))
    assert found == [Finding("main-claim-without-reason", "error", "the main claim t has no reason", ("t",))]


def test_no_main_claim_and_several_main_claims():
    """No main claim, or two, is a warning (the two named)."""
    assert ("no-main-claim", ()) in rules(_map([("a", "claim"), ("b", "premise")], [Support("r1", ["b"], "a")]))
    two = _map([("a", "claim", True), ("b", "claim", True), ("p", "premise")],
               [Support("r1", ["p"], "a"), Support("r2", ["p"], "b")])
    found = [f for f in lint(two) if f.rule == "several-main-claims"]
    assert found == [Finding("several-main-claims", "warning", "2 statements are marked as the main claim: a, b",
                             ("a", "b"))]


def test_unanswered_objection_counts_answers_to_what_it_supports():
    """An objection nothing attacks is unanswered, unless what it supports is attacked or its support undercut."""
    base = [("t", "claim", True), ("p", "premise"), ("o", "objection"), ("q", "objection"), ("r", "rebuttal")]
    plain = _map(base, [Support("r1", ["p"], "t"), Attack("r2", ["o"], "t"), Support("r3", ["q"], "o")])
    assert [f.ids for f in lint(plain) if f.rule == "unanswered-objection"] == [("o",), ("q",)]
    assert "nothing attacks it or what it supports (o)" in [f.message for f in lint(plain)][1]
    answered = _map(base, [Support("r1", ["p"], "t"), Attack("r2", ["o"], "t"), Support("r3", ["q"], "o"),
                           Attack("r4", ["r"], "o")])
    assert [f for f in lint(answered) if f.rule == "unanswered-objection"] == []
    undercut = _map(base, [Support("r1", ["p"], "t"), Attack("r2", ["o"], "t"), Support("r3", ["q"], "o"),
                           Attack("r4", ["r"], "r3")])
    assert [f.ids for f in lint(undercut) if f.rule == "unanswered-objection"] == [("o",)]


def test_rebuttal_attacks_nothing():
    """A rebuttal that attacks nothing, nor supports a statement that attacks, is a warning."""
    idle = _map([("t", "claim", True), ("p", "premise"), ("r", "rebuttal")],
                [Support("r1", ["p"], "t"), Support("r2", ["r"], "p")])
    assert ("rebuttal-attacks-nothing", ("r",)) in rules(idle)
    backing = _map([("t", "claim", True), ("p", "premise"), ("o", "objection"), ("r", "rebuttal"), ("s", "rebuttal")],
                   [Support("r1", ["p"], "t"), Attack("r2", ["o"], "t"), Attack("r3", ["r"], "o"),
                    Support("r4", ["s"], "r")])
    assert [f for f in lint(backing) if f.rule == "rebuttal-attacks-nothing"] == []


def test_circular_support_names_the_circle_once():
    """a -> b -> c -> a is one error naming the circle in order; a map without a circle has none."""
    amap = _map([("t", "claim", True), ("a", "premise"), ("b", "premise"), ("c", "premise")],
                [Support("r1", ["a"], "t"), Support("r2", ["b"], "a"), Support("r3", ["c"], "b"),
                 Support("r4", ["a"], "c")])
    found = [f for f in lint(amap) if f.rule == "circular-support"]
    assert found == [Finding("circular-support", "error",
                             "a -> c -> b -> a: these statements support each other in a circle", ("a", "c", "b"))]


def test_supports_and_attacks_the_same_statement():
    """A statement that both supports and attacks one target is an error naming both."""
    amap = _map([("t", "claim", True), ("p", "premise")], [Support("r1", ["p"], "t"), Attack("r2", ["p"], "t")])
    assert ("supports-and-attacks", ("p", "t")) in rules(amap)


def test_premise_is_own_conclusion_by_words_or_by_restatement():
    """A premise with the same words as a conclusion above it, or a support marked as a restatement, is flagged."""
    same = ArgumentMap(statements=[Statement("t", "Trees help.", main=True), Statement("p", "Shade cools.", kind="premise"),
                                   Statement("q", "trees  HELP", kind="premise")],
                       relations=[Support("r1", ["p"], "t"), Support("r2", ["q"], "p")])
    assert ("premise-is-own-conclusion", ("q", "t")) in rules(same)
    marked = ArgumentMap(statements=[Statement("t", "Trees help.", main=True), Statement("p", "So: trees help us.")],
                         relations=[Support("r1", ["p"], "t", scheme="restatement")])
    assert rules(marked) == [("premise-is-own-conclusion", ("p", "t"))]
    unrelated = ArgumentMap(statements=[Statement("t", "Trees help.", main=True), Statement("p", "Shade.", kind="premise"),
                                        Statement("q", "Trees help.", kind="objection")],
                            relations=[Support("r1", ["p"], "t"), Attack("r2", ["q"], "t")])
    assert [f for f in lint(unrelated) if f.rule == "premise-is-own-conclusion"] == []


def test_orphans_but_not_a_lone_main_claim():
    """A statement in no relation is an orphan; the main claim is reported by its own rule instead."""
    amap = _map([("t", "claim", True), ("p", "premise"), ("x", "claim")], [Support("r1", ["p"], "t")])
    assert rules(amap) == [("orphan", ("x",))]
    assert rules(_map([("t", "claim", True)], [])) == [("main-claim-without-reason", ("t",))]


def test_attack_on_own_support():
    """A conclusion that undercuts the support concluding it is an error naming it, the support and the attack."""
    amap = _map([("t", "claim", True), ("p", "premise")], [Support("r1", ["p"], "t"), Attack("r2", ["t"], "r1")])
    found = [f for f in lint(amap) if f.rule == "attack-on-own-support"]
    assert found == [Finding("attack-on-own-support", "error", "t attacks (r2) the support r1 that concludes t",
                             ("t", "r1", "r2"))]


def test_every_rule_is_pinned_by_a_test_here():
    """Each rule id of RULES appears in this file's tests (a new rule needs its test)."""
    source = (ROOT / "tests" / "test_lint.py").read_text(encoding="utf-8")
    for rule in RULES:
        assert source.count(f'"{rule}"') >= 1, rule
    assert {severity for severity, _ in RULES.values()} == {"error", "warning"}


def test_ignore_skips_rules_and_unknown_rules_are_errors():
    """ignore= drops a rule's findings; a rule that does not exist is an AnalysisError."""
    amap = _map([("t", "claim", True), ("x", "claim")], [])
    assert rules(amap) == [("main-claim-without-reason", ("t",)), ("orphan", ("x",))]
    assert [f.rule for f in lint(amap, ignore=["orphan"])] == ["main-claim-without-reason"]
    with pytest.raises(AnalysisError, match="unknown lint rule 'nope'"):
        lint(amap, ignore=["nope"])


@given(argument_maps(max_statements=8, max_relations=10, extras=False))
def test_lint_answers_every_map_with_known_rules(amap):
    """Any valid map gets findings (no crash), each with a known rule and its severity, ids of the map."""
    for finding in lint(amap):
        assert finding.rule in RULES and finding.severity == RULES[finding.rule][0]
        assert all(i in amap for i in finding.ids)
        assert finding.message


def test_builder_maps_use_kinds_the_rules_know():
    """The rules read the model's kinds (objection, rebuttal), as the builder makes them."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    b.support(t, b.premise("P"))
    o = b.objection("O")
    b.attack(t, o)
    assert [f.rule for f in lint(b.build())] == ["unanswered-objection"]
    assert b.build().statement(o).kind is Kind.OBJECTION


# -- the command line ---------------------------------------------------------------------------------------


def test_cli_lint_on_the_seeds(capsys):
    """`argmap lint` on the seeds: the core map is clean; the op-ed's two cautions and restated thesis are warnings
    (its context statements are no orphans); status 0."""
    assert main(["lint", str(CORE), str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{CORE}: 0 errors, 0 warnings",
        f"{SEED}: warning: unanswered-objection: the objection s35 is not answered: nothing attacks it",
        f"{SEED}: warning: unanswered-objection: the objection s38 is not answered: nothing attacks it",
        f"{SEED}: warning: premise-is-own-conclusion: s31 restates the conclusion it supports, s1 "
        "(support r24 is marked as a restatement)",
        f"{SEED}: 0 errors, 3 warnings",
    ]


def test_cli_lint_exit_status_follows_severity(tmp_path, capsys):
    """Status 1 on an error; on warnings only with --fail-on warning; --ignore removes a rule."""
    bad = tmp_path / "bad.json"
    from argmap import dump

    dump(_map([("t", "claim", True), ("p", "premise")], [Support("r1", ["p"], "t"), Attack("r2", ["p"], "t")]), bad)
    assert main(["lint", str(bad)]) == 1
    assert "error: supports-and-attacks: p both supports and attacks t" in capsys.readouterr().out
    assert main(["lint", str(SEED), "--fail-on", "warning"]) == 1
    capsys.readouterr()
    assert main(["lint", str(SEED), "--fail-on", "warning", "--ignore", "premise-is-own-conclusion",
                 "--ignore", "unanswered-objection"]) == 0
    capsys.readouterr()


def test_cli_lint_json(capsys):
    """--format json prints {findings: [{rule, severity, message, ids}], errors, warnings}."""
    assert main(["lint", str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["errors"] == 0 and data["warnings"] == 3
    assert data["findings"][2]["rule"] == "premise-is-own-conclusion" and data["findings"][2]["ids"] == ["s31", "s1"]
    assert main(["lint", str(SEED), str(CORE), "--format", "json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert [x["map"] for x in both] == [str(SEED), str(CORE)]


def test_cli_lint_help_and_bad_input(tmp_path, capsys):
    """--help lists the rules; a missing file is one error line, status 1."""
    assert main(["lint", "--help"]) == 0
    assert "circular-support (error)" in capsys.readouterr().out
    assert main(["lint", str(tmp_path / "missing.json")]) == 1
    assert capsys.readouterr().err.strip().endswith("missing.json: no such file")
