"""The cues of one unit: what its words say about its role.

:func:`cues_of` reads a unit's discourse marker (its kind and the word as
written) and the flags the thesis and the relations are chosen from:
recommendation, question, concession, reported view, judgement.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import lexicon as lx
from .segment import Unit

__all__ = ["CONCEDING", "Cues", "WEAK_SENTENCE_CAUSE", "cues_of"]

# Subordinators that concede ("Although X, Y") and those that give a reason ("Because X, Y").
CONCEDING = frozenset({"although", "though", "even though", "while", "whilst", "whereas", "despite", "in spite of",
                       "despite the fact that", "in spite of the fact that", "even if"})
_CONTRASTING_MID = frozenset({"while", "whilst", "whereas"})
# Causal words that open a sentence without introducing a reason for the sentence before.
WEAK_SENTENCE_CAUSE = frozenset({"as", "for", "since", "considering", "due to", "owing to", "given that",
                                 "in view of", "as long as", "seeing that", "seeing as"})


@dataclass(slots=True)
class Cues:
    """What the language of one unit says about its role."""

    cue: str = "none"
    """``cause``, ``example``, ``addition``, ``result``, ``contrast``, ``concession``, ``reported`` or ``none``."""
    word: str = ""
    """The cue as written, lower-cased and space-normalised."""
    recommend: bool = False
    granting: bool = False
    """The unit grants a point before the author answers it ("Yes, X", "Admittedly, X")."""
    question: bool = False
    concludes: bool = False
    """A conclusive adverb anywhere in the unit ("should therefore be ...")."""
    reported: bool = False
    """The unit reports someone else's view ("is seen as", "critics say")."""
    opinion: bool = False
    """The unit judges ("is fair", "would be inappropriate") or states the author's stance ("I think")."""
    evaluative: bool = False
    """The unit judges something ("is fair", "would be inappropriate")."""
    normative: bool = False
    """The judgement says what ought to be ("is fair", "would be a mistake"), as a recommendation does."""
    stance: bool = False
    """The unit states the author's own position ("I think", "in my opinion", "it is clear that")."""
    strong_deontic: bool = False
    """The recommendation is stated outright ("should", "must", "ought to", an imperative), not as a
    requirement ("need to", "have to", "is necessary")."""
    conclusion: str = ""
    """``strong``: a sentence opens with a conclusion marker ("Therefore", "In conclusion") or carries a
    conclusive adverb in its main clause ("X is therefore Y"); ``clause``: a clause of a sentence opens
    with one ("X, so Y"); ``weak``: any other conclusive cue ("ultimately", "overall", "this means");
    ``""``: none."""
    answer: str = ""
    """``lead``: the unit opens with an answer word ("Yes, ...", "No, ..."); ``only``: it is nothing else ("No.")."""
    words: int = 0
    """The number of words."""



def _norm(word: str) -> str:
    return " ".join(word.lower().strip(" \"'“‘([,").split())


def cues_of(unit: Unit) -> Cues:
    """Read the cues of a unit's text."""
    text = unit.text
    words = lx.words(text)
    c = _cues(unit, words)
    if unit.sent_start and not unit.lead_sub and (lx.conclusion_lead(text) or lx.CONCLUSION_STRONG_ANY.find(words)):
        c.conclusion = "strong"
    elif c.cue == "result" and not unit.sent_start and c.word not in lx.WEAK_CONCLUSION:
        c.conclusion = "clause"
    elif c.concludes or c.cue == "result":
        c.conclusion = "weak"
    return c


def _cues(unit: Unit, words: list[str]) -> Cues:
    text = unit.text
    c = Cues()
    imperative = bool(unit.sent_start and lx.IMPERATIVE_LEAD.match(text))
    c.recommend = bool(imperative or lx.RECOMMEND_ANY.find(words))
    c.question = bool(lx.QUESTION.search(text))
    c.concludes = bool(lx.RESULT_ANY.find(words))
    reported = lx.REPORTED_ANY.find(words)
    c.reported = bool(reported)
    judgement = lx.EVALUATIVE_ANY.find(words)
    c.evaluative = bool(judgement)
    c.stance = bool(lx.STANCE_ANY.find(words))
    c.opinion = c.evaluative or c.stance
    c.granting = bool(lx.GRANTING_LEAD.match(text) or lx.CONCESSION_INNER.match(text))
    if judgement and any(judgement.endswith(" " + w) for w in lx.NORMATIVE_WORDS):
        # The unit's own judgement, not one inside a clause it reports ("it has to be proved that X was wrong").
        at = words.index(judgement.split()[0])
        c.normative = c.stance or not any(w in lx.SUBORDINATORS for w in words[:at])
    c.strong_deontic = imperative or bool(c.recommend and lx.STRONG_DEONTIC_ANY.find(words))
    c.words = len(words)
    if lx.ANSWER_ONLY.match(text):
        c.answer = "only"
    elif lx.ANSWER_LEAD.match(text):
        c.answer = "lead"
    if unit.lead_sub:
        m = lx.SUBORDINATE_LEAD.match(text)
        conj = _norm(m.group("conj")) if m else ""
        c.cue, c.word = ("concession" if conj in CONCEDING else "cause"), conj
        return c
    order = (
        ("contrast", lx.CONTRAST_LEAD),
        ("concession", lx.CONCESSION_LEAD),
        ("result", lx.RESULT_LEAD),
        ("example", lx.EXAMPLE_LEAD),
        ("cause", lx.CAUSE_LEAD),
        ("addition", lx.ADDITION_LEAD),
    )
    for name, pattern in order:
        m = pattern.match(text)
        if not m:
            continue
        word = _norm(m.group(0))
        if name == "concession" and word in CONCEDING:
            if unit.sent_start:
                continue  # "Although X, Y" not split: the unit as a whole is the author's
            if word in _CONTRASTING_MID:
                name = "contrast"
        if name == "contrast" and word in ("though", "whereas") and unit.sent_start:
            continue
        if name == "cause" and unit.sent_start and word in WEAK_SENTENCE_CAUSE:
            continue
        if name == "addition" and c.reported:
            break  # "Indeed one could argue that ...": the reported view decides
        c.cue, c.word = name, word
        return c
    else:
        m = lx.CONTRAST_EARLY.match(text)
        if m:
            c.cue, c.word = "contrast", _norm(m.group(0).split()[-1])
            return c
    for name, pattern in (
        ("contrast", lx.CONTRAST_INNER),
        ("concession", lx.CONCESSION_INNER),
        ("result", lx.RESULT_INNER),
        ("example", lx.EXAMPLE_INNER),
        ("addition", lx.ADDITION_INNER),
    ):
        m = pattern.match(text)
        if m:
            c.cue, c.word = name, _norm(m.group(0).split(",")[1])
            return c
    if c.reported:
        c.cue, c.word = "reported", reported
        return c
    m = lx.CONTRAST_TAIL.search(text)
    if m:
        c.cue, c.word = "contrast", _norm(m.group(0).rstrip(".!?\"'”’) "))
    return c
