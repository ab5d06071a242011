"""The command line: extract, render, convert, plugins; one-line failures; whole-or-nothing outputs."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from argmap import ArgumentMap, Document, Statement, Support, dumps, hookimpl, loads
from argmap.cli import main
from argmap.plugins import Extractor, load_registry

from .conftest import ROOT, need_renderers

CORE = ROOT / "seeds" / "japan-russia-reset.core.json"


def _two_sentences(doc: Document) -> ArgumentMap:
    """A tiny extractor: first sentence is the claim, the second supports it."""
    first, _, rest = doc.text.partition(". ")
    a = Statement("s1", first + ".", kind="claim", main=True, spans=[(0, len(first) + 1)])
    start = len(first) + 2
    b = Statement("s2", rest.strip(), kind="premise", spans=[(start, start + len(rest.strip()))])
    return ArgumentMap([a, b], [Support("r1", ["s2"], "s1")], document=doc)


class Tiny:
    @hookimpl
    def argmap_register_extractors(self, register):
        register(Extractor("tiny", _two_sentences))


@pytest.fixture
def reg():
    return load_registry(entrypoints=False, plugins=[Tiny()])


def run(argv, reg, capsys, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(argv, registry=reg)
    out, err = capsys.readouterr()
    return code, out, err


def test_plugins_prints_json_of_plugins_and_registrations(reg, capsys):
    """`argmap plugins` prints JSON naming each plugin and what it registered."""
    code, out, _ = run(["plugins", "--json"], reg, capsys)
    data = json.loads(out)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert code == 0
    assert by_name["argmap.diagram"]["exporters"] == ["dot", "svg", "png", "pdf"]
    assert by_name["argmap.json"]["importers"] == ["json"]
    assert any(p["extractors"] == ["tiny"] for p in data["plugins"])


def test_convert_to_dot_prints_the_dot_exporter_output(reg, capsys):
    """`argmap convert map.json -t dot` prints what the dot exporter makes of the map."""
    code, out, err = run(["convert", str(CORE), "-t", "dot"], reg, capsys)
    assert (code, err) == (0, "")
    assert out == reg.exporter("dot").export(loads(CORE.read_text(encoding="utf-8")))


def test_convert_writes_a_file_and_json_round_trips(reg, capsys, tmp_path):
    """`-o` writes the output file; converting JSON to JSON keeps the map."""
    out_file = tmp_path / "copy.json"
    code, out, _ = run(["convert", str(CORE), "-t", "json", "-o", str(out_file)], reg, capsys)
    assert code == 0 and out == ""
    assert out_file.read_text(encoding="utf-8") == CORE.read_text(encoding="utf-8")


def test_extract_prints_a_valid_map_from_prose(reg, capsys, tmp_path):
    """`argmap extract` runs the extractor on the text file and prints its map as argmap JSON."""
    text = tmp_path / "essay.txt"
    text.write_text("We should walk more. Walking is healthy.", encoding="utf-8")
    code, out, _ = run(["extract", str(text), "-e", "tiny"], reg, capsys)
    amap = loads(out)
    assert code == 0
    assert [s.text for s in amap.statements] == ["We should walk more.", "Walking is healthy."]
    assert amap.document.source == str(text)


def test_extract_and_convert_read_standard_input(reg, capsys, monkeypatch):
    """INPUT `-` reads standard input: prose for extract, a map (sniffed as JSON) for convert."""
    code, out, _ = run(["extract", "-"], reg, capsys, stdin="A is true. B shows it.", monkeypatch=monkeypatch)
    assert code == 0 and loads(out).statement("s2").text == "B shows it."
    code, out, _ = run(["convert", "-", "-t", "dot"], reg, capsys, stdin=CORE.read_text("utf-8"), monkeypatch=monkeypatch)
    assert code == 0 and out.startswith("digraph argmap {")


@pytest.mark.graphviz
@pytest.mark.parametrize("name, magic", [("map.svg", b"<?xml"), ("map.png", b"\x89PNG")])
def test_render_writes_the_format_of_the_output_suffix(reg, capsys, tmp_path, name, magic):
    """`argmap render map.json -o map.svg` (or .png) draws the map in the suffix's format."""
    need_renderers()
    out_file = tmp_path / name
    code, _, err = run(["render", str(CORE), "-o", str(out_file)], reg, capsys)
    assert (code, err) == (0, "")
    assert out_file.read_bytes().startswith(magic)


@pytest.mark.graphviz
def test_render_draws_prose_through_the_extractor(reg, capsys, tmp_path):
    """Rendering a text file extracts its map first and draws the statements."""
    need_renderers()
    text = tmp_path / "essay.txt"
    text.write_text("We should walk more. Walking is healthy.", encoding="utf-8")
    code, _, _ = run(["render", str(text), "-o", str(tmp_path / "e.svg")], reg, capsys)
    assert code == 0 and "Walking is healthy." in (tmp_path / "e.svg").read_text(encoding="utf-8")


def test_render_to_dot_needs_no_graphviz(reg, capsys, tmp_path, monkeypatch):
    """`-f dot` writes DOT source without looking for Graphviz."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [])
    code, _, _ = run(["render", str(CORE), "-f", "dot", "-o", str(tmp_path / "m.dot")], reg, capsys)
    assert code == 0 and (tmp_path / "m.dot").read_text(encoding="utf-8").startswith("digraph")


def _write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


GOOD_MAP = dumps(ArgumentMap([Statement("s1", "A", main=True), Statement("s2", "B")], [Support("r1", ["s2"], "s1")]))


@pytest.mark.parametrize(
    "case, argv, message",
    [
        ("missing file", ["convert", "{tmp}/nope.json", "-t", "dot"], r"nope\.json: no such file"),
        ("directory", ["convert", "{tmp}", "-t", "dot"], r"is a directory, not a file"),
        ("empty file", ["extract", "{tmp}/empty.txt"], r"empty\.txt: empty input"),
        ("binary file", ["extract", "{tmp}/blob.txt"], r"blob\.txt: binary data"),
        ("not utf-8", ["extract", "{tmp}/latin.txt"], r"latin\.txt: not utf-8 text"),
        ("invalid json", ["convert", "{tmp}/broken.json", "-t", "dot"], r"broken\.json: line 1 column 2: invalid JSON"),
        ("dangling reference", ["convert", "{tmp}/dangling.json", "-t", "dot"],
         r"dangling\.json: relations\[0\]\.to: unknown id 's9'"),
        ("unknown kind", ["convert", "{tmp}/kind.json", "-t", "dot"], r"kind\.json: statements\[1\]\.kind: unknown kind 'clam'"),
        ("unknown output format", ["convert", "{tmp}/good.json", "-t", "nope"], r"unknown exporter 'nope' \(installed: .*dot, .*json"),
        ("unknown input format", ["convert", "{tmp}/good.foo", "-t", "dot"], r"good\.foo: unknown map format '\.foo'"),
        ("forced unknown importer", ["convert", "{tmp}/good.json", "--from", "nope", "-t", "dot"], r"unknown importer 'nope'"),
        ("prose to convert", ["convert", "{tmp}/essay.txt", "-t", "dot"], r"convert reads map files"),
        ("map to extract", ["extract", "{tmp}/good.json"], r"good\.json: is a map file; extract reads prose"),
        ("unknown extractor", ["extract", "{tmp}/essay.txt", "-e", "llm"], r"unknown extractor 'llm' \(installed: (.*, )?tiny"),
        ("missing output dir", ["convert", "{tmp}/good.json", "-t", "dot", "-o", "{tmp}/no/dir/x.dot"], r"no such directory"),
    ],
)
def test_failures_print_one_line_and_exit_non_zero(reg, capsys, tmp_path, case, argv, message):
    """Every user error gives one line on stderr naming what and where, status 1, and writes no output."""
    _write(tmp_path, "empty.txt", "  \n")
    _write(tmp_path, "blob.txt", b"\x89PNG\x00\x00")
    _write(tmp_path, "latin.txt", "caf\xe9".encode("latin-1"))
    _write(tmp_path, "essay.txt", "We should walk. It helps.")
    _write(tmp_path, "broken.json", "{")
    _write(tmp_path, "good.json", GOOD_MAP)
    _write(tmp_path, "good.foo", GOOD_MAP)
    _write(tmp_path, "dangling.json", GOOD_MAP.replace('"to": "s1"', '"to": "s9"'))
    _write(tmp_path, "kind.json", GOOD_MAP.replace('"kind": "claim", "main": false', '"kind": "clam", "main": false'))
    before = sorted(p.name for p in tmp_path.rglob("*"))
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    code, out, err = run(argv, reg, capsys)
    assert code == 1, case
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("argmap: error: "), err
    assert __import__("re").search(message, lines[0]), lines[0]
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written, no temp files left


def test_no_renderer_is_one_line_and_leaves_the_old_output(reg, capsys, tmp_path, monkeypatch):
    """Without Graphviz, render fails in one line that says what to install, and an existing output stays intact."""
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [])
    old = _write(tmp_path, "map.svg", "old picture")
    code, _, err = run(["render", str(CORE), "-o", str(old)], reg, capsys)
    assert code == 1
    assert err.startswith("argmap: error: no Graphviz renderer found: install Graphviz") and err.count("\n") == 1
    assert old.read_text() == "old picture"


def test_render_requires_an_output(reg, capsys):
    """A malformed command is a usage error with status 2."""
    with pytest.raises(SystemExit) as info:
        main(["render", str(CORE)], registry=reg)
    assert info.value.code == 2
    assert "the following arguments are required: -o/--output" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_cli_without_tracebacks(tmp_path):
    """`python -m argmap` works, and a user error there is one line with no traceback."""
    ok = subprocess.run([sys.executable, "-m", "argmap", "convert", str(CORE), "-t", "json"],
                        capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and loads(ok.stdout) == loads(CORE.read_text(encoding="utf-8"))
    bad = subprocess.run([sys.executable, "-m", "argmap", "convert", str(tmp_path / "x.json"), "-t", "dot"],
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert bad.stderr == f"argmap: error: {tmp_path / 'x.json'}: no such file\n"


def test_render_passes_diagram_options(reg, capsys, tmp_path):
    """render's diagram options reach the DOT writer (direction, theme, kinds, legend)."""
    out = tmp_path / "m.dot"
    code, _, err = run(["render", str(CORE), "-o", str(out), "--direction", "left", "--theme", "print",
                        "--kinds", "recommendation,objection", "--no-legend"], reg, capsys)
    dot = out.read_text(encoding="utf-8")
    assert (code, err) == (0, "")
    assert "rankdir=RL" in dot and '"argmap-legend"' not in dot and "s2 [" not in dot and "s5 [" in dot


def test_render_option_errors_are_one_line(reg, capsys, tmp_path):
    """A focus on a missing id is one line naming the option."""
    code, _, err = run(["render", str(CORE), "-o", str(tmp_path / "m.dot"), "--focus", "s99"], reg, capsys)
    assert code == 1 and err == "argmap: error: focus: unknown id 's99'\n"


def test_convert_picks_the_exporter_from_the_output_suffix(reg, capsys, tmp_path):
    """Without -t, convert uses the exporter whose suffix the output file has; with neither, one line says so."""
    code, _, _ = run(["convert", str(CORE), "-o", str(tmp_path / "m.gv")], reg, capsys)
    assert code == 0 and (tmp_path / "m.gv").read_text(encoding="utf-8").startswith("digraph argmap {")
    code, _, _ = run(["convert", str(CORE), "-o", str(tmp_path / "notes.md")], reg, capsys)
    assert code == 0 and (tmp_path / "notes.md").read_text(encoding="utf-8").startswith("# Japan sees")
    code, out, err = run(["convert", str(CORE)], reg, capsys)
    assert code == 1 and out == "" and err.startswith("argmap: error: cannot tell the output format; give the format with -t FORMAT (")
