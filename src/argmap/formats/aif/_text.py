"""The document of an AIF map: AIFdb's sidecar text, xAIF's HTML text, and spans found in them."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..._io import read_input_bytes
from ...errors import InputError

__all__ = ["Highlights", "SpanFinder", "de_html", "read_sidecar"]

_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>", re.DOTALL)
_ID_ATTR = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_WHITE = re.compile(r"\s+")
_BREAKS = frozenset({"br", "p", "div", "li", "tr"})

Highlights = list[tuple[str, int, int]]
"""``(id attribute, start, end)`` of each ``<span id=...>`` in the de-HTML'd text, in document order."""


def de_html(markup: str) -> tuple[str, Highlights]:
    """The text of an OVA / xAIF HTML string, and where its ``<span id=...>`` highlights lie in it.

    Tags are removed, entities unescaped; ``<br>`` and the end of a paragraph, ``div``, list item
    or table row become a line break.

    >>> de_html('<span id="node3_1" class="highlighted">A</span> because <span id="node16_1">B</span><br>')
    ('A because B\\n', [('node3_1', 0, 1), ('node16_1', 10, 11)])
    >>> de_html("x &amp; y&lt;z")
    ('x & y<z', [])
    """
    parts: list[str] = []
    length = 0
    open_spans: list[tuple[str | None, int]] = []
    found: Highlights = []
    pos = 0
    for match in _TAG.finditer(markup):
        chunk = html.unescape(markup[pos:match.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:  # a comment
            continue
        if name == "span":
            if closing:
                if open_spans:
                    span_id, start = open_spans.pop()
                    if span_id is not None and length > start:
                        found.append((span_id, start, length))
            elif not match.group(3).rstrip().endswith("/"):
                attr = _ID_ATTR.search(match.group(3))
                open_spans.append((next((g for g in attr.groups() if g is not None), None) if attr else None, length))
        elif name in _BREAKS and (name == "br" or closing):
            parts.append("\n")
            length += 1
    chunk = html.unescape(markup[pos:])
    parts.append(chunk)
    found.sort(key=lambda item: (item[1], item[2]))
    return "".join(parts), found


def read_sidecar(path: str | Path, encoding: str = "utf-8") -> str:
    """The text of AIFdb's ``nodesetN.txt`` (or any text file), exactly as it is, decoded with *encoding*.

    A file that is not text in *encoding* is one :class:`~argmap.InputError` naming it and the way out
    (``-I encoding=cp1252``: some AIFdb texts are Windows-1252).
    """
    data = read_input_bytes(path)
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not text", where=str(path))
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", where=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not {encoding} text (bad byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "if it is Windows text, give the encoding (-I encoding=cp1252, or encoding='cp1252')",
            where=str(path),
        ) from None
    return text.removeprefix("\ufeff")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def covers(document: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]], text: str) -> bool:
    """Whether *spans* lie in *document* and cover *text* (white space aside), as the model requires."""
    if not all(0 <= s < e <= len(document) for s, e in spans):
        return False
    return " ".join(" ".join(document[s:e] for s, e in spans).split()) == " ".join(text.split())


class SpanFinder:
    """Finds statement texts in a document: verbatim first, then with any white space between the words.

    Each search starts where the last match ended and wraps around to the start, so repeated
    phrases are matched in order. The white-space-blind search looks in the document with every
    run of white space made one space (made once, on the first need) and maps a match back.
    """

    def __init__(self, document: str) -> None:
        self.document = document
        self.cursor = 0
        self._flat: str | None = None

    def _to_orig(self, flat: int) -> int:
        """The document offset of a character of the flat text that is not white space."""
        removed = 0
        for match in _WHITE.finditer(self.document):
            if match.start() - removed >= flat:
                break
            removed += match.end() - match.start() - 1
        return flat + removed

    def find(self, text: str) -> tuple[int, int] | None:
        doc = self.document
        words = text.split()
        if not words or not doc:
            return None
        needle = " ".join(words) if text != text.strip() else text
        start = doc.find(needle, self.cursor)
        if start < 0:
            start = doc.find(needle)
        if start >= 0:
            end = start + len(needle)
        else:
            if self._flat is None:
                self._flat = _WHITE.sub(" ", doc)
            needle = " ".join(words)
            at = self._flat.find(needle, len(_WHITE.sub(" ", doc[: self.cursor])))
            if at < 0:
                at = self._flat.find(needle)
            if at < 0:
                return None
            start, end = self._to_orig(at), self._to_orig(at + len(needle) - 1) + 1
        self.cursor = end
        return start, end

    def highlight(self, start: int, end: int, text: str) -> tuple[int, int] | None:
        """A highlight's span, trimmed of white space, if it covers *text*; else None."""
        start, end = _trim(self.document, start, end)
        if end > start and covers(self.document, [(start, end)], text):
            return start, end
        return None
