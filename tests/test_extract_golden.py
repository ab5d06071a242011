"""Golden maps of the seeds: what the ``cues`` extractor makes of each ``seeds/*.txt``.

Set ARGMAP_UPDATE_GOLDEN=1 to rewrite ``seeds/<name>.map.json`` after an intended change.
"""

from __future__ import annotations

import os

import pytest

import argmap
from argmap import Attack, Kind, Support
from argmap.cues import extract

from .conftest import ROOT

SEEDS = ROOT / "seeds"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"
TEXTS = sorted(SEEDS.glob("*.txt"))


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_seed_map_matches_its_golden_file(path):
    """The extracted map of each seed text, as argmap JSON, equals seeds/<name>.map.json."""
    golden = path.with_name(path.stem + ".map.json")
    actual = argmap.dumps(extract(argmap.Document.from_path(path, source=path.name)))
    if UPDATE:
        golden.write_text(actual, encoding="utf-8", newline="\n")
    assert golden.exists(), f"missing golden file {golden.name}: run with ARGMAP_UPDATE_GOLDEN=1"
    assert golden.read_text(encoding="utf-8") == actual, f"{golden.name} differs (ARGMAP_UPDATE_GOLDEN=1 rewrites it)"


@pytest.fixture(scope="module")
def op_ed() -> argmap.ArgumentMap:
    path = SEEDS / "japan-russia-reset.txt"
    return extract(argmap.Document.from_path(path, source=path.name))


def _one(amap: argmap.ArgumentMap, start: str) -> argmap.Statement:
    found = [s for s in amap.statements if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0]


def _rel(amap: argmap.ArgumentMap, s: argmap.Statement):
    (rel,) = amap.relations_from(s.id)
    return rel


def test_op_ed_thesis_comes_from_the_standfirst_and_its_restatement_is_linked(op_ed):
    """One main claim, the standfirst's recommendation; 'should therefore be welcomed' restates it."""
    (thesis,) = op_ed.main_claims
    assert thesis.text == "The west should welcome Tokyo’s engagement with Moscow"
    assert thesis.kind is Kind.RECOMMENDATION
    restated = _one(op_ed, "Japan’s engagement of Russia should therefore be welcomed")
    assert "restatement" in restated.tags and not restated.main
    rel = _rel(op_ed, restated)
    assert isinstance(rel, Support) and rel.conclusion == thesis.id


def test_op_ed_has_no_page_furniture(op_ed):
    """Dateline, byline, timestamp, category and comment notice are all left out."""
    texts = "\n".join(s.text for s in op_ed.statements)
    for furniture in ("Intellasia", "Print This Post", "writes Yoichi Funabashi", "11:01 AM", "12/8/2016",
                      "Category", "Comments are closed", "09-Dec-2016"):
        assert furniture not in texts


def test_op_ed_motives_support_the_thesis(op_ed):
    """Tokyo's view of Moscow as a partner and Russia's incentive are reasons for the thesis."""
    thesis = op_ed.main_claims[0]
    for start in ("And, in light of China’s destabilising", "Russia, too, has an incentive"):
        rel = _rel(op_ed, _one(op_ed, start))
        assert isinstance(rel, Support) and rel.conclusion == thesis.id


def test_op_ed_reports_the_western_view_as_the_objection(op_ed):
    """The west's view of Russia attacks the thesis; the threat and Obama's urging are on that side."""
    thesis = op_ed.main_claims[0]
    view = _one(op_ed, "in the west Russia is viewed very differently")
    assert view.kind is Kind.OBJECTION
    rel = _rel(op_ed, view)
    assert isinstance(rel, Attack) and rel.target == thesis.id
    for start in ("In both the US and Europe, it is seen as a significant threat", "For this reason, Japanese entreaties"):
        assert _one(op_ed, start).kind is Kind.OBJECTION


def test_op_ed_however_nor_moreover_rather_answer_the_objection(op_ed):
    """The 'however', 'Nor', 'Moreover' and 'Rather' sentences are rebuttals of the western view."""
    view = _one(op_ed, "in the west Russia is viewed very differently")
    for start in ("Tokyo, however", "Nor does it intend", "Moreover, its selective", "Rather, by taking"):
        s = _one(op_ed, start)
        assert s.kind is Kind.REBUTTAL
        rel = _rel(op_ed, s)
        assert isinstance(rel, Attack) and rel.target == view.id


def test_op_ed_closing_recommendations(op_ed):
    """'Japan must choose the path...' and 'Abe, though, must not forget...' are recommendations."""
    for start in ("Japan must choose the path", "Abe, though, must not forget"):
        assert _one(op_ed, start).kind is Kind.RECOMMENDATION
