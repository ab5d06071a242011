"""The interchange plumbing every format shares: loss warnings and the loss report, --strict, importer
options, and choosing an importer by the longest suffix and by sniffing the content."""

from __future__ import annotations

import json

import pytest

import argmap
from argmap import (
    ArgumentMap,
    ExportWarning,
    Exporter,
    ImportLossWarning,
    Importer,
    LossWarning,
    Option,
    PluginError,
    Statement,
    hookimpl,
)
from argmap.cli import main
from argmap.losses import Losses, report
from argmap.plugins import load_registry

from .conftest import ROOT

CORE = ROOT / "seeds" / "japan-russia-reset.core.json"


def _lines_export(amap: ArgumentMap) -> str:
    """A toy format: one statement per line; relations are lost (and said to be)."""
    losses = Losses(ExportWarning)
    for rel in amap.relations:
        losses.add("lines.relation", rel.id)
    losses.report({"lines.relation": "relations have no place in the lines format"})
    return "".join(f"{s.id}\t{s.text}\n" for s in amap.statements)


def _lines_load(text: str, *, prefix: str = "") -> ArgumentMap:
    losses = Losses(ImportLossWarning)
    statements = []
    for n, line in enumerate(text.splitlines()):
        if line.startswith("#"):
            losses.add("lines.comment", f"line{n + 1}")
            continue
        sid, _, body = line.partition("\t")
        statements.append(Statement(sid, prefix + body))
    losses.report({"lines.comment": "comments are not kept"})
    return ArgumentMap(statements)


class Lines:
    @hookimpl
    def argmap_register_exporters(self, register):
        register(Exporter("lines", _lines_export, suffixes=(".lines", ".lines.json")))

    @hookimpl
    def argmap_register_importers(self, register):
        register(Importer("lines", _lines_load, suffixes=(".lines",), options=(Option("prefix", "put before each text"),)))
        # A JSON dialect sharing .json with argmap JSON, told apart by its content.
        register(Importer("dialect", lambda text: ArgumentMap([Statement("d1", json.loads(text)["claim"])]),
                          suffixes=(".json",), sniff=lambda text: '"claim"' in text[:100]))
        register(Importer("bad", lambda text: "not a map", suffixes=(".bad",)))


@pytest.fixture
def reg():
    return load_registry(entrypoints=False, plugins=[Lines()])


def run(argv, reg, capsys):
    code = main(argv, registry=reg)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_loss_is_one_warning_line_per_kind_with_count_and_ids(reg, capsys, tmp_path):
    """Converting into a format that cannot carry relations prints one `argmap: warning:` line per kind of
    loss, with the count and the ids, and still writes the file."""
    out = tmp_path / "core.lines"
    code, _, err = run(["convert", str(CORE), "-o", str(out)], reg, capsys)
    assert code == 0 and out.read_text(encoding="utf-8").startswith("s1\t")
    assert err == ("argmap: warning: lines.relation: relations have no place in the lines format "
                   "(4: r1, r2, r3, r4)\n")


def test_strict_turns_any_loss_into_an_error_and_writes_nothing(reg, capsys, tmp_path):
    """--strict: status 1, one line naming the loss, no output file."""
    out = tmp_path / "core.lines"
    code, _, err = run(["convert", str(CORE), "-o", str(out), "--strict"], reg, capsys)
    assert code == 1 and not out.exists()
    assert err == ("argmap: error: --strict: lines.relation: relations have no place in the lines format "
                   "(4: r1, r2, r3, r4); nothing written\n")


def test_loss_report_writes_the_losses_as_json(reg, capsys, tmp_path):
    """--loss-report FILE writes [{code, count, ids, message}] for programs (an empty list when nothing is lost)."""
    report_file = tmp_path / "losses.json"
    assert run(["convert", str(CORE), "-o", str(tmp_path / "x.lines"), "--loss-report", str(report_file)],
               reg, capsys)[0] == 0
    entries = json.loads(report_file.read_text(encoding="utf-8"))
    assert entries == [{"code": "lines.relation", "count": 4, "ids": ["r1", "r2", "r3", "r4"],
                        "message": "lines.relation: relations have no place in the lines format (4: r1, r2, r3, r4)"}]
    assert run(["convert", str(CORE), "-t", "json", "-o", str(tmp_path / "x.json"), "--loss-report",
                str(report_file)], reg, capsys)[0] == 0
    assert json.loads(report_file.read_text(encoding="utf-8")) == []


def test_import_losses_are_reported_too(reg, capsys, tmp_path):
    """An importer's losses are ImportLossWarnings, printed the same way and refused by --strict."""
    src = tmp_path / "m.lines"
    src.write_text("# a comment\ns1\tA claim.\n# another\n", encoding="utf-8")
    code, out, err = run(["convert", str(src), "-t", "json"], reg, capsys)
    assert code == 0 and argmap.loads(out).statements[0].text == "A claim."
    assert err == "argmap: warning: lines.comment: comments are not kept (2: line1, line3)\n"
    assert run(["convert", str(src), "-t", "json", "--strict"], reg, capsys)[0] == 1


def test_importer_options_are_declared_and_passed(reg, capsys, tmp_path):
    """-I NAME=VALUE reaches the importer's load; an option it does not declare is one error line."""
    src = tmp_path / "m.lines"
    src.write_text("s1\tA claim.\n", encoding="utf-8")
    code, out, _ = run(["convert", str(src), "-t", "json", "-I", "prefix=> "], reg, capsys)
    assert code == 0 and argmap.loads(out).statements[0].text == "> A claim."
    code, _, err = run(["convert", str(src), "-t", "json", "-I", "colour=red"], reg, capsys)
    assert (code, err) == (1, "argmap: error: importer 'lines' has no option 'colour' (its options: prefix)\n")


def test_the_longest_suffix_wins_and_content_decides_between_equals(reg, tmp_path):
    """`.lines.json` goes to the lines exporter, `.json` to argmap JSON; a .json file in another dialect is
    recognised by its importer's sniff, argmap's own JSON by the json importer."""
    assert reg.exporter_for("map.lines.json").name == "lines"
    assert reg.exporter_for("map.json").name == "json"
    assert reg.importer_for("x.json", '{"claim": "Trees."}').name == "dialect"
    assert reg.importer_for("x.json", CORE.read_text(encoding="utf-8")).name == "json"
    assert reg.importer_for("x.json").name == "json"
    dialect = tmp_path / "d.json"
    dialect.write_text('{"claim": "Trees cool streets."}', encoding="utf-8")
    assert argmap.load(dialect, registry=reg).statements[0].text == "Trees cool streets."
    assert argmap.load(CORE, registry=reg).main_claims


def test_an_importer_that_returns_something_else_is_named(reg):
    """An importer whose result is not a map is a PluginError naming it."""
    with pytest.raises(PluginError, match="importer 'bad' returned str, expected an ArgumentMap"):
        reg.importer("bad")("x")


def test_dump_and_load_go_through_the_registry_for_other_formats(reg, tmp_path):
    """argmap.dump/argmap.load pick the format from the file name, with the same loss warnings."""
    amap = argmap.load(CORE)
    with pytest.warns(ExportWarning, match="lines.relation"):
        argmap.dump(amap, tmp_path / "m.lines", registry=reg)
    back = argmap.load(tmp_path / "m.lines", registry=reg)
    assert [s.text for s in back.statements] == [s.text for s in amap.statements]


def test_report_names_the_first_ids_and_keeps_the_count():
    """A loss warning names at most five ids in its message but carries the count and the ids."""
    with pytest.warns(LossWarning) as caught:
        report(ImportLossWarning, "x.node", "not kept", [f"n{i}" for i in range(8)])
    warning = caught[0].message
    assert str(warning) == "x.node: not kept (8: n0, n1, n2, n3, n4, ...)"
    assert warning.count == 8 and warning.ids[-1] == "n7" and warning.code == "x.node"
