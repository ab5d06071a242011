"""From units to an argument: cues per unit, the thesis, and a tree of relations.

The analysis is a single left-to-right pass over the units with a small
state (are we in the author's line, in a reported objection, or in the
author's answer to it?), driven by the cues of :mod:`argmap.cues.lexicon`,
the paragraph structure and the word overlap of :mod:`argmap.cues.similarity`.
Each unit gets at most one outgoing relation, so the result is a tree rooted
at the thesis; roles (the author's side or the opponent's) follow from it: the
thesis is the author's, an attack changes side, a support keeps it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from . import lexicon as lx
from .attach import decode_links, sides
from .features import WEAK_SENTENCE_CAUSE, Cues, cues_of
from .segment import Unit
from .similarity import Vectors
from .thesis import choose_thesis, restatements

__all__ = ["Cues", "Link", "Plan", "analyse", "cues_of"]


@dataclass(slots=True)
class Link:
    """The one outgoing relation of a unit."""

    type: str
    """``support`` or ``attack``."""
    target: int
    """Index of the target unit; for an undercut, the unit whose relation is attacked."""
    undercut: bool = False
    example: bool = False
    scheme: str | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class Plan:
    """The analysis of a document: cues, thesis, restatements and the relation tree."""

    cues: list[Cues]
    thesis: int
    thesis_confidence: float
    links: list[Link | None]
    restatements: set[int] = field(default_factory=set)
    explicit: set[int] = field(default_factory=set)
    """Units whose kind rests on an explicit cue (higher confidence)."""
    context: set[int] = field(default_factory=set)
    """Units of background or news narration: kept as statements, in no relation."""
    linked: dict[int, int] = field(default_factory=dict)
    """Co-premises: a unit joined by "and" to the unit before, mapped to the first premise of their support."""
    also: dict[int, Link] = field(default_factory=dict)
    """A second relation of a unit, where the text gives one (a rebuttal that also supports the thesis)."""


def _supports(link: Link | None, target: int | None = None) -> bool:
    """Whether a link is a support (of ``target``, when given)."""
    return link is not None and link.type == "support" and (target is None or link.target == target)


def analyse(
    units: Sequence[Unit], *, paragraphs: bool = True, vectors: Callable[[Sequence[str]], Vectors] = Vectors,
    decode: bool = True, weights: Mapping[str, float] | None = None,
) -> Plan:
    """Cues, thesis, restatements and the relation tree of a document's units.

    ``vectors`` makes the similarity of the units' texts: TF-IDF cosines by
    default; a plugin may pass a subclass of :class:`~argmap.cues.similarity.Vectors`
    with its own ``cosine`` and ``centrality`` (sentence embeddings, say).
    With ``decode`` (the default), the links of the left-to-right pass are
    candidates among others, scored and decoded into a maximum spanning tree
    (:mod:`argmap.cues.attach`, with ``weights`` if given); without it, the
    pass's links are the tree.
    """
    n = len(units)
    cues = [cues_of(u) for u in units]
    vec = vectors([u.text for u in units])
    thesis, tconf = choose_thesis(units, cues, vec)
    restate = restatements(units, cues, vec, thesis)
    links: list[Link | None] = [None] * n
    explicit: set[int] = set()
    multi = paragraphs and len({u.block for u in units if u.zone == "body"}) >= 2
    context = narration(units, cues, thesis, restate) if paragraphs else set()
    linked_lead: set[int] = set()

    mode = "pro"  # pro: the author's line; opp: a reported objection; reb: the author's answer
    last_opp: int | None = None
    opp_head: int | None = None
    reb_target: tuple[int, bool] | None = None
    forced_rebut: dict[int, int] = {}
    head: int | None = None  # first unit of the current paragraph
    prev: int | None = None

    def to_thesis(i: int, conf: float = 0.45) -> Link:
        return Link("support", thesis, confidence=conf)

    for i, (u, c) in enumerate(zip(units, cues)):
        if (u.zone == "headline" and i != thesis) or i in context:
            continue
        newpar = prev is None or units[prev].block != u.block
        same_sent = prev is not None and units[prev].sentence == u.sentence
        if newpar:
            head = i
            if c.cue != "contrast":
                mode = "pro"
        if i == thesis:
            prev = i
            if mode == "opp" and c.cue == "contrast":
                mode = "reb"
            continue
        if i in restate:
            links[i] = Link("support", thesis, scheme="restatement", confidence=0.6)
            prev = i
            mode = "pro"
            continue

        link: Link | None = None
        if i in forced_rebut:
            target = forced_rebut[i]
            if target == thesis:
                link = to_thesis(i, 0.5)
            else:
                link = Link("attack", target, undercut=True, confidence=0.65)
                reb_target = (target, True)
                mode = "reb"
                explicit.add(i)
        elif u.lead_sub and c.cue == "concession" and i + 1 < n:
            nxt = cues[i + 1]
            if nxt.cue in ("concession", "reported"):
                # "While we do X, others see it differently": X sets the scene for the contrast of views,
                # it is no reason for the thesis.
                context.add(i)
                prev = i
                continue
            else:
                target = i + 1 if i + 1 == thesis else thesis
                link = Link("attack", target, confidence=0.6)
                mode, last_opp, opp_head = "opp", i, i
                cues[i].granting = True
                forced_rebut[i + 1] = i
                explicit.add(i)
        elif u.lead_sub and c.cue == "cause" and i + 1 < n:
            link = Link("support", i + 1, confidence=0.7)
            explicit.add(i)
        elif c.cue in ("concession", "reported"):
            if c.cue == "reported" and mode == "opp" and not newpar and last_opp is not None:
                link = Link("support", last_opp, confidence=0.5)
            else:
                link = Link("attack", thesis, confidence=0.7 if c.cue == "concession" else 0.55)
                opp_head = i
            mode, last_opp = "opp", i
            explicit.add(i)
        elif c.cue == "contrast":
            if mode in ("opp", "reb") and opp_head is not None:
                if mode == "opp":
                    target = last_opp if (not newpar and last_opp is not None) else opp_head
                    reb_target = (target, cues[target].granting)
                elif newpar or reb_target is None:
                    # A new paragraph, or answers already under way with no target kept (a "reb" run
                    # entered another way): answer the head of the opposing view.
                    reb_target = (opp_head, cues[opp_head].granting)
                link = Link("attack", reb_target[0], undercut=reb_target[1], confidence=0.65)
                mode = "reb"
                explicit.add(i)
            elif lx.CAUTION_ANY.find(lx.words(u.text)):
                # "X. But we must be careful not to Y.": the author's caution speaks against what comes
                # before it in the paragraph (or the thesis): a risk of the author's own course.
                target = prev if (prev is not None and not newpar and prev != thesis and _supports(links[prev])) else thesis
                link = Link("attack", target, confidence=0.6)
                explicit.add(i)
            elif (
                not c.recommend and prev is not None and not newpar and prev != thesis
                and _supports(links[prev], thesis) and cues[prev].cue == "none" and not cues[prev].recommend
            ):
                # "X. But Y.": X was the view Y answers.
                links[prev] = Link("attack", thesis, confidence=0.45)
                opp_head = last_opp = prev
                link = Link("attack", prev, confidence=0.55)
                reb_target = (prev, False)
                mode = "reb"
                explicit.add(i)
            else:
                link = to_thesis(i, 0.45)
                mode = "pro"
        elif c.cue == "result" and prev is not None and not newpar and prev != thesis and links[prev] is not None:
            link = links[prev]
            links[prev] = Link("support", i, confidence=0.7)
            if prev in explicit:
                explicit.add(i)  # the conclusion takes over the place (and the cue) of its reason
            explicit.add(prev)
            if mode == "opp":
                last_opp = i
        elif c.cue in ("cause", "example") and prev is not None and not newpar and (
            same_sent or not u.sent_start or c.cue == "example" or c.word not in WEAK_SENTENCE_CAUSE
        ):
            link = Link("support", prev, example=c.cue == "example", confidence=0.75)
            if mode == "opp":
                last_opp = i
            explicit.add(i)
        elif (
            c.cue == "addition" and prev is not None and not newpar and prev != thesis and links[prev] is not None
            and lx.LINKED_LEAD.match(u.text)
        ):
            # "X. And, since Y, Z.": Z is joined to X by the text, with its own reason: co-premises.
            link = Link("support", prev, confidence=0.6)
            explicit.add(i)
            linked_lead.add(i)
        elif c.cue == "addition":
            if not newpar and same_sent and prev is not None and prev != thesis:
                link = Link("support", prev, confidence=0.5)
                if mode == "opp":
                    last_opp = i
            elif mode == "opp" and not newpar and last_opp is not None:
                link = Link("support", last_opp, confidence=0.45)
                last_opp = i
            elif mode == "reb" and not newpar and reb_target is not None:
                link = Link("attack", reb_target[0], undercut=reb_target[1], confidence=0.5)
            else:
                link = to_thesis(i, 0.55)
                mode = "pro"
        else:
            if mode == "opp" and not newpar and last_opp is not None:
                link = Link("support", last_opp, confidence=0.45)
                last_opp = i
            elif mode == "reb" and not newpar and same_sent and prev is not None:
                link = Link("support", prev, confidence=0.45)
            else:
                mode = "pro"
                link = to_thesis(i, 0.45)
                if (
                    multi and head is not None and head != i and head != thesis
                    and units[head].block != units[thesis].block and _supports(links[head])
                ):
                    s_head, s_thesis = vec.cosine(i, head), vec.cosine(i, thesis)
                    if s_head + 0.1 >= s_thesis:
                        link = Link("support", head, confidence=round(0.4 + 0.3 * min(1.0, s_head), 2))
        links[i] = link
        prev = i
    plan = Plan(cues=cues, thesis=thesis, thesis_confidence=tconf, links=links, restatements=restate,
                explicit=explicit, context=context)
    if decode:
        _decode(plan, units, vec, weights, keep_cued=multi)
    _linked(plan, units, linked_lead)
    if multi:
        _also_support(plan, units)
    return plan


# Argumentative cues: a paragraph with any of them is part of the argument.
_ARGUMENT_CUES = frozenset({"cause", "result", "contrast", "concession", "reported", "example"})


def narration(units: Sequence[Unit], cues: Sequence[Cues], thesis: int, restate: set[int]) -> set[int]:
    """Units of the body paragraphs that open a long document with narration rather than argument.

    In a document of four or more body paragraphs, the leading run of body
    paragraphs in which no unit carries an argumentative cue (a reason, a
    conclusion, a contrast, a concession, a reported view, an example), a
    recommendation, a judgement, a question or the thesis is background (the
    news that occasions an op-ed, say): its units are context, not reasons.
    The run stops at the first argumentative paragraph and never covers half
    of the body or more.
    """
    body_blocks: list[int] = []
    for u in units:
        if u.zone == "body" and (not body_blocks or body_blocks[-1] != u.block):
            body_blocks.append(u.block)
    if len(body_blocks) < 4:
        return set()
    by_block: dict[int, list[int]] = {}
    for i, u in enumerate(units):
        if u.zone == "body":
            by_block.setdefault(u.block, []).append(i)
    out: list[int] = []
    taken = 0
    for b in body_blocks:
        members = by_block[b]
        if any(
            i == thesis or i in restate or cues[i].cue in _ARGUMENT_CUES or cues[i].recommend or cues[i].opinion
            or cues[i].question or cues[i].concludes or cues[i].reported or units[i].lead_sub
            or lx.LINKED_LEAD.match(units[i].text)
            for i in members
        ):
            break
        if 2 * (taken + 1) >= len(body_blocks):
            break
        out.extend(members)
        taken += 1
    return set(out)


def _linked(plan: Plan, units: Sequence[Unit], joined: set[int]) -> None:
    """Join "X, and Y" (Y a clause supporting X in the same sentence) and "X. And, since W, Y" (*joined*) into
    one linked support of X's target."""
    links = plan.links
    with_reasons = {link.target for link in links if link is not None}
    for i in range(1, len(units)):
        link, c = links[i], plan.cues[i]
        if link is None or link.type != "support" or link.target != i - 1 or i in plan.restatements:
            continue
        if i not in joined and (c.cue != "addition" or c.word != "and" or units[i].sentence != units[i - 1].sentence):
            continue
        first = plan.linked.get(i - 1, i - 1)
        head = links[first]
        if first == plan.thesis or head is None or head.undercut or head.scheme == "restatement":
            continue
        if i in with_reasons and i not in joined:
            continue  # Y has reasons of its own: it stays a claim of its own
        plan.linked[i] = first


def _also_support(plan: Plan, units: Sequence[Unit]) -> None:
    """A full-sentence rebuttal of an objection to the thesis also supports the thesis (a second relation)."""
    links = plan.links
    for i, link in enumerate(links):
        if link is None or link.type != "attack" or link.undercut or i in plan.linked or i in plan.also:
            continue
        target = links[link.target]
        if target is None or target.type != "attack" or target.target != plan.thesis:
            continue
        c = plan.cues[i]
        if not units[i].sent_start or c.question or c.cue not in ("contrast", "addition"):
            continue
        if units[i].text.rstrip(".!?\"'”’) ").lower().endswith(c.word):
            continue  # "X went anyway": a closing adversative answers, it gives no reason
        plan.also[i] = Link("support", plan.thesis, confidence=max(0.3, round(link.confidence - 0.2, 2)))


FIX_EXPLICIT = True


def fixed_units(plan: Plan) -> set[int]:
    """Units whose link the decoder keeps: restatements, and links read from an explicit cue."""
    return set(plan.restatements) | (set(plan.explicit) if FIX_EXPLICIT else set())


def _decode(
    plan: Plan, units: Sequence[Unit], vec: Vectors, weights: Mapping[str, float] | None, keep_cued: bool,
) -> None:
    """Replace the pass's links by the maximum spanning tree over scored candidates (with *keep_cued*, a
    link the pass read from a connective and the tree left out stays as a second relation)."""
    links = plan.links
    proposed = [(link.type, link.target) if link is not None else None for link in links]
    fixed = fixed_units(plan)
    decoded = decode_links(units, plan.cues, vec, plan.thesis, proposed, plan.explicit, plan.restatements, fixed,
                           weights)
    side = sides(proposed, plan.thesis)
    for i, choice in enumerate(decoded):
        link = links[i]
        if choice is None or link is None:
            continue
        parent, prob = choice
        if parent == link.target:
            continue
        kind = "support" if side[i] == side[parent] else "attack"
        new = Link(kind, parent, confidence=round(0.35 + 0.4 * prob, 2))
        links[i] = new
        plan.explicit.discard(i)
        if keep_cued and plan.cues[i].cue != "none" and link.target != plan.thesis and link.scheme is None:
            # The connective gave the pass's link ("Moreover" in a run of answers): in a long text, where
            # a statement can play two parts, it stays as the second relation.
            plan.also[i] = Link(link.type, link.target, undercut=link.undercut, example=link.example,
                                confidence=max(0.3, min(link.confidence, new.confidence - 0.05)))
