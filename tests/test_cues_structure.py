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
