"""The docs: every hook is documented, and every Python example in the README and docs/ runs."""

from __future__ import annotations

import doctest
import importlib
import os
import re
from pathlib import Path

import pytest

from argmap import hookspecs

from .conftest import ROOT

PAGES = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "docs" / "hooks").glob("*.md")),
    *sorted((ROOT / "docs" / "plugins").glob("*.md")),
    *sorted((ROOT / "docs" / "formats").glob("*.md")),
]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def test_every_hook_is_documented():
    """Every hook argmap declares has its page docs/hooks/<hook>.md with the heading, the signature and a
    runnable example, and the overview docs/hooks.md links to it."""
    overview = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    hooks = [name for name in dir(hookspecs) if name.startswith("argmap_")]
    assert hooks, "no hooks found"
    for name in hooks:
        path = ROOT / "docs" / "hooks" / f"{name}.md"
        assert path.is_file(), f"{name} has no page docs/hooks/{name}.md"
        page = path.read_text(encoding="utf-8")
        assert page.startswith(f"# `{name}`\n"), f"docs/hooks/{name}.md does not start with its heading"
        assert re.search(rf"^{name}\(register: ", page, re.M), f"{name}: signature missing in its page"
        assert python_blocks(path), f"docs/hooks/{name}.md has no python example"
        assert f"(hooks/{name}.md)" in overview, f"docs/hooks.md does not link to the page of {name}"
    pages = {p.stem for p in (ROOT / "docs" / "hooks").glob("*.md")}
    assert pages <= set(hooks), f"pages for hooks that do not exist: {sorted(pages - set(hooks))}"


def python_blocks(page: Path) -> list[tuple[int, str]]:
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _BLOCK.finditer(text)]


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_python_examples_run(page, monkeypatch, tmp_path):
    """Each page's ```python blocks run in order in one namespace (doctest where they show >>> output)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ARGMAP_DOCS_TMP", str(tmp_path))
    namespace: dict = {"__name__": f"docs_{page.stem}"}
    for line, code in python_blocks(page):
        where = f"{page.name}:{line}"
        if code.lstrip().startswith(">>>"):
            test = doctest.DocTestParser().get_doctest(code, namespace, where, str(page), line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            out: list[str] = []
            runner.run(test, out=out.append, clear_globs=False)
            namespace.update(test.globs)  # DocTest runs in a copy of the namespace
            assert runner.failures == 0, "".join(out)
        else:
            exec(compile(code, where, "exec"), namespace)  # noqa: S102 - running our own docs
    assert os.getcwd() == str(ROOT)


MODULES = sorted(
    p.relative_to(ROOT / "src").with_suffix("").as_posix().replace("/", ".")
    for p in (ROOT / "src" / "argmap").rglob("*.py")
    if p.name != "__main__.py"
)


@pytest.mark.parametrize("module", MODULES)
def test_module_docstring_examples_run(module):
    """The >>> examples in argmap's own docstrings are correct."""
    mod = importlib.import_module(module)
    result = doctest.testmod(mod, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
