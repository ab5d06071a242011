"""Hostile and faulty input: every class of failure a battery of bad inputs found is one clear line (status 1)
from the command line and a typed exception from the library — never a traceback, a hang, a half-written or
wrongly replaced file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import FormatError, InputError, MapBuilder
from argmap.cli import main

from .conftest import ROOT

CORE = ROOT / "seeds" / "japan-russia-reset.core.json"
ARGMAP = [sys.executable, "-m", "argmap"]


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> bool:
    return err.startswith("argmap: error: ") and err.count("\n") == 1 and "Traceback" not in err


# -- JSON that Python's reader chokes on, or that could not be written back --------------------------

_MAP_HEAD = '{"format": "argmap/1", "document": {"text": ""}, "statements": [], "relations": [], "metadata": '

HOSTILE_JSON = {
    "nested 100k deep": "[" * 100_000 + "]" * 100_000,
    "nested metadata": _MAP_HEAD + '{"x": ' + "[" * 50_000 + "]" * 50_000 + "}}",
    "5,000-digit integer": _MAP_HEAD + '{"x": ' + "7" * 5000 + "}}",
    "NaN": _MAP_HEAD + '{"x": NaN}}',
    "Infinity": _MAP_HEAD + '{"x": -Infinity}}',
    "a float out of range": _MAP_HEAD + '{"x": 1e400}}',
    "a lone surrogate": '{"format": "argmap/1", "document": {"text": ""}, "statements": '
                        '[{"id": "s1", "text": "a\\ud800b", "kind": "claim"}], "relations": []}',
}


@pytest.mark.parametrize("text", HOSTILE_JSON.values(), ids=HOSTILE_JSON.keys())
def test_hostile_json_is_a_format_error_in_the_library(text):
    """argmap.loads refuses JSON it cannot read, or could not write back losslessly, with one FormatError line."""
    with pytest.raises(FormatError) as info:
        argmap.loads(text)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text", HOSTILE_JSON.values(), ids=HOSTILE_JSON.keys())
def test_hostile_json_is_one_line_from_the_command_line(text, tmp_path, capsys):
    """The same files given to `convert` give one error line and status 1, and nothing is written."""
    src = tmp_path / "bad.json"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.md"
    code, _, err = run(["convert", str(src), "-o", str(out)], capsys)
    assert code == 1 and one_line_error(err) and not out.exists()


def test_paired_surrogate_escapes_are_fine():
    """An escaped emoji (a surrogate pair) is ordinary text."""
    amap = argmap.loads('{"format": "argmap/1", "statements": [{"id": "s1", "text": "\\ud83d\\ude00", '
                        '"kind": "claim"}], "relations": []}')
    assert amap.statements[0].text == "\U0001f600"


def test_dumps_of_metadata_nested_5000_deep_is_a_format_error():
    """Metadata too deep for JSON's writer is the documented FormatError, not RecursionError."""
    deep: dict = {}
    cursor = deep
    for _ in range(5000):
        cursor["a"] = {}
        cursor = cursor["a"]
    b = MapBuilder()
    b.claim("x")
    with pytest.raises(FormatError, match="nested too deeply"):
        argmap.dumps(b.build().evolve(metadata=deep))


# -- endless and oversized input ---------------------------------------------------------------------


def test_an_endless_input_is_refused_at_the_size_limit(capsys):
    """/dev/zero is read only up to the limit, then refused with one line naming the option that raises it."""
    code, _, err = run(["extract", "/dev/zero", "--max-input", "1M"], capsys)
    assert code == 1 and one_line_error(err) and "larger than 1,048,576 bytes" in err and "--max-input" in err


def test_the_size_limit_applies_to_standard_input_and_can_be_raised(tmp_path):
    """A pipe larger than ARGMAP_MAX_INPUT is refused; a larger limit lets the same input through."""
    text = CORE.read_bytes()
    env = {**os.environ, "ARGMAP_MAX_INPUT": "1K"}
    proc = subprocess.run([*ARGMAP, "convert", "-", "-t", "outline"], input=text, capture_output=True, env=env)
    assert proc.returncode == 1 and b"larger than 1,024 bytes" in proc.stderr
    env["ARGMAP_MAX_INPUT"] = "10M"
    proc = subprocess.run([*ARGMAP, "convert", "-", "-t", "outline"], input=text, capture_output=True, env=env)
    assert proc.returncode == 0 and proc.stdout.startswith(b"# Japan")


def test_a_bad_size_is_a_usage_error(capsys):
    """--max-input lots is refused by the parser."""
    with pytest.raises(SystemExit) as info:
        main(["extract", str(CORE), "--max-input", "lots"])
    assert info.value.code == 2 and "expected a size such as 64M" in capsys.readouterr().err


# -- outputs: honour the target ------------------------------------------------------------------------


def test_a_read_only_output_is_refused_and_left_alone(tmp_path, capsys):
    """A 0444 file given as -o is not replaced."""
    out = tmp_path / "map.md"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    code, _, err = run(["convert", str(CORE), "-o", str(out)], capsys)
    assert code == 1 and "is read-only; not replaced" in err
    assert out.read_text(encoding="utf-8") == "keep me" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_replaced_file_keeps_its_mode(tmp_path, capsys):
    """A private (0600) output stays private after it is rewritten."""
    out = tmp_path / "map.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o600)
    assert run(["convert", str(CORE), "-o", str(out)], capsys)[0] == 0
    assert out.read_text(encoding="utf-8").startswith("# Japan") and stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_named_pipe_is_written_into_not_replaced(tmp_path):
    """-o FIFO streams into the pipe; the pipe is still a pipe afterwards."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    proc = subprocess.run([*ARGMAP, "convert", str(CORE), "-t", "outline", "-o", str(fifo)], capture_output=True)
    out, _ = reader.communicate(timeout=60)
    assert proc.returncode == 0 and out.startswith(b"# Japan") and stat.S_ISFIFO(fifo.stat().st_mode)


def test_dev_null_stays_a_device(capsys):
    """-o /dev/null writes into the device (as root too) and leaves it a character device."""
    assert run(["convert", str(CORE), "-t", "outline", "-o", "/dev/null"], capsys)[0] == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_trailing_slash_means_a_folder(tmp_path, capsys):
    """-o out/ where out/ does not exist is an error, not a file named `out`."""
    code, _, err = run(["convert", str(CORE), "-t", "outline", "-o", str(tmp_path / "out") + "/"], capsys)
    assert code == 1 and "ends in a slash" in err and not (tmp_path / "out").exists()


def test_a_reader_that_closes_early_ends_the_command_quietly_and_non_zero(tmp_path):
    """`argmap convert ... | head -1`: argmap exits non-zero with nothing on stderr."""
    big = tmp_path / "big.json"
    b = MapBuilder()
    for i in range(3000):
        b.claim(f"Statement number {i} says something long enough to fill the pipe quickly.")
    argmap.dump(b.build(), big)
    proc = subprocess.run(f"{sys.executable} -m argmap convert {big} -t dot | {sys.executable} -c 'import os, sys; sys.stdout.buffer.write(os.read(0, 10))'; "
                          "exit ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True)
    assert proc.returncode != 0 and proc.stderr == b"" and len(proc.stdout) == 10


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00/"), min_size=1,
               max_size=12))
def test_file_names_never_split_the_error_line(name):
    """Whatever a missing input file is called (newlines, escapes, quotes), the error is one line."""
    code = main(["convert", f"/nonexistent-dir/{name}", "-t", "json"])
    assert code == 1


def test_a_newline_in_a_file_name_is_quoted(tmp_path, capsys):
    """A file name with a newline appears quoted in the one error line."""
    code, _, err = run(["convert", str(tmp_path / "a\nb.json"), "-t", "json"], capsys)
    assert code == 1 and one_line_error(err) and "a\\nb.json" in err


def test_a_slow_reader_gets_all_of_the_output_with_unbuffered_python(tmp_path):
    """With PYTHONUNBUFFERED (standard output is then a raw file that may take part of a write), a large
    output into a pipe whose reader is slow still arrives whole."""
    b = MapBuilder()
    for i in range(3000):
        b.claim(f"Statement number {i} says something long enough to fill the pipe quickly.")
    big = tmp_path / "big.json"
    argmap.dump(b.build(), big)
    expected = len(argmap.to_dot(argmap.load(big)).encode("utf-8"))
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.run(f"{sys.executable} -m argmap convert {big} -t dot | (sleep 0.3; wc -c)", shell=True,
                          capture_output=True, env=env)
    assert int(proc.stdout) == expected


# -- diagrams ------------------------------------------------------------------------------------------


def test_a_statement_called_legend_is_not_drawn_over():
    """No statement id collides with a diagram-internal name: `legend` is an ordinary node."""
    b = MapBuilder()
    b.support(b.claim("The thesis.", main=True, id="legend"), b.premise("A reason.", id="cluster_r1"))
    dot = argmap.to_dot(b.build())
    assert "  legend [label=" in dot and '"argmap-legend" [shape=plain' in dot


@pytest.mark.graphviz
def test_a_huge_statement_is_drawn_shortened_and_said_so(renderer):
    """A 20 KB statement (one giant word, or prose) is laid out by both renderers: the box and the tooltip are
    shortened to what Graphviz can read, with a warning each; the map keeps the whole text."""
    from argmap.diagram import render_dot, to_dot

    word = "x" * 20_000
    prose = " ".join(["word"] * 5000)
    b = MapBuilder()
    b.support(b.claim(word, main=True), b.premise(prose))
    with pytest.warns(argmap.ExportWarning) as caught:
        dot = to_dot(b.build(), max_lines=None)
    messages = " ".join(str(w.message) for w in caught)
    assert "shows its text shortened" in messages and "tooltip of s1 shows the first" in messages
    assert "x" * 15_000 in dot and word not in dot
    svg = render_dot(dot, "svg", renderer=renderer)
    assert svg.startswith(b"<?xml") or svg.startswith(b"<svg")


def test_absurd_depth_and_width_are_bounded(capsys, tmp_path):
    """--depth 10**11 finishes at once; --width 99999999999 is one error line."""
    out = tmp_path / "m.dot"
    assert run(["render", str(CORE), "-o", str(out), "--depth", "100000000000"], capsys)[0] == 0
    code, _, err = run(["render", str(CORE), "-o", str(out), "--width", "99999999999"], capsys)
    assert code == 1 and one_line_error(err) and "from 1 to 1000" in err


# -- plugins: a broken plugin never breaks the rest -----------------------------------------------------


from argmap import ArgumentMap, Document, Exporter, Extractor, Importer, PluginError, Statement, hookimpl  # noqa: E402
from argmap.plugins import load_registry  # noqa: E402


def _doc_map(doc: Document) -> ArgumentMap:
    return ArgumentMap([Statement("s1", doc.text.strip())], document=doc)


class Broken:
    """A plugin whose every component misbehaves in its own way."""

    @hookimpl
    def argmap_register_extractors(self, register):
        register(Extractor("none", lambda doc: None))
        register(Extractor("dict", lambda doc: {"statements": []}))
        register(Extractor("raises", lambda doc: 1 / 0))
        register(Extractor("other-doc", lambda doc: _doc_map(Document(text="another text"))))

    @hookimpl
    def argmap_register_exporters(self, register):
        register(Exporter("int", lambda amap: 42))
        register(Exporter("boom", lambda amap: [][1]))

    @hookimpl
    def argmap_register_importers(self, register):
        register(Importer("stringy", lambda text: "a string", suffixes=(".stringy",)))


BROKEN_CASES = {
    "extractor returns None": (["extract", "{text}", "-e", "none"], "extractor 'none' returned NoneType, expected an ArgumentMap"),
    "extractor returns a dict": (["extract", "{text}", "-e", "dict"], "extractor 'dict' returned dict, expected an ArgumentMap"),
    "extractor raises": (["extract", "{text}", "-e", "raises"], "extractor 'raises' failed: ZeroDivisionError: division by zero"),
    "extractor maps another document": (["extract", "{text}", "-e", "other-doc"],
                                        "extractor 'other-doc' returned a map of another document (its text differs)"),
    "exporter returns an int": (["convert", str(CORE), "-t", "int"], "exporter 'int' returned int, expected str"),
    "exporter raises": (["convert", str(CORE), "-t", "boom"], "exporter 'boom' failed: IndexError: list index out of range"),
    "importer returns a string": (["convert", "{tmp}/m.stringy", "-t", "json"],
                                  "importer 'stringy' returned str, expected an ArgumentMap"),
}


@pytest.mark.parametrize("argv, message", BROKEN_CASES.values(), ids=BROKEN_CASES.keys())
def test_a_misbehaving_plugin_is_one_line_naming_it(argv, message, tmp_path, capsys):
    """Whatever a plugin's component returns or raises, the user sees one line naming the component."""
    (tmp_path / "t.txt").write_text("Trees cool streets.", encoding="utf-8")
    (tmp_path / "m.stringy").write_text("anything", encoding="utf-8")
    registry = load_registry(entrypoints=False, plugins=[Broken()])
    argv = [a.replace("{text}", str(tmp_path / "t.txt")).replace("{tmp}", str(tmp_path)) for a in argv]
    code = main([*argv, "-o", str(tmp_path / "out")], registry=registry)
    err = capsys.readouterr().err
    assert (code, err) == (1, f"argmap: error: {message}\n") and not (tmp_path / "out").exists()


def test_a_name_clash_breaks_only_that_name(capsys, tmp_path):
    """Two plugins registering `dot`: `argmap plugins` lists the clash, `-t dot` names both plugins, and the
    other formats still work."""

    class FancyDot:
        @hookimpl
        def argmap_register_exporters(self, register):
            register(Exporter("dot", lambda amap: "digraph {}\n"))

    registry = load_registry(entrypoints=False, plugins=[FancyDot()])
    assert main(["plugins"], registry=registry) == 0
    assert "exporter 'dot' is registered by plugins 'argmap.diagram' and 'FancyDot'" in capsys.readouterr().out
    assert main(["convert", str(CORE), "-t", "dot"], registry=registry) == 1
    assert "neither is used" in capsys.readouterr().err
    assert main(["convert", str(CORE), "-t", "outline", "-o", str(tmp_path / "o.md")], registry=registry) == 0


def _fake_entry_points(monkeypatch, module_name: str, module) -> None:
    from importlib import metadata

    monkeypatch.setitem(sys.modules, module_name, module)
    ep = metadata.EntryPoint(name="exiter", value=module_name, group="argmap")
    monkeypatch.setattr(metadata, "entry_points", lambda group=None, **kw: [ep])


def test_a_plugin_that_calls_sys_exit_on_import_is_reported_not_fatal(monkeypatch):
    """sys.exit() in a plugin's import is a failure of that plugin, reported; the built-ins still load."""
    import types

    class Exiting(types.ModuleType):
        def __getattr__(self, name):
            raise SystemExit(3)

    _fake_entry_points(monkeypatch, "argmap_exiter", Exiting("argmap_exiter"))
    from importlib import metadata

    ep = metadata.entry_points(group="argmap")[0]
    monkeypatch.setattr(type(ep), "load", lambda self: sys.exit(3))
    with pytest.warns(RuntimeWarning, match="argmap plugin 'exiter' failed to import: SystemExit: 3"):
        registry = load_registry(env={})
    assert "cues" in registry.extractors
    with pytest.raises(argmap.UnknownPluginError, match="plugin 'exiter' failed to load: failed to import: SystemExit"):
        registry.extractor("exiter")


def test_load_plugins_naming_a_plugin_that_does_not_exist_warns():
    """ARGMAP_LOAD_PLUGINS=nosuch is a warning naming it, not silence."""
    with pytest.warns(RuntimeWarning, match="ARGMAP_LOAD_PLUGINS names 'nosuch', which is not an installed"):
        load_registry(env={"ARGMAP_LOAD_PLUGINS": "nosuch"})


# -- the scaffold ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["plugins", "new", "typing", "--kind", "exporter"], "would shadow a module of Python's standard library"),
        (["plugins", "new", "json", "--kind", "importer"], "would shadow a module of Python's standard library"),
        (["plugins", "new", "argmap-x", "--kind", "exporter", "--dir", "{file}/sub"], "is not a directory"),
        (["plugins", "new", "argmap-x", "--kind", "exporter", "--dir", "/proc/argmap-nope"],
         "cannot create the plugin here"),
    ],
    ids=["stdlib typing", "stdlib json", "under a regular file", "unwritable folder"],
)
def test_plugins_new_refuses_bad_places_and_names_in_one_line(argv, message, tmp_path, capsys):
    """A plugin name that would shadow the standard library, or a --dir that cannot hold a folder, is one line."""
    regular = tmp_path / "file"
    regular.write_text("x", encoding="utf-8")
    argv = [a.replace("{file}", str(regular)) for a in argv]
    if "--dir" not in argv:
        argv += ["--dir", str(tmp_path)]
    code, _, err = run(argv, capsys)
    assert code == 1 and one_line_error(err) and message in err


def test_microtext_joints_that_share_parts_import_in_linear_time():
    """A 'diamond' of joints 40 levels deep (each level's two joints share the level below) imports at once;
    walking every path would take 2**40 steps."""
    import time

    from argmap.formats.microtext import parse

    levels = 40
    parts = ['<edu id="e1"><![CDATA[Cities should plant trees.]]></edu>', '<edu id="e2"><![CDATA[Trees cool.]]></edu>',
             '<adu id="a1" type="pro"/>', '<adu id="a2" type="pro"/>']
    edges = ['<edge id="c1" src="e2" trg="a2" type="seg"/>', '<edge id="c2" src="a2" trg="a1" type="sup"/>']
    below = ["e1"]
    n = 3
    for level in range(levels):
        here = [f"j{level}a", f"j{level}b"]
        for joint in here:
            parts.append(f'<joint id="{joint}"/>')
            for part in below:
                edges.append(f'<edge id="c{n}" src="{part}" trg="{joint}" type="seg"/>')
                n += 1
        below = here
    for part in below:
        edges.append(f'<edge id="c{n}" src="{part}" trg="a1" type="seg"/>')
        n += 1
    xml = '<?xml version="1.0"?><arggraph id="diamond">' + "".join(parts + edges) + "</arggraph>"
    start = time.process_time()
    amap = parse(xml)
    assert time.process_time() - start < 5
    assert [s.text for s in amap.statements] == ["Cities should plant trees.", "Trees cool."]


def test_focus_on_a_relation_shows_it_with_what_it_stands_on_and_what_hangs_from_it(capsys, tmp_path):
    """--focus RELATION_ID (which the docs allow) draws that relation, its sources, its target and the
    attacks on it; ArgumentMap.subtree does the same in Python."""
    amap = argmap.load(CORE)
    for rel in amap.relations:
        sub = amap.subtree(rel.id)
        assert rel.id in sub and rel.target in sub and all(s in sub for s in rel.sources)
        assert {a.id for a in amap.objections_to(rel.id)} <= {r.id for r in sub.relations}
    out = tmp_path / "focus.dot"
    assert run(["render", str(CORE), "-o", str(out), "--focus", "r3"], capsys)[0] == 0
    dot = out.read_text(encoding="utf-8")
    assert all(f"  {sid} [" in dot for sid in ("s1", "s5", "s6")) and "  s2 [" not in dot
