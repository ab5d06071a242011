"""Shared fixtures: hypothesis profiles, Graphviz renderers, fresh plugin registries."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from argmap.plugins import load_registry
from argmap.diagram.render import Renderer, _pure_candidates

ROOT = Path(__file__).resolve().parent.parent

# Few examples while developing, more in CI (CI=true).
settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def _renderers() -> list[Renderer]:
    found = []
    dot = shutil.which("dot")
    if dot:
        found.append(Renderer(path=dot, kind="dot", formats=("svg", "png", "pdf")))
    for candidate in _pure_candidates():
        if candidate.is_file():
            found.append(Renderer(path=str(candidate), kind="graphviz-pure", formats=("svg", "png")))
            break
    return found


RENDERERS = _renderers()


def need_renderers() -> None:
    """Skip when no Graphviz is installed, except in CI, where it is a failure."""
    if os.environ.get("CI") and len(RENDERERS) < 2:
        pytest.fail("CI must install both Graphviz's dot and graphviz-pure")
    if not RENDERERS:
        pytest.skip("no Graphviz renderer installed")


@pytest.fixture(scope="session", params=[r.kind for r in RENDERERS] or ["none"])
def renderer(request) -> Renderer:
    """Each installed Graphviz renderer in turn (dot and graphviz-pure)."""
    need_renderers()
    return next(r for r in RENDERERS if r.kind == request.param)


def corpus_dir() -> Path | None:
    """The real part-1 corpus: $ARGMAP_MICROTEXT_CORPUS or ../shared/corpora/arg-microtexts-part1."""
    env = os.environ.get("ARGMAP_MICROTEXT_CORPUS")
    path = Path(env) if env else ROOT.parent / "shared" / "corpora" / "arg-microtexts-part1"
    return path if (path / "corpus" / "en").is_dir() else None


needs_corpus = pytest.mark.skipif(
    corpus_dir() is None,
    reason="arg-microtexts part 1 not found (set ARGMAP_MICROTEXT_CORPUS or put it at ../shared/corpora/)",
)


@pytest.fixture
def registry():
    """A registry of the built-in plugins only, made fresh for the test."""
    return load_registry(entrypoints=False)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# -- the real tools of other argument-mapping projects (installed by tools/setup-interop.sh) ---------

INTEROP = Path(os.environ.get("ARGMAP_INTEROP", ROOT / ".interop"))


def _need(path: Path, what: str) -> Path:
    """*path* if it exists; otherwise skip, saying what is missing (a failure in CI, which installs it)."""
    if path.exists():
        return path
    message = f"{what} not installed at {path} (bash test.sh installs it: tools/setup-interop.sh)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def argdown_cli() -> Path:
    """The real Argdown CLI 1.7.5 (`argdown`)."""
    return _need(INTEROP / "node" / "node_modules" / ".bin" / "argdown", "@argdown/cli 1.7.5")


def argdown_node_modules() -> Path:
    """The node_modules folder holding @argdown/node, for scripts that parse many files in one process."""
    return _need(INTEROP / "node" / "node_modules" / "@argdown" / "node", "@argdown/node").parent.parent


def interop_python() -> Path:
    """The Python of the venv that holds the real arguebuf 2.7.2 and sadface 0.5.4.0."""
    python = _need(INTEROP / "venv" / "bin" / "python", "the arguebuf/sadface venv")
    import subprocess

    if subprocess.run([str(python), "-c", "import arguebuf, sadface"], capture_output=True).returncode != 0:
        message = f"arguebuf and sadface are not importable in {python} (bash test.sh installs them)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return python


def shared_corpus(name: str) -> Path | None:
    """A corpus of ../shared/corpora (read in place, never copied), or None when it is not there."""
    path = ROOT.parent / "shared" / "corpora" / name
    return path if path.is_dir() else None
