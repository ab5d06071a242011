"""docs/cli.md's command reference is what ``argmap ... --help`` prints (tools/make_cli_docs.py writes it)."""

from __future__ import annotations

import importlib.util
import os

import pytest

from .conftest import ROOT

PAGE = ROOT / "docs" / "cli.md"


def _tool():
    spec = importlib.util.spec_from_file_location("make_cli_docs", ROOT / "tools" / "make_cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _tool()


def test_the_cli_reference_is_up_to_date():
    """docs/cli.md's generated part is exactly what tools/make_cli_docs.py would write now."""
    page = PAGE.read_text(encoding="utf-8")
    made_with = tool.generated_with(page)
    assert made_with is not None, f"docs/cli.md has lost the marker comments of its generated part ({tool.END})"
    if made_with != tool.python_version():
        pytest.skip(
            f"docs/cli.md was generated with Python {made_with} and argparse's layout differs between "
            f"versions; this is Python {tool.python_version()}"
        )
    expected = tool.render(page)
    assert page == expected, (
        f"docs/cli.md does not match `argmap --help`: run `{tool.COMMAND}`\n" + tool.diff(page, expected)
    )


def test_the_reference_has_every_command():
    """One heading and one console block per command, plugins new included, in the parser's order."""
    reference = tool.reference()
    commands = [(), ("extract",), ("render",), ("convert",), ("plugins",), ("plugins", "new"), ("evaluate",)]
    lines = [" ".join(["argmap", *words]) for words in commands]
    headings = [line for line in reference.splitlines() if line.startswith("### ")]
    assert [h for h in headings if h.strip("#` ") in lines] == [f"### `{line}`" for line in lines]
    for line in lines:
        assert f"```console\n$ {line} --help\nusage: {line} " in reference, line


def test_the_reference_does_not_depend_on_the_terminal(monkeypatch):
    """A narrow terminal or forced colours give the same reference, and the environment is restored."""
    wide = tool.reference()
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert tool.reference() == wide
    assert os.environ["COLUMNS"] == "40" and os.environ["FORCE_COLOR"] == "1"
    assert "\x1b[" not in wide
