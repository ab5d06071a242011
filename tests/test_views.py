"""Diagram options and views: direction, themes, kinds, depth, focus, paragraphs, legend, Jupyter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given

import argmap
from argmap import ArgmapError, Document, MapBuilder, OptionError, Provenance, ValidationError, to_dot
from argmap.diagram import THEMES, DiagramOptions, quote, select
from argmap.strategies import argument_maps

from .conftest import ROOT, need_renderers


def sample() -> argmap.ArgumentMap:
    doc = Document("We must act. Costs rise.\n\nSome say it is too late. It is not.\n\nAct now.")
    b = MapBuilder(doc, locate=True)
    thesis = b.recommendation("We must act.", main=True)
    r1 = b.support(thesis, b.premise("Costs rise."))
    late = b.objection("Some say it is too late.")
    b.attack(thesis, late)
    b.attack(late, b.rebuttal("It is not."))
    b.support(thesis, b.recommendation("Act now."))
    assert r1 == "r1"
    return b.build()


def node_ids(dot: str) -> list[str]:
    outside = re.sub(r'"(?:[^"\\]|\\.)*"', '""', dot)
    return [n for n in re.findall(r"^\s+(\w+) \[label", outside, flags=re.M)]


@pytest.mark.parametrize("direction, rankdir", [("top", "BT"), ("bottom", "TB"), ("left", "RL"), ("right", "LR")])
def test_direction_sets_where_the_thesis_sits(direction, rankdir):
    """direction names where the thesis goes; edges run from reasons to claims."""
    assert f"rankdir={rankdir}," in to_dot(sample(), direction=direction)


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_each_theme_styles_every_kind_and_keeps_line_styles(theme):
    """Every theme gives each kind its own fill and border, and support and attack differ in line style."""
    t = THEMES[theme]
    assert len({(s.fill, s.border, s.style) for s in t.kinds.values()}) == 5
    dot = to_dot(sample(), theme=theme)
    assert 'style=solid, arrowhead=normal' in dot and 'style=dashed, arrowhead=tee' in dot
    assert f'fillcolor="{t.kinds[argmap.Kind.PREMISE].fill}"' in dot


def test_print_theme_is_greyscale():
    """The print theme uses only greys, so it prints the same on any printer."""
    colours = re.findall(r"#([0-9a-f]{6})", to_dot(sample(), theme="print"))
    assert colours and all(c[0:2] == c[2:4] == c[4:6] for c in colours)


def test_kinds_depth_and_focus_select_part_of_the_map():
    """kinds keeps only those kinds; depth counts steps from the thesis; focus keeps what hangs from one item."""
    m = sample()
    assert node_ids(to_dot(m, kinds="recommendation,premise")) == ["s1", "s2", "s5"]
    assert [s.id for s in select(m, DiagramOptions(depth=1)).statements] == ["s1", "s2", "s3", "s5"]
    assert [s.id for s in select(m, DiagramOptions(depth=0)).statements] == ["s1"]
    assert [s.id for s in select(m, DiagramOptions(focus="s3")).statements] == ["s3", "s4"]


def test_hiding_a_co_premise_keeps_the_rest_of_the_reason():
    """A linked support whose co-premise is hidden keeps its other premise; one with none left goes."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    b.support(t, b.premise("P"), b.objection("Q"))
    view = select(b.build(), DiagramOptions(kinds=["claim", "premise"]))
    assert [(r.premises, r.conclusion) for r in view.supports] == [(("s2",), "s1")]
    view = select(b.build(), DiagramOptions(kinds=["claim"]))
    assert view.relations == ()


def test_group_paragraphs_frames_each_source_paragraph():
    """With group_paragraphs, each paragraph of the source is a labelled frame holding its statements."""
    dot = to_dot(sample(), group_paragraphs=True)
    frames = re.findall(r"subgraph cluster_p(\d+) \{\n    graph \[label=\"¶ \d+\"[^\n]*\n((?:    s\d+ [^\n]*\n)+)", dot)
    assert [(n, re.findall(r"    (s\d+) \[", body)) for n, body in frames] == [
        ("1", ["s1", "s2"]), ("2", ["s3", "s4"]), ("3", ["s5"])]


def test_legend_lists_only_what_is_shown():
    """The legend names the kinds present, the main claim and relation styles; legend=False leaves it out."""
    dot = to_dot(sample())
    legend = next(line for line in dot.splitlines() if line.strip().startswith('"argmap-legend"'))
    for word in ("recommendation", "premise", "objection", "rebuttal", "main claim", "supports", "attacks"):
        assert word in legend
    assert ">claim<" not in legend
    assert '"argmap-legend"' not in to_dot(sample(), legend=False)


def test_confidence_shows_as_line_weight():
    """Relations and statements that carry a confidence get a line weight from it, and the legend says so."""
    b = MapBuilder(provenance=Provenance("test", 0.2))
    t = b.claim("T", main=True)
    b.support(t, b.premise("P"), provenance=Provenance("test", 1.0))
    dot = to_dot(b.build())
    assert "s2 -> s1 [" in dot and "penwidth=3.0" in dot.split("s2 -> s1 [")[1].split("\n")[0]
    assert "penwidth=1.0" in next(line for line in dot.splitlines() if line.strip().startswith("s2 ["))
    assert "line weight: confidence" in dot


def test_long_text_is_cut_in_the_label_but_whole_in_the_tooltip():
    """A very long statement shows max_lines lines ending in '…', and its whole text in the tooltip."""
    words = " ".join(f"word{i}" for i in range(400))
    m = argmap.ArgumentMap([argmap.Statement("s1", words)])
    line = next(x for x in to_dot(m).splitlines() if x.strip().startswith("s1 ["))
    label = re.search(r'label="([^"]*)"', line).group(1)
    assert label.count("\\n") == 13 and label.endswith(" …")
    assert f'tooltip="{words}"' in line


def test_bad_options_are_one_line_errors():
    """Unknown themes, directions or kinds, and bad numbers, are ValidationErrors naming DiagramOptions.field."""
    with pytest.raises(ValidationError, match=r"^DiagramOptions\.theme: expected one of default, print, colorblind, got 'neon'"):
        DiagramOptions(theme="neon")
    with pytest.raises(ValidationError, match=r"^DiagramOptions\.direction: expected one of top, .*, got 'up'"):
        to_dot(sample(), direction="up")
    with pytest.raises(ValidationError, match=r"^DiagramOptions\.kinds: unknown kind 'fact'"):
        DiagramOptions(kinds="claim,fact")
    with pytest.raises(ValidationError, match=r"^DiagramOptions\.depth: expected a whole number >= 0"):
        DiagramOptions(depth=-2)
    with pytest.raises(ArgmapError, match=r"^focus: unknown id 's99'"):
        to_dot(sample(), focus="s99")
    with pytest.raises(OptionError, match="unknown diagram option"):
        to_dot(sample(), colour="red")


@given(argument_maps())
def test_views_of_any_map_are_valid_maps(amap):
    """Any combination of view options on any map yields a valid map (select re-validates)."""
    first = amap.statements[0].id
    for options in (DiagramOptions(depth=1), DiagramOptions(kinds=["claim", "objection"]),
                    DiagramOptions(focus=first, depth=2)):
        view = select(amap, options)
        assert set(s.id for s in view.statements) <= set(s.id for s in amap.statements)


def test_tooltip_quoting():
    """Tooltips escape backslashes fourfold (Graphviz reads them twice), quotes, & and newlines."""
    assert quote('a\\N "b" & c\nd', tooltip=True) == '"a\\\\\\\\N \\"b\\" &amp; c&#10;d"'


def test_map_shows_itself_in_jupyter():
    """A map's repr is one line, and Jupyter gets its diagram as SVG when Graphviz is there."""
    need_renderers()
    m = argmap.load(ROOT / "seeds" / "japan-russia-reset.core.json")
    assert repr(m) == "<ArgumentMap: 6 statements, 4 relations, title='Japan sees an opportunity for a reset with Russia'>"
    bundle = m._repr_mimebundle_()
    assert bundle["text/plain"] == repr(m)
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml") and "Tokyo" in bundle["image/svg+xml"]


def test_jupyter_without_graphviz_falls_back_to_text(monkeypatch, tmp_path):
    """Without any renderer the map still displays, as its one-line summary."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [])
    m = sample()
    assert m._repr_svg_() is None
    assert m._repr_mimebundle_() == {"text/plain": repr(m)}


def test_many_reasons_are_staggered_over_rows():
    """A claim with many reasons gets its arrows spread over `stagger` rows (minlen 1, 2, 3, 1, ...)."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    for i in range(9):
        b.support(t, b.premise(f"P{i}"))
    dot = to_dot(b.build())
    minlens = [int(m.group(1)) if m else 1 for m in
               (re.search(r"minlen=(\d)", line) for line in dot.splitlines() if " -> s1 [" in line)]
    assert minlens == [1, 2, 3] * 3
    assert "minlen" not in to_dot(b.build(), stagger=1)


def test_show_ids_puts_each_id_above_its_text():
    """show_ids draws each statement's id (what focus takes) as the first line of its box; off by default."""
    amap = sample()
    dot = to_dot(amap, show_ids=True)
    for st in amap.statements:
        line = next(x for x in dot.splitlines() if x.strip().startswith(f"{st.id} ["))
        assert f'label="[{st.id}]\\n' in line
    assert "[s1]" not in to_dot(amap)


def test_status_marks_each_statement_with_its_label_and_explains_it_in_the_legend():
    """status="grounded" puts [IN]/[OUT]/[UNDEC] above each text (words: readable in greyscale), a double
    border on accepted statements and grey text on rejected ones, and a legend of the marks used."""
    import argmap
    from argmap.analysis import labels

    amap = argmap.load(ROOT / "seeds" / "japan-russia-reset.core.json")
    expected = labels(amap, "grounded")
    dot = to_dot(amap, status="grounded")
    for sid, state in expected.items():
        line = next(x for x in dot.splitlines() if x.strip().startswith(f"{sid} ["))
        assert f'label="[{state.upper()}]\\n' in line
        assert ("peripheries=2" in line) == (state == "in")
    assert "grounded semantics:" in dot and "[OUT] rejected" in dot
    assert "[IN]" not in to_dot(amap)
    with pytest.raises(ValidationError, match="DiagramOptions.status"):
        to_dot(amap, status="naive")


def test_status_stable_on_a_map_with_no_stable_labelling_warns_and_draws_no_marks():
    """An odd cycle of attacks has no stable labelling: the diagram is still drawn, without marks, and says why."""
    b = MapBuilder()
    x, y, z = b.claim("X."), b.claim("Y."), b.claim("Z.")
    b.attack(x, y), b.attack(y, z), b.attack(z, x)
    with pytest.warns(argmap.ExportWarning, match="no stable status is drawn"):
        dot = to_dot(b.build(), status="stable")
    assert "[IN]" not in dot and "[UNDEC]" not in dot


def test_vertical_tab_and_separators_are_not_text_for_svg():
    """Characters str.isspace() accepts but XML cannot carry (\\x0b, \\x0c, \\x1c-\\x1f) are replaced too."""
    from argmap.text import has_unsafe, replace_unsafe

    assert has_unsafe("a\x0bb\x0cc\x1fd") == 3 and replace_unsafe("a\x0bb") == "a\ufffdb"
    assert has_unsafe("tab\tnew\nline\r") == 0
