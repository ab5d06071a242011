"""The thesis of a document, and the units that restate it.

:func:`decide` finds the main claim by position first and cues second:

1. **The default is the first main clause** of the body: fronted subordinate
   clauses ("While X, ..."), concessions and reported views ("Some believe
   X."), openers of a contrast in the same sentence ("X, but CLAIM"), an
   opening question and a bare "No." before the answer are passed over; an
   opening "Yes, X" / "No, X" is the claim when it answers a question or no
   "but" follows it (otherwise it grants a point).
2. **A later unit wins only on strong evidence**: a sentence that opens with a
   conclusion marker ("Therefore", "In conclusion", "That is why") or carries
   one in its main clause ("X is therefore Y"), or an outright recommendation
   ("should", "must", an imperative) or normative judgement ("X is fair",
   "it would be a mistake to X") opening its main clause where the default
   neither recommends nor judges. Weak cues (a "need to" or "I think" in a
   reason, a judgement of use such as "is beneficial", "so" inside a
   sentence but in the closing lines,
   "ultimately") never move the thesis. A challenger that restates the
   default (and is not drawn from it in the next sentence) leaves the thesis
   where it was first stated.
3. **Zones and paragraphs**: a standfirst is the thesis; a headline that
   recommends or judges is; a headline that takes no position gives the
   thesis to the body unit that restates it (word-overlap cosine at least
   0.5); in a document of three or more paragraphs whose
   introduction has several sentences, the thesis is the introduction's
   statement of position (its last sentence, or the one the closing paragraph
   restates), as essays and many op-eds put it.

:func:`choose_thesis` gives the index and a calibrated confidence (a logistic
map of the rule that decided and its evidence, :data:`CALIBRATION`);
:func:`restatements` finds the units that say the thesis again.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon as lx
from .features import Cues
from .segment import Unit
from .similarity import Vectors

__all__ = ["CALIBRATION", "Decision", "choose_thesis", "decide", "evidence", "probability", "restatements"]

RESTATES = 0.35
"""The least word-overlap cosine at which one statement restates another."""


@dataclass(slots=True)
class Decision:
    """How the thesis was chosen: the unit, the rule that chose it, and the evidence."""

    index: int
    rule: str
    """``standfirst``, ``headline``, ``introduction``, ``opening``, ``answer``, ``conclusion``,
    ``recommendation``, ``headline-echo`` (the body restates a headline that takes no position) or
    ``score`` (no opening statement: the best cue score)."""
    default: int | None
    """The first main clause (the thesis unless a later unit wins)."""
    challengers: int = 0
    """Later units with strong evidence that did not win (restatements of the thesis, or outranked)."""
    restated: bool = False
    """A later unit restates the thesis."""
    judged: bool = False
    """The thesis recommends or judges (a typical thesis) rather than states a fact."""
    first: bool = False
    """The thesis is the first unit of the body."""
    units: int = 0
    """The number of body units."""
    confidence: float = 0.5


def _is_claim(c: Cues) -> bool:
    return c.recommend or c.opinion or c.conclusion == "strong"


def _opener(u: Unit) -> bool:
    """Whether a unit opens its sentence with a clause that leads to the main clause ("If X,", "While X,")."""
    return u.lead_sub or (
        u.sent_start and not u.sent_end and bool(lx.OPENER_LEAD.match(u.text))
        and not _MAIN_AFTER_COMMA.search(u.text.rstrip(" ,;:–—-"))
    )


# A main clause after the opening clause, inside the same unit: "If X, there would be Y".
_MAIN_AFTER_COMMA = re.compile(r",\s+(?:there|it|we|they|he|she|i|you|this|these|those|one|people|everyone)\s", re.IGNORECASE)


def _conceding_tail(u: Unit, c: Cues) -> bool:
    """Whether a unit grants its point with a closing adversative ("X should not be Y, though.")."""
    return c.cue == "contrast" and bool(c.word) and u.text.rstrip(" .!?\"'”’)").lower().endswith(c.word)


def _eligible(u: Unit, c: Cues) -> bool:
    """Whether a unit may be the thesis at all: a statement of the author's own."""
    return (
        u.zone == "body" and not c.question and c.words >= 3 and not _opener(u)
        and c.cue not in ("concession", "reported", "cause", "example") and c.answer != "only"
    )


def _granted(units: Sequence[Unit], cues: Sequence[Cues], body: Sequence[int], k: int) -> bool:
    """Whether the unit at ``body[k]`` is answered by a "but" within the next two units of its paragraph."""
    for i in body[k + 1:k + 3]:
        if units[i].block != units[body[k]].block:
            break
        if cues[i].cue == "contrast":
            return True
    return False


def _first_main_clause(
    units: Sequence[Unit], cues: Sequence[Cues], body: Sequence[int], asked: bool,
) -> tuple[int | None, bool]:
    """The first main clause of the body and whether it answers an opening question (rule ``answer``)."""
    conceding = False  # inside a granted view that a "but" is about to answer
    opening: int | None = None  # the sentence whose opening clause was just passed
    for k, i in enumerate(body):
        u, c = units[i], cues[i]
        nxt = body[k + 1] if k + 1 < len(body) else None
        if c.question:
            asked = True
            continue
        if c.answer == "only" or c.words < 3 or _opener(u):
            opening = u.sentence if _opener(u) else None
            continue  # "No." before the answer; a list number; "While X," before its main clause
        if opening == u.sentence and c.cue == "addition" and not u.sent_end:
            continue  # "While X, and Y, CLAIM": the opener goes on
        if c.answer == "lead" and not c.reported and (asked or not _granted(units, cues, body, k)):
            return i, True
        if c.cue in ("concession", "reported", "cause", "example"):
            conceding = _granted(units, cues, body, k)
            continue
        if conceding and c.cue != "contrast":
            continue  # the granted view goes on until its "but"
        conceding = False
        if (
            nxt is not None and units[nxt].sentence == u.sentence and cues[nxt].cue == "contrast"
            and not (c.recommend or c.stance) and _eligible(units[nxt], cues[nxt])
        ):
            continue  # "X, but CLAIM"
        return i, asked
    return None, asked


def _main_start(units: Sequence[Unit], i: int) -> bool:
    """Whether a unit opens its sentence's main clause (its start, or after the clauses that lead to it)."""
    u = units[i]
    if u.sent_start:
        return True
    k = i - 1
    while k >= 0 and units[k].sentence == u.sentence and not _opener(units[k]) and units[k].text.lstrip().lower().startswith("and "):
        k -= 1
    return k >= 0 and units[k].sentence == u.sentence and _opener(units[k])


def _restates(vec: Vectors, cues: Sequence[Cues], i: int, j: int) -> bool:
    """Whether unit ``j`` says unit ``i`` again: much the same words, or some with the same deontic status."""
    sim = vec.cosine(i, j)
    return sim >= 0.5 or (sim >= RESTATES and cues[i].recommend and cues[j].recommend)


def _score(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors) -> int:
    """The unit with the best cue score: the fallback when the body has no opening statement."""
    central = vec.centrality()
    scores: list[float] = []
    for i, (u, c) in enumerate(zip(units, cues)):
        s = central[i]
        if c.recommend:
            s += 2.0
        elif c.opinion:
            s += 1.5
        if c.question:
            s -= 2.0
        if c.cue in ("concession", "reported"):
            s -= 4.0
        elif c.cue in ("cause", "example"):
            s -= 2.0
        if u.lead_sub:
            s -= 3.0
        if u.zone == "headline":
            s -= 0.5
        scores.append(s)
    return max(range(len(units)), key=lambda i: (scores[i], -i))


def _title(units: Sequence[Unit], cues: Sequence[Cues], members: Sequence[int]) -> bool:
    """Whether a paragraph is a title line: one short sentence that asks, or that no full stop ends."""
    if not members or len({units[i].sentence for i in members}) > 1:
        return False
    last = units[members[-1]]
    return sum(cues[i].words for i in members) <= 20 and (
        cues[members[-1]].question or not last.text.rstrip("\"'”’)] ").endswith((".", "!"))
    )


def _introduction(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, body: Sequence[int]) -> int | None:
    """The statement of position of an introduction paragraph, in a document of three or more paragraphs.

    The candidates are the eligible units of the first body paragraph (after a title line) when it has
    two or more sentences. Those that state a position come first, the strongest kind of statement
    only (a stance, else a recommendation, else a judgement of what ought to be, else any judgement):
    the one the closing paragraph restates best, else the last of them. Failing those, the candidate the closing
    paragraph restates; a conclusion marker opening a sentence of the closing paragraph ("In
    conclusion, X"); the introduction's last sentence.
    """
    blocks = sorted({units[i].block for i in body})
    while blocks and _title(units, cues, [i for i in body if units[i].block == blocks[0]]):
        blocks = blocks[1:]  # a title line the segmenter kept in the body (a question, a line with no full stop)
    if len(blocks) < 3:
        return None
    first = [i for i in body if units[i].block == blocks[0]]
    if len({units[i].sentence for i in first}) < 2:
        return None
    last = [i for i in body if units[i].block == blocks[-1]]
    candidates = [i for i in first if _eligible(units[i], cues[i])]
    if not candidates:
        return None
    echo = {i: max((vec.cosine(i, j) for j in last), default=0.0) for i in candidates}
    # The strongest statement of position: a stance ("I believe"), else a recommendation, else a
    # judgement of what ought to be, else any judgement.
    stated: list[int] = []
    for kind in ("stance", "strong_deontic", "normative", "opinion"):
        stated = stated or [i for i in candidates if getattr(cues[i], kind)]
    for pool in (stated, candidates):
        echoed = [i for i in pool if echo[i] >= RESTATES]
        if echoed:
            return max(echoed, key=lambda i: (echo[i], i))
        if pool is stated and stated:
            return stated[-1]
    concluding = [i for i in last if _eligible(units[i], cues[i]) and cues[i].conclusion == "strong" and _main_start(units, i)]
    if concluding:
        return concluding[0]  # "In conclusion, X" where the introduction states no position
    last_sentence = units[first[-1]].sentence
    closing = [i for i in candidates if units[i].sentence == last_sentence]
    return closing[0] if closing else None


def decide(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors) -> Decision:
    """Choose the thesis of a document's units (see the module documentation)."""
    n = len(units)
    body = [i for i, u in enumerate(units) if u.zone == "body"]
    lead = [i for i, u in enumerate(units) if u.zone != "body"]
    for i in lead:
        c = cues[i]
        if units[i].zone == "standfirst" and not c.question and c.words >= 3:
            return _finish(Decision(i, "standfirst", None), units, cues, vec, body)
    for i in lead:
        c = cues[i]
        if units[i].zone == "headline" and not c.question and (c.recommend or c.opinion):
            return _finish(Decision(i, "headline", None), units, cues, vec, body)
    asked = any(cues[i].question for i in lead)
    topic = next((i for i in lead if units[i].zone == "headline" and not cues[i].question), None)
    if topic is not None:
        # A headline that takes no position: the body's statement of it is the thesis.
        echoes = [j for j in body if _eligible(units[j], cues[j]) and vec.cosine(j, topic) >= 0.5]
        if echoes:
            best = max(echoes, key=lambda j: (vec.cosine(j, topic), -j))
            return _finish(Decision(best, "headline-echo", None), units, cues, vec, body)
    intro = _introduction(units, cues, vec, body)
    if intro is not None:
        return _finish(Decision(intro, "introduction", intro), units, cues, vec, body)
    default, answered = _first_main_clause(units, cues, body, asked)
    if default is None:
        return _finish(Decision(_score(units, cues, vec) if n else 0, "score", None), units, cues, vec, body)
    d = cues[default]
    judged = d.recommend or d.evaluative
    closing = {units[i].sentence for i in body[-3:]}  # the last two sentences or so (a citation may close)
    challengers = []
    for j in body:
        c = cues[j]
        if j <= default or not _eligible(units[j], c) or c.cue == "addition" or _conceding_tail(units[j], c):
            continue
        j_judged = c.recommend or c.evaluative
        concludes = c.conclusion == "strong" or (c.conclusion == "clause" and units[j].sentence in closing)
        # A conclusion (of a judging default: a judging one), or an outright recommendation or normative
        # judgement opening its main clause where the default neither recommends nor judges.
        recommends = (c.strong_deontic or c.normative) and (_main_start(units, j) or c.cue in ("result", "contrast"))
        if (concludes and (j_judged or not judged)) or (not judged and recommends):
            challengers.append(j)
    # Evidence that restates the opening confirms it: the thesis stays where it was first stated.
    # (Not a conclusion drawn in the next breath: "X, so Y" and "X. Therefore Y." conclude even when Y
    # repeats most of X's words.)
    fresh = [
        j for j in challengers
        if units[j].sentence <= units[default].sentence + 1 or not _restates(vec, cues, default, j)
    ]
    decision = Decision(default, "answer" if answered else "opening", default, challengers=len(challengers))
    if fresh:
        # A conclusion closing the text beats the rest; then a judgement beats a fact, a conclusion
        # marker an unmarked unit, a later unit an earlier one.
        last = units[body[-1]].sentence
        pick = max(fresh, key=lambda j: (
            units[j].sentence == last and cues[j].conclusion in ("strong", "clause"),
            cues[j].recommend or cues[j].evaluative, cues[j].conclusion in ("strong", "clause"), j,
        ))
        rule = "conclusion" if cues[pick].conclusion in ("strong", "clause") else "recommendation"
        decision = Decision(pick, rule, default, challengers=len(challengers) - 1)
    return _finish(decision, units, cues, vec, body)




def evidence(d: Decision) -> dict[str, float]:
    """The features of a decision that its confidence is computed from (see :data:`CALIBRATION`)."""
    f = {
        "bias": 1.0,
        "judged": float(d.judged),
        "restated": float(d.restated),
        "challengers": float(min(d.challengers, 3)),
        "first": float(d.first),
        "log_units": math.log(1 + d.units),
    }
    if d.rule != "opening":
        f[f"rule:{d.rule}"] = 1.0
    return f


# The logistic map from a decision's evidence to the probability that the thesis is right: fitted on
# the arg-microtexts part 1 end-to-end (right: the token F1 of the thesis with the gold central claim
# is at least 0.5) by `tools/fit_thesis_calibration.py`, L2-regularised; reported on AraucariaDB and
# AIFdb's microtexts in docs/extraction.md. Rules never seen in part 1 (standfirst, headline,
# introduction, score) take the weight of the opening.
CALIBRATION: dict[str, float] = {
    "bias": 0.625,
    "challengers": 0.537,
    "first": 0.569,
    "judged": 1.395,
    "log_units": 0.049,
    "restated": 0.194,
    "rule:conclusion": 0.524,
    "rule:recommendation": 0.139,
}


def probability(d: Decision, weights: dict[str, float] | None = None) -> float:
    """The calibrated probability that a decision is right (``weights``: default :data:`CALIBRATION`)."""
    w = CALIBRATION if weights is None else weights
    z = sum(w.get(k, 0.0) * v for k, v in evidence(d).items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _finish(d: Decision, units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, body: Sequence[int]) -> Decision:
    c = cues[d.index] if units else Cues()
    d.judged = _is_claim(c)
    d.restated = any(j != d.index and vec.cosine(j, d.index) >= RESTATES for j in body if j > d.index)
    d.first = bool(body) and d.index == body[0]
    d.units = len(body)
    d.confidence = round(probability(d), 2)
    return d


def choose_thesis(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors) -> tuple[int, float]:
    """The index of the main claim and the probability that it is the right one."""
    d = decide(units, cues, vec)
    return d.index, d.confidence


def restatements(units: Sequence[Unit], cues: Sequence[Cues], vec: Vectors, thesis: int) -> set[int]:
    """Units that say the thesis again (merged into it as restatements, never a second main claim)."""
    out: set[int] = set()
    t = cues[thesis]
    for i, c in enumerate(cues):
        if i == thesis or units[i].zone == "headline" or c.cue in ("concession", "reported", "cause", "example"):
            continue
        if c.question:
            continue
        sim = vec.cosine(i, thesis)
        if sim >= 0.6 or (sim >= 0.5 and c.conclusion in ("strong", "clause")) or (sim >= RESTATES and c.recommend == t.recommend and (
            c.recommend or c.conclusion in ("strong", "clause") or units[thesis].zone != "body"
        )):
            out.add(i)
    return out
