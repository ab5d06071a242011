"""Finding a Graphviz renderer: dot first, graphviz-pure as the fallback, one clear line when neither."""

from __future__ import annotations

import os
import stat

import pytest

from argmap import RenderError
from argmap.diagram.render import find_renderer


def _exe(directory, name):
    path = directory / name
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


@pytest.fixture
def bare_path(tmp_path, monkeypatch):
    """A PATH with nothing on it, and no graphviz-pure beside the interpreter."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [])
    return empty


def test_dot_on_the_path_is_preferred(bare_path):
    """When dot is on the PATH it draws every format."""
    _exe(bare_path, "dot")
    r = find_renderer("pdf", env={})
    assert r.kind == "dot" and r.path == str(bare_path / "dot")


def test_graphviz_pure_is_the_fallback_for_svg_and_png(bare_path, tmp_path, monkeypatch):
    """Without dot, the graphviz-pure executable draws svg and png."""
    pure = _exe(tmp_path, "graphviz-pure")
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [pure])
    assert find_renderer("svg", env={}).kind == "graphviz-pure"
    assert find_renderer("png", env={}).path == str(pure)


def test_pdf_without_dot_says_what_to_install(bare_path, tmp_path, monkeypatch):
    """PDF with only graphviz-pure present fails in one line that says to install Graphviz."""
    pure = _exe(tmp_path, "graphviz-pure")
    monkeypatch.setattr("argmap.diagram.render._pure_candidates", lambda: [pure])
    with pytest.raises(RenderError, match=r"^PDF needs Graphviz's dot program.*apt-get install graphviz") as info:
        find_renderer("pdf", env={})
    assert "\n" not in str(info.value)
    assert "pip install graphviz-pure" not in str(info.value)  # it cannot write PDF: do not suggest it


def test_no_renderer_at_all_says_what_to_install(bare_path):
    """With neither dot nor graphviz-pure, the error names both ways to get one."""
    with pytest.raises(RenderError, match=r"no Graphviz renderer found: install Graphviz .*\(pip install graphviz-pure\)"):
        find_renderer("svg", env={})


def test_argmap_graphviz_forces_an_executable(bare_path, tmp_path):
    """ARGMAP_GRAPHVIZ picks the executable to run, and a wrong value is reported."""
    custom = _exe(tmp_path, "my-dot")
    assert find_renderer("svg", env={"ARGMAP_GRAPHVIZ": str(custom)}).path == str(custom)
    with pytest.raises(RenderError, match="ARGMAP_GRAPHVIZ names 'nope'"):
        find_renderer("svg", env={"ARGMAP_GRAPHVIZ": "nope"})


def test_unknown_image_format_is_refused():
    """Only svg, png and pdf are image formats."""
    with pytest.raises(RenderError, match="unknown image format 'gif'"):
        find_renderer("gif", env=dict(os.environ))
