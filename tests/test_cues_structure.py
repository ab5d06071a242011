"""Deeper structure of the ``cues`` extractor: clause splits at "and", decoding, linked premises, context."""

from __future__ import annotations

import pytest

from argmap import Document
from argmap.cues.segment import segment


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("The town has far too much waste and too many bottles are burnt every week.", 2),
        ("The old bridge was closed last spring and the buses have been late ever since.", 2),
        ("The ferry was cancelled twice this month, and most commuters will drive instead.", 2),
        ("Cats and dogs are allowed in the new park near the station.", 1),
        ("The library is open to students and teachers who are members of the club.", 1),
        ("The league should only ban players after the coach and the referee have both spoken.", 1),
        ("The price of the tickets was raised and will be raised again next year.", 1),
        ("Our neighbours repaired the fence and painted it green last weekend.", 1),
    ],
)
def test_and_cuts_a_sentence_only_between_two_full_clauses(sentence, pieces):
    """`X and Y` is cut when both conjuncts have a subject and a finite verb, never in a noun-phrase coordination."""
    assert len(segment(sentence)) == pieces


from argmap import Attack, Kind, Support  # noqa: E402
from argmap.cues import extract, extract_units  # noqa: E402
from argmap.cues.segment import units_from_spans  # noqa: E402
from argmap.cues.structure import analyse  # noqa: E402


def _one(amap, start):
    (s,) = [s for s in amap.statements if s.text.startswith(start)]
    return s


# A long text of our own: two paragraphs of news, then the argument.
NEWS = (
    "Our town should keep its night buses\n\n"
    "Last month the council met in the old library. The mayor presented the budget for next year. "
    "Several members asked about the cost of the bus contract.\n\n"
    "In March the operator wrote to the council. It proposed to end the service at midnight. "
    "The letter was published on the council website.\n\n"
    "Night buses carry nurses and cleaners home after late shifts. "
    "Without them, many of these workers would have to pay for taxis. "
    "And, since wages in these jobs are low, the taxi fares would eat a large share of their pay.\n\n"
    "Critics say the buses run half empty after eleven. "
    "However, the same critics ignore that the last buses are the fullest of the night. "
    "Moreover, an empty seat costs the operator almost nothing.\n\n"
    "The council must keep the night buses. But it must be careful not to raise the fares for the workers who need them.\n"
)


@pytest.fixture(scope="module")
def news():
    return extract(Document(NEWS))


def test_opening_news_paragraphs_are_context_in_no_relation(news):
    """The leading paragraphs without any argumentative cue are context: tagged, in no relation, not reasons."""
    involved = {x for r in news.relations for x in (*r.sources, r.target)}
    for start in ("Last month the council met", "The mayor presented", "In March the operator", "The letter was"):
        s = _one(news, start)
        assert "context" in s.tags and s.metadata["role"] == "context"
        assert s.id not in involved
    assert "context" not in _one(news, "Night buses carry").tags


def test_narration_never_covers_a_short_text():
    """A text of fewer than four body paragraphs has no context: every unit is part of the argument."""
    text = "We met in the park.\n\nThe council should open the park at night. It is safe and well lit.\n"
    assert not any("context" in s.tags for s in extract(Document(text)).statements)


def test_and_since_joins_a_sentence_to_the_one_before_as_a_linked_premise(news):
    """'X. And, since W, Y.' makes X and Y co-premises of one support."""
    x = _one(news, "Without them, many")
    rel = [r for r in news.relations if x.id in r.sources][0]
    assert isinstance(rel, Support)
    assert rel.premises == (x.id, _one(news, "And, since wages").id)


def test_a_rebuttal_of_an_objection_to_the_thesis_also_supports_the_thesis(news):
    """In a long text, 'However, ...' answering an objection to the thesis attacks it and, second, supports the thesis."""
    thesis = news.main_claims[0]
    critics = _one(news, "Critics say")
    rebuttal = _one(news, "However, the same critics")
    rels = news.relations_from(rebuttal.id)
    assert isinstance(rels[0], Attack) and rels[0].target == critics.id
    assert isinstance(rels[1], Support) and rels[1].conclusion == thesis.id
    assert rels[1].provenance.confidence < rels[0].provenance.confidence


def test_a_caution_after_a_contrast_attacks_the_claim_it_qualifies(news):
    """'But it must be careful not to ...' speaks against the unit it follows in its paragraph."""
    caution = _one(news, "But it must be careful")
    (rel,) = news.relations_from(caution.id)
    assert isinstance(rel, Attack) and rel.target == _one(news, "The council must keep").id


def test_a_reason_of_a_reason_attaches_to_the_unit_it_elaborates():
    """An unmarked detail (figures, the reason's own words) right after a reason attaches to it, not to the thesis."""
    text = ("Schools should serve free lunches. Hungry pupils cannot concentrate on their lessons. "
            "In 2019, 40% of hungry pupils could not concentrate on their lessons.")
    s1 = text.index(". ") + 2
    s2 = text.index(". ", s1) + 2
    spans = [(0, s1 - 1), (s1, s2 - 1), (s2, len(text))]
    amap = extract_units(Document(text), spans)
    (rel,) = amap.relations_from("s3")
    assert isinstance(rel, Support) and rel.conclusion == "s2"


def test_without_decoding_the_pass_links_stay_and_decoding_keeps_a_tree():
    """analyse(decode=False) keeps the pass's links; decoded, every unit but the thesis has one link, no cycle."""
    text = ("School should start later. Teenagers sleep late by nature. Tired pupils learn less. "
            "Some parents say mornings are easier for them. But the pupils' health comes first.")
    spans = [(0, 25), (26, 57), (58, 83), (84, 130), (131, len(text))]
    units = units_from_spans(text, spans)
    plan = analyse(units)
    for i, link in enumerate(plan.links):
        assert (link is None) == (i == plan.thesis)
        seen, j = set(), i
        while j != plan.thesis:
            assert j not in seen
            seen.add(j)
            j = plan.links[j].target
    assert analyse(units, decode=False).links[4] is not None


def test_a_caution_is_read_from_a_general_list_of_english_phrases():
    """The caution lexicon is a list of general English phrases, exposed with the other markers."""
    from argmap.cues import lexicon

    assert "be careful not to" in lexicon.markers()["caution"]
    assert lexicon.CAUTION_ANY.find(lexicon.words("We should not forget the cost.")) == "should not forget"
