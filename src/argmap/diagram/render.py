"""Laying out DOT source into pictures with Graphviz.

argmap looks for a renderer in this order: the executable named by the
``ARGMAP_GRAPHVIZ`` environment variable; Graphviz's ``dot`` on the PATH; the
``graphviz-pure`` executable (a static port of Graphviz, installed with
argmap where it has wheels) beside the running Python or on the PATH.
``graphviz-pure`` writes SVG and PNG; PDF needs ``dot``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Mapping
from pathlib import Path

import attrs

from ..errors import RenderError

__all__ = ["FORMATS", "Renderer", "find_renderer", "render_dot"]

FORMATS = ("svg", "png", "pdf")
"""The image formats :func:`render_dot` produces."""

_PURE_FORMATS = ("svg", "png")
_INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz) "
    "or the graphviz-pure wheel (pip install graphviz-pure)"
)


@attrs.frozen
class Renderer:
    """A Graphviz executable and the formats it writes."""

    path: str
    kind: str  # "dot", "graphviz-pure" or "custom"
    formats: tuple[str, ...]


def _pure_candidates() -> list[Path]:
    exe = "graphviz-pure.exe" if os.name == "nt" else "graphviz-pure"
    dirs = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    found = [Path(d) / exe for d in dirs if d]
    on_path = shutil.which("graphviz-pure")
    if on_path:
        found.append(Path(on_path))
    return found


def find_renderer(fmt: str = "svg", *, env: Mapping[str, str] | None = None) -> Renderer:
    """The renderer that will draw *fmt*, or a :class:`RenderError` that says
    what to install."""
    if env is None:
        env = os.environ
    if fmt not in FORMATS:
        raise RenderError(f"unknown image format {fmt!r} (expected one of {', '.join(FORMATS)})")
    forced = env.get("ARGMAP_GRAPHVIZ")
    if forced:
        path = shutil.which(forced)
        if path is None:
            raise RenderError(f"ARGMAP_GRAPHVIZ names {forced!r}, which is not an executable")
        return Renderer(path=path, kind="custom", formats=FORMATS)
    dot = shutil.which("dot")
    if dot:
        return Renderer(path=dot, kind="dot", formats=FORMATS)
    for candidate in _pure_candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            if fmt not in _PURE_FORMATS:
                raise RenderError(
                    f"{fmt.upper()} needs Graphviz's dot program, which is not installed "
                    f"(graphviz-pure writes svg and png only): {_INSTALL_HINT}"
                )
            return Renderer(path=str(candidate), kind="graphviz-pure", formats=_PURE_FORMATS)
    raise RenderError(f"no Graphviz renderer found: {_INSTALL_HINT}")


def render_dot(source: str, fmt: str = "svg", *, renderer: Renderer | None = None) -> bytes:
    """Lay out DOT source with Graphviz and return the image bytes."""
    renderer = renderer or find_renderer(fmt)
    if fmt not in renderer.formats:
        raise RenderError(f"{renderer.kind} cannot write {fmt!r} (it writes {', '.join(renderer.formats)})")
    try:
        proc = subprocess.run(
            [renderer.path, "-Kdot", f"-T{fmt}"],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        raise RenderError(f"cannot run {renderer.path}: {exc.strerror or exc}") from None
    if proc.returncode != 0 or not proc.stdout:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        first = next((m for m in message if m.strip()), f"exit status {proc.returncode}")
        raise RenderError(f"{Path(renderer.path).name} failed: {first}")
    return proc.stdout
