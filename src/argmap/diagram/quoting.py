"""Quoting text for DOT: the only way text enters argmap's Graphviz source.

:func:`quote` makes Graphviz show a text literally: quotes, backslashes
(``\\N``, ``\\l``, a trailing one), HTML-like text and entities such as
``&amp;`` come out as written, and no text can add attributes (``URL``,
``image``, ...) or markup. Characters DOT cannot carry are replaced, with an
:class:`~argmap.ExportWarning`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

from ..errors import ExportWarning
from ..text import has_unsafe, replace_unsafe

__all__ = ["clean", "escape_line", "escape_tooltip", "quote"]


def clean(text: str, where: str, *, warn: bool = True) -> str:
    """Replace characters DOT/SVG cannot carry (control characters, lone
    surrogates) with U+FFFD, warning once per text."""
    count = has_unsafe(text)
    if not count:
        return text
    if warn:
        warnings.warn(
            f"DOT cannot carry control characters: {count} replaced with U+FFFD in {where}",
            ExportWarning,
            stacklevel=3,
        )
    return replace_unsafe(text)


def escape_line(line: str) -> str:
    """Escape text for a plain DOT label (newlines are left to the caller)."""
    # Backslash first; Graphviz also decodes HTML entities in plain labels, hence &.
    return line.replace("\\", "\\\\").replace('"', '\\"').replace("&", "&amp;")


def escape_tooltip(text: str) -> str:
    """Escape text for a DOT tooltip."""
    # Graphviz reads a tooltip's backslashes twice (\\ -> \ each time, then \N,
    # \G, ... expand), so one backslash is written as four. Measured with dot
    # 2.43 and graphviz-pure 0.2.2.
    text = text.replace("\\", "\\" * 4)
    return text.replace('"', '\\"').replace("&", "&amp;").replace("\n", "&#10;")


def quote(text: str | Iterable[str], *, where: str = "text", tooltip: bool = False) -> str:
    """A DOT double-quoted string that Graphviz shows as exactly *text*.

    *text* may be a list of lines, which are joined with centred line breaks.
    This is the only way text enters DOT source in argmap. ``tooltip=True``
    quotes for a tooltip, where Graphviz reads escapes differently.

    >>> print(quote('say "hi" \\\\N <b>'))
    "say \\"hi\\" \\\\N <b>"
    """
    joined = text if isinstance(text, str) else "\n".join(text)
    if tooltip:
        return '"' + escape_tooltip(clean(joined, where)) + '"'
    # Lines are joined with Graphviz's centred line break, \n; a newline inside a
    # single text is a line break too.
    return '"' + escape_line(clean(joined, where)).replace("\n", "\\n") + '"'
