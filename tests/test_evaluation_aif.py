"""The harness on AIF gold: reading a folder of AIF maps, skipping what cannot be used, aligning
paraphrased units by words, the thesis found at token F1 >= 0.5, given units in text order, the
first-unit baseline, the cross-corpus table and its command line."""

from __future__ import annotations

import json

import pytest

from argmap.errors import InputError
from argmap.evaluation import (
    Scores,
    Skipped,
    chain_baseline,
    cross_corpus,
    evaluate_corpus,
    first_baseline,
    load_gold,
    main,
    score_gold_text,
)
from argmap.model import ArgumentMap, Document, Kind, Provenance, Statement, Support
from argmap.plugins import Extractor, load_registry

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "evaluation"
AIF = FIXTURES / "aif"
LOCATED = FIXTURES / "aif-located"
MICROTEXT = ROOT / "tests" / "fixtures" / "microtext" / "corpus"


def by_id(corpus):
    return {t.id: t for t in corpus.texts}


def predicted(text: str, units: list[str], main: int = 0, confidence: float | None = None) -> ArgumentMap:
    """A predicted map of *text*: the given unit texts (each found in it), the *main* one supported by the rest."""
    statements = []
    for i, unit in enumerate(units):
        start = text.index(unit)
        statements.append(
            Statement(
                id=f"p{i}",
                text=unit,
                kind=Kind.CLAIM if i == main else Kind.PREMISE,
                main=i == main,
                spans=((start, start + len(unit)),),
                provenance=Provenance(extractor="test", confidence=confidence),
            )
        )
    relations = [
        Support(id=f"r{i}", premises=(f"p{i}",), conclusion=f"p{main}") for i in range(len(units)) if i != main
    ]
    return ArgumentMap(statements=statements, relations=relations, document=Document(text=text))


# -- reading ---------------------------------------------------------------------------


def test_load_gold_reads_the_usable_aif_maps_and_lists_every_skipped_file_with_its_reason():
    """An AIF folder gives one text per usable map; every other file is listed with why it was skipped."""
    corpus = load_gold(AIF)
    assert corpus.format == "aif"
    assert [t.id for t in corpus.texts] == ["library", "trees"]
    assert all(t.source == "aif" and len([s for s in t.map.statements if s.main]) == 1 for t in corpus.texts)
    assert corpus.skipped == (
        Skipped("blank.json", "empty"),
        Skipped("broken.json", "2:1: invalid JSON: Expecting value"),
        Skipped("lonely.json", "no main claim"),
        Skipped("nosidecar.json", "no sidecar text"),
        Skipped("notes.json", "not AIF-JSON"),
        Skipped("twofold.json", "several conclusions"),
    )
    summary = corpus.skip_summary()
    assert summary is not None and summary.startswith("6 file(s) skipped: 1 cannot be read (broken.json: 2:1:")


def test_an_id_map_names_the_texts_and_its_entries_without_a_file_are_noted():
    """aif2arggraph.json gives each map file its text id; an id it lists with no file is noted, not dropped."""
    corpus = load_gold(LOCATED)
    assert [t.id for t in corpus.texts] == ["t_cars", "t_homework"]
    assert corpus.notes == ("1 text(s) of aif2arggraph.json have no file: t_missing (absent)",)
    report = evaluate_corpus(corpus, first_baseline(), "end-to-end")
    assert corpus.notes[0] in report.notes


def test_units_are_located_only_when_every_i_node_is_found_in_the_text():
    """A map with a paraphrased I-node has no unit spans, so its corpus cannot run given units."""
    texts = by_id(load_gold(AIF))
    assert texts["trees"].unit_spans is None
    assert texts["library"].unit_spans is not None
    assert not load_gold(AIF).units_located
    assert load_gold(LOCATED).units_located


def test_two_i_nodes_found_at_one_place_cannot_be_given_as_units(tmp_path):
    """An I-node repeated in the map but once in the text overlaps the other: the text is end-to-end only."""
    nodes = [
        {"nodeID": "1", "text": "Go by bike.", "type": "I"},
        {"nodeID": "2", "text": "It is quick.", "type": "I"},
        {"nodeID": "3", "text": "It is quick.", "type": "I"},
        {"nodeID": "4", "text": "Default Inference", "type": "RA"},
        {"nodeID": "5", "text": "Default Inference", "type": "RA"},
    ]
    edges = [("2", "4"), ("4", "1"), ("3", "5"), ("5", "2")]
    data = {"nodes": nodes, "edges": [{"edgeID": str(i), "fromID": a, "toID": b} for i, (a, b) in enumerate(edges)]}
    (tmp_path / "bike.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "bike.txt").write_text("Go by bike. It is quick.", encoding="utf-8")
    corpus = load_gold(tmp_path)
    assert all(s.spans for s in corpus.texts[0].map.statements)
    assert corpus.texts[0].unit_spans is None and not corpus.units_located


def test_a_folder_with_no_usable_gold_is_an_input_error(tmp_path):
    """A folder whose maps are all unusable raises one error that says why each kind was skipped."""
    (tmp_path / "a.json").write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    with pytest.raises(InputError, match=r"no usable gold map \(1 file\(s\) skipped: 1 no sidecar text \(a.json\)\)"):
        load_gold(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="no gold maps found: no .xml graphs"):
        load_gold(empty)


def test_microtext_texts_carry_their_topic():
    """A microtext graph's topic_id becomes the text's topic (None where the graph has none)."""
    corpus = load_gold(MICROTEXT)
    assert corpus.format == "microtext"
    assert {t.id: t.topic for t in corpus.texts} == {
        "t_bikes": "bike_lanes",
        "t_homework": None,
        "t_uniforms": "school_uniforms",
    }


def test_a_sidecar_in_another_encoding_is_skipped_with_the_way_out_and_read_with_it(tmp_path):
    """A Windows-1252 sidecar is skipped with a reason naming --encoding; with that encoding it is read."""
    source = AIF / "trees.json"
    (tmp_path / "trees.json").write_bytes(source.read_bytes())
    text = (AIF / "trees.txt").read_text(encoding="utf-8").replace("as studies show", "as studies show \u2013 caf\u00e9")
    (tmp_path / "trees.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "folder.json").mkdir()  # a folder is not a map: not listed at all
    with pytest.raises(InputError, match=r"trees.json: trees.txt: not utf-8 text \(bad byte 0x96 at offset \d+\); "
                       r"give the texts' encoding \(--encoding cp1252"):
        load_gold(tmp_path)
    corpus = load_gold(tmp_path, encoding="cp1252")
    assert [t.id for t in corpus.texts] == ["trees"] and not corpus.skipped
    assert "caf\u00e9" in corpus.texts[0].map.document.text


# -- alignment and the thesis --------------------------------------------------------------


@pytest.mark.parametrize("folder", [AIF, LOCATED])
def test_an_aif_gold_map_scores_one_against_itself(folder):
    """Predicted as itself, every fixture map aligns whole, scores 1.0 on every level and finds its thesis."""
    for text in load_gold(folder).texts:
        result = score_gold_text(text, text.map)
        assert Scores.pooled([result]) == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), text.id
        assert result.thesis_found and result.thesis_f1 == 1.0


def test_a_paraphrased_gold_unit_aligns_by_its_words():
    """The I-node 'Trees clean the air.' aligns to the sentence it paraphrases (word F1 exactly 0.5)."""
    gold = by_id(load_gold(AIF))["trees"]
    text = gold.map.document.text
    units = ["Cities should plant more trees.", "Trees cool the streets in summer.",
             "They also clean the air, as studies show."]
    result = score_gold_text(gold, predicted(text, units))
    assert result.n_aligned == 3
    assert result.pred["fu"] == ("cc", "sup", "sup")
    assert result.thesis_found and result.thesis_f1 == 1.0


def test_the_thesis_is_found_at_token_f1_of_one_half_and_cc_follows_it():
    """The predicted main statement finds the thesis when its word F1 with the gold one is >= 0.5; cc labels follow."""
    gold = by_id(load_gold(AIF))["trees"]
    text = gold.map.document.text
    # 'Cities should plant more trees. Trees cool the streets in summer.' against 'Cities should plant
    # more trees.': 2 * 5 / (5 + 11) = 0.625.
    long_main = predicted(text, ["Cities should plant more trees. Trees cool the streets in summer.",
                                 "They also clean the air, as studies show."], confidence=0.7)
    result = score_gold_text(gold, long_main)
    assert result.thesis_f1 == pytest.approx(0.625)
    assert result.thesis_found and result.thesis_confidence == 0.7
    assert result.pred["cc"] == (1, 0, 0)
    wrong = predicted(text, ["Cities should plant more trees.", "Trees cool the streets in summer."], main=1)
    result = score_gold_text(gold, wrong)
    assert not result.thesis_found and result.thesis_f1 == pytest.approx(2 * 1 / (5 + 6))
    assert result.pred["cc"] == (0, 1, 0)


def test_given_units_hands_the_gold_spans_in_text_order_and_maps_them_back():
    """On AIF gold whose units are out of text order, the extractor gets them sorted and the labels go to the right unit."""
    seen = []

    def extract_units(document: Document, spans):
        seen.append(list(spans))
        return first_baseline().extract_units(document, spans)

    extractor = Extractor("probe", first_baseline().extract, extract_units=extract_units)
    corpus = load_gold(LOCATED)
    report = evaluate_corpus(corpus, extractor, "given-units")
    cars = by_id(corpus)["t_cars"]
    assert seen[0] == sorted(u[0] for u in cars.unit_spans)
    result = report.mode("given-units").texts[0]
    # The first unit in the text ('The air in the centre is bad', gold i2) is taken as the claim.
    assert result.pred["fu"] == ("sup", "cc", "sup", "sup")
    assert not result.thesis_found


def test_given_units_is_left_out_with_a_note_where_units_cannot_be_located():
    """Both modes on a corpus with unlocated units: end-to-end only, and a note says why."""
    report = evaluate_corpus(AIF, first_baseline())
    assert [m.mode for m in report.modes] == ["end-to-end"]
    assert any("cannot be located in their text" in n for n in report.notes)
    assert [s.name for s in report.skipped] == [
        "blank.json", "broken.json", "lonely.json", "nosidecar.json", "notes.json", "twofold.json"
    ]


# -- the first-unit baseline --------------------------------------------------------------


def test_the_first_unit_baseline_makes_every_unit_support_the_first():
    """End-to-end (sentences) and with given units, unit 1 is the main claim and each other supports it directly."""
    text = "We need parks. They give shade. Children play there."
    amap = first_baseline().extract(Document(text=text))
    assert [s.text for s in amap.statements] == ["We need parks.", "They give shade.", "Children play there."]
    assert [s.main for s in amap.statements] == [True, False, False]
    assert [(r.premises, r.conclusion) for r in amap.relations] == [(("s2",), "s1"), (("s3",), "s1")]
    given = first_baseline().extract_units(Document(text=text), [(0, 14), (15, 31)])
    assert [(r.premises, r.conclusion) for r in given.relations] == [(("s2",), "s1")]


def test_first_and_chain_baselines_differ_only_in_attachment():
    """On the fixture corpora the two baselines find the same thesis; only where units attach differs."""
    for corpus in (MICROTEXT, LOCATED):
        first = evaluate_corpus(corpus, first_baseline(), "given-units").mode("given-units")
        chain = evaluate_corpus(corpus, chain_baseline(), "given-units").mode("given-units")
        assert first.n_thesis_found == chain.n_thesis_found
        assert first.pooled.cc == chain.pooled.cc


# -- the cross-corpus table -------------------------------------------------------------------


def test_the_cross_corpus_table_has_a_row_per_corpus_mode_and_system():
    """Rows go corpus, then mode, then system; a corpus without located units has end-to-end rows only."""
    table = cross_corpus([MICROTEXT, AIF], [first_baseline(), chain_baseline()])
    assert [(r.corpus, r.mode, r.system) for r in table.rows] == [
        ("corpus", "end-to-end", "first"),
        ("corpus", "end-to-end", "chain"),
        ("corpus", "given-units", "first"),
        ("corpus", "given-units", "chain"),
        ("aif", "end-to-end", "first"),
        ("aif", "end-to-end", "chain"),
    ]
    assert table.notes[0] == "corpus: 3 texts (microtext)"
    assert "end-to-end only" in table.notes[1] and "6 file(s) skipped" in table.notes[1]
    markdown = table.to_markdown()
    assert markdown.startswith("| corpus | mode | system | texts | thesis | cc |")
    assert "| corpus | given-units | first | 3 | 1.000 | 1.000 |" in markdown
    assert json.loads(table.to_json())["rows"][0]["system"] == "first"


def registry_with(extractor: Extractor):
    import argmap

    class Plugin:
        @argmap.hookimpl
        def argmap_register_extractors(self, register):
            register(extractor)

    return load_registry(builtins=False, entrypoints=False, plugins=[Plugin()])


def test_main_prints_one_table_for_several_corpora(capsys):
    """Several corpora print the table of both baselines and the extractor, in the format asked for."""
    registry = registry_with(Extractor("plain", first_baseline().extract))
    assert main([str(LOCATED), str(AIF), "-e", "plain", "--format", "markdown"], registry) == 0
    out = capsys.readouterr().out
    rows = [line for line in out.splitlines() if line.startswith("| aif")]
    assert [line.split(" | ")[1:3] for line in rows] == [
        ["end-to-end", "first"], ["end-to-end", "chain"], ["end-to-end", "plain"],
        ["given-units", "first"], ["given-units", "chain"],
        ["end-to-end", "first"], ["end-to-end", "chain"], ["end-to-end", "plain"],
    ]
    assert "- aif: 2 texts (aif); 6 file(s) skipped: 1 cannot be read (broken.json: 2:1: invalid JSON" in out


def test_main_table_output_is_the_same_byte_for_byte_on_each_run(capsys):
    """The same corpora give the same table, twice."""
    outs = []
    for _ in range(2):
        registry = registry_with(Extractor("plain", chain_baseline().extract))
        assert main([str(MICROTEXT), str(AIF), "-e", "plain", "--calibration"], registry) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]


def test_main_calibration_adds_a_reliability_table_per_corpus(capsys):
    """--calibration prints the reliability of the extractor's thesis confidence per corpus, in text and JSON."""
    registry = registry_with(Extractor("plain", first_baseline().extract))
    assert main([str(LOCATED), "-e", "plain", "--calibration", "--bins", "4"], registry) == 0
    out = capsys.readouterr().out
    assert "thesis confidence of plain on aif-located (end-to-end)" in out
    assert "0.8-1.0          2      1.000     1.000  +0.000" in out
    assert main([str(LOCATED), "-e", "plain", "--calibration", "--format", "json"], registry) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["calibration"][0]["n"] == 2 and data["calibration"][0]["ece"] == 0.0


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["EMPTY"], 2, "no gold maps found"),
        (["UNUSABLE"], 2, "no usable gold map (1 file(s) skipped: 1 cannot be read (x.json: 1:2: invalid JSON"),
        (["AIF", "AIF", "--baseline", "first"], 2, "argument --baseline: not with several corpora"),
        (["AIF", "--table", "--per-text"], 2, "argument --per-text: only for one corpus"),
        (["AIF", "--bins", "0"], 2, "argument --bins: expected at least 1"),
        (["AIF", "--encoding", "klingon"], 2, "argument --encoding: unknown encoding 'klingon'"),
        (["AIF", "--baseline", "first", "--mode", "given-units"], 1, "no given-units mode on this corpus"),
    ],
)
def test_main_bad_input_gives_one_line_and_a_status(capsys, tmp_path, argv, status, message):
    """No usable gold, bad flag combinations, given units where units cannot be located: one line, no traceback."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "unusable").mkdir()
    (tmp_path / "unusable" / "x.json").write_text("{", encoding="utf-8")
    (tmp_path / "unusable" / "x.txt").write_text("Some text.", encoding="utf-8")
    places = {"EMPTY": tmp_path / "empty", "UNUSABLE": tmp_path / "unusable", "AIF": AIF}
    argv = [str(places.get(a, a)) for a in argv]
    assert main(argv, registry_with(Extractor("plain", first_baseline().extract))) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("argmap: error: ")
    assert message in captured.err
