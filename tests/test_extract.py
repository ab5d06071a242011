"""The built-in ``cues`` extractor: behaviours pinned on small texts written for these tests."""

from __future__ import annotations

import pytest

import argmap
from argmap import Attack, Document, Kind, Support
from argmap.cues import extract, extract_units
from argmap.plugins import load_registry

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "extract"


def by_text(amap: argmap.ArgumentMap, start: str) -> argmap.Statement:
    found = [s for s in amap.statements if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in amap.statements])
    return found[0]


def relation_from(amap: argmap.ArgumentMap, statement: argmap.Statement):
    rels = amap.relations_from(statement.id)
    assert len(rels) == 1, rels
    return rels[0]


@pytest.fixture(scope="module")
def article() -> argmap.ArgumentMap:
    return extract(Document.from_path(FIXTURES / "cycle-lanes.txt"))


def test_cues_is_registered_as_the_default_extractor_with_a_given_units_mode():
    """The built-in plugin registers ``cues``, the default of the registry, with extract_units."""
    registry = load_registry(entrypoints=False)
    extractor = registry.extractor()
    assert extractor.name == "cues"
    assert extractor.extract_units is not None
    amap = extractor.extract(Document("We should act now. The costs of waiting are rising."))
    assert amap.main_claims[0].text == "We should act now."


def test_page_furniture_never_becomes_a_statement(article):
    """Datelines, bylines, 'Print This Post', 'Category:', 'Comments are closed.' and timestamps are left out."""
    texts = " ".join(s.text for s in article.statements)
    for furniture in ("Print This Post", "Daily Courier", "7:45", "writes Maria Keller", "Category", "Comments are closed",
                      "10:02", "3/14/2023", "14-Mar-2023"):
        assert furniture not in texts


def test_every_statement_is_an_exact_span_of_the_document(article):
    """Each statement's one span covers exactly its text."""
    for s in article.statements:
        (start, end), = s.spans
        assert article.document.text[start:end] == s.text


def test_the_standfirst_is_the_thesis_and_its_restatement_is_not_a_second_main_claim(article):
    """The standfirst states the thesis; a later 'should therefore' restatement supports it, tagged."""
    thesis = by_text(article, "Our town should build protected cycle lanes")
    assert article.main_claims == (thesis,)
    assert thesis.kind is Kind.RECOMMENDATION
    restatement = by_text(article, "The council should therefore build")
    assert not restatement.main and "restatement" in restatement.tags
    assert restatement.metadata["restates"] == thesis.id
    rel = relation_from(article, restatement)
    assert isinstance(rel, Support) and rel.conclusion == thesis.id and rel.scheme == "restatement"


def test_a_headline_that_is_not_the_thesis_is_left_out(article):
    """The headline is read (a thesis candidate) but is not mapped when the standfirst is the thesis."""
    assert not any(s.text.startswith("Cities are finally") for s in article.statements)


def test_a_headline_left_out_titles_the_document_unless_it_has_a_title(article):
    """The headline becomes the document's title when the document has none; a given title is kept."""
    assert article.document.title == "Cities are finally making room for bikes"
    titled = extract(Document.from_path(FIXTURES / "cycle-lanes.txt", title="Given"))
    assert titled.document.title == "Given"


def test_reported_opposition_and_concessions_are_objections_against_the_thesis(article):
    """'of course' and 'Critics say' mark objections that attack the thesis."""
    thesis = article.main_claims[0]
    for start in ("Shopkeepers, of course", "Critics say"):
        objection = by_text(article, start)
        assert objection.kind is Kind.OBJECTION
        rel = relation_from(article, objection)
        assert isinstance(rel, Attack) and rel.target == thesis.id


def test_however_and_nor_answer_the_objection(article):
    """The author's 'However' and 'Nor' sentences are rebuttals that attack the objection (and, second, support the thesis)."""
    critics = by_text(article, "Critics say")
    thesis = article.main_claims[0]
    for start in ("However, surveys", "Nor do buses"):
        rebuttal = by_text(article, start)
        assert rebuttal.kind is Kind.REBUTTAL
        attack, support = article.relations_from(rebuttal.id)
        assert isinstance(attack, Attack) and attack.target == critics.id
        assert isinstance(support, Support) and support.conclusion == thesis.id
        assert support.provenance.confidence < attack.provenance.confidence


def test_because_clause_supports_its_main_clause_and_for_example_is_an_example(article):
    """'X, because Y' is cut into two units, Y supporting X; 'For example' supports by example."""
    claim = by_text(article, "Protected lanes pay for themselves,")
    reason = by_text(article, "because fewer crashes")
    rel = relation_from(article, reason)
    assert isinstance(rel, Support) and rel.conclusion == claim.id
    example = relation_from(article, by_text(article, "For example"))
    assert isinstance(example, Support) and example.example


def test_let_us_is_a_recommendation(article):
    """'Let us ...' is a recommendation supporting the thesis."""
    rec = by_text(article, "Let us not wait")
    assert rec.kind is Kind.RECOMMENDATION


def test_every_statement_and_relation_carries_the_extractors_provenance(article):
    """Provenance('cues', confidence) with a confidence in [0, 1] on everything."""
    for item in (*article.statements, *article.relations):
        assert item.provenance.extractor == "cues"
        assert 0.0 <= item.provenance.confidence <= 1.0


def test_ids_are_deterministic_and_in_document_order(article):
    """Statements are s1, s2, ... in document order; relations r1, r2, ...; a second run is identical."""
    assert [s.id for s in article.statements] == [f"s{i + 1}" for i in range(len(article.statements))]
    assert [r.id for r in article.relations] == [f"r{i + 1}" for i in range(len(article.relations))]
    starts = [s.spans[0][0] for s in article.statements]
    assert starts == sorted(starts)
    again = extract(Document.from_path(FIXTURES / "cycle-lanes.txt"))
    assert argmap.dumps(again) == argmap.dumps(article)


def test_yes_but_undercuts_the_granted_objection():
    """'Yes, X. But Y.': X is an objection, and Y undercuts X's attack (it grants X)."""
    amap = extract(Document(
        "Yes, sorting rubbish into four bins takes time every day. "
        "But the town recycles far more when households sort their waste. "
        "Every household should therefore sort its rubbish."
    ))
    thesis = amap.main_claims[0]
    assert thesis.text.startswith("Every household should")
    granted = by_text(amap, "Yes, sorting")
    assert granted.kind is Kind.OBJECTION
    answer = by_text(amap, "But the town")
    assert answer.kind is Kind.REBUTTAL
    undercut = relation_from(amap, answer)
    assert isinstance(undercut, Attack)
    assert undercut.target == relation_from(amap, granted).id
    assert amap.attack_type(undercut.id) == "undercut"


def test_although_clause_is_an_objection_answered_by_its_main_clause():
    """'Although X, Y' is cut in two: X an objection, Y the author's answer."""
    amap = extract(Document(
        "Schools should start an hour later. "
        "Although an early start leaves more time for sports after class, teenagers who sleep longer learn better."
    ))
    x = by_text(amap, "Although an early start")
    y = by_text(amap, "teenagers who sleep longer")
    assert x.kind is Kind.OBJECTION and y.kind is Kind.REBUTTAL


def test_therefore_makes_the_sentence_before_a_reason_for_it():
    """'X. Therefore Y.' with Y not the thesis: X supports Y."""
    amap = extract(Document(
        "The library should open on Sundays. Many students work on weekdays. "
        "Therefore weekends are their only time to study there. Other towns have done this with success."
    ))
    x = by_text(amap, "Many students")
    y = by_text(amap, "Therefore weekends")
    rel = relation_from(amap, x)
    assert isinstance(rel, Support) and rel.conclusion == y.id


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("Taxes on sugar work, but they hurt poorer families most.", 2),
        ("We should ban the sale of fireworks because they frighten pets.", 2),
        ("While the plan costs a great deal, it will save money in ten years.", 2),
        ("Although prices have risen, people still buy new phones every year.", 2),
        ("Despite the fact that the trains are late, most people still take them.", 2),
        ("The park is too small; it cannot hold a festival of this size.", 2),
        ("The roads are full every morning, so the city must expand the tram network.", 2),
        ("The results were as good as we had hoped for.", 1),
        ("Despite the rain, the market was full.", 1),
    ],
)
def test_a_sentence_is_cut_into_clauses_only_where_it_carries_two_units(sentence, pieces):
    """Clause connectives cut a sentence; comparatives and short phrases do not."""
    assert len(extract(Document(sentence)).statements) == pieces


def test_question_and_imperative_recommendations():
    """An imperative opening a sentence is a recommendation."""
    amap = extract(Document("Stop the new motorway now. It will bring more traffic into the valley."))
    assert by_text(amap, "Stop the new motorway").kind is Kind.RECOMMENDATION


def test_extract_units_keeps_one_statement_per_given_span_in_order():
    """Given-units mode maps exactly the given spans, in order, with the same structure rules."""
    text = "Admittedly, the tax is unpopular. But it cuts pollution, and cleaner air saves lives. We should keep it."
    pieces = ["Admittedly, the tax is unpopular.", "But it cuts pollution,", "and cleaner air saves lives.",
              "We should keep it."]
    spans = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    amap = extract_units(Document(text), spans)
    assert [s.spans[0] for s in amap.statements] == spans
    assert [s.text for s in amap.statements] == [text[a:b] for a, b in spans]
    assert amap.main_claims[0].text == "We should keep it."
    assert amap.statements[0].kind is Kind.OBJECTION


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Print This Post\n\nComments are closed.", "Category: News"])
def test_text_without_prose_gives_an_empty_map(text):
    """No prose, no statements, and no error."""
    assert len(extract(Document(text))) == 0


def test_an_evaluative_conclusion_is_the_thesis_over_an_earlier_fact():
    """'X is therefore not fair' is preferred as thesis to an opening statement of fact."""
    amap = extract(Document(
        "Many cities charge high fees for parking permits. Residents cannot choose where their employer is. "
        "Such fees are therefore not fair."
    ))
    assert amap.main_claims[0].text == "Such fees are therefore not fair."


def test_a_reported_view_after_indeed_is_still_an_objection():
    """'Indeed one could argue that X' reports the other side even after an additive opener."""
    amap = extract(Document(
        "Museums should be free for everyone. Indeed one could argue that free entry lowers their income. "
        "But visitors who come for free spend more in the shop and the cafe."
    ))
    assert by_text(amap, "Indeed one could argue").kind is Kind.OBJECTION
    assert by_text(amap, "But visitors").kind is Kind.REBUTTAL


def test_a_headline_taken_as_the_thesis_still_titles_the_document():
    """When the headline is the thesis (a statement of the map), it also stays the document's title."""
    import argmap

    text = (
        "The council should fund tree planting this year\n\n"
        "Trees cool the streets in summer, and shade lowers heat deaths among the old. They also clean the air.\n\n"
        "Some say trees cost too much to water. But a grown tree needs little water.\n\n"
        "The savings on air conditioning pay for the trees within a few years."
    )
    amap = argmap.extract(text)
    assert [s.text for s in amap.main_claims] == ["The council should fund tree planting this year"]
    assert amap.document.title == "The council should fund tree planting this year"


def test_a_contrast_in_an_answer_run_with_no_target_kept_answers_the_opposing_view():
    """"Of course X. No Y, but Z; W, on the other hand, ... Nor ..." (the shape of a real newspaper text that
    made the extractor fail an internal assertion) maps without error: the contrast answers the opposing view."""
    import argmap

    text = (
        "Of course, building more bike lanes will mean taking road space from drivers, who tend to be commuters. "
        "No city can hope to please everyone at once, but bike lanes should make the streets safer for all; "
        "keeping the streets for cars, on the other hand, will keep them dangerous while being just as crowded. "
        "Nor is it fair to assume that, because drivers are more numerous, every decision about the street should "
        "be made for them."
    )
    amap = argmap.extract(text)
    opposing = {s.id for s in amap.statements if s.text.startswith(("Of course", "No city"))}
    answered = opposing | {r.id for r in amap.attacks if set(r.attackers) & opposing}
    rebuttal = next(s for s in amap.statements if s.text.startswith("keeping the streets for cars"))
    assert [r.target for r in amap.relations_from(rebuttal.id)][0] in answered
