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


def test_op_ed_opening_news_paragraphs_are_context_not_reasons(op_ed):
    """The leading paragraphs of narration (the meeting, the phone call) are context: in no relation."""
    involved = {x for r in op_ed.relations for x in (*r.sources, r.target)}
    for start in ("During their November meeting", "In a phone call with Putin", "The willingness of the leaders"):
        s = _one(op_ed, start)
        assert "context" in s.tags and s.metadata["role"] == "context"
        assert s.id not in involved


def test_op_ed_reports_the_western_view_as_the_objection(op_ed):
    """The west's view of Russia attacks the thesis; the threat and Obama's urging are on that side."""
    thesis = op_ed.main_claims[0]
    view = _one(op_ed, "in the west Russia is viewed very differently")
    assert view.kind is Kind.OBJECTION
    rel = _rel(op_ed, view)
    assert isinstance(rel, Attack) and rel.target == thesis.id
    for start in ("In both the US and Europe, it is seen as a significant threat", "For this reason, Japanese entreaties"):
        assert _one(op_ed, start).kind is Kind.OBJECTION


def test_op_ed_however_nor_rather_answer_the_objection_and_support_the_thesis(op_ed):
    """The 'however', 'Nor' and 'Rather' sentences attack the western view and, second, support the thesis."""
    view = _one(op_ed, "in the west Russia is viewed very differently")
    thesis = op_ed.main_claims[0]
    for start in ("Tokyo, however", "Nor does it intend", "Rather, by taking"):
        s = _one(op_ed, start)
        assert s.kind is Kind.REBUTTAL
        attack, support = op_ed.relations_from(s.id)
        assert isinstance(attack, Attack) and attack.target == view.id
        assert isinstance(support, Support) and support.conclusion == thesis.id


def test_op_ed_closing_recommendation_and_cautions(op_ed):
    """'Japan must choose the path...' is a recommendation; the cautions ('must be careful not to', 'must not
    forget') speak against the unit before them."""
    assert _one(op_ed, "Japan must choose the path").kind is Kind.RECOMMENDATION
    for start, before in (("But as Tokyo enjoys leeway", "A rare opportunity"), ("Abe, though, must not forget", "Certainly, a peace")):
        rel = _rel(op_ed, _one(op_ed, start))
        assert isinstance(rel, Attack) and rel.target == _one(op_ed, before).id


def test_op_ed_clauses_joined_by_and_are_linked_premises(op_ed):
    """'But Russia is wary ..., and in September JBIC entered the fray ...' is one linked support."""
    rel = _rel(op_ed, _one(op_ed, "But Russia is wary"))
    assert isinstance(rel, Support) and len(rel.premises) == 2
    assert rel.premises[1] == _one(op_ed, "and in September").id


def test_op_ed_and_in_light_of_joins_its_sentence_to_the_one_before(op_ed):
    """'Abe has touted ...' and 'And, in light of ..., Tokyo sees Moscow as ...' are one linked support of the thesis."""
    rel = _rel(op_ed, _one(op_ed, "Abe has touted"))
    assert isinstance(rel, Support) and rel.conclusion == op_ed.main_claims[0].id
    assert rel.premises == (_one(op_ed, "Abe has touted").id, _one(op_ed, "And, in light of").id)
