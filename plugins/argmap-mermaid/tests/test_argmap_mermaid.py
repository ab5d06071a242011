"""argmap-mermaid: labels escape any text, the flowchart shows kinds, links and undercuts, output is stable."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
import argmap_mermaid
from argmap import ArgumentMap, Attack, MapBuilder, Support
from argmap.cli import main
from argmap.plugins import load_registry
from argmap.strategies import argument_maps, statement_texts
from argmap.testing import check_exporter
from argmap_mermaid import decode_label, label, to_mermaid, wrap

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]  # the argmap repository, when the plugin is tested in place
SEEDS = sorted((ROOT / "seeds").glob("japan-russia-reset*.json"))
GOLDEN = HERE / "golden"

_NODE = re.compile(r'  (?P<id>[SJ]_\w+)(?:\[(?P<label>".*")\]|\(\(" "\)\))')
_LINK = re.compile(r"  (?P<a>[SJ]_\w+) (?P<arrow>-->|---|-\.-x) (?P<b>[SJ]_\w+)")


def parse(source: str) -> dict:
    """Read the flowchart subset to_mermaid writes; raise AssertionError on any other line."""
    lines = source.split("\n")
    assert lines[-1] == "", "the source ends with a newline"
    lines = lines[:-1]
    out: dict = {"title": None, "nodes": {}, "junctions": [], "links": [], "classes": {}, "styles": {},
                 "link_styles": {}, "class_defs": {}}
    if lines[0] == "---":
        assert lines[2] == "---", lines[:3]
        match = re.fullmatch(r'title: ("[A-Za-z0-9 \\]*")', lines[1])
        assert match, f"title line: {lines[1]!r}"
        out["title"] = json.loads(re.sub(r"\\U([0-9a-f]{8})", lambda m: chr(int(m[1], 16)), match[1]))
        lines = lines[3:]
    assert re.fullmatch(r"flowchart (BT|TB|TD|LR|RL)", lines[0]), lines[0]
    for line in lines[1:]:
        if m := _NODE.fullmatch(line):
            if m["label"] is None:
                out["junctions"].append(m["id"])
            else:
                assert m["id"] not in out["nodes"], f"node {m['id']} twice"
                out["nodes"][m["id"]] = decode_label(m["label"])
        elif m := _LINK.fullmatch(line):
            out["links"].append((m["a"], m["arrow"], m["b"]))
        elif m := re.fullmatch(r"  classDef (\w+) ([\w:#,-]+)", line):
            out["class_defs"][m[1]] = m[2]
        elif m := re.fullmatch(r"  class ([\w,]+) (\w+)", line):
            for node in m[1].split(","):
                assert node not in out["classes"], f"{node} in two classes"
                out["classes"][node] = m[2]
        elif m := re.fullmatch(r"  style (S_\w+) ([\w:#,-]+)", line):
            out["styles"][m[1]] = m[2]
        elif m := re.fullmatch(r"  linkStyle ([\d,]+) ([\w:#,-]+)", line):
            for index in m[1].split(","):
                assert int(index) not in out["link_styles"], f"link {index} styled twice"
                out["link_styles"][int(index)] = m[2]
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return out


def shown(text: str) -> str:
    """What a label should show for a statement's text: its words, wrapped, control characters as U+FFFD."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.ExportWarning)
        return "\n".join(wrap(argmap_mermaid._clean(text, "test")))


def accept(source: str | bytes, amap: ArgumentMap) -> None:
    """The consumer check for argmap.testing: the flowchart says exactly what the map says."""
    assert isinstance(source, str)
    graph = parse(source)
    assert graph["nodes"] == {f"S_{s.id}": shown(s.text) for s in amap.statements}, "one node per statement"
    for s in amap.statements:
        assert graph["classes"][f"S_{s.id}"] == s.kind.value, "the node's class is its kind"
    assert set(graph["styles"]) == {f"S_{s.id}" for s in amap.main_claims}, "main claims emphasised"
    junctions = {rel.id for rel in amap.relations if len(rel.sources) > 1 or amap.relations_to(rel.id)}
    assert graph["junctions"] == [f"J_{rel.id}" for rel in amap.relations if rel.id in junctions]
    expected = []
    for rel in amap.relations:
        arrow = "-->" if isinstance(rel, Support) else "-.-x"
        target = f"J_{rel.target}" if rel.target in junctions or not isinstance(amap.get(rel.target), argmap.Statement) else f"S_{rel.target}"
        if rel.id in junctions:
            expected += [(f"S_{p}", "---", f"J_{rel.id}") for p in rel.sources] + [(f"J_{rel.id}", arrow, target)]
        else:
            expected.append((f"S_{rel.sources[0]}", arrow, target))
    assert graph["links"] == expected, "links follow the relations"
    assert sorted(graph["link_styles"]) == list(range(len(expected))), "every link is styled once"
    if graph["title"] is not None:
        assert graph["title"] == " ".join(shown(amap.document.title or "").split())


# -- labels -------------------------------------------------------------------------------------------


@given(statement_texts(max_size=200))
def test_label_shows_the_text_and_cannot_break_out(text):
    """Any text's label reads back (as Mermaid decodes it) as the text's words, wrapped; no raw
    quote, #, <, >, &, backtick, backslash, % or : is left to be read as syntax."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", argmap.ExportWarning)
        source = label(text)
    body = source[1:-1]
    assert not re.search(r'["&`\\%:\n\r]|<(?!br>)|(?<!<br)>', body)
    assert "#" not in re.sub(r"#\d+;", "", body)
    assert decode_label(source) == shown(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('say "hi"', '"say #34;hi#34;"'),
        ("#quot; is not a quote", '"#35;quot; is not a quote"'),
        ("<b>bold</b> & <br>", '"#60;b#62;bold#60;/b#62; #38; #60;br#62;"'),
        ("`markdown` **x**", '"#96;markdown#96; **x**"'),
        ("a\\nb", '"a#92;nb"'),
        ("50% %%{init: {}}%%", '"50#37; #37;#37;{init#58; {}}#37;#37;"'),
        ("style:#fff;", '"style#58;#35;fff;"'),
        ("ﬂ°°34¶ß", '"#64258;#176;#176;34#182;ß"'),
        ("line one\nline two", '"line one line two"'),
        ("中文 😀", '"中文 😀"'),
    ],
)
def test_label_escapes(text, source):
    """Quotes, entity-like text, HTML, backticks, backslashes, directives, the style rewrite and
    Mermaid's own placeholder characters are written as entity codes; other unicode as is."""
    assert label(text) == source
    assert decode_label(source) == shown(text)


def test_long_text_is_wrapped_at_spaces():
    """A long statement is wrapped into lines of at most 36 characters, joined by <br>."""
    text = "word " * 30
    assert all(len(line) <= 36 for line in decode_label(label(text)).split("\n"))
    assert label(text).count("<br>") == 4


def test_control_characters_are_replaced_with_a_warning():
    """Control characters become U+FFFD and an ExportWarning says so, naming the statement."""
    b = MapBuilder()
    b.claim("bell\x07 and nul\x00", main=True)
    with pytest.warns(argmap.ExportWarning, match=r"2 replaced with U\+FFFD in statement 's1'"):
        source = to_mermaid(b.build())
    assert "bell\ufffd and nul\ufffd" in source


def test_decode_label_refuses_raw_syntax():
    """decode_label rejects a label with a raw quote or #, so the label tests cannot pass by accident."""
    for bad in ['"a"b"', '"a#b"', '"a<b"', '"a:b"', "no quotes"]:
        with pytest.raises(ValueError):
            decode_label(bad)


# -- the flowchart ---------------------------------------------------------------------------------


def core_map() -> ArgumentMap:
    b = MapBuilder(title='A "title" with #1 & more')
    thesis = b.recommendation("Act now.", main=True)
    b.support(thesis, b.premise("Time is short."))
    linked = b.support(thesis, b.premise("It works."), b.premise("It is cheap."))
    b.attack(linked, b.objection("Cheap things fail."))
    objection = b.objection("Acting costs.")
    b.attack(thesis, objection)
    b.attack(objection, b.rebuttal("Waiting costs more."))
    return b.build()


def test_flowchart_of_a_small_map():
    """Kinds get classes, the main claim a thick border, a linked support a junction, an undercut
    points at that junction, support links are solid arrows and attacks dotted crosses."""
    graph = parse(to_mermaid(core_map()))
    assert graph["title"] == 'A "title" with #1 & more'
    assert graph["classes"]["S_s1"] == "recommendation" and graph["styles"] == {"S_s1": "stroke-width:4px"}
    assert graph["junctions"] == ["J_r2"]
    assert graph["links"] == [
        ("S_s2", "-->", "S_s1"),
        ("S_s3", "---", "J_r2"), ("S_s4", "---", "J_r2"), ("J_r2", "-->", "S_s1"),
        ("S_s5", "-.-x", "J_r2"),
        ("S_s6", "-.-x", "S_s1"),
        ("S_s7", "-.-x", "S_s6"),
    ]
    green = argmap_mermaid._SUPPORT_LINK
    red = argmap_mermaid._ATTACK_LINK
    assert [graph["link_styles"][i] for i in range(7)] == [green] * 4 + [red] * 3
    assert set(graph["class_defs"]) == {"recommendation", "premise", "objection", "rebuttal", "junction"}


def test_linked_attack_and_undercut_of_an_attack():
    """Two attackers together meet at a junction, and an attack on that attack points at it."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    a = b.attack(t, b.objection("O1"), b.objection("O2"))
    b.attack(a, b.rebuttal("R"))
    graph = parse(to_mermaid(b.build()))
    assert graph["links"] == [
        ("S_s2", "---", "J_r1"), ("S_s3", "---", "J_r1"), ("J_r1", "-.-x", "S_s1"), ("S_s4", "-.-x", "J_r1"),
    ]


def test_ids_that_are_mermaid_keywords_are_safe():
    """Statement ids such as end, graph or o1 become S_end, ... so Mermaid never reads them as keywords."""
    amap = ArgumentMap(
        [argmap.Statement("end", "A"), argmap.Statement("o1", "B"), argmap.Statement("x", "C")],
        [Support("style", ["o1"], "end"), Attack("click", ["x"], "style")],
    )
    source = to_mermaid(amap)
    # A single premise gets a junction only because something undercuts its support.
    assert "  S_o1 --- J_style\n  J_style --> S_end\n  S_x -.-x J_style\n" in source
    assert not re.search(r"^  (end|o1|x)\b", source, re.M)


def test_empty_map_and_direction():
    """An empty map is a bare flowchart; direction sets the flowchart's direction; a bad one is an ArgmapError."""
    assert to_mermaid(ArgumentMap()) == "flowchart BT\n"
    assert to_mermaid(ArgumentMap(), direction="LR") == "flowchart LR\n"
    with pytest.raises(argmap.ArgmapError, match="unknown Mermaid direction 'up'"):
        to_mermaid(ArgumentMap(), direction="up")


def test_many_links_are_styled_in_chunks():
    """A map with more than 50 supports still styles every link exactly once."""
    b = MapBuilder()
    t = b.claim("T", main=True)
    for i in range(120):
        b.support(t, b.premise(f"P{i}"))
    graph = parse(to_mermaid(b.build()))
    assert sorted(graph["link_styles"]) == list(range(120))


def test_passes_argmap_exporter_checks():
    """Every map the public strategies make exports, deterministically, to a flowchart that says what the map says."""
    check_exporter(argmap_mermaid.EXPORTER, accept=accept)  # each declared direction is tried too


def test_options_reach_the_flowchart_from_the_command_line(tmp_path, capsys):
    """`-O direction=LR -O width=12` on the command line are the exporter's declared options."""
    from argmap.cli import main
    from argmap.plugins import load_registry

    registry = load_registry(entrypoints=False, plugins=[argmap_mermaid])
    core = Path(__file__).resolve().parents[3] / "seeds" / "japan-russia-reset.core.json"
    out = tmp_path / "core.mmd"
    assert main(["convert", str(core), "-o", str(out), "-O", "direction=LR", "-O", "width=12"], registry=registry) == 0
    text = out.read_text(encoding="utf-8")
    assert "flowchart LR" in text.splitlines() and text == to_mermaid(argmap.load(core), direction="LR", width=12)
    assert main(["convert", str(core), "-t", "mermaid", "-O", "direction=up"], registry=registry) == 1
    assert "option 'direction' of exporter 'mermaid': expected one of BT, TB, LR, RL, got 'up'" in capsys.readouterr().err


@given(argument_maps(printable=True))
@settings(max_examples=50)
def test_every_statement_shows_its_text(amap):
    """With printable text, each statement's node shows exactly its words, wrapped."""
    graph = parse(to_mermaid(amap))
    assert graph["nodes"] == {f"S_{s.id}": shown(s.text) for s in amap.statements}


def test_is_registered_with_its_suffixes():
    """The plugin registers the exporter `mermaid` for .mmd and .mermaid files."""
    registry = load_registry(entrypoints=False, plugins=[argmap_mermaid])
    assert registry.exporter("mermaid") is argmap_mermaid.EXPORTER
    assert registry.exporter_for("map.mmd") is argmap_mermaid.EXPORTER
    assert registry.exporter_for("map.mermaid") is argmap_mermaid.EXPORTER


# -- the op-ed --------------------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS, reason="the argmap repository's seeds/ are not here")
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_convert_the_op_ed(seed, capsys, tmp_path):
    """`argmap convert SEED -t mermaid` prints the op-ed's flowchart; it matches the golden file
    (ARGMAP_REWRITE_GOLDEN=1 rewrites it)."""
    registry = load_registry(entrypoints=False, plugins=[argmap_mermaid])
    assert main(["convert", str(seed), "-t", "mermaid"], registry=registry) == 0
    out = capsys.readouterr().out
    amap = argmap.load(seed)
    accept(out, amap)
    golden = GOLDEN / (seed.name.removesuffix(".json") + ".mmd")
    if os.environ.get("ARGMAP_REWRITE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")
    assert main(["convert", str(seed), "-o", str(tmp_path / "map.mmd"), "-t", "mermaid"], registry=registry) == 0
    assert (tmp_path / "map.mmd").read_text(encoding="utf-8") == out


def test_readme_shows_the_real_output():
    """The flowchart in the README is what the plugin writes for the op-ed's core map (the golden file)."""
    readme = (HERE.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```mermaid\n")[1].split("```")[0]
    assert block == (GOLDEN / "japan-russia-reset.core.mmd").read_text(encoding="utf-8")


# -- optional: the real Mermaid parser (npm install mermaid jsdom; ARGMAP_MERMAID_NODE_MODULES) ------

MODULES = os.environ.get("ARGMAP_MERMAID_NODE_MODULES")


def mermaid_js(source: str, tmp_path: Path) -> dict:
    """Parse with Mermaid itself, under node; return the nodes, edges and title it read."""
    path = tmp_path / "map.mmd"
    path.write_text(source, encoding="utf-8")
    done = subprocess.run(["node", str(HERE / "mermaid_labels.mjs"), str(path)], capture_output=True, text=True,
                          env={**os.environ, "ARGMAP_MERMAID_NODE_MODULES": str(MODULES)}, timeout=120)
    result = json.loads(done.stdout or "{}")
    assert done.returncode == 0, result.get("error", done.stderr)
    return result


@pytest.mark.skipif(not (MODULES and shutil.which("node")), reason="needs node and ARGMAP_MERMAID_NODE_MODULES")
@given(st.lists(statement_texts(printable=True, max_size=120), min_size=1, max_size=30))
@settings(max_examples=10, deadline=None)
def test_mermaid_itself_shows_every_text(tmp_path_factory, texts):
    """Mermaid's own parser reads every node and shows every label exactly as our decoder does."""
    b = MapBuilder(title=texts[0])
    ids = [b.claim(text) for text in texts]
    for premise in ids[1:]:
        b.support(ids[0], premise)
    amap = b.build()
    result = mermaid_js(to_mermaid(amap), tmp_path_factory.mktemp("mmd"))
    assert {k: v["text"] for k, v in result["nodes"].items() if k.startswith("S_")} == {
        f"S_{s.id}": shown(s.text) for s in amap.statements
    }
    assert len(result["edges"]) == len(ids) - 1
