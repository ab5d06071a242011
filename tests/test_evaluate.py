"""The evaluation harness: alignment, tree reduction, metrics, corpus runs, the command, the published floor."""

from __future__ import annotations

import doctest
import importlib
import itertools
import json
import pkgutil
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.evaluation
from argmap import MapBuilder, Provenance
from argmap.evaluation import (
    EvaluationError,
    Scores,
    align,
    assign,
    chain_baseline,
    evaluate_corpus,
    load_corpus,
    macro_f1,
    main,
    reduce_map,
    score_text,
    token_f1,
)
from argmap.model import ArgumentMap, Document, Statement
from argmap.plugins import Extractor, load_registry
from argmap.text import split_sentences

from .conftest import ROOT, corpus_dir, needs_corpus

CORPUS_FIXTURE = ROOT / "tests" / "fixtures" / "microtext" / "corpus"



TEXT = "Alpha is right. Beta holds too. Gamma says no."
A, B, C = "Alpha is right.", "Beta holds too.", "Gamma says no."


def gold_abc() -> ArgumentMap:
    """A is the claim, B supports A, C attacks A."""
    b = MapBuilder(text=TEXT, locate=True)
    a = b.claim(A, main=True, id="a")
    b.support(a, b.premise(B, id="b"))
    b.attack(a, b.objection(C, id="c"))
    return b.build()


# -- alignment -------------------------------------------------------------------------


def test_assign_maximises_the_total_not_greedily():
    """The assignment takes the best total even when the single best pair must be given up."""
    assert assign([[0.9, 0.8], [0.7, 0.0]]) == [(0, 1), (1, 0)]


def test_assign_handles_more_rows_than_columns():
    """With more rows than columns every column is assigned to its best-total row."""
    assert assign([[0.1], [0.9], [0.5]]) == [(1, 0)]
    assert assign([]) == []


@given(
    st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 5).flatmap(
            lambda cols: st.lists(
                st.lists(st.floats(0, 1, allow_nan=False), min_size=cols, max_size=cols),
                min_size=rows,
                max_size=rows,
            )
        )
    )
)
def test_assign_matches_brute_force(weights):
    """On small matrices the Hungarian total equals the best total over all one-to-one assignments."""
    rows, cols = len(weights), len(weights[0])
    pairs = assign(weights)
    assert len(pairs) == min(rows, cols)
    assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
    got = sum(weights[r][c] for r, c in pairs)
    if rows <= cols:
        best = max(sum(weights[r][p[r]] for r in range(rows)) for p in itertools.permutations(range(cols), rows))
    else:
        best = max(sum(weights[p[c]][c] for c in range(cols)) for p in itertools.permutations(range(rows), cols))
    assert got == pytest.approx(best)


def test_token_f1_on_a_hand_computed_case():
    """Token F1 is 2 * overlap / (|gold| + |predicted|)."""
    assert token_f1(Counter("abcd"), Counter("abx")) == pytest.approx(2 * 2 / 7)
    assert token_f1(Counter(), Counter()) == 0.0


def test_align_needs_token_f1_of_one_half():
    """A prediction aligns to a gold unit only at token F1 >= 0.5."""
    text = "one two three four five six"
    half = Statement(id="p", text="one two three", spans=((0, 13),))
    assert align(text, [((0, 27),)], [half]).pairs == ((0, 0, pytest.approx(2 * 3 / 9)),)
    third = Statement(id="p", text="one two", spans=((0, 7),))  # F1 exactly 0.5: aligns
    assert align(text, [((0, 27),)], [third]).pairs == ((0, 0, 0.5),)
    sixth = Statement(id="p", text="one", spans=((0, 3),))
    assert align(text, [((0, 27),)], [sixth]).pairs == ()


def test_align_is_one_to_one_and_optimal():
    """Two gold halves of one predicted sentence: only one aligns, the one with the higher F1."""
    text = "one two three four five"
    gold = [((0, 7),), ((8, 23),)]  # "one two" | "three four five"
    whole = Statement(id="p", text=text, spans=((0, 23),))
    alignment = align(text, gold, [whole])
    assert [(g, p) for g, p, _ in alignment.pairs] == [(1, 0)]
    assert (alignment.n_gold, alignment.n_pred) == (2, 1)


def test_align_falls_back_to_words_without_spans():
    """A predicted statement without spans is compared by its words."""
    alignment = align(TEXT, [((0, 15),), ((16, 31),)], [Statement(id="p", text="beta HOLDS too")])
    assert alignment.gold_to_pred == {1: 0}


# -- tree reduction --------------------------------------------------------------------


def test_reduce_a_gold_tree():
    """Supports and attacks become parent links labelled sup/att; the attacked side's role flips."""
    tree = reduce_map(gold_abc())
    assert tree.parent == (None, 0, 0)
    assert tree.function == ("cc", "sup", "att")
    assert tree.roles == ("pro", "pro", "opp")
    assert tree.cc == 0


def test_an_undercut_attaches_to_the_source_of_the_relation_it_attacks():
    """An attack on a relation attaches to that relation's (first) source, as an attack."""
    b = MapBuilder()
    a = b.claim("A.", main=True)
    objection = b.objection("B.")
    rebut = b.attack(a, objection)
    b.attack(rebut, b.rebuttal("C."))
    tree = reduce_map(b.build())
    assert tree.parent == (None, 0, 1)
    assert tree.function == ("cc", "att", "att")
    assert tree.roles == ("pro", "opp", "pro")


def test_a_linked_co_premise_attaches_to_the_first_premise_as_support():
    """Further premises of a linked support attach to its first premise with sup and share its role."""
    b = MapBuilder()
    a = b.claim("A.", main=True)
    objection = b.objection("B.")
    b.attack(a, objection, b.objection("C."))
    tree = reduce_map(b.build())
    assert tree.parent == (None, 0, 1)
    assert tree.function == ("cc", "att", "sup")
    assert tree.roles == ("pro", "opp", "opp")


def test_a_unit_keeps_its_most_confident_outgoing_edge():
    """A statement with two outgoing relations keeps the more confident one."""
    b = MapBuilder()
    a = b.claim("A.", main=True)
    x = b.premise("B.")
    y = b.premise("C.")
    b.support(a, x)
    b.support(x, y, provenance=Provenance("t", 0.2))
    b.support(a, y, provenance=Provenance("t", 0.9))
    assert reduce_map(b.build()).parent == (None, 0, 0)


def test_cycles_are_broken_at_the_weakest_edge():
    """A cycle loses its least confident edge, whose source becomes a root."""
    b = MapBuilder()
    x = b.claim("A.")
    y = b.claim("B.")
    b.support(x, y, provenance=Provenance("t", 0.9))
    b.support(y, x, provenance=Provenance("t", 0.3))
    tree = reduce_map(b.build())
    assert tree.parent == (None, 0)
    assert tree.cc == 0


def test_the_central_claim_is_the_main_root_else_the_largest_root():
    """The cc is the first root flagged main; without one, the root with most descendants."""
    b = MapBuilder()
    b.claim("A.")
    y = b.claim("B.")
    b.support(y, b.premise("C."))
    tree = reduce_map(b.build())
    assert tree.cc == 1
    assert tree.function == ("none", "cc", "sup")
    b2 = MapBuilder()
    b2.claim("A.", main=True)
    y2 = b2.claim("B.")
    b2.support(y2, b2.premise("C."))
    assert reduce_map(b2.build()).cc == 0


# -- metrics ---------------------------------------------------------------------------


def test_macro_f1_on_a_hand_computed_case():
    """Macro-F1 averages the per-class F1: (2/3 + 4/5) / 2."""
    assert macro_f1([1, 0, 0, 0], [1, 1, 0, 0]) == pytest.approx((2 / 3 + 4 / 5) / 2)


def test_macro_f1_counts_a_label_outside_the_set_as_a_miss_only():
    """A 'none' prediction lowers the gold class's recall and adds no class of its own."""
    assert macro_f1(["pro", "pro"], ["pro", "none"], ("pro", "opp")) == pytest.approx(2 / 3)
    assert macro_f1([], [], ("pro", "opp")) == 1.0


def test_levels_on_a_hand_computed_case():
    """Gold A<-B (sup), A<-C (att) against predicted A<-B<-C (sup): cc 1, ro .4, fu 5/9, at .625."""
    b = MapBuilder(text=TEXT, locate=True)
    a = b.claim(A, main=True)
    p = b.premise(B)
    b.support(a, p)
    b.support(p, b.premise(C))
    result = score_text(gold_abc(), b.build())
    scores = Scores.pooled([result])
    assert result.gold["at"] == (0, 0, 1, 0, 1, 0)
    assert result.pred["at"] == (0, 0, 1, 0, 0, 1)
    assert (scores.cc, scores.ro, scores.fu, scores.at) == pytest.approx((1.0, 0.4, 5 / 9, 0.625))
    assert (scores.seg_precision, scores.seg_recall) == (1.0, 1.0)


def test_an_unaligned_gold_unit_is_an_error_on_every_level():
    """A gold unit without a prediction gets 'none' on ro and fu, 0 on cc and no attachment."""
    b = MapBuilder(text=TEXT, locate=True)
    a = b.claim(A, main=True)
    b.support(a, b.premise(B))
    result = score_text(gold_abc(), b.build())
    assert result.pred["ro"] == ("pro", "pro", "none")
    assert result.pred["fu"] == ("cc", "sup", "none")
    assert result.pred["cc"] == (1, 0, 0)
    scores = Scores.pooled([result])
    assert (scores.ro, scores.fu, scores.at) == pytest.approx((0.5, 2 / 3, (2 / 3 + 8 / 9) / 2))
    assert (scores.seg_precision, scores.seg_recall) == pytest.approx((1.0, 2 / 3))


def test_an_attachment_to_an_unaligned_prediction_is_no_attachment():
    """When a prediction's parent aligns to no gold unit, its gold unit attaches to nothing."""
    b = MapBuilder(text=TEXT + " Delta.", locate=True)
    d = b.claim("Delta.", main=True)
    b.support(d, b.premise(A))
    gold = gold_abc().evolve(document=Document(text=TEXT + " Delta."))
    result = score_text(gold, b.build())
    assert result.pred["at"] == (0,) * 6
    assert result.n_pred == 2 and result.n_aligned == 1


def test_a_gold_map_scores_one_against_itself():
    """Any gold map scored against itself is 1.0 on every level and in segmentation."""
    gold = gold_abc()
    scores = Scores.pooled([score_text(gold, gold)])
    assert scores == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)


# -- sentences and the chain baseline --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("See e.g. this. And Dr. Who came.", ["See e.g. this.", "And Dr. Who came."]),
        ("It ends.Then a lost space.", ["It ends.", "Then a lost space."]),
        ("Twenty (!!!) years to go? Yes.", ["Twenty (!!!) years to go?", "Yes."]),
        ("ARD, ZDF etc. It is good.", ["ARD, ZDF etc.", "It is good."]),
        ("Tea, coffee etc. are fine.", ["Tea, coffee etc. are fine."]),
        ("I can't. He can.", ["I can't.", "He can."]),
        ("Made by J. Smith in the U.S. today.", ["Made by J. Smith in the U.S. today."]),
        ("My hon. Friend asked. Mr. Li agreed.", ["My hon. Friend asked.", "Mr. Li agreed."]),
        ("He paused . . . and went on. Then . . . Silence.", ["He paused . . . and went on.", "Then . . .", "Silence."]),
        ("One went up – the other fell.", ["One went up – the other fell."]),
        ('"Go home." She left.', ['"Go home."', "She left."]),
        ("Head line\n\nBody text", ["Head line", "Body text"]),
        ("  ", []),
    ],
)
def test_split_sentences(text, sentences):
    """The sentence splitter of argmap.text (the chain floor's and the cues segmenter's) cuts where a reader
    would, and nowhere else."""
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_split_sentences_of_a_range_gives_offsets_into_the_whole_text():
    """With start and end, only that range is split, and the spans are offsets into the whole text."""
    text = "Skip this. One here. Two here! Not this."
    start, end = text.index("One"), text.index(" Not")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["One here.", "Two here!"]


@given(st.text(alphabet="ab .!?\n–A", max_size=60))
def test_sentence_spans_are_exact_ordered_and_cover_every_visible_character(text):
    """Sentence spans are stripped, ordered, disjoint and together hold every non-space character."""
    spans = split_sentences(text)
    covered = 0
    last = 0
    for start, end in spans:
        assert last <= start < end
        assert text[start:end] == text[start:end].strip()
        covered += sum(not ch.isspace() for ch in text[start:end])
        last = end
    assert covered == sum(not ch.isspace() for ch in text)


def test_chain_baseline_chains_sentences_and_units():
    """The chain floor makes the first unit the main claim and each further one support the one before."""
    extractor = chain_baseline()
    amap = extractor.extract(Document(text=TEXT))
    assert [s.text for s in amap.statements] == [A, B, C]
    assert [s.id for s in amap.main_claims] == ["s1"]
    assert [(r.premises, r.conclusion) for r in amap.supports] == [(("s2",), "s1"), (("s3",), "s2")]
    units = extractor.extract_units(Document(text=TEXT), [(0, 5), (16, 20)])
    assert [s.text for s in units.statements] == ["Alpha", "Beta"]


def test_the_chain_floor_also_cuts_after_a_dash_between_spaces():
    """End-to-end, the chain floor's units are the sentences, each also cut after a spaced dash (which it keeps)."""
    amap = chain_baseline().extract(Document(text="One went up – the other fell. Head line\n\nBody text"))
    assert [s.text for s in amap.statements] == ["One went up –", "the other fell.", "Head line", "Body text"]


# -- corpus runs -----------------------------------------------------------------------


def oracle() -> Extractor:
    """An extractor that returns the gold map of each fixture text (looked up by its text)."""
    gold = {t.map.document.text: t.map for t in load_corpus(CORPUS_FIXTURE)}

    def extract(document: Document) -> ArgumentMap:
        return gold[document.text].evolve(document=document)

    def extract_units(document: Document, spans) -> ArgumentMap:
        return gold[document.text].evolve(document=document)

    return Extractor("oracle", extract, extract_units=extract_units)


def test_the_gold_scores_one_on_the_fixture_corpus_in_both_modes():
    """An extractor that returns the gold scores 1.0 everywhere, pooled and over the folds, in both modes."""
    report = evaluate_corpus(CORPUS_FIXTURE, oracle())
    assert [m.mode for m in report.modes] == ["end-to-end", "given-units"]
    for mode in report.modes:
        assert mode.pooled == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
        assert mode.folds_mean == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)
        assert (mode.n_texts, mode.n_folds, mode.n_gold) == (3, 3, 16)


def test_fold_mean_is_the_mean_of_per_fold_pooled_scores():
    """The fold mean averages, field by field, the pooled scores of each fold's texts."""
    report = evaluate_corpus(CORPUS_FIXTURE, chain_baseline(), "given-units")
    mode = report.mode("given-units")
    by_id = {t.text_id: t for t in mode.texts}
    folds = [["t_bikes", "t_homework"], ["t_uniforms"], ["t_bikes", "t_uniforms", "t_homework"]]
    expected = Scores.mean([Scores.pooled([by_id[i] for i in fold]) for fold in folds])
    assert mode.folds_mean == expected
    assert mode.pooled == Scores.pooled(list(mode.texts))
    assert any("t_not_in_this_corpus" in note for note in report.notes)


def test_given_units_mode_hands_the_gold_unit_spans_to_the_extractor():
    """In given-units mode the extractor receives one span per gold ADU, a joint's EDUs as one span."""
    seen = []

    def extract_units(document: Document, spans):
        seen.append(list(spans))
        return chain_baseline().extract_units(document, spans)

    extractor = Extractor("probe", chain_baseline().extract, extract_units=extract_units)
    evaluate_corpus(CORPUS_FIXTURE, extractor, "given-units")
    uniforms = next(s for s in seen if len(s) == 3 and s[0] == (0, 36))
    assert uniforms[1] == (37, 131)


def test_an_extractor_without_extract_units_cannot_run_given_units():
    """Asking for given-units mode of an extractor without extract_units is an EvaluationError."""
    extractor = Extractor("plain", chain_baseline().extract)
    with pytest.raises(EvaluationError, match="no extract_units"):
        evaluate_corpus(CORPUS_FIXTURE, extractor, "given-units")


def test_an_extractor_error_names_the_text():
    """An ArgmapError raised by the extractor comes back naming the text it failed on."""
    from argmap import InputError

    def extract(document: Document) -> ArgumentMap:
        raise InputError("cannot read this")

    with pytest.raises(EvaluationError) as info:
        evaluate_corpus(CORPUS_FIXTURE, Extractor("broken", extract), "end-to-end")
    assert info.value.where == "t_bikes"


def test_unknown_mode_and_missing_folder_are_errors(tmp_path):
    """An unknown mode, a missing folder and a folder without graphs raise argmap errors."""
    from argmap import InputError

    with pytest.raises(EvaluationError, match="unknown mode"):
        evaluate_corpus(CORPUS_FIXTURE, chain_baseline(), "sideways")
    with pytest.raises(InputError, match="no such corpus folder"):
        evaluate_corpus(tmp_path / "nowhere", chain_baseline())
    with pytest.raises(InputError, match="no .xml graphs"):
        evaluate_corpus(tmp_path, chain_baseline())


def test_report_formats():
    """The report renders as a text table, Markdown table and JSON with the same figures."""
    report = evaluate_corpus(CORPUS_FIXTURE, chain_baseline())
    data = json.loads(report.to_json())
    assert data["extractor"] == "chain"
    assert data["modes"][1]["pooled"]["cc"] == report.mode("given-units").pooled.cc
    assert f"{report.mode('end-to-end').pooled.at:.3f}" in report.to_text()
    assert "| given-units | mean of 3 folds |" in report.to_markdown()


# -- the command -----------------------------------------------------------------------


def test_main_prints_the_report(capsys):
    """main() prints the chosen format on stdout and returns 0."""
    assert main([str(CORPUS_FIXTURE), "--baseline", "chain", "--format", "json", "--mode", "end-to-end"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [m["mode"] for m in data["modes"]] == ["end-to-end"]


def test_main_per_text_lists_each_text_in_json(capsys):
    """--per-text adds each text's own scores to the JSON report."""
    assert main([str(CORPUS_FIXTURE), "--baseline", "chain", "--format", "json", "--per-text"]) == 0
    texts = json.loads(capsys.readouterr().out)["modes"][1]["texts"]
    assert [t["id"] for t in texts] == ["t_bikes", "t_homework", "t_uniforms"]
    assert all(t["seg_recall"] == 1.0 for t in texts)


def test_main_uses_an_extractor_from_the_registry(capsys):
    """-e names an extractor of the registry main() is given."""

    class Plugin:
        @argmap.hookimpl
        def argmap_register_extractors(self, register):
            register(oracle())

    registry = load_registry(builtins=False, entrypoints=False, plugins=[Plugin()])
    assert main([str(CORPUS_FIXTURE), "-e", "oracle", "--format", "markdown"], registry) == 0
    assert "| end-to-end | pooled | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in capsys.readouterr().out


def test_main_skips_given_units_for_an_extractor_without_it(capsys):
    """In the default mode 'both', an extractor without extract_units is scored end-to-end, with a note."""

    class Plugin:
        @argmap.hookimpl
        def argmap_register_extractors(self, register):
            register(Extractor("plain", chain_baseline().extract))

    registry = load_registry(builtins=False, entrypoints=False, plugins=[Plugin()])
    assert main([str(CORPUS_FIXTURE), "-e", "plain"], registry) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("end-to-end ") for line in lines)
    assert not any(line.startswith("given-units") for line in lines)
    assert lines[-1].startswith("note: ") and "given-units mode skipped" in lines[-1]


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["--mode", "sideways", "CORPUS"], 2, "invalid choice: 'sideways'"),
        (["CORPUS", "--baseline", "chain", "-e", "cues"], 2, "not allowed with argument"),
        ([], 2, "the following arguments are required: CORPUS"),
        (["CORPUS", "--baseline", "nothing"], 2, "invalid choice: 'nothing'"),
        (["/no/such/folder", "--baseline", "chain"], 1, "no such corpus folder"),
        (["CORPUS", "-e", "nosuchextractor"], 1, "unknown extractor 'nosuchextractor'"),
        (["CORPUS", "--baseline", "chain", "--mode", "given-units", "--format", "yaml"], 2, "invalid choice: 'yaml'"),
    ],
)
def test_main_bad_arguments_give_one_line_and_a_status(capsys, argv, status, message):
    """Bad arguments, a missing folder or an unknown extractor: one line on stderr, non-zero, no traceback."""
    argv = [str(CORPUS_FIXTURE) if a == "CORPUS" else a for a in argv]
    registry = load_registry(entrypoints=False)
    assert main(argv, registry) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("argmap: error: ")
    assert message in captured.err


def test_main_help_returns_zero(capsys):
    """--help prints the usage on stdout and returns 0 instead of exiting."""
    assert main(["--help"]) == 0
    assert "argmap evaluate" in capsys.readouterr().out


def test_module_doctests_pass():
    """The examples in the docstrings of argmap.evaluation and its modules hold."""
    package = argmap.evaluation
    names = [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]
    results = [doctest.testmod(importlib.import_module(name)) for name in names]
    assert all(r.failed == 0 for r in results) and sum(r.attempted for r in results) > 0


# -- the real corpus -------------------------------------------------------------------


@needs_corpus
def test_every_gold_tree_scores_one_against_itself_on_the_real_corpus():
    """The tree reduction of every part-1 gold graph scores 1.0 against itself on every level."""
    texts = load_corpus(corpus_dir())
    assert len(texts) == 112
    for text in texts:
        scores = Scores.pooled([score_text(text.map, text.map, text_id=text.id, gold_spans=text.unit_spans)])
        assert scores == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), text.id


@needs_corpus
def test_roles_derived_from_the_gold_trees_equal_the_annotated_roles():
    """On part 1, the role the tree derives (claim pro, each attack flips) is the annotated pro/opp of every ADU."""
    for text in load_corpus(corpus_dir()):
        tree = reduce_map(text.map)
        assert tree.roles == tuple(s.metadata["role"] for s in text.map.statements), text.id
        assert sum(p is None for p in tree.parent) == 1


@needs_corpus
def test_the_chain_floor_reproduces_the_published_figures():
    """The chain baseline scores the figures the issue and the corpus notes give, within 0.002."""
    report = evaluate_corpus(corpus_dir(), chain_baseline())
    e2e = report.mode("end-to-end").pooled
    assert (e2e.cc, e2e.ro, e2e.fu, e2e.at, e2e.seg_recall) == pytest.approx(
        (0.679, 0.410, 0.365, 0.583, 0.785), abs=0.002
    )
    given_units = report.mode("given-units")
    assert given_units.n_folds == 50
    assert (given_units.folds_mean.cc, given_units.folds_mean.at) == pytest.approx((0.712, 0.662), abs=0.002)
