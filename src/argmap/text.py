"""Text helpers shared by every part of argmap: sentences, wrapping and control characters.

One place for what several jobs need: the ``cues`` extractor's segmenter and
the evaluation harness's chain baseline cut text into sentences with
:func:`split_sentences`; the diagram wraps statement text with :func:`wrap`;
exporters find the characters their format cannot carry with
:func:`is_unsafe` and :func:`replace_unsafe`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["WRAP_WIDTH", "has_unsafe", "is_unsafe", "replace_unsafe", "split_sentences", "wrap"]

_ABBREVIATIONS = frozenset(
    """e.g i.e cf vs mr mrs ms dr prof st jr sr hon rev gen gov sen rep pres col lt sgt capt cmdr adm maj
    inc ltd co corp dept no nos fig figs vol vols pp ed eds al op est ca approx incl esp resp mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
"""Words before a full stop that never end a sentence (lower case, without the last stop)."""
_MAY_END = frozenset({"etc"})
"""Abbreviations that end a sentence when an upper-case letter follows."""
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_VISIBLE = re.compile(r"\S")
_INITIALS = re.compile(r"[A-Za-z](?:\.[A-Za-z])*")
_CLOSERS = "\"'”’)]"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: exact offsets, surrounding whitespace left out.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) when the next visible character is not lower case and
    either whitespace follows or an upper-case letter follows directly
    (``end.Start``, a lost space), and at a blank line. It does not end at a
    full stop after a common abbreviation (``e.g.``, ``Dr.``, ``hon.``), an
    initial (``J.``) or a dotted acronym (``U.S.``), nor at ``etc.`` unless
    an upper-case letter follows, nor at a stop followed by another one (a
    spaced ellipsis ``. . .``). Nothing is dropped or added: the spans cover
    every non-space character of the range, in order.

    >>> text = "Yes. It works (mostly)! See e.g. this.Next one . . . and 20 (!!!) more – fine."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Yes.', 'It works (mostly)!', 'See e.g. this.', 'Next one . . . and 20 (!!!) more – fine.']
    >>> text = "My hon. Friend can't. Dr. Who can."
    >>> [text[s:e] for s, e in split_sentences(text, 8)]
    ["Friend can't.", 'Dr. Who can.']
    """
    end = len(text) if end is None else end
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text, start, end):
        stop = m.end()
        after = text[stop : stop + 1] if stop < end else ""
        if after and not after.isspace() and not after.isupper():
            continue
        visible = _VISIBLE.search(text, stop, end)
        following = visible.group() if visible else ""
        if following.islower() or (following and following in ".…"):
            continue
        if m.group().rstrip(_CLOSERS) == ".":
            # The word before the stop: its run of word characters, dots and apostrophes ("U.S", "can't").
            word_start = m.start()
            while word_start > start and (text[word_start - 1].isalnum() or text[word_start - 1] in "_.'’"):
                word_start -= 1
            token = text[word_start : m.start()].lstrip("'’")
            lowered = token.lower()
            if lowered in _ABBREVIATIONS or _INITIALS.fullmatch(token):
                continue
            if lowered in _MAY_END and not following.isupper():
                continue
        cuts.append(stop)
    cuts.extend(m.start() for m in _BLANK_LINE.finditer(text, start, end))
    spans: list[tuple[int, int]] = []
    pos = start
    for cut in [*sorted(set(cuts)), end]:
        if cut <= pos:
            continue
        piece = text[pos:cut]
        stripped = piece.strip()
        if stripped:
            s = pos + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        pos = cut
    return spans


WRAP_WIDTH = 30
"""Characters per line of wrapped statement text, unless told otherwise."""

_WRAP_PATTERNS: dict[int, re.Pattern[str]] = {}


def wrap(text: str, width: int = WRAP_WIDTH) -> list[str]:
    """Split text into lines of at most *width* characters at white space.

    White space runs become one space; a word longer than *width* keeps a
    line of its own rather than being cut.

    >>> wrap("Japan must choose the path of principled engagement", 20)
    ['Japan must choose', 'the path of', 'principled', 'engagement']
    """
    pattern = _WRAP_PATTERNS.get(width)
    if pattern is None:
        # The longest run of at most `width` characters that ends before a space or the
        # end (greedy filling, done by the regex engine), else one over-long word.
        pattern = _WRAP_PATTERNS[width] = re.compile(rf"(.{{1,{max(width, 1)}}})(?: |$)|(\S+)(?: |$)")
    return [short or long for short, long in pattern.findall(" ".join(text.split()))]


def is_unsafe(ch: str) -> bool:
    """Tell whether a character is one that no text format should carry: a
    control character (other than white space), a lone surrogate, or a
    non-character (U+FFFE, U+FFFF).

    >>> is_unsafe("\\x1b"), is_unsafe("\\n"), is_unsafe("é")
    (True, False, False)
    """
    if ch in "\t\n\r":  # not isspace(): it also passes \x0b, \x0c and \x1c-\x1f, which XML cannot carry
        return False
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


_LINE_BREAKS = str.maketrans("", "", "\n\r\t")


def has_unsafe(text: str) -> int:
    """The number of unsafe characters in *text* (see :func:`is_unsafe`).

    >>> has_unsafe("a\\x00b\\x07"), has_unsafe("plain\\ttext")
    (2, 0)
    """
    if text.isprintable() or text.translate(_LINE_BREAKS).isprintable():
        return 0
    return sum(1 for ch in text if is_unsafe(ch))


def replace_unsafe(text: str, replacement: str = "\ufffd") -> str:
    """*text* with each unsafe character replaced (by U+FFFD unless told otherwise).

    >>> replace_unsafe("bell\\x07")
    'bell\\ufffd'
    """
    if not has_unsafe(text):
        return text
    return "".join(replacement if is_unsafe(ch) else ch for ch in text)
