"""The harness on the real corpora (read in place, skipped when absent): AIFdb's microtexts against part 1,
AraucariaDB read whole, and the cross-corpus table over all three."""

from __future__ import annotations

import json

import pytest

from argmap.evaluation import Scores, chain_baseline, cross_corpus, first_baseline, load_gold, score_gold_text
from argmap.plugins import load_registry

from .conftest import corpus_dir, shared_corpus

PART1 = corpus_dir()
AIF_MICRO = shared_corpus("aif-microtexts-part1")
ARAUCARIA = shared_corpus("aif-araucaria")


def need(*paths):
    if any(p is None for p in paths):
        pytest.skip("a corpus of ../shared/corpora is missing")


def test_aif_microtexts_are_the_part1_texts():
    """AIFdb's id map names exactly the 112 part-1 texts; 110 have a file (the two without one are noted),
    each with as many units as its part-1 graph."""
    need(PART1, AIF_MICRO)
    part1 = load_gold(PART1)
    aif = load_gold(AIF_MICRO)
    id_map = json.loads((AIF_MICRO / "aif2arggraph.json").read_text(encoding="utf-8"))
    assert len(part1.texts) == len(set(id_map.values())) == 112
    assert set(id_map.values()) == {t.id for t in part1.texts}
    assert len(aif.texts) == 110 and not aif.skipped
    assert {t.id for t in aif.texts} == {t.id for t in part1.texts} - {"micro_k029", "micro_k031"}
    assert aif.notes == ("2 text(s) of aif2arggraph.json have no file: micro_k029 (extra1), micro_k031 (extra2)",)
    assert aif.units_located
    texts = {t.id: t for t in part1.texts}
    assert all(len(t.map.statements) == len(texts[t.id].map.statements) for t in aif.texts)


def test_araucaria_is_read_whole_with_one_conclusion_per_text():
    """All 662 AraucariaDB maps are usable: a sidecar text and one main claim each; most I-nodes are not verbatim."""
    need(ARAUCARIA)
    corpus = load_gold(ARAUCARIA)
    assert len(corpus.texts) == 662 and not corpus.skipped
    assert not corpus.units_located


def test_the_cross_corpus_table_runs_on_all_three_corpora():
    """The table has both baselines and the extractor on each corpus, and cues beats the first unit on the thesis."""
    need(PART1, AIF_MICRO, ARAUCARIA)
    cues = load_registry(entrypoints=False).extractor("cues")
    table = cross_corpus([PART1, AIF_MICRO, ARAUCARIA], [first_baseline(), chain_baseline(), cues])
    rows = {(r.corpus, r.mode, r.system): r for r in table.rows}
    assert len(table.rows) == 3 * 2 + 3 * 2 + 3
    assert ("aif-araucaria", "given-units", "cues") not in rows
    part1_chain = rows[("arg-microtexts-part1", "end-to-end", "chain")].scores
    assert (part1_chain.cc, part1_chain.at) == pytest.approx((0.679, 0.583), abs=0.002)
    for corpus in ("arg-microtexts-part1", "aif-microtexts-part1", "aif-araucaria"):
        first = rows[(corpus, "end-to-end", "first")]
        assert first.thesis == rows[(corpus, "end-to-end", "chain")].thesis
        assert rows[(corpus, "end-to-end", "cues")].thesis > first.thesis


@pytest.mark.parametrize("name", ["aif-araucaria", "aif-microtexts-part1"])
def test_every_aif_gold_map_scores_one_against_itself(name):
    """Each AIF gold map, predicted as itself, aligns whole and scores 1.0 on every level with its thesis found."""
    path = shared_corpus(name)
    need(path)
    for text in load_gold(path).texts:
        result = score_gold_text(text, text.map)
        assert Scores.pooled([result]) == Scores(1.0, 1.0, 1.0, 1.0, 1.0, 1.0), text.id
        assert result.thesis_found, text.id
