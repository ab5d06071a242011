"""Text that Argdown reads back as written: escaping, white space, and data blocks.

What Argdown 1.7.5's lexer treats as syntax inside a line of text (its token
list, ``@argdown/core/dist/lexer.js``), and what this module does about each:

- ``\\ [ ] < > # * _ { } /`` start escapes, statement and argument titles,
  mentions, tags, headings, bold and italic, links, data, and comments
  (``//``, ``/* */`` and ``<!-- -->`` anywhere on a line): each is escaped
  with a backslash, always (measured: 35 probe strings came back unchanged);
- ``.name.`` and ``:name:`` are shortcodes (``:smile:`` becomes an emoji,
  ``.A.`` a quantifier): a ``.`` or ``:`` that starts such a pair is escaped;
- ``===`` at a token start opens front matter: every ``=`` of a run of three
  or more is escaped;
- space, tab and line breaks are white space: runs become one space, and the
  ends are trimmed (a line break cannot be drawn inside a statement);
- inside an inference line (``-- rule, rule {data} --``), ``,`` separates
  rules and ``--`` ends the line: both are escaped there too.

Data blocks (``{argmap: {...}}``) are JSON, which is YAML flow style, with
the characters that Argdown's data pattern or js-yaml would stumble on
written as ``\\uXXXX`` escapes inside strings: braces (a ``}`` followed by a
space ends the block) and characters YAML does not allow raw (C1 controls,
lone surrogates, U+2028/9, U+FEFF, U+FFFE/F). In front matter, which ends at
the first ``===``, a string holding ``===`` has its ``=`` escaped too.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["data_json", "escape_rule", "front_matter_json", "escape_text", "normalise", "rule_visible", "tag_markup", "visible"]

ARGDOWN_SPACE = re.compile(r"[ \t\r\n]+")
"""What Argdown reads as white space inside a line of text."""

_JS_SPACE = "\t\n\x0b\x0c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# One pass finds every character to escape: the syntax characters; a '.' or ':' that starts a
# shortcode pair (the same delimiter again after at least one non-space character, in JavaScript's
# sense of space: every '.' and ':' starts a token, as the text token stops at them, so a pair can
# start at any of them, and escaping its first character stops it); each '=' of a run of three.
_SPECIAL = (
    rf"[\\\[\]<>#*_{{}}/]|\.(?=[^{_JS_SPACE}]+?\.)|:(?=[^{_JS_SPACE}]+?:)|=(?===)|(?<==)=(?==)|(?<===)="
)
_TEXT_SPECIAL = re.compile(_SPECIAL)
# In an inference rule, ',' separates rules and a run of two '-' ends the line.
_RULE_SPECIAL = re.compile(_SPECIAL + r"|,|-(?=-)|(?<=-)-")
_SIMPLE_TAG = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


def normalise(text: str) -> str:
    """The text as Argdown reads it back: white-space runs as one space, the ends trimmed.

    >>> normalise("  two\\n lines\\tand  tabs ")
    'two lines and tabs'
    """
    return ARGDOWN_SPACE.sub(" ", text).strip(" ")


_SURROGATE = re.compile("[\ud800-\udfff]")


def visible(text: str) -> str:
    """What Argdown shows of *text*: :func:`normalise`, with lone surrogates (not UTF-8) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", normalise(text))


# What JavaScript's String.prototype.trim() removes.
_JS_TRIM = "\t\n\x0b\x0c\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"


def rule_visible(text: str) -> str:
    """What Argdown shows of *text* as an inference rule: :func:`visible`, then trimmed as JavaScript trims."""
    return visible(text).strip(_JS_TRIM)


def escape_text(text: str) -> str:
    """The text as Argdown source that reads back as ``visible(text)``.

    >>> escape_text("a <b> // c #d e.g. :smile: ===")
    'a \\\\<b\\\\> \\\\/\\\\/ c \\\\#d e\\\\.g. \\\\:smile: \\\\=\\\\=\\\\='
    """
    return _TEXT_SPECIAL.sub(r"\\\g<0>", visible(text))


def escape_rule(text: str) -> str:
    """An inference rule (a scheme name) as Argdown source: as :func:`escape_text`, and ``,`` and ``--`` too."""
    return _RULE_SPECIAL.sub(r"\\\g<0>", visible(text))


def tag_markup(tag: str) -> str | None:
    """The tag as Argdown source (``#tag`` or ``#(two words)``), or None when Argdown cannot hold it as written.

    >>> tag_markup("pro"), tag_markup("two words"), tag_markup("a)b"), tag_markup(" x")
    ('#pro', '#(two words)', None, None)
    """
    if _SIMPLE_TAG.fullmatch(tag):
        return "#" + tag
    if not tag or ")" in tag or tag != tag.strip() or "\n" in tag or "\r" in tag:
        return None
    return f"#({tag})"


# Characters written as \\uXXXX inside data strings (see the module docstring).
_DATA_UNSAFE = re.compile("[{}\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_UNSAFE_BUT_BRACES = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_STRING_LITERAL = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode


def _escape_unsafe(literal: re.Match[str]) -> str:
    return _DATA_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", literal.group())


def data_json(value: Any) -> str:
    """*value* as one line of JSON that Argdown's data pattern and js-yaml read back unchanged.

    Raises :class:`TypeError` or :class:`ValueError` for what JSON cannot hold
    (a set, NaN, ...).

    >>> data_json({"text": "a } b", "n": [1, 2.5, None]})
    '{"text": "a \\\\u007d b", "n": [1, 2.5, null]}'
    """
    text = _encode(value)
    if not _UNSAFE_BUT_BRACES.search(text):
        braces = text.count("{") + text.count("}")
        if not braces:
            return text
        outside = _STRING_LITERAL.sub("", text)
        if outside.count("{") + outside.count("}") == braces:
            return text  # every brace is JSON's own: none inside a string
    return _STRING_LITERAL.sub(_escape_unsafe, text)


def front_matter_json(value: str) -> str:
    """A string for a front-matter line: :func:`data_json`, with ``=`` escaped where ``===`` would end the
    front matter."""
    text = data_json(value)
    return text.replace("=", "\\u003d") if "===" in text else text
