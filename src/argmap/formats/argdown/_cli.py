"""Reading ``.argdown`` text with the real Argdown: its CLI parses, argmap reads the JSON it writes.

argmap has no Argdown parser of its own: Argdown's grammar (indentation,
inline YAML, front matter, comments anywhere, shortcodes, ``@include``) is
large, and a second parser would disagree with the first on exactly the files
that matter. So :func:`loads` runs ``argdown json --stdout`` (Argdown 1.7.5,
Node) on the text and reads its output with
:func:`~argmap.formats.argdown.map_from_argdown`; a file Argdown rejects is
refused with the first error Argdown gives, at its line and column.

The CLI is looked for in ``$ARGMAP_ARGDOWN`` (the path of the ``argdown``
program), then on ``PATH``, then in the ``.interop`` folder that
``tools/setup-interop.sh`` fills (``$ARGMAP_INTEROP``, or the checkout argmap
runs from).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...errors import FormatError
from ...model import ArgumentMap
from ._reader import map_from_argdown

__all__ = ["INSTALL_HINT", "find_cli", "loads", "run_cli"]

INSTALL_HINT = "npm install -g @argdown/cli@1.7.5"
_TIMEOUT = 300
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_AT = re.compile(r"^At (\d+):(\d+)\s*$")


def _candidates() -> list[Path]:
    found = []
    on_path = shutil.which("argdown")
    if on_path:
        found.append(Path(on_path))
    interop = os.environ.get("ARGMAP_INTEROP")
    roots = [Path(interop)] if interop else []
    roots.append(Path(__file__).resolve().parents[4] / ".interop")  # a checkout: src/argmap/formats/argdown/
    found += [root / "node" / "node_modules" / ".bin" / "argdown" for root in roots]
    return found


def find_cli() -> str | None:
    """The Argdown CLI to run, or None when there is none.

    ``$ARGMAP_ARGDOWN``, when set, is used as it is (a wrong path is then an
    error when the CLI is run, not a silent fall-back).
    """
    env = os.environ.get("ARGMAP_ARGDOWN")
    if env:
        return env
    for candidate in _candidates():
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def run_cli(text: str, *, cli: str | None = None) -> dict[str, object]:
    """Argdown's JSON for *text* (the object ``argdown json`` writes), or a :class:`~argmap.FormatError`.

    The error names Argdown's first complaint and its place: ``line 3 column 1: Invalid relation
    syntax ...``; without the CLI, it says how to install it.
    """
    program = cli or find_cli()
    if program is None:
        raise FormatError(
            f"reading .argdown needs the Argdown CLI 1.7.5 (not found): install it with `{INSTALL_HINT}`, "
            "set ARGMAP_ARGDOWN to its path, or import the output of `argdown json` with --from argdown-json"
        )
    with tempfile.TemporaryDirectory(prefix="argmap-argdown-") as tmp:
        path = Path(tmp) / "input.argdown"
        path.write_text(text, encoding="utf-8", errors="replace")
        try:
            # cwd: the temporary folder, so that no argdown.config.js of the caller's folder applies.
            done = subprocess.run([program, "json", "--stdout", str(path)], cwd=tmp, capture_output=True,
                                  timeout=_TIMEOUT, stdin=subprocess.DEVNULL)
        except FileNotFoundError:
            raise FormatError(f"the Argdown CLI {program!r} does not exist (install it with `{INSTALL_HINT}`)") from None
        except PermissionError:
            raise FormatError(f"the Argdown CLI {program!r} cannot be run") from None
        except subprocess.TimeoutExpired:
            raise FormatError(f"Argdown did not finish within {_TIMEOUT} s") from None
    out = done.stdout.decode("utf-8", errors="replace")
    err = done.stderr.decode("utf-8", errors="replace")
    if done.returncode == 0:
        start = out.find("{")
        try:
            # Without --silent, the CLI appends a success line after the JSON: read the JSON only.
            data, _ = json.JSONDecoder().raw_decode(out, start if start >= 0 else 0)
        except ValueError:
            raise FormatError(f"Argdown wrote no JSON: {_first_line(out + err)}") from None
        if isinstance(data, dict):
            return data
        raise FormatError("Argdown wrote no JSON object")
    raise _refusal(err + "\n" + out)


def _first_line(text: str) -> str:
    for line in _ANSI.sub("", text).splitlines():
        if line.strip():
            return line.strip()
    return "(nothing)"


def _refusal(text: str) -> FormatError:
    """The one-line error for what the CLI printed when it refused a file."""
    lines = _ANSI.sub("", text).splitlines()
    errors = [i for i, line in enumerate(lines) if _AT.match(line)]
    if errors:
        i = errors[0]
        match = _AT.match(lines[i])
        assert match is not None
        message: list[str] = []
        for line in lines[i + 1:]:
            if not line.strip() or _AT.match(line):
                break
            message.append(line.strip())
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return FormatError(_clip(" ".join(message)) + more, where=f"line {match[1]} column {match[2]}")
    for line in lines:
        if line.startswith("YAMLException:"):
            return FormatError(f"Argdown cannot read the YAML data: {line.split(':', 1)[1].strip()}")
    return FormatError(f"Argdown refused the file: {_first_line(text)}")


def _clip(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def loads(text: str) -> ArgumentMap:
    """Read ``.argdown`` text into a map, through the real Argdown CLI (see the module docstring)."""
    return map_from_argdown(run_cli(text))
