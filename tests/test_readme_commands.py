"""The README's command-line examples run as written, from a fresh folder that has only the seeds."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, need_renderers

_CONSOLE = re.compile(r"^```console\n(.*?)^```", re.S | re.M)


def readme_commands() -> list[tuple[str, list[str]]]:
    """Each `$ argmap ...` line of the README's console blocks, with the output lines shown after it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found: list[tuple[str, list[str]]] = []
    for block in _CONSOLE.findall(text):
        for line in block.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            elif found and line.strip():
                found[-1][1].append(line)
    return [(cmd, out) for cmd, out in found if cmd.startswith("argmap ")]


@pytest.mark.graphviz
def test_readme_commands_run_as_written(tmp_path):
    """Every `argmap` command in the README works, in order, in a folder holding only seeds/; one that the
    README shows failing prints exactly the line shown and exits 1."""
    need_renderers()
    commands = readme_commands()
    assert len(commands) >= 6
    os.symlink(ROOT / "seeds", tmp_path / "seeds")
    argmap_exe = Path(sys.executable).parent / "argmap"
    for command, expected in commands:
        argv = shlex.split(command, comments=True)
        proc = subprocess.run([str(argmap_exe), *argv[1:]], cwd=tmp_path, capture_output=True, text=True,
                              timeout=300)
        if expected:
            assert proc.returncode == 1, f"{command!r} should fail as the README shows"
            assert (proc.stdout + proc.stderr).splitlines() == expected, command
        else:
            assert proc.returncode == 0, f"{command!r} failed: {proc.stderr}"
    assert (tmp_path / "op-ed.json").is_file() and (tmp_path / "op-ed.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "op-ed.dot").read_text(encoding="utf-8").startswith("digraph argmap {")
