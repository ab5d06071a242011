"""argmap.analysis: the projection of a map onto a framework, the semantics (checked against PyArg, an
independent implementation), acceptance, limits, the ICCMA formats and `argmap analyse`."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ArgumentMap, Attack, ImportLossWarning, MapBuilder, Statement, Support
from argmap.analysis import (
    SEMANTICS,
    AnalysisError,
    Framework,
    analyse,
    credulous,
    grounded,
    labellings,
    labels,
    project,
    sceptical,
)
from argmap.analysis.iccma import (
    framework_to_map,
    loads_apx,
    map_to_framework,
    read_apx,
    read_tgf,
    write_apx,
    write_tgf,
)
from argmap.cli import main
from argmap.strategies import argument_maps
from argmap.testing import check_exporter, check_importer

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "analysis"
SEED = ROOT / "seeds" / "japan-russia-reset.map.json"
CORE = ROOT / "seeds" / "japan-russia-reset.core.json"

PYARG = "python-argumentation==2.0.2"


# -- the reference solver: PyArg (python-argumentation, MIT), installed by the test extra ---------------


def pyarg():
    """PyArg's semantics module; skip when it is missing, except in CI (CI=true), where that fails."""
    try:
        from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
            AbstractArgumentationFramework,
        )
        from py_arg.abstract_argumentation_classes.argument import Argument
        from py_arg.abstract_argumentation_classes.defeat import Defeat
        from py_arg.algorithms.semantics.get_complete_extensions import get_complete_extensions
        from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
        from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
        from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions
    except ImportError:
        message = f"the reference solver PyArg is not installed (pip install '{PYARG}')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)

    def extensions(fw: Framework) -> dict[str, set[frozenset[str]]]:
        def build():
            args = {name: Argument(name) for name in fw.arguments}
            defeats = [Defeat(args[fw.arguments[a]], args[fw.arguments[b]]) for a, b in fw.edges]
            return AbstractArgumentationFramework("af", list(args.values()), defeats)

        def names(exts):
            return {frozenset(a.name for a in e) for e in exts}

        return {
            "grounded": names([get_grounded_extension(build())]),
            "complete": names(get_complete_extensions(build())),
            "preferred": names(get_preferred_extensions(build())),
            "stable": names(get_stable_extensions(build())),
        }

    return extensions


def ours(fw: Framework) -> dict[str, set[frozenset[str]]]:
    return {sem: {frozenset(a for a, v in lab.items() if v == "in") for lab in labellings(fw, sem)}
            for sem in SEMANTICS}


def agree_with_reference(fw: Framework) -> None:
    reference = pyarg()(fw)
    mine = ours(fw)
    for sem in SEMANTICS:
        assert mine[sem] == reference[sem], f"{sem}: argmap {sorted(map(sorted, mine[sem]))} vs PyArg " \
                                            f"{sorted(map(sorted, reference[sem]))} on {fw.attacks}"
    for name in fw.arguments:
        for sem in ("complete", "preferred", "stable"):
            exts = reference[sem]
            assert credulous(fw, name, sem) == any(name in e for e in exts), (sem, name, "credulous")
            expected = (name in next(iter(reference["grounded"]))) if sem == "complete" else all(name in e for e in exts)
            assert sceptical(fw, name, sem) == expected, (sem, name, "sceptical")


@st.composite
def frameworks(draw, max_arguments: int = 9) -> Framework:
    n = draw(st.integers(0, max_arguments))
    names = [f"a{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    density = draw(st.sampled_from([0.1, 0.2, 0.35]))
    chosen = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs))) if pairs else []
    picks = [p for p, keep in zip(pairs, chosen) if keep and draw(st.floats(0, 1)) < density * 2]
    return Framework(names, picks)


@settings(max_examples=300)
@given(frameworks())
def test_semantics_agree_with_pyarg_on_random_frameworks(fw):
    """On random frameworks (self-attacks included) the grounded, complete, preferred and stable extensions
    and the credulous and sceptical acceptance of every argument are PyArg's."""
    agree_with_reference(fw)


@settings(max_examples=150)
@given(argument_maps(max_statements=6, max_relations=6, extras=False, with_spans=False))
def test_semantics_agree_with_pyarg_on_the_frameworks_of_random_maps(amap):
    """The frameworks maps project onto (linked and convergent supports, undercuts, attacks on attacks)
    have PyArg's extensions under every semantics."""
    agree_with_reference(project(amap))


BENCHMARKS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".apx", ".tgf"))


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_benchmark_frameworks_read_as_pyarg_reads_them_and_agree_with_it(path):
    """Each benchmark framework (tests/fixtures/analysis) reads as PyArg's own apx/tgf reader reads it, and
    every semantics gives PyArg's extensions."""
    pyarg()
    from py_arg.import_export.argumentation_framework_from_aspartix_format_reader import (
        ArgumentationFrameworkFromASPARTIXFormatReader,
    )
    from py_arg.import_export.argumentation_framework_from_trivial_graph_format_reader import (
        ArgumentationFrameworkFromTrivialGraphFormatReader,
    )

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".apx":
        fw = read_apx(text)
        theirs = ArgumentationFrameworkFromASPARTIXFormatReader.from_apx(text)
    else:
        fw = read_tgf(text)
        theirs = ArgumentationFrameworkFromTrivialGraphFormatReader.from_tgf(text)
    if path.name != "labelled.tgf":  # PyArg's tgf reader takes a whole line, label and all, as the name
        assert {a.name for a in theirs.arguments} == set(fw.arguments)
        assert {(d.from_argument.name, d.to_argument.name) for d in theirs.defeats} == set(fw.attacks)
    agree_with_reference(fw)


def test_the_benchmarks_cover_cycles_self_attacks_and_many_labellings():
    """The benchmark set holds an odd cycle with no stable labelling, a self-attack, and 64 preferred ones."""
    cycles = read_apx((FIXTURES / "cycles.apx").read_text())
    assert ("c", "c") in cycles.attacks
    assert labellings(cycles, "stable") == []
    assert len(labellings(read_apx((FIXTURES / "two-cycles-6.apx").read_text()), "preferred")) == 64


# -- the projection --------------------------------------------------------------------------------------


def _map(statements, relations):
    return ArgumentMap(statements=[Statement(id=s, text=f"statement {s}") for s in statements], relations=relations)


def test_plain_attacks_project_onto_exactly_the_framework_they_draw():
    """A map of statements and single attacks is its own framework: no auxiliary argument."""
    amap = _map(["a", "b", "c"], [Attack("r1", ["a"], "b"), Attack("r2", ["b"], "c")])
    fw = project(amap)
    assert fw.arguments == ("a", "b", "c")
    assert fw.attacks == (("a", "b"), ("b", "c"))
    assert grounded(fw) == {"a": "in", "b": "out", "c": "in"}


def test_a_conclusion_needs_one_standing_reason():
    """Necessary support: a conclusion whose only reason is defeated is out; a second (convergent) reason
    that stands keeps it in."""
    one = _map(["c", "p", "x"], [Support("r1", ["p"], "c"), Attack("r2", ["x"], "p")])
    assert labels(one) == {"c": "out", "p": "out", "x": "in"}
    two = _map(["c", "p", "q", "x"], [Support("r1", ["p"], "c"), Support("r3", ["q"], "c"), Attack("r2", ["x"], "p")])
    assert labels(two) == {"c": "in", "p": "out", "q": "in", "x": "in"}


def test_linked_premises_each_carry_the_reason():
    """A linked support holds only while every co-premise stands: defeating one defeats the conclusion."""
    amap = _map(["c", "p", "q", "x"], [Support("r1", ["p", "q"], "c"), Attack("r2", ["x"], "q")])
    fw = project(amap)
    assert fw.role("r1") == ("inference", "r1")
    assert fw.role("not_q") == ("not", "q")
    assert fw.role("unsupported_c") == ("unsupported", "c")
    assert labels(amap) == {"c": "out", "p": "in", "q": "out", "x": "in"}


def test_an_undercut_attacks_the_inference_not_the_premise():
    """An undercut that stands defeats the inference: the premise stays in, the conclusion falls."""
    amap = _map(["c", "p", "u"], [Support("r1", ["p"], "c"), Attack("r2", ["u"], "r1")])
    result = analyse(amap)
    assert result.labels == {"c": "out", "p": "in", "u": "in"}
    assert result.labellings[0]["r1"] == "out"
    assert result.explain("c") == "out: its only reason does not stand (r1: undercut by u)"


def test_an_attack_with_several_attackers_needs_them_all():
    """A linked attack succeeds only while all its attackers stand."""
    amap = _map(["t", "a", "b", "x"], [Attack("r1", ["a", "b"], "t"), Attack("r2", ["x"], "b")])
    assert labels(amap) == {"t": "in", "a": "in", "b": "out", "x": "in"}
    assert labels(_map(["t", "a", "b"], [Attack("r1", ["a", "b"], "t")])) == {"t": "out", "a": "in", "b": "in"}


def test_an_attack_on_an_attack_disables_it():
    """An attack on an attack relation (an undercut of the attack) keeps the target in."""
    amap = _map(["t", "a", "x"], [Attack("r1", ["a"], "t"), Attack("r2", ["x"], "r1")])
    assert labels(amap) == {"t": "in", "a": "in", "x": "in"}


def test_circular_support_is_undecided_in_grounded_and_two_ways_in_preferred():
    """Two statements that only support each other: undec in grounded; both in or both out in preferred."""
    amap = _map(["a", "b"], [Support("r1", ["a"], "b"), Support("r2", ["b"], "a")])
    assert labels(amap) == {"a": "undec", "b": "undec"}
    assert analyse(amap, "preferred").statement_labellings == ({"a": "in", "b": "in"}, {"a": "out", "b": "out"})
    assert labels(amap, "preferred") == {"a": "undec", "b": "undec"}


def test_auxiliary_names_never_clash_with_ids():
    """A statement already called not_q or unsupported_c pushes the auxiliary names aside."""
    amap = _map(["c", "p", "q", "not_q", "unsupported_c"],
                [Support("r1", ["p", "q"], "c"), Attack("r2", ["not_q"], "unsupported_c")])
    fw = project(amap)
    assert len(set(fw.arguments)) == len(fw.arguments)
    assert fw.role("not_q_") == ("not", "q") and fw.role("unsupported_c_") == ("unsupported", "c")


def test_the_core_seed_projects_onto_the_pinned_framework():
    """The core op-ed map's framework is the one docs/analysis.md shows (golden apx)."""
    fw = project(argmap.load(CORE))
    assert write_apx(fw) == (FIXTURES / "golden" / "japan-russia-reset.core.apx").read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", [SEED, CORE], ids=lambda p: p.name)
def test_the_seeds_grounded_labels_are_pinned(seed):
    """`argmap analyse SEED --semantics grounded --format json` prints the golden labels; the thesis is in."""
    golden = FIXTURES / "golden" / (seed.name.replace(".json", "") + ".grounded.json")
    result = analyse(argmap.load(seed))
    assert result.to_json() == golden.read_text(encoding="utf-8")
    assert result.labels["s1"] == "in"


def test_the_oped_explanations_say_what_defeats_each_objection():
    """In the op-ed, the objection s23 is out, defeated by the four rebuttals and left without its reason."""
    result = analyse(argmap.load(SEED))
    assert result.explain("s23") == ("out: defeated by s27, s28, s29, s30 (in); its only reason does not stand "
                                     "(r14: s25 is out)")
    assert result.explain("s25") == "out: defeated by s26 (in)"
    assert result.explain("s1").startswith("in: its attacker s23 is out; 9 of its 11 reasons stand")


# -- semantics details, acceptance and limits ----------------------------------------------------------


def test_an_even_cycle_has_two_preferred_and_stable_labellings_and_an_odd_one_no_stable():
    """a <-> b: grounded undec, two preferred and stable labellings; a 3-cycle: one preferred (all undec), no stable."""
    even = Framework(["a", "b"], [("a", "b"), ("b", "a")])
    assert grounded(even) == {"a": "undec", "b": "undec"}
    assert labellings(even, "stable") == [{"a": "in", "b": "out"}, {"a": "out", "b": "in"}]
    assert len(labellings(even, "complete")) == 3
    odd = Framework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    assert labellings(odd, "preferred") == [{"a": "undec", "b": "undec", "c": "undec"}]
    assert labellings(odd, "stable") == []
    assert sceptical(odd, "a", "stable") is True  # vacuously, as ICCMA counts it
    assert credulous(odd, "a", "stable") is False


def test_too_many_labellings_is_an_error_but_acceptance_still_answers():
    """Twelve independent 2-cycles have 4096 preferred labellings: enumerating is refused with the limit named,
    while credulous and sceptical acceptance of one argument still answer."""
    names = [x for i in range(12) for x in (f"u{i}", f"v{i}")]
    fw = Framework(names, [p for i in range(12) for p in ((f"u{i}", f"v{i}"), (f"v{i}", f"u{i}"))])
    with pytest.raises(AnalysisError, match=r"preferred: 4096 labellings, more than the limit of 1000"):
        labellings(fw, "preferred")
    assert len(labellings(fw, "preferred", limit=5000)) == 4096
    assert credulous(fw, "u3") and not sceptical(fw, "u3")


def test_a_search_over_its_budget_is_an_error_naming_the_budget():
    """A tiny budget makes the preferred search give up with a one-line error that names it."""
    fw = read_apx((FIXTURES / "grid-4x4.apx").read_text())
    with pytest.raises(AnalysisError, match=r"gave up after 3 steps \(the budget\)"):
        labellings(fw, "preferred", budget=3)


def test_unknown_semantics_and_arguments_are_errors():
    """An unknown semantics or argument name is an AnalysisError (one line), not a crash."""
    fw = Framework(["a"], [])
    with pytest.raises(AnalysisError, match="unknown semantics 'ideal'"):
        labellings(fw, "ideal")
    with pytest.raises(AnalysisError, match="unknown argument 'z'"):
        credulous(fw, "z")
    with pytest.raises(AnalysisError, match="listed twice"):
        Framework(["a", "a"])
    with pytest.raises(AnalysisError, match="unknown argument 'b'"):
        Framework(["a"], [("a", "b")])


@given(argument_maps(max_statements=8, max_relations=10, extras=False, with_spans=False))
def test_labels_is_the_analysis_labels(amap):
    """labels() (the diagram's call) gives what analyse().labels gives, for grounded, complete and preferred,
    with every statement in map order and only in/out/undec."""
    grounded_labels = labels(amap)
    assert list(grounded_labels) == [s.id for s in amap.statements]
    assert set(grounded_labels.values()) <= {"in", "out", "undec"}
    assert grounded_labels == analyse(amap).labels == labels(amap, "complete") == analyse(amap, "complete").labels
    assert labels(amap, "preferred") == analyse(amap, "preferred").labels


def test_lint_and_diff_are_package_functions():
    """argmap.analysis.lint(amap) and argmap.analysis.diff(a, b) are the functions (their modules keep RULES etc.)."""
    import argmap.analysis as analysis
    from argmap.analysis.lint import RULES

    core = argmap.load(CORE)
    assert analysis.lint(core) == [] and "orphan" in RULES and analysis.RULES is RULES
    assert analysis.diff(core, core).same


def test_labels_gives_the_sceptical_summary_for_preferred():
    """labels(amap, "preferred") is in/out where every preferred labelling agrees, undec where they differ."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    x, y = b.objection("X"), b.rebuttal("Y")
    b.attack(t, x)
    b.attack(x, y)
    b.attack(y, x)
    amap = b.build()
    assert labels(amap) == {"s1": "undec", "s2": "undec", "s3": "undec"}
    assert labels(amap, "preferred") == {"s1": "undec", "s2": "undec", "s3": "undec"}
    assert [dict(lab) for lab in analyse(amap, "preferred").statement_labellings] == [
        {"s1": "in", "s2": "out", "s3": "in"}, {"s1": "out", "s2": "in", "s3": "out"}]
    assert credulous(amap, "s1") and not sceptical(amap, "s1")


def test_grounded_is_linear_on_a_long_chain():
    """A 200,000-argument chain is labelled (alternating in/out) without recursion or quadratic work."""
    n = 200_000
    names = [f"a{i}" for i in range(n)]
    fw = Framework(names, [(names[i], names[i + 1]) for i in range(n - 1)])
    lab = grounded(fw)
    assert lab["a0"] == "in" and lab["a1"] == "out" and lab[f"a{n - 1}"] == ("in" if (n - 1) % 2 == 0 else "out")


# -- ICCMA formats -----------------------------------------------------------------------------------------


def test_apx_errors_name_the_line():
    """Bad apx is a FormatError naming line and column: a stray word, an attack on an undeclared argument."""
    with pytest.raises(argmap.FormatError, match=r"line 2, column 1: expected arg\(NAME\)\. or att"):
        read_apx("arg(a).\nfoo\n")
    with pytest.raises(argmap.FormatError, match=r"line 1, column 9: att\(a,b\): unknown argument 'b'"):
        read_apx("arg(a). att(a,b).")
    with pytest.raises(argmap.FormatError, match="no arg"):
        read_apx("% nothing\n")


def test_tgf_errors_name_the_line():
    """Bad tgf is a FormatError naming the line: no '#', an unknown argument, an attack with three names."""
    with pytest.raises(argmap.FormatError, match="no line '#'"):
        read_tgf("a\nb\n")
    with pytest.raises(argmap.FormatError, match="line 3: unknown argument 'c'"):
        read_tgf("a\n#\na c\n")
    with pytest.raises(argmap.FormatError, match="line 4: an attack is two names"):
        read_tgf("a\nb\n#\na b x\n")


@settings(max_examples=100)
@given(frameworks(max_arguments=7))
def test_a_framework_survives_a_map_and_back(fw):
    """A framework (self-attacks too) made a map and written as apx and tgf reads back as the same
    framework, and the map's labellings under every semantics are the framework's."""
    if not fw.arguments:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        amap = framework_to_map(fw)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing is lost on the way back
        back = map_to_framework(amap)
    assert back == Framework(fw.arguments, fw.attacks)
    assert read_apx(write_apx(back)) == back and read_tgf(write_tgf(back)) == back
    projected = project(amap)
    for sem in SEMANTICS:  # the three-cycles standing for self-attacks change no label of the framework's own
        mine = {tuple(sorted((k, v) for k, v in lab.items() if k in fw)) for lab in labellings(projected, sem)}
        assert mine == {tuple(sorted(lab.items())) for lab in labellings(fw, sem)}, sem


def test_a_self_attack_becomes_a_reported_three_cycle():
    """Importing `att(c,c)` warns (iccma self_attack) and gives c the labels a self-attacking argument has."""
    with pytest.warns(ImportLossWarning, match=r"apx.self_attack: a map cannot hold .* \(1: c\)"):
        amap = loads_apx("arg(a). arg(c). att(c,c). att(a,c).")
    assert [s.id for s in amap.statements] == ["a", "c", "c_self1", "c_self2"]
    assert labels(amap)["c"] == "out"


def test_names_that_are_not_ids_keep_their_name_in_metadata_and_on_the_way_back():
    """An argument called `1` or `a-b` gets a valid id; writing the map again restores the name."""
    fw = Framework(["1", "a-b", "a_b"], [("1", "a-b"), ("a-b", "a_b")])
    amap = framework_to_map(fw)
    assert [s.id for s in amap.statements] == ["a1", "a_b_2", "a_b"]
    assert amap.statement("a_b_2").text == "a-b"
    assert map_to_framework(amap) == fw


def test_iccma_importers_and_exporters_pass_the_plugin_checks(registry):
    """The apx and tgf importers answer any text with a map or a clear error; the exporters take every map."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name in ("apx", "tgf"):
            check_importer(registry.importer(name), examples=["arg(a).", "a\n#\n", "arg(a). att(a,a).", "a b\n#\na b\n"])
        few = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        small = argument_maps(max_statements=6, max_relations=6)
        check_exporter(registry.exporter("apx"), maps=small, settings=few)
        check_exporter(registry.exporter("tgf"), maps=small, options=[{}, {"labels": True}], settings=few)


def test_exporting_a_map_reports_what_apx_cannot_carry(registry):
    """Writing the op-ed as apx warns, per kind of loss, that texts, kinds and supports are not carried."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = registry.exporter("apx")(argmap.load(CORE))
    codes = {w.message.code for w in caught}
    assert {"apx.text", "apx.kind", "apx.main", "apx.support", "apx.spans", "apx.document"} <= codes
    assert out == (FIXTURES / "golden" / "japan-russia-reset.core.apx").read_text(encoding="utf-8")


def test_tgf_labels_carry_the_statement_texts(registry):
    """A labelled tgf reads its labels as statement texts, and writes them back with labels=true."""
    text = (FIXTURES / "labelled.tgf").read_text(encoding="utf-8")
    amap = registry.importer("tgf")(text)
    assert amap.statement("o").text == "Trees cost money"
    assert registry.exporter("tgf")(amap, labels=True) == text


# -- the command line ----------------------------------------------------------------------------------------


def test_cli_analyse_labels_the_thesis_of_the_oped(capsys):
    """`argmap analyse seeds/japan-russia-reset.map.json --semantics grounded` says the thesis stands and
    why each objection is in or out."""
    assert main(["analyse", str(SEED), "--semantics", "grounded"]) == 0
    out = capsys.readouterr().out
    assert "IN     s1  The west should welcome Tokyo’s engagement with Moscow" in out
    assert "OUT    s23" in out and "defeated by s27, s28, s29, s30 (in)" in out


def test_cli_analyse_json_is_the_documented_shape(capsys):
    """--format json prints {"semantics", "labels"} for grounded and {"semantics", "labellings"} for preferred."""
    assert main(["analyse", str(CORE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"semantics": "grounded", "labels": {"s1": "in", "s2": "in", "s3": "in", "s4": "in",
                                                         "s5": "out", "s6": "in"}}
    assert main(["analyse", str(CORE), "--semantics", "preferred", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantics"] == "preferred" and data["labellings"] == [data_labels(CORE)]


def data_labels(path: Path) -> dict[str, str]:
    return labels(argmap.load(path))


def test_cli_analyse_accept_answers_credulous_and_sceptical(capsys):
    """--accept ID says whether the statement is in some / every preferred labelling (JSON for programs)."""
    assert main(["analyse", str(SEED), "--accept", "s1", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"semantics": "preferred", "statement": "s1",
                                                   "credulous": True, "sceptical": True}
    assert main(["analyse", str(SEED), "--accept", "s23", "-s", "stable"]) == 0
    assert capsys.readouterr().out == ("s23 under stable semantics: credulously accepted (in some labelling): no; "
                                       "sceptically accepted (in every labelling): no\n")
    assert main(["analyse", str(SEED), "--accept", "s99"]) == 1
    assert "unknown id 's99'" in capsys.readouterr().err


def test_cli_analyse_reads_iccma_frameworks_and_prints_projections(capsys):
    """`argmap analyse x.apx` labels the framework as it is; --framework apx prints a map's projection."""
    assert main(["analyse", str(FIXTURES / "cycles.apx"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["labels"]["d1"] == "in" and data["labels"]["c"] == "undec" and data["labels"]["e"] == "undec"
    assert main(["analyse", str(FIXTURES / "two-cycles-6.apx"), "-s", "stable"]) == 0
    assert capsys.readouterr().out.startswith("stable semantics: 13 arguments, 18 attacks, 64 labellings\n")
    assert main(["analyse", str(CORE), "--framework", "apx"]) == 0
    assert capsys.readouterr().out == (FIXTURES / "golden" / "japan-russia-reset.core.apx").read_text(encoding="utf-8")


def test_cli_convert_reads_apx_into_argmap_json(tmp_path, capsys):
    """`argmap convert x.apx -t json` gives a map with a claim per argument and an attack per attack."""
    assert main(["convert", str(FIXTURES / "scc-chain.tgf"), "-t", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["id"] for s in data["statements"]][:3] == ["p1", "p2", "q1"]
    assert len(data["relations"]) == 12


def test_cli_analyse_help_and_usage_errors(capsys):
    """--help prints the description (status 0); a bad semantics is a usage error (status 2)."""
    assert main(["analyse", "--help"]) == 0
    assert "necessary support" in capsys.readouterr().out
    assert main(["analyse", str(CORE), "--semantics", "ideal"]) == 2
    assert "invalid choice: 'ideal'" in capsys.readouterr().err


def test_cli_analyse_limit_errors_are_one_line(capsys):
    """Too many labellings is one error line and status 1, not a traceback."""
    assert main(["analyse", str(FIXTURES / "two-cycles-6.apx"), "-s", "preferred", "--limit", "10"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "more preferred labellings than the limit of 10" in err


def test_cli_analyse_is_deterministic(capsys):
    """The same map gives the same bytes twice, text and JSON."""
    for fmt in ("text", "json"):
        main(["analyse", str(SEED), "-s", "preferred", "--format", fmt])
        first = capsys.readouterr().out
        main(["analyse", str(SEED), "-s", "preferred", "--format", fmt])
        assert capsys.readouterr().out == first
