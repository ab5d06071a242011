"""Big diagrams (issue 14, point 6): a warning before a long layout, and dot's work bounded above a size.

No test here runs a big layout: Graphviz is replaced by a stand-in that records how it was called
(the figures are in bench/bench_layout.py and docs/performance.md).
"""

from __future__ import annotations

import random
import subprocess
import warnings

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import MapBuilder, dumps, to_dot
from argmap.cli import main
from argmap.diagram import DiagramOptions, select
from argmap.diagram.render import (
    BIG_LAYOUT,
    FORMATS,
    LAYOUT_BUDGET,
    Renderer,
    layout_flags,
    layout_size,
    render_dot,
)
from argmap.errors import LayoutWarning
from argmap.strategies import argument_maps

SVG = b'<svg width="8pt" height="8pt" viewBox="0 0 8 8"></svg>\n'


def generated_map(n: int, seed: int = 14) -> argmap.ArgumentMap:
    """A map of *n* statements shaped like the benchmark's: each new statement supports or attacks a
    random earlier one, every fifth support a linked pair."""
    rng = random.Random(seed)
    b = MapBuilder(title="Generated")
    ids = [b.claim("The thesis of the generated map.", main=True)]
    supports = 0
    while len(ids) < n:
        target = ids[rng.randrange(len(ids))]
        if rng.random() < 0.7:
            supports += 1
            count = 2 if supports % 5 == 0 and len(ids) + 2 <= n else 1
            new = [b.premise(f"Premise {len(ids) + i} -> [label=x] of the map.") for i in range(count)]
            b.support(target, *new)
        else:
            new = [b.objection(f"Objection {len(ids)} to an earlier statement.")]
            b.attack(target, *new)
        ids += new
    return b.build()


@pytest.fixture(scope="module")
def big() -> argmap.ArgumentMap:
    return generated_map(BIG_LAYOUT)


@pytest.fixture(scope="module")
def below() -> argmap.ArgumentMap:
    return generated_map(BIG_LAYOUT - 1)


class Calls:
    """A stand-in for subprocess.run in argmap.diagram.render: records the command and what had been
    warned when Graphviz would have started, and answers with a tiny SVG."""

    def __init__(self, caught: list[warnings.WarningMessage] | None = None) -> None:
        self.commands: list[list[str]] = []
        self.caught = caught
        self.warned_before: list[int] = []

    def __call__(self, command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        self.commands.append(list(command))
        if self.caught is not None:
            self.warned_before.append(len(self.caught))
        return subprocess.CompletedProcess(command, 0, SVG, b"")


RENDERER = Renderer(path="/usr/bin/dot", kind="dot", formats=FORMATS)


def test_layout_size_counts_statements_nodes_and_arrows(big):
    """layout_size counts every statement box, every node (boxes, the dots of linked reasons, the legend)
    and every arrow of to_dot's source, even with '->' and '[label=' in the statements' text."""
    size = layout_size(to_dot(big))
    linked = [r for r in big.relations if len(r.sources) > 1]
    assert size["statements"] == len(big.statements) == BIG_LAYOUT
    assert size["nodes"] == len(big.statements) + len(linked) + 1  # + the legend
    assert size["arrows"] == sum(len(r.sources) + (len(r.sources) > 1) for r in big.relations)


@given(argument_maps(max_statements=12, max_relations=14))
def test_layout_size_counts_the_statements_drawn_whatever_their_text(amap):
    """For any map (any text: quotes, brackets, arrows, newlines), layout_size finds exactly the
    statements to_dot draws."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # very long words are shortened in their box, and say so
        source = to_dot(amap)
    assert layout_size(source)["statements"] == len(select(amap, DiagramOptions()).statements)


def test_below_the_threshold_no_warning_and_the_same_command(below, monkeypatch):
    """A diagram of fewer than BIG_LAYOUT statements is laid out with the same dot command as before
    (so the same picture) and without a warning."""
    calls = Calls()
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", calls)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert render_dot(to_dot(below), "svg", renderer=RENDERER) == SVG
    assert calls.commands == [["/usr/bin/dot", "-Kdot", "-Tsvg"]]
    assert layout_flags(layout_size(to_dot(below))) == []


def test_small_maps_keep_their_dot_command(monkeypatch):
    """A small map (the op-ed's size) gets exactly `dot -Kdot -T<format>`, for every format."""
    calls = Calls()
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", calls)
    small = generated_map(40)
    for fmt in FORMATS:
        render_dot(to_dot(small), fmt, renderer=RENDERER)
    assert calls.commands == [["/usr/bin/dot", "-Kdot", f"-T{fmt}"] for fmt in FORMATS]


def test_above_the_threshold_the_work_is_bounded(big, monkeypatch):
    """From BIG_LAYOUT statements on, dot is called with nslimit = LAYOUT_BUDGET / nodes, which caps the
    network-simplex iterations of its placement at LAYOUT_BUDGET."""
    calls = Calls()
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", calls)
    source = to_dot(big)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LayoutWarning)
        render_dot(source, "svg", renderer=RENDERER)
    (command,) = calls.commands
    assert command[:3] == ["/usr/bin/dot", "-Kdot", "-Tsvg"]
    (flag,) = command[3:]
    assert flag.startswith("-Gnslimit=")
    nodes = layout_size(source)["nodes"]
    assert int(float(flag.split("=")[1]) * nodes) == pytest.approx(LAYOUT_BUDGET, abs=1)


def test_above_the_threshold_one_warning_before_the_layout(big, monkeypatch):
    """From BIG_LAYOUT statements on, one LayoutWarning is given before dot starts; its one line says
    how big the diagram is and names --depth, --focus and --kinds."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        calls = Calls(caught)
        monkeypatch.setattr("argmap.diagram.render.subprocess.run", calls)
        render_dot(to_dot(big), "svg", renderer=RENDERER)
    layout = [w for w in caught if issubclass(w.category, LayoutWarning)]
    assert len(layout) == 1 and calls.warned_before == [1]
    message = str(layout[0].message)
    assert "\n" not in message
    assert f"{BIG_LAYOUT:,} statements" in message
    for flag in ("--depth N", "--focus ID", "--kinds KINDS"):
        assert flag in message
    assert not issubclass(LayoutWarning, argmap.LossWarning)  # --strict must not refuse a big map


def test_a_view_of_a_big_map_is_small_again(big, monkeypatch):
    """Drawing part of a big map (the warning's advice: depth=2) is below the threshold: no warning,
    no bound."""
    calls = Calls()
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", calls)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_dot(to_dot(big, depth=2), "svg", renderer=RENDERER)
    assert calls.commands == [["/usr/bin/dot", "-Kdot", "-Tsvg"]]


@pytest.mark.parametrize("extra", [[], ["--strict"]])
def test_cli_prints_the_warning_as_one_line_before_the_layout(big, tmp_path, monkeypatch, capsys, extra):
    """`argmap render` of a big map prints the warning once, as one `argmap: warning:` line, before
    Graphviz starts, with no traceback; the picture is written (also under --strict) and the status is 0."""
    path = tmp_path / "big.json"
    path.write_text(dumps(big), encoding="utf-8")
    stderr_at_layout: list[str] = []

    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        stderr_at_layout.append(capsys.readouterr().err)
        return subprocess.CompletedProcess(command, 0, SVG, b"")

    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "sh")  # any executable: subprocess.run is the stand-in
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", run)
    out = tmp_path / "big.svg"
    assert main(["render", str(path), "-o", str(out), *extra]) == 0
    after = capsys.readouterr().err
    (before,) = stderr_at_layout
    assert before.startswith("argmap: warning: a diagram of 2,000 statements")
    assert before.count("\n") == 1 and "--depth N" in before
    assert "argmap: warning: a diagram of" not in after  # said once
    assert "Traceback" not in before + after
    assert out.read_bytes().startswith(b"<svg")


def test_cli_below_the_threshold_says_nothing(below, tmp_path, monkeypatch, capsys):
    """`argmap render` of a map just below the threshold prints no warning."""
    path = tmp_path / "map.json"
    path.write_text(dumps(below), encoding="utf-8")
    monkeypatch.setenv("ARGMAP_GRAPHVIZ", "sh")
    monkeypatch.setattr("argmap.diagram.render.subprocess.run", Calls())
    assert main(["render", str(path), "-o", str(tmp_path / "map.svg")]) == 0
    assert capsys.readouterr().err == ""
