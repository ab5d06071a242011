"""Segmentation of the ``cues`` extractor: exact offsets, furniture, zones, and properties over any text."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from argmap import Document
from argmap.cues import extract
from argmap.cues.segment import segment
from argmap.text import split_sentences
from argmap.cues.similarity import Vectors, stem


def _nonspace(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_sentences_keep_abbreviations_initials_and_acronyms_together():
    """'Dr.', 'J.' and 'U.S.' do not end sentences; real full stops do."""
    text = "Dr. Smith met J. Brown in the U.S. on Monday. They agreed! Did they? Yes."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Dr. Smith met J. Brown in the U.S. on Monday.", "They agreed!", "Did they?", "Yes.",
    ]


def test_closing_quotes_stay_with_their_sentence():
    """A quote closing a sentence belongs to it."""
    text = "He said “we must go.” Then he left."
    assert [text[a:b] for a, b in split_sentences(text)] == ["He said “we must go.”", "Then he left."]


def test_headline_and_standfirst_zones_and_trailing_byline():
    """Short lead lines before the body are headline and standfirst; 'writes NAME' is cut off."""
    text = (
        "A headline about parks\n\nTowns should open more parks, writes Ann Lee\n\n"
        "Parks make people healthier. Studies show this in many countries.\n\n"
        "They also cool the air. Trees give shade in summer.\n"
    )
    units = segment(text)
    assert [(u.zone, u.text) for u in units[:2]] == [
        ("headline", "A headline about parks"), ("standfirst", "Towns should open more parks"),
    ]
    assert all(u.zone == "body" for u in units[2:])


def test_a_single_paragraph_has_no_headline():
    """A text of one paragraph is all body (no lead zones)."""
    assert {u.zone for u in segment("Short first line.\nWe should act. It helps.")} == {"body"}


def test_timestamps_and_print_this_post_inside_a_line_are_cut_off():
    """A trailing timestamp and an embedded 'Print This Post' never reach a unit."""
    text = "First para here with words. More words follow here.\n\nWe must all act before the end. 11:01 AM 12/8/2016"
    units = segment(text)
    assert units[-1].text == "We must all act before the end."


def test_stemmer_and_cosine_meet_on_word_forms():
    """'welcome' and 'welcomed' share a stem; unrelated texts have cosine 0."""
    assert stem("welcomed") == stem("welcome")
    v = Vectors(["The west should welcome the deal", "The deal was welcomed in the west", "Rain fell all day"])
    assert v.cosine(0, 1) > 0.5 and v.cosine(0, 2) == 0.0


_PIECES = [*"abcXYZ .,;:!?'\"“”-–\n\t0123456789", "Mr. ", "U.S. ", " but ", " because ", "Although ", ", so ",
           "\n\n", "We should act", "Print This Post", " 11:01 AM", "Yes, ", "However, "]
prose = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@given(prose)
def test_sentence_spans_cover_every_character_once_in_order(text):
    """The splitter drops and duplicates nothing: spans are ordered, disjoint, and cover all non-space text."""
    spans = split_sentences(text)
    assert all(a < b for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))
    assert _nonspace("".join(text[a:b] for a, b in spans)) == _nonspace(text)


@given(st.one_of(prose, st.text(max_size=200)))
def test_any_text_gives_a_valid_map_with_at_most_one_main_claim(text):
    """Whatever the input, extraction returns a validated map, spans in order, one main claim at most."""
    amap = extract(Document(text))
    assert len(amap.main_claims) <= (1 if len(amap) else 0)
    starts = [s.spans[0] for s in amap.statements]
    assert starts == sorted(starts)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(starts, starts[1:]))
