"""The outline exporter: thesis, reasons, objections with rebuttals, recommendations, as safe Markdown."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import strategies as st

from hypothesis import given

from argmap import ExportWarning, MapBuilder
from argmap.formats.outline import WORD_JOINER, escape_markdown, to_outline
from argmap.text import replace_unsafe
from argmap.strategies import argument_maps, statement_texts


def test_outline_of_a_small_map():
    """The outline lists the thesis, reasons (linked ones joined, undercuts nested), objections with their
    rebuttals, and recommendations, in that order."""
    b = MapBuilder(title="Trees")
    thesis = b.recommendation("Cities should plant more trees.", main=True)
    r1 = b.support(thesis, b.premise("Trees cool the streets."))
    b.support(thesis, b.premise("Shade cuts energy use."), b.premise("Energy costs money."))
    cost = b.objection("Trees cost money.")
    b.attack(thesis, cost)
    b.attack(cost, b.rebuttal("Less than air conditioning."))
    b.attack(r1, b.objection("A few trees cool nothing."))
    b.support(thesis, b.recommendation("Start with school yards."))
    assert to_outline(b.build()) == (
        "# Trees\n"
        "\n"
        "**Thesis:** Cities should plant more trees.\n"
        "\n"
        "## Reasons\n"
        "- Trees cool the streets.\n"
        "  - *but:* A few trees cool nothing.\n"
        "- Shade cuts energy use. **+** Energy costs money.\n"
        "\n"
        "## Objections\n"
        "- Trees cost money.\n"
        "  - *but:* Less than air conditioning.\n"
        "\n"
        "## Recommendations\n"
        "- Start with school yards.\n"
    )


def test_statements_outside_the_thesis_tree_are_not_dropped():
    """Statements not connected to the thesis are listed under 'Other statements' with their kind."""
    b = MapBuilder()
    b.claim("Main.", main=True)
    b.premise("Loose end.")
    out = to_outline(b.build())
    assert out.endswith("## Other statements\n- *premise:* Loose end.\n")


def test_markdown_specials_are_escaped():
    """Text that would turn into emphasis, headings, lists, links or HTML shows literally."""
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("- not a list") == "\\- not a list"
    assert escape_markdown("1. not a list") == "1\\. not a list"
    assert escape_markdown("*a* _b_ `c` [d](e) <i> $x$ & |") == (
        "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<i\\> \\$x\\$ &amp; |"
    )


@given(statement_texts())
def test_escaping_keeps_the_text_on_one_line_and_reversible(text):
    """Escaped text is one line, and removing the escapes gives back the text with white space joined."""
    escaped = escape_markdown(text)
    assert "\n" not in escaped and "\r" not in escaped
    unescaped = re.sub(r"\\(.)", r"\1", escaped).replace("&amp;", "&").replace(WORD_JOINER, "")
    assert unescaped == replace_unsafe(" ".join(text.split()))


_ONLY_A_PARAGRAPH = re.compile(r"\A<p>(.*)</p>\Z", re.S)


@given(statement_texts(max_size=60) | st.sampled_from([
    "see https://example.org/a_b", "www.example.org", "write to me@example.org", "ftp://x.y", "mailto:a@b.cd",
    "$1 and $2", "1) first", "+ plus", "- minus", "--- rule", "=== x", "# hash", "> quote", "~~gone~~", "a ~b~ c",
    "<script>alert(1)</script>", "[x](javascript:alert(1))", "![i](x.png)", "a | b | c", "`code`", "*em* _em_",
    "&amp; &#64; &copy;", "\\", "x\\", "\x1b[31mred\x07",
]))
def test_github_markdown_shows_escaped_text_literally(text):
    """Rendered by GitHub's own Markdown (cmark-gfm with its extensions: autolinks, strikethrough, tables), an
    escaped text is one paragraph of exactly that text: no link, emphasis, code, heading, list or HTML."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    escaped = escape_markdown(text)
    if not escaped.strip():
        return
    html_out = cmarkgfm.github_flavored_markdown_to_html(escaped).strip()
    match = _ONLY_A_PARAGRAPH.match(html_out)
    assert match, f"{text!r} -> {escaped!r} -> {html_out!r}"
    assert "<" not in match.group(1), html_out
    shown = html.unescape(match.group(1)).replace(WORD_JOINER, "")
    assert shown == replace_unsafe(" ".join(text.split()))


def test_ids_are_shown_on_request():
    """`-O ids=true` (ids=True) puts each statement's id after its text, for --focus."""
    b = MapBuilder()
    b.support(b.claim("Plant trees.", main=True), b.premise("They cool streets."))
    out = to_outline(b.build(), ids=True)
    assert "Plant trees. `s1`" in out and "They cool streets. `s2`" in out
    assert "`s1`" not in to_outline(b.build())


def test_control_characters_are_replaced_and_said_so():
    """ESC, BEL and NUL in a statement become U+FFFD in the outline, with one warning naming the statement."""
    b = MapBuilder()
    b.claim("red\x1b[31m bell\x07", main=True)
    with pytest.warns(ExportWarning, match=r"outline.control: control characters shown as U\+FFFD \(1: s1\)"):
        out = to_outline(b.build())
    assert "\x1b" not in out and "\x07" not in out and "\ufffd" in out


@given(argument_maps())
def test_every_statement_appears_and_output_is_deterministic(amap):
    """Whatever the structure, every statement is in the outline, and the same map gives the same text."""
    out = to_outline(amap)
    assert out == to_outline(amap)
    for s in amap.statements:
        assert escape_markdown(s.text) in out


def test_outline_exporter_is_registered(registry):
    """The built-in plugin registers the outline exporter, used by `argmap convert -t outline`."""
    assert registry.exporter("outline").export is to_outline
    assert registry.owners[("exporter", "outline")] == "argmap.outline"
