"""Golden files for the seeds: the hand-written core map of the op-ed and its DOT source.

Set ARGMAP_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change.
"""

from __future__ import annotations

import os
import re

import pytest

import argmap

from .conftest import ROOT

SEEDS = ROOT / "seeds"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"


def check_golden(path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path.name}: run with ARGMAP_UPDATE_GOLDEN=1"
    assert path.read_text(encoding="utf-8") == actual, f"{path.name} differs (ARGMAP_UPDATE_GOLDEN=1 rewrites it)"


@pytest.fixture(scope="module")
def core():
    """The map the README's quick start builds by hand."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        namespace: dict = {}
        exec(compile(code, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    finally:
        os.chdir(cwd)
    return namespace["core"]


def test_op_ed_seed_is_the_shared_text_byte_for_byte():
    """seeds/japan-russia-reset.txt is the op-ed as given, unmodified."""
    data = (SEEDS / "japan-russia-reset.txt").read_bytes()
    assert data.startswith(b"Japan sees an opportunity for a reset with Russia\n")
    assert len(data) == 4698 and data.endswith(b"Comments are closed.")


def test_readme_builder_makes_the_core_map_kept_in_seeds(core):
    """The README's ten-line builder example produces exactly seeds/japan-russia-reset.core.json."""
    check_golden(SEEDS / "japan-russia-reset.core.json", argmap.dumps(core))
    assert len(core.statements) == 6 and [s.id for s in core.main_claims] == ["s1"]
    assert [len(s.premises) for s in core.supports] == [1, 2]


def test_core_map_dot_source(core):
    """The core map's DOT source is pinned byte for byte."""
    check_golden(SEEDS / "japan-russia-reset.core.dot", argmap.to_dot(core))
