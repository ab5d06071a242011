"""Exporters that stream: the command line writes their output to a file as it is made."""

from __future__ import annotations

import pytest

import argmap
from argmap import ArgumentMap, Exporter, ExportWarning, Statement, hookimpl
from argmap.cli import main
from argmap.errors import PluginError
from argmap.losses import Losses
from argmap.plugins import load_registry

from .conftest import ROOT

CORE = ROOT / "seeds" / "japan-russia-reset.core.json"


def _pieces(amap: ArgumentMap) -> list[str]:
    return [f"{s.id}\t{s.text}\n" for s in amap.statements]


def _whole(amap: ArgumentMap) -> str:
    return "".join(_pieces(amap))


def _stream(amap: ArgumentMap, write) -> None:
    for piece in _pieces(amap):
        write(piece)


def _lossy_stream(amap: ArgumentMap, write) -> None:
    write("first piece\n")
    losses = Losses(ExportWarning)
    losses.add("rows.relation", "r1")
    losses.report({"rows.relation": "relations are not written"})
    write("second piece\n")


def _broken_stream(amap: ArgumentMap, write) -> None:
    write("first piece\n")
    raise RuntimeError("disk on fire")


class Rows:
    @hookimpl
    def argmap_register_exporters(self, register):
        register(Exporter("rows", _whole, suffixes=(".rows",), stream=_stream))
        register(Exporter("lossy", _whole, suffixes=(".lossy",), stream=_lossy_stream))
        register(Exporter("broken", _whole, suffixes=(".broken",), stream=_broken_stream))


@pytest.fixture
def reg():
    return load_registry(entrypoints=False, plugins=[Rows()])


def test_a_streamed_file_holds_the_same_bytes_as_the_whole_export(reg, tmp_path):
    """convert -o FILE through a streaming exporter writes exactly what its export returns."""
    out = tmp_path / "core.rows"
    assert main(["convert", str(CORE), "-o", str(out)], registry=reg) == 0
    assert out.read_text(encoding="utf-8") == _whole(argmap.load(CORE))


def test_dot_is_streamed_to_its_file_with_the_bytes_of_to_dot(tmp_path):
    """convert -t dot -o FILE (streamed in pieces) writes the bytes of argmap.to_dot, options included."""
    out = tmp_path / "core.dot"
    assert main(["convert", str(CORE), "-o", str(out), "-O", "theme=print"]) == 0
    assert out.read_text(encoding="utf-8") == argmap.to_dot(argmap.load(CORE), theme="print")


def test_strict_removes_a_streamed_file_when_a_loss_comes_late(reg, tmp_path, capsys):
    """A loss reported after some pieces were written, under --strict: status 1, one line, no file left."""
    out = tmp_path / "core.lossy"
    assert main(["convert", str(CORE), "-o", str(out), "--strict"], registry=reg) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert capsys.readouterr().err == (
        "argmap: error: --strict: rows.relation: relations are not written (1: r1); nothing written\n"
    )


def test_a_failing_stream_leaves_no_file_and_says_one_line(reg, tmp_path, capsys):
    """An exporter failing half-way through its stream: one PluginError line, no file, no temporary file."""
    out = tmp_path / "core.broken"
    out_before = tmp_path / "keep.broken"
    out_before.write_text("old\n")
    assert main(["convert", str(CORE), "-o", str(out)], registry=reg) == 1
    assert capsys.readouterr().err == "argmap: error: exporter 'broken' failed: RuntimeError: disk on fire\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.broken"]


def test_standard_output_gets_the_whole_text(reg, capsys):
    """To standard output the streamed text is written whole, once made (nothing half-printed)."""
    assert main(["convert", str(CORE), "-t", "rows"], registry=reg) == 0
    assert capsys.readouterr().out == _whole(argmap.load(CORE))


def test_write_to_refuses_a_piece_that_is_not_text():
    """Exporter.write_to: a stream writing bytes is a PluginError naming the exporter."""
    bad = Exporter("bad", _whole, stream=lambda amap, write: write(b"bytes"))
    with pytest.raises(PluginError, match="exporter 'bad' streamed bytes, expected str"):
        bad.write_to(ArgumentMap([Statement("s1", "x")]), lambda piece: None)
