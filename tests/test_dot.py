"""The Graphviz DOT exporter: literal text, ids as node names, visible structure, Graphviz accepts it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import argmap
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Document, ExportWarning, MapBuilder, Statement, to_dot
from argmap.diagram import quote
from argmap.text import wrap
from argmap.diagram.render import render_dot
from argmap.strategies import argument_maps

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    "text, expected",
    [
        ('say "hi"', r'"say \"hi\""'),
        ("trailing \\", r'"trailing \\"'),
        ("\\N and \\l", r'"\\N and \\l"'),
        ("<b>x</b>", '"<b>x</b>"'),
        ("a & b &amp;", '"a &amp; b &amp;amp;"'),
        ("é 中文 😀", '"é 中文 😀"'),
    ],
)
def test_quote_escapes_every_dot_and_entity_metacharacter(text, expected):
    """quote() escapes quotes, backslashes and & so that Graphviz shows the text literally."""
    assert quote(text) == expected


def test_quote_replaces_control_characters_and_says_so():
    """NUL and other control characters, which break dot, become U+FFFD with an ExportWarning."""
    with pytest.warns(ExportWarning, match="1 replaced with U\\+FFFD in s9"):
        assert quote("a\x00b", where="s9") == '"a\ufffdb"'


def test_wrap_breaks_at_spaces_and_keeps_long_words():
    """Wrapping joins white space, keeps lines within the width and never cuts a word."""
    assert wrap("one two  three\nfour", 9) == ["one two", "three", "four"]
    assert wrap("a " + "x" * 20 + " b", 5) == ["a", "x" * 20, "b"]


def _core() -> ArgumentMap:
    b = MapBuilder(title="T")
    thesis = b.claim("Thesis", main=True)
    b.support(thesis, b.premise("Simple reason"))  # r1
    b.support(thesis, b.premise("Co-premise A"), b.premise("Co-premise B"))  # r2 linked
    obj = b.objection("Objection")
    b.attack(thesis, obj)  # r3
    b.attack("r1", b.rebuttal("Undercutter"))  # r4
    return b.build()


def test_structure_of_the_dot_source():
    """Nodes are named by ids; a linked support and an undercut support get a junction node named by the
    relation id; supports and attacks are drawn differently."""
    dot = to_dot(_core())
    lines = [line.strip() for line in dot.splitlines()]
    assert lines[0] == "digraph argmap {" and lines[-1] == "}"
    assert any(line.startswith('s1 [label="Thesis"') and "penwidth=3.2" in line for line in lines)
    # linked co-premises are framed together in one cluster
    start = lines.index("subgraph cluster_r2 {")
    end = lines.index("}", start)
    assert [line.split()[0] for line in lines[start + 2:end]] == ["s3", "s4"]
    assert any(line.startswith('"argmap-legend" [shape=plain') for line in lines)
    # linked: both premises go into junction r2 without arrowheads, one arrow leaves it
    assert any(line.startswith("s3 -> r2 [") and "arrowhead=none" in line for line in lines)
    assert any(line.startswith("s4 -> r2 [") for line in lines)
    assert any(line.startswith("r2 -> s1 [") for line in lines)
    # undercut: the attack points at the junction of r1
    assert any(line.startswith("s6 -> r1 [") and "style=dashed" in line for line in lines)
    assert any(line.startswith("s2 -> r1 [") for line in lines) and any(line.startswith("r1 -> s1") for line in lines)
    # a plain attack: dashed with a bar, distinct from the solid support arrow
    attack = next(line for line in lines if line.startswith("s5 -> s1"))
    support = next(line for line in lines if line.startswith("r1 -> s1"))
    assert "style=dashed" in attack and "arrowhead=tee" in attack and "dashed" not in support


def test_node_names_are_ids_never_text():
    """However hostile a statement's text, it appears only inside a quoted label."""
    hostile = 'x"]; evil [image="/etc/passwd"]; s1 -> evil [label="'
    m = ArgumentMap([Statement("s1", hostile)])
    dot = to_dot(m)
    outside_strings = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)
    assert "evil" not in outside_strings and "image" not in outside_strings
    names = re.findall(r"^\s+(\w+) \[", outside_strings, flags=re.M)
    assert [n for n in names if n not in ("graph", "node", "edge")] == ["s1"]


@pytest.mark.filterwarnings("ignore::argmap.errors.ExportWarning")
@given(argument_maps())
def test_dot_is_deterministic(amap):
    """The same map gives the same DOT bytes."""
    assert to_dot(amap) == to_dot(amap)


def _svg_tooltips(svg: bytes) -> dict[str, str]:
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            link = next(g.iter(f"{SVG}a"), None)
            if link is not None:
                out[g.find(f"{SVG}title").text] = link.get("{http://www.w3.org/1999/xlink}title")
    return out


def _svg_texts(svg: bytes) -> dict[str, str]:
    root = ET.fromstring(svg)
    out = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "node":
            title = g.find(f"{SVG}title").text
            out[title] = " ".join("".join(t.itertext()) for t in g.iter(f"{SVG}text"))
    return out


@pytest.mark.graphviz
@given(amap=argument_maps(printable=True, max_statements=6, max_relations=6))
def test_graphviz_accepts_the_dot_and_shows_each_text_as_written(renderer, amap):
    """For any map, Graphviz lays out the DOT, and each statement's node shows exactly its text
    (white space aside), with no image or link smuggled in."""
    svg = render_dot(to_dot(amap), "svg", renderer=renderer)
    texts = _svg_texts(svg)
    tips = _svg_tooltips(svg)
    for s in amap.statements:
        assert texts[s.id] == " ".join(s.text.split())
        quote = " … ".join(amap.document.text[a:b] for a, b in s.spans) if s.spans else s.text
        assert " ".join(tips[s.id].split()) == " ".join(quote.split())
    assert b"<image" not in svg and b"href" not in svg


@pytest.mark.graphviz
def test_graphviz_draws_png_and_reports_bad_source(renderer):
    """A renderer returns PNG bytes, and a DOT syntax error is one RenderError line."""
    from argmap import RenderError

    png = render_dot(to_dot(_core()), "png", renderer=renderer)
    assert png.startswith(b"\x89PNG")
    with pytest.raises(RenderError, match="failed"):
        render_dot("digraph { a -> }", "svg", renderer=renderer)


def test_title_is_quoted_like_any_text():
    """The document title goes through the same quoting as statements."""
    m = ArgumentMap([Statement("s1", "A")], document=Document(title='Say "no" \\'))
    assert 'label="Say \\"no\\" \\\\";' in to_dot(m)


@pytest.mark.graphviz
def test_dot_and_graphviz_pure_agree_node_for_node():
    """Both renderers draw the same nodes with the same text for the op-ed's core map."""
    from .conftest import RENDERERS, ROOT, need_renderers

    need_renderers()
    if len(RENDERERS) < 2:
        pytest.skip("needs both dot and graphviz-pure")
    import argmap

    source = to_dot(argmap.load(ROOT / "seeds" / "japan-russia-reset.core.json"))
    drawn = [_svg_texts(render_dot(source, "svg", renderer=r)) for r in RENDERERS]
    assert drawn[0] == drawn[1] and len(drawn[0]) == 8  # 6 statements, the linked junction, the legend


@given(argument_maps(max_statements=6, max_relations=8), st.sampled_from([{}, {"show_ids": True}, {"legend": False}]))
def test_write_dot_writes_the_text_of_to_dot(amap, options):
    """write_dot streams to a file exactly the text to_dot returns, for the same options."""
    import io

    from argmap.diagram.dot import write_dot

    out = io.StringIO()
    write_dot(amap, out, **options)
    assert out.getvalue() == argmap.to_dot(amap, **options)


def test_write_dot_writes_a_large_map_in_pieces():
    """A map of more lines than one piece reaches the file in several writes whose text is to_dot's."""
    from argmap.diagram import dot

    b = argmap.MapBuilder()
    thesis = b.claim("The thesis.", main=True)
    for i in range(dot._CHUNK):
        b.support(thesis, b.premise(f"Reason {i}."))
    amap = b.build()
    pieces: list[str] = []

    class Sink:
        def write(self, text: str) -> None:
            pieces.append(text)

    dot.write_dot(amap, Sink())  # type: ignore[arg-type]
    assert len(pieces) > 2
    assert "".join(pieces) == argmap.to_dot(amap)
