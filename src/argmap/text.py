"""Text helpers shared by every part of argmap: wrapping and control characters.

One place for what several jobs need: the diagram wraps statement text with
:func:`wrap`; exporters find the characters their format cannot carry with
:func:`is_unsafe` and :func:`replace_unsafe`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["WRAP_WIDTH", "has_unsafe", "is_unsafe", "replace_unsafe", "wrap"]

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
    if ch.isspace():
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
