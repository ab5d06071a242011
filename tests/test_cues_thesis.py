"""The thesis of the ``cues`` extractor: position first, strong cues second, calibrated confidence.

Every text here is written for these tests.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import Document
from argmap.cues import extract, extract_units
from argmap.cues.features import cues_of
from argmap.cues.segment import segment
from argmap.cues.similarity import Vectors
from argmap.cues.thesis import CALIBRATION, Decision, choose_thesis, decide, evidence, probability


def _decide(text: str) -> tuple[Decision, list[str]]:
    units = segment(text)
    cues = [cues_of(u) for u in units]
    return decide(units, cues, Vectors([u.text for u in units])), [u.text for u in units]


def thesis_of(text: str) -> str:
    amap = extract(Document(text))
    (main,) = amap.main_claims
    return main.text


def test_the_first_main_clause_is_the_thesis_without_strong_evidence_elsewhere():
    """With no strong cue later on, the opening statement is the thesis, not a later unmarked one."""
    text = ("Our village needs a second bus line. The buses are full every morning. "
            "Many pupils stand for the whole trip. The drivers are tired of the crowds.")
    assert thesis_of(text) == "Our village needs a second bus line."


def test_a_concessive_opener_gives_the_thesis_to_its_main_clause():
    """'While X, CLAIM': the fronted concession is passed over, its main clause is the thesis."""
    text = ("While a four-day week sounds like a luxury, it makes workers more productive. "
            "Rested people make fewer mistakes. They also take fewer days off sick.")
    assert thesis_of(text) == "it makes workers more productive."


def test_a_contrast_in_the_opening_sentence_gives_the_thesis_to_the_but_clause():
    """'X, but CLAIM' opening the text: the clause after 'but' is the thesis."""
    text = ("Electric scooters are fun to ride, but they do not belong on the pavement. "
            "Walkers are hit by riders every week. Old people no longer feel safe in the streets.")
    assert thesis_of(text) == "but they do not belong on the pavement."


def test_a_reported_view_opening_the_text_is_passed_over():
    """'Some believe X. CLAIM.': the reported view is not the thesis, the author's answer is."""
    text = ("Some believe that homework teaches discipline. Homework does little for children under ten. "
            "They learn more from play. Their parents end up doing the exercises anyway.")
    assert thesis_of(text) == "Homework does little for children under ten."


def test_a_yes_that_no_but_answers_is_the_thesis():
    """An opening 'Yes, X' with no 'but' after it states the claim rather than granting a point."""
    text = ("Yes, the town should keep its open-air pool. Families from every street meet there in summer. "
            "The pool teaches hundreds of children to swim.")
    assert thesis_of(text) == "Yes, the town should keep its open-air pool."


def test_the_answer_to_an_opening_question_is_the_thesis():
    """'Should X? No, Y.': the question is passed over and its answer is the thesis."""
    decision, units = _decide(
        "Should the library close on Sundays? No, it should stay open. Sunday is the only free day for many "
        "readers. The staff can take another day off."
    )
    assert units[decision.index] == "No, it should stay open."
    assert decision.rule == "answer"


def test_a_bare_no_answer_gives_the_thesis_to_the_sentence_that_says_what():
    """'Should X? No! Y.': the one-word answer is no statement; the sentence after it is the thesis."""
    text = ("Should cities ban fireworks? No! Fireworks belong to the new year for most families. "
            "A ban would only move them to the fields outside town.")
    assert thesis_of(text) == "Fireworks belong to the new year for most families."


def test_weak_cues_inside_reasons_do_not_take_the_thesis():
    """'need to', 'have to', 'I think' and 'is beneficial' in later reasons leave the opening thesis alone."""
    text = ("Our school should plant a vegetable garden. Pupils need to learn where food comes from. "
            "I think they would also eat more vegetables. Gardening is beneficial for their health.")
    assert thesis_of(text) == "Our school should plant a vegetable garden."
    text = ("The old bridge is falling apart. Lorries have to take a long detour. "
            "Some drivers need to leave an hour early. Working outdoors in the fresh air is beneficial.")
    assert thesis_of(text) == "The old bridge is falling apart."


def test_a_sentence_opening_with_a_conclusion_marker_wins_over_the_opening():
    """'X. Y. In conclusion, Z.': the concluding sentence is the thesis."""
    text = ("Night trains run between most capitals of the continent. A sleeper berth costs less than a hotel "
            "and a flight together. In conclusion, night trains are the best way to travel between capitals.")
    assert thesis_of(text) == "In conclusion, night trains are the best way to travel between capitals."


def test_a_conclusion_inside_a_sentence_wins_only_in_the_closing_lines():
    """'X, so Y' closing the text concludes; the same 'so' early on is a step of the argument."""
    assert thesis_of("Swimming in the lake is banned this summer, so swimming in the river is banned too.") == (
        "so swimming in the river is banned too.")
    text = ("Our town should build a tram line. The buses are slow, so people take their cars. "
            "The streets are full of cars every morning. A tram carries three times as many people as a bus.")
    assert thesis_of(text) == "Our town should build a tram line."


def test_a_recommendation_wins_where_the_opening_recommends_nothing():
    """A plain opening fact gives way to a later outright recommendation ('should')."""
    text = ("The number 7 bus is late almost every day. Passengers miss their trains at the station. "
            "The city should add more buses to line 7.")
    assert thesis_of(text) == "The city should add more buses to line 7."


def test_a_normative_judgement_wins_where_the_opening_judges_nothing():
    """'X is fair' says what ought to be, as a recommendation does: it takes the thesis from a plain opening."""
    text = ("Most shops in the old town close at six. Many people work until seven. "
            "Letting the shops stay open until nine on Thursdays is fair.")
    assert thesis_of(text) == "Letting the shops stay open until nine on Thursdays is fair."


def test_a_judgement_inside_a_reported_clause_is_not_the_authors():
    """'... it has to be shown that X was wrong' reports a condition: no normative judgement of the unit's own."""
    text = ("The committee met on Monday. To reopen the case, it has to be shown that the first ruling was wrong. "
            "Nobody has shown that so far.")
    assert thesis_of(text) == "The committee met on Monday."


def test_a_later_recommendation_does_not_displace_an_opening_one():
    """When the opening already recommends, a later 'should' is a reason or a step, not the thesis."""
    text = ("The city should add more buses to line 7. Passengers should not have to wait in the rain. "
            "The buses are late almost every day.")
    assert thesis_of(text) == "The city should add more buses to line 7."


def test_a_thesis_restated_at_the_end_stays_where_it_was_first_stated():
    """Stated at the start and restated at the end: the first statement is the thesis, the end one a restatement."""
    amap = extract(Document(
        "Schools should serve free lunches to every pupil. Hungry children cannot follow their lessons. "
        "Many families cannot afford a warm meal every day. Cooking for the whole school costs less per meal. "
        "Therefore schools should serve free lunches to every pupil."
    ))
    (main,) = amap.main_claims
    assert main.text == "Schools should serve free lunches to every pupil."
    again = [s for s in amap.statements if s.text.startswith("Therefore schools")]
    assert len(again) == 1 and "restatement" in again[0].tags and again[0].metadata["restates"] == main.id


def test_a_conclusion_drawn_in_the_next_sentence_is_no_restatement():
    """'X. Therefore X-like Y.' right after: the conclusion is the thesis even when it repeats X's words."""
    text = ("Copying chapters of novels for a class is forbidden. "
            "Therefore copying chapters of textbooks for a class is forbidden.")
    assert thesis_of(text) == "Therefore copying chapters of textbooks for a class is forbidden."


def test_a_conditional_opener_gives_the_thesis_to_its_main_clause():
    """'If X, CLAIM' given as two units: the conditional clause is no thesis, its main clause is."""
    text = "If the council wants fewer cars in town, it must make the buses free. Free buses fill up fast."
    pieces = ["If the council wants fewer cars in town,", "it must make the buses free.", "Free buses fill up fast."]
    spans = [(text.index(p), text.index(p) + len(p)) for p in pieces]
    (main,) = extract_units(Document(text), spans).main_claims
    assert main.text == "it must make the buses free."


ESSAY = """Should cities close their centres to cars?

Cars have shaped city life for a century. Many people drive to work every day, and shops depend on customers who arrive by car. However, traffic in old town centres has become unbearable. In my view, cities should close their centres to private cars.

First of all, streets without cars are safer. Children can walk to school on their own, and old people can cross the road without fear.

Secondly, the air becomes cleaner. Exhaust fumes cause asthma and heart disease, and they damage old buildings as well.

In conclusion, a centre without private cars is safer and cleaner, so cities should close their centres to private cars.
"""


def test_an_essay_states_its_thesis_at_the_end_of_the_introduction():
    """Several paragraphs: the introduction's statement of position is the thesis, the conclusion restates it."""
    amap = extract(Document(ESSAY))
    (main,) = amap.main_claims
    assert main.text == "In my view, cities should close their centres to private cars."
    assert any("restatement" in s.tags for s in amap.statements if s.text.startswith("so cities should"))


def test_an_introduction_without_a_stance_gives_the_thesis_to_its_last_sentence():
    """An introduction of background sentences that no later paragraph echoes: its last sentence is the thesis."""
    text = ("Many towns have closed their cinemas. Films now reach people at home. "
            "A town without a cinema loses a meeting place.\n\n"
            "Neighbours used to meet in the queue on Friday nights. Now they stay at home.\n\n"
            "Young people have nowhere to go in the evening. They hang around the station.\n\n"
            "The cinema was the last place where the town gathered.")
    assert thesis_of(text) == "A town without a cinema loses a meeting place."


def test_the_body_statement_of_a_neutral_headline_is_the_thesis():
    """A headline that takes no position: the body unit that restates it wins over the opening."""
    decision, units = _decide(
        "A new tram line for the old harbour district\n\n"
        "The harbour district has grown fast in ten years. Thousands of people moved into the new flats.\n\n"
        "The buses there are full every morning. Many people drive to work instead.\n\n"
        "A new tram line for the harbour district would carry them faster than any bus."
    )
    assert units[decision.index].startswith("A new tram line for the harbour district would")


def test_the_confidence_is_the_calibrated_probability_of_the_decision():
    """choose_thesis's confidence is the logistic map of the decision's evidence, a probability."""
    units = segment("We should plant more trees in the streets. Trees cool the air in summer.")
    cues = [cues_of(u) for u in units]
    vec = Vectors([u.text for u in units])
    index, confidence = choose_thesis(units, cues, vec)
    decision = decide(units, cues, vec)
    assert index == decision.index
    z = sum(CALIBRATION.get(k, 0.0) * v for k, v in evidence(decision).items())
    assert confidence == round(1 / (1 + math.exp(-z)), 2) == round(probability(decision), 2)
    assert 0.0 < confidence < 1.0


def test_a_judged_thesis_gets_more_confidence_than_a_plain_statement_in_the_same_place():
    """The fitted map rewards a thesis that recommends or judges (part 1: such theses are right more often)."""
    plain = Decision(0, "opening", 0, judged=False, first=True, units=5)
    judged = Decision(0, "opening", 0, judged=True, first=True, units=5)
    assert probability(judged) > probability(plain)


def test_the_thesis_main_claim_carries_the_decision_confidence():
    """The main claim's provenance confidence is choose_thesis's calibrated probability."""
    text = "The number 7 bus is late every day. Passengers miss their trains. The city should add more buses."
    units = segment(text)
    cues = [cues_of(u) for u in units]
    _, confidence = choose_thesis(units, cues, Vectors([u.text for u in units]))
    (main,) = extract(Document(text)).main_claims
    assert main.provenance is not None and main.provenance.confidence == confidence


_WORDS = st.sampled_from([
    "the", "city", "should", "must", "but", "although", "while", "yes", "no", "so", "therefore", "because", "if",
    "tram", "bus", "people", "is", "are", "fair", "think", "need", "to", "have", "in", "conclusion", "some",
    "believe", "critics", "say", "?", ".", ",", ";", "and",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=12), min_size=1, max_size=8))
def test_any_text_has_one_thesis_among_its_units_with_a_probability(sentences):
    """Whatever the words, the thesis is one of the units, chosen the same way twice, with 0 < confidence < 1."""
    text = " ".join(" ".join(s).capitalize() + "." for s in sentences)
    units = segment(text)
    if not units:
        return
    cues = [cues_of(u) for u in units]
    vec = Vectors([u.text for u in units])
    index, confidence = choose_thesis(units, cues, vec)
    assert 0 <= index < len(units)
    assert 0.0 < confidence < 1.0
    assert choose_thesis(units, cues, vec) == (index, confidence)


ESSAY_BY_LINES = (
    "Is it better for children to grow up in the countryside?\n\n"
    "Most families today live in large cities, where schools, hospitals and jobs are close at hand. Yet more "
    "and more parents move to villages when their first child is born. Children who grow up in the countryside "
    "are healthier and more independent than city children.\n"
    "To begin with, country children spend much of the day outdoors. They walk to school, climb trees and play "
    "in the fields, and this keeps them fit and slim.\n"
    "Moreover, village life gives children freedom early on. Parents let them roam the lanes alone because the "
    "roads are quiet and the neighbours know every child by name.\n"
    "Some argue that villages offer too few activities for teenagers. But most country schools run clubs and "
    "sports teams, and buses take pupils to the town for the rest.\n"
    "To sum up, children who grow up in the countryside are healthier and more independent, and families who "
    "can move there should consider it.\n"
)


def test_a_text_with_one_paragraph_per_line_has_its_paragraphs():
    """A line break after a long line that ends a sentence separates paragraphs; a hard-wrapped paragraph stays one."""
    units = segment(ESSAY_BY_LINES)
    assert len({u.block for u in units}) == 6  # the title and five paragraphs
    wrapped = ("The council met on Monday to discuss the new tram line. The members\n"
               "agreed that the line should be built.\nThey asked the mayor to find the money.")
    assert len({u.block for u in segment(wrapped)}) == 1


def test_an_essay_with_a_title_line_and_a_background_introduction_gets_its_thesis_from_the_introduction():
    """Title, background sentences, then the position at the end of the introduction: that position is the
    thesis (not the opening background sentence), and the summing-up restates it."""
    amap = extract(Document(ESSAY_BY_LINES))
    (main,) = amap.main_claims
    assert main.text == ("Children who grow up in the countryside are healthier and more independent than city "
                         "children.")
    assert any("restatement" in s.tags for s in amap.statements if s.text.startswith("To sum up"))


@pytest.mark.parametrize("stance", ["I firmly believe that", "From my point of view,", "I agree that"])
def test_the_introduction_s_statement_of_stance_is_the_thesis(stance):
    """In an essay's introduction, the sentence that states the writer's stance is the thesis, whatever
    stance marker opens it, even when it is not the last sentence of the introduction."""
    text = (
        "Do museums still matter?\n\n"
        "Museums have collected art and objects for three hundred years. Today most of their pictures can be "
        f"seen on a phone. {stance} museums matter more than ever. Their visitors are more numerous each year.\n"
        "First, a painting seen in the room is a different experience from a picture on a screen, as every "
        "visitor who has stood in front of a large canvas knows.\n"
        "Second, museums are quiet public places where people of all ages meet, talk and learn together, and "
        "cities have few such places left.\n"
        "All in all, screens cannot replace the rooms where real things are kept and people come together.\n"
    )
    (main,) = extract(Document(text)).main_claims
    assert main.text.endswith("museums matter more than ever.")


def test_an_opening_recommendation_outranks_a_later_judgement_in_the_introduction():
    """A lede that recommends, then judges: the recommendation is the thesis, not the judgement that backs it."""
    text = (
        "The city should ban cars from the old town. Pollution in its narrow streets is unacceptable.\n\n"
        "Every morning the lanes fill with delivery vans. The air is twice as dirty as the law allows.\n\n"
        "Shopkeepers fear they will lose customers. But towns that closed their centres saw more visitors.\n\n"
        "The council meets next week. It has a chance to make the old town a place for people again."
    )
    assert thesis_of(text) == "The city should ban cars from the old town."
