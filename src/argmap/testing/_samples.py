"""Inputs the checks feed extractors: a sample argument and the odd documents every extractor must survive."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING


from ..model import Document

if TYPE_CHECKING:  # pragma: no cover - types only
    pass

SAMPLE_TEXT = (
    "Cities should plant more trees. Trees cool the streets in summer, and shade lowers the "
    "number of heat deaths among the old.\n\n"
    "Some say that trees cost too much to water. But a grown tree needs little water, and the "
    "savings on air conditioning pay for it within a few years. Therefore the council should "
    "fund a planting programme this year.\n"
)
"""A short argumentative text every extractor check starts with."""


def huge_text(size: int = 1_000_000, *, seed: int = 0) -> str:
    """About *size* characters of varied, argument-like English prose in paragraphs.

    The same *size* and *seed* give the same text.
    """
    rng = random.Random(seed)
    subjects = ["The council", "Every city", "Our school", "The government", "Many critics", "This plan"]
    verbs = ["should fund", "must reject", "may adopt", "cannot ignore", "will support", "ought to review"]
    objects = ["the new tax", "more trees", "free transport", "longer holidays", "the old bridge", "cheaper housing"]
    cues = ["because", "since", "although", "but", "therefore", "however", "so", "as"]
    parts: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            sentence = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}"
            if rng.random() < 0.6:
                sentence += f", {rng.choice(cues)} {rng.choice(subjects).lower()} {rng.choice(verbs)} {rng.choice(objects)}"
            sentences.append(sentence + rng.choice([".", ".", ".", "!", "?"]))
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


def odd_documents(*, huge_size: int = 1_000_000) -> list[tuple[str, Document]]:
    """(name, document) pairs of input that breaks careless extractors.

    Empty and blank text, one word, only punctuation, a very long line,
    control characters, unusual unicode (characters whose case mapping
    changes the length, combining marks, right-to-left text, emoji with
    joiners, line and paragraph separators), Windows line ends, and a huge
    text of *huge_size* characters (leave it out with ``huge_size=0``).
    """
    long_line = " ".join(["word"] * 40_000) + " because reasons matter."
    docs = [
        ("empty", ""),
        ("blank", " \n\t\n  \r\n"),
        ("one word", "Because"),
        ("one sentence", "Taxes should fall."),
        ("only punctuation", "?!... ;;; --- ,,, ... !!! ''' \"\" () [] {}"),
        ("very long line", long_line),
        ("control characters", "Trees\x00 cool\x01 streets.\x07 So\x1b[31m we\x7f should plant them.\x0b\x0c"),
        (
            "unicode",
            "İstanbul should build more parks, because İzmir did. Straße ß ǅ ﬁ are fine. "
            "Cafe\u0301 cre\u0300me, therefore coffee. עברית צריכה \u202eover\u202c. "
            "👩\u200d👩\u200d👧 families agree 🇯🇵. Full-width：ＡＢＣ。\u2028Line\u2029Para. "
            "中文应该支持，因为它很重要。",
        ),
        ("windows line ends", "Cities should plant trees.\r\n\r\nBecause trees cool streets.\r\nSo plant them.\r\n"),
        ("no sentence end", "trees good because shade and then again because cool and so on and so on"),
        ("markup", "<b>Claim:</b> &amp; `code` # heading\n* bullet because [link](x) so **bold**."),
    ]
    out = [(name, Document(text=text)) for name, text in docs]
    if huge_size > 0:
        out.append((f"huge ({huge_size:,} characters)", Document(text=huge_text(huge_size), title="A huge text")))
    return out
