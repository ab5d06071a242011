"""Units of a document: paragraphs and lines, page furniture, sentences, clauses.

Segmentation works on character offsets into the unmodified text, so that
every unit is an exact span. The order of work:

1. **Blocks**: paragraphs (separated by blank lines) and, inside them, lines
   that do not continue a hard-wrapped sentence.
2. **Furniture**: lines that are page matter (datelines, bylines, "Print This
   Post", "Category: ...", "Comments are closed.", timestamps, share and
   copyright lines) are dropped; furniture inside a line (a trailing
   timestamp, a "writes NAME" byline, an embedded "Print This Post") is cut off.
3. **Zones**: short lines before the first body paragraph are the headline
   (the first) and the standfirst (the others).
4. **Sentences**: the rule-based splitter every part of argmap uses, which
   keeps exact offsets (:func:`argmap.text.split_sentences`), inside each block.
5. **Clauses**: a sentence that carries two argumentative units is cut at a
   clause connective ("X, but Y", "X because Y", "Although X, Y", "X; Y", ...).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..text import split_sentences
from . import lexicon as lx

__all__ = ["Block", "Unit", "blocks", "segment", "units_from_spans"]

_WS = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"


@dataclass(slots=True)
class Unit:
    """One candidate argumentative unit: an exact span and what segmentation knows of it."""

    start: int
    end: int
    text: str
    block: int
    """Index of the paragraph (body) or lead line the unit lies in."""
    sentence: int
    """Index of the sentence the unit belongs to, over the whole document."""
    zone: str = "body"
    """``headline``, ``standfirst`` or ``body``."""
    sent_start: bool = True
    """The unit opens its sentence."""
    sent_end: bool = True
    """The unit closes its sentence."""
    lead_sub: bool = False
    """The unit is a subordinate clause before its main clause ("Although X," of "Although X, Y")."""


@dataclass(slots=True)
class Block:
    """A stretch of text that sentences never cross: a paragraph, or a line of one."""

    start: int
    end: int
    paragraph: int
    furniture: bool = False


_PARA_SEP = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    r"\b(?:\d{1,2}[-/. ]" + _MONTH + r"[-/. ]\d{2,4}|" + _MONTH + r"\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+" + _MONTH
    + r"\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2})\b"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?![\w:])",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"(?:print|email|e-mail|share|tweet|save)(?:\s+(?:this|the))?(?:\s+(?:post|page|article|story))?"
    r"|(?:categor(?:y|ies)|tags?|tagged|filed\s+under|posted\s+in|topics?|section|source|photo|image|credit|"
    r"related(?:\s+\w+)?|read\s+more|see\s+also|more\s+on\s+this)\s*:.*"
    r"|comments?\s+(?:are|is)\s+closed\.?|\d*\s*comments?|leave\s+a\s+(?:comment|reply)\.?|no\s+comments(?:\s+yet)?\.?"
    r"|(?:posted|published|updated|last\s+updated|written)(?:\s+(?:on|by|at))?\b.{0,60}"
    r"|by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}(?:\s*[|,].{0,60})?"
    r"|(?:©|\(c\)|copyright)\b.*|all\s+rights\s+reserved\.?.*|advertisement|sponsored(?:\s+content)?"
    r"|click\s+here.{0,60}|subscribe.{0,60}|sign\s+up.{0,60}|follow\s+(?:us|me)\b.{0,60}"
    r"|(?:previous|next)\s+(?:post|article|story).{0,80}|back\s+to\s+top|skip\s+to\s+content|share\s+on\s+\w+",
    re.IGNORECASE,
)
# Furniture inside a line, removed wherever it stands.
# (Written as "[pP]" then the rest with case ignored, for the regex engine to skip to each "p":
# the same matches as r"\bprint\s+this\s+(?:post|page|article)\b" with re.IGNORECASE, as only
# "p" and "P" match "p" with case ignored.)
_INLINE_FURNITURE = re.compile(r"[pP](?<!\w[pP])(?i:rint\s+this\s+(?:post|page|article))\b")
# A timestamp or date closing a line of prose: "... liberal international order. 11:01 AM 12/8/2016".
_TRAILING_STAMP = re.compile(
    r"(?<=[.!?\"'”’)])\s+(?:(?:\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}"
    r"|" + _MONTH + r"\s+\d{1,2},?\s+\d{4})\s*)+$",
    re.IGNORECASE,
)
# A byline closing a headline or standfirst: "..., writes Jane Doe".
_TRAILING_BYLINE = re.compile(
    r"[,;:–—-]?\s+(?:writes|says|argues|reports|explains|warns|by)\s+(?:[A-Z][\w.'’-]*\s*){1,4}$"
)
_WORD = re.compile(r"[\w'’-]+")
# What every match of _DATE holds (a digit, then a month name, a digit, or one of "/-:" and a digit),
# found by skipping from digit to digit: a line without it (most prose, years included) has no date.
_DATE_HINT = re.compile(
    r"\d(?:(?:[-/.]|\s+)(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|,?\s+\d|[-/:]\d)"
)
_TWO_LETTERS = re.compile(r"[A-Za-z]{2,}")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*$")

def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_furniture_line(line: str) -> bool:
    """A whole line of page matter (never a statement)."""
    s = line.strip()
    if not s:
        return True
    if _FURNITURE_LINE.fullmatch(s):
        return True
    # A line without the hint of a date (most prose) skips the date pattern, and the words are
    # counted only for a line with a date or a "|".
    dated = _DATE_HINT.search(s) is not None and _DATE.search(s) is not None
    undated = _DATE.sub("", s) if dated else s
    if (dated or "|" in s) and _words(s) <= 14:
        if not _TERMINAL.search(undated.strip() or "x"):
            return True
        if dated and "|" in s:
            return True
    # Only numbers, dates and separators.
    return not _TWO_LETTERS.search(undated)


def _clean_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a line that are not furniture, as spans."""
    parts = [(start, end)]
    out: list[tuple[int, int]] = []
    for s, e in parts:
        pos = s
        for m in _INLINE_FURNITURE.finditer(text, s, e):
            out.append((pos, m.start()))
            pos = m.end()
        out.append((pos, e))
    cleaned: list[tuple[int, int]] = []
    for s, e in out:
        s, e = _strip_span(text, s, e)
        if e <= s:
            continue
        # A stamp ends the line with a digit or "am"/"pm" (with or without a stop): look for one only then.
        last = text[e - 1]
        stamp = _TRAILING_STAMP.search(text, s, e) if last.isdecimal() or last in "mM" or text[e - 2:e] in ("m.", "M.") else None
        if stamp:
            e = _strip_span(text, s, stamp.start())[1]
        if e > s:
            cleaned.append((s, e))
    return cleaned


def blocks(text: str) -> list[Block]:
    """Paragraphs and lines of the text, with furniture lines marked.

    A line break inside a paragraph ends a block when the line before ends a
    sentence or is short (a heading, a list item); otherwise the lines are a
    hard-wrapped paragraph and stay one block.
    """
    out: list[Block] = []
    para = 0
    pos = 0
    n = len(text)
    for sep in [*_PARA_SEP.finditer(text), None]:
        pend = sep.start() if sep else n
        lines = [(m.start(), m.end()) for m in _LINE.finditer(text, pos, pend)]
        current: tuple[int, int] | None = None
        had = False
        for ls, le in lines:
            ls, le = _strip_span(text, ls, le)
            if le <= ls:
                continue
            line = text[ls:le]
            if _is_furniture_line(line):
                if current:
                    out.append(Block(current[0], current[1], para))
                    current = None
                out.append(Block(ls, le, para, furniture=True))
                continue
            for cs, ce in _clean_line(text, ls, le):
                if current is None:
                    current = (cs, ce)
                else:
                    # The block's last line (found from its end: slicing the whole block for each
                    # line was quadratic in a long hard-wrapped paragraph).
                    prev_line = text[text.rfind("\n", current[0], current[1]) + 1 or current[0]:current[1]]
                    if _TERMINAL.search(prev_line) or len(prev_line) < 45:
                        out.append(Block(current[0], current[1], para))
                        current = (cs, ce)
                    else:
                        current = (current[0], ce)
                had = True
        if current:
            out.append(Block(current[0], current[1], para))
        if had or lines:
            para += 1
        pos = sep.end() if sep else n
    return out


_AUX = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|shall|should|do|does|did|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|won't|can't|cannot|\w{3,}ed)\b",
    re.IGNORECASE,
)
_MIN_WORDS = 3
# "X and Y" where Y is a clause of its own: "and" (after a comma or not), then within a few words
# and before any punctuation, a finite auxiliary or modal ("... rubbish and too many resources are
# lost"), or a modal straight away ("... citizens and must therefore be monitored"). The left
# conjunct must have a finite verb of its own (see _AUX) or be long, and the right one must not
# reach its verb through a relative clause ("students and teachers who are ...").
_AND_CLAUSE = re.compile(
    r"(?:,\s+|\s)(?P<cut>and)\s+(?=(?P<right>(?:[\w'’-]+\s+){0,5}?"
    r"(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|do|did|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|won't|can't|cannot|\w+'ll|\w+'re)(?![\w'’-])))",
    re.IGNORECASE,
)
_NOT_CLAUSE_RIGHT = re.compile(
    r"\b(?:who|which|that|whose|whom|to|and|or|than|as|of|with|for|in|on|at|by|from|while|when|if|because|"
    r"whether|how|what|where|be)\b|[,;:()]",
    re.IGNORECASE,
)
# The left conjunct's own clause starts after its last subordinator or comma.
_CLAUSE_OPENER = re.compile(
    r"\b(?:that|unless|if|when|because|since|who|which|whether|what|where|while|although|though|as|and|or|but|"
    r"after|before|until|once|whenever|wherever)\b|[,;:]",
    re.IGNORECASE,
)
# A finite verb in the left conjunct: an auxiliary or modal, or a past form not used as an adjective.
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|does|did|"
    r"isn't|aren't|wasn't|weren't|hasn't|haven't|doesn't|don't|didn't|won't|can't|cannot)\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )\b\w{3,}ed\b",
    re.IGNORECASE,
)


def _clause_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside a sentence where a new argumentative unit begins."""
    cuts: list[int] = []
    sentence = text[start:end]
    # Word counts on either side of a candidate cut come from the words' offsets, found once:
    # counting the words of the two halves for each candidate was quadratic in a long sentence.
    # (Found on the first question only: most sentences have no candidate cut.)
    word_ends: list[int] = []
    counted = False

    def words_before(at: int) -> int:
        nonlocal counted
        if not counted:
            word_ends.extend(m.end() for m in _WORD.finditer(sentence))
            counted = True
        return bisect_right(word_ends, at)

    def words_after(at: int) -> int:
        before = words_before(at)
        return len(word_ends) - before

    lead = lx.SUBORDINATE_LEAD.match(sentence)
    if lead:
        conj = lead.group("conj").lower()
        weak = conj in ("despite", "in spite of")
        lead_words = words_before(lead.end())
        for cm in re.finditer(r",\s+", sentence):
            if words_before(cm.start()) - lead_words < _MIN_WORDS or words_after(cm.end()) < 4:
                continue
            if weak and not _AUX.search(sentence, lead.end(), cm.start()):
                break
            cuts.append(start + cm.end())
            break
    for m in _AND_CLAUSE.finditer(sentence):
        right = m.group("right")
        head_words = right.split()[:-1]
        if head_words and _NOT_CLAUSE_RIGHT.search(" ".join(head_words)):
            continue
        if not head_words:
            continue  # "X and must Y": one subject, one unit
        left_from = max([0, *[c - start for c in cuts if c - start < m.start()]])
        left = sentence[left_from:m.start()]
        pieces = _CLAUSE_OPENER.split(left)
        if not _FINITE.search(pieces[-1]):
            continue
        at = m.start("cut")
        if words_before(at) - words_before(left_from) < _MIN_WORDS or words_after(at) < 4:
            continue
        cuts.append(start + at)
    for m in lx.CLAUSE_SPLIT.finditer(sentence):
        if m.group("semi") is not None or m.group("dash") is not None:
            at = m.end()
        elif m.group("bare") is not None:
            at = m.start("bare")
        else:
            at = m.start("cut")
            word = m.group("cut").lower().split()[0]
            check = lx.NOT_CLAUSE_AFTER.get(word)
            if check is not None and m.group("cut").lower() == word and check.match(sentence, m.end("cut")):
                continue
        if words_before(at) < _MIN_WORDS or words_after(at) < _MIN_WORDS:
            continue
        cut = start + at
        if cuts and abs(cut - cuts[-1]) < 12:
            continue
        cuts.append(cut)
    return sorted(set(cuts))


def _lead_zones(text: str, blks: Sequence[Block]) -> dict[int, str]:
    """Zones of the lines before the first body paragraph: headline, then standfirst."""
    content = [b for b in blks if not b.furniture]
    paragraphs = sorted({b.paragraph for b in content})
    if len(paragraphs) < 3:
        return {}
    zones: dict[int, str] = {}
    for b in content:
        body = text[b.start:b.end]
        sentences = split_sentences(text, b.start, b.end)
        if len(sentences) >= 2 or len(body) > 300:
            break
        zones[id(b)] = "headline" if not zones else "standfirst"
    if len(zones) >= len(content) - 1:
        return {}
    return zones


def segment(text: str) -> list[Unit]:
    """The candidate units of a document, in document order, furniture left out."""
    blks = blocks(text)
    zones = _lead_zones(text, blks)
    units: list[Unit] = []
    sentence = 0
    bindex = 0
    for b in blks:
        if b.furniture:
            continue
        zone = zones.get(id(b), "body")
        bstart, bend = b.start, b.end
        if zone != "body":
            m = _TRAILING_BYLINE.search(text, bstart, bend)
            if m and m.start() > bstart:
                bend = _strip_span(text, bstart, m.start())[1]
        for ss, se in split_sentences(text, bstart, bend):
            cuts = _clause_cuts(text, ss, se) if zone == "body" else []
            bounds = [ss, *cuts, se]
            pieces = []
            for a, z in zip(bounds, bounds[1:]):
                a, z = _strip_span(text, a, z)
                if z > a:
                    pieces.append((a, z))
            for k, (a, z) in enumerate(pieces):
                lead_sub = bool(k == 0 and len(pieces) > 1 and lx.SUBORDINATE_LEAD.match(text[a:z]) and cuts and cuts[0] == bounds[1])
                units.append(
                    Unit(a, z, text[a:z], bindex if zone == "body" else -1 - bindex, sentence, zone,
                         sent_start=k == 0, sent_end=k == len(pieces) - 1, lead_sub=lead_sub)
                )
            sentence += 1
        bindex += 1
    # Body units number their paragraphs by the document's paragraphs.
    _renumber_blocks(units, blks, text)
    return units


def _renumber_blocks(units: list[Unit], blks: Sequence[Block], text: str) -> None:
    paragraph_of = _paragraph_index(blks, text)
    for u in units:
        u.block = paragraph_of(u.start)


# A line at least this long that ends a block is a paragraph of its own (see _paragraph_numbers).
_PARAGRAPH_LINE = 100


def _paragraph_numbers(blks: Sequence[Block], text: str) -> list[int]:
    """The paragraph of each block: blank lines separate paragraphs, and so does a line break after a
    long line that ends a sentence (texts that put each paragraph on one line, with no blank line
    between them, as many essays do; a hard-wrapped paragraph's lines are short, so they stay one)."""
    out: list[int] = []
    number = -1
    prev: Block | None = None
    for b in blks:
        last_line = text[prev.start:prev.end].rsplit("\n", 1)[-1] if prev is not None else ""
        if prev is None or b.paragraph != prev.paragraph or (not prev.furniture and len(last_line) >= _PARAGRAPH_LINE):
            number += 1
        out.append(number)
        prev = b
    return out


def _paragraph_index(blks: Sequence[Block], text: str) -> Callable[[int], int]:
    """A lookup from a character offset to the paragraph index of the block at or before it."""
    starts = [b.start for b in blks]
    paragraphs = _paragraph_numbers(blks, text)

    def find(offset: int) -> int:
        k = bisect_right(starts, offset) - 1
        return paragraphs[k] if k >= 0 else (paragraphs[0] if paragraphs else 0)

    return find


def units_from_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[Unit]:
    """Units over given spans (the given-units mode): what segmentation would know of them."""
    blks = blocks(text)
    paragraph_of = _paragraph_index(blks, text)
    units: list[Unit] = []
    sentence = 0
    for i, (s, e) in enumerate(spans):
        body = text[s:e]
        before = text[:s].rstrip()
        sent_start = i == 0 or not before or bool(re.search(r"[.!?…:][\"'”’)\]]*$", before)) or "\n" in text[len(before):s]
        if i > 0 and sent_start:
            sentence += 1
        sent_end = bool(_TERMINAL.search(body))
        # A fronted subordinate clause ends at its first comma: "Although X," (not "Although X, Y,").
        lead_sub = bool(
            sent_start and not sent_end and lx.SUBORDINATE_LEAD.match(body) and ", " not in body.rstrip(" ,;")
        )
        units.append(Unit(s, e, body, paragraph_of(s), sentence, "body", sent_start, sent_end, lead_sub))
    return units


def iter_text_units(text: str) -> Iterator[str]:
    """The text of each unit of :func:`segment` (a debugging aid)."""
    for u in segment(text):
        yield u.text
