"""Argdown: the exporter, the importers, the losses they report, and proof against the real Argdown 1.7.5.

The real Argdown runs in Node: tests/argdown_parse_many.js parses many files in one process (one
CLI call costs about a second); the ``argdown`` importer itself runs the CLI (``argdown_cli()``).
Set ARGMAP_UPDATE_GOLDEN=1 to rewrite the golden files in tests/fixtures/argdown/ after an intended
change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import ArgumentMap, Attack, Document, FormatError, ImportLossWarning, MapBuilder, Statement, Support
from argmap.cli import main
from argmap.errors import ExportWarning
from argmap.formats import argdown
from argmap.formats.argdown import _cli, _escape
from argmap.formats.json import dumps as argmap_json
from argmap.formats.json import loads as argmap_loads
from argmap.model import Provenance
from argmap.strategies import argument_maps, statement_texts
from argmap.testing import check_exporter, check_importer, check_round_trip

from .conftest import ROOT, argdown_cli, argdown_node_modules, corpus_dir, need_renderers, shared_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "argdown"
SCRIPT = ROOT / "tests" / "argdown_parse_many.js"
TREES = FIXTURES / "street-trees.argdown"
TREES_JSON = FIXTURES / "street-trees.json"
SEEDS = sorted((ROOT / "seeds").glob("*.json"))
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"
# The property tests against the real Argdown follow the hypothesis profile (40 examples, 200 in CI);
# ARGDOWN_EXAMPLES=N asks for more (a longer campaign by hand).
more_examples = (settings(max_examples=int(os.environ["ARGDOWN_EXAMPLES"])) if "ARGDOWN_EXAMPLES" in os.environ
                 else (lambda test: test))

# The probe strings of interop-notes §3.2 (what Argdown treats as syntax), and more of our own.
PROBES = [
    "a < b && c > d <b>bold</b>", r"C:\new\table \l \N", "a trailing backslash\\", "[x]", "#tag", "*x*", "{a: 1}",
    "// not a comment", "http://example.org/a/b#frag", "1. numbered", "> quote", "+ leading plus",
    "- leading minus", "===", "(1)", "[Title]: fake", "<Arg>: fake", "<_", "_>", "@mention", "中文 and 😀",
    "a\ttab", "/* not a comment */", "<!-- not a comment -->", "__dunder__", "**bold**", "x -> y", "x <- y",
    "x +> y", "x <+ y", "x >< y", "a, b; c: d", "e.g. this", "the A.E.A. met", ":smile: and .happy.",
    "10:30: late", "=== x ===", "a ==== b", "x\\ y", "\\\\", "@[x]", "@<y>", "#(a b)", "&amp; &#65;",
    '"double" and \'single\'', "label=x", "]]>", "1) x", "--", "-- x --", "---", "{", "}", "} x", "{a}{b}",
    "\u200b", "\u202e reversed", "\u00a0 no-break", "a\u3000b", "v\x0bf\x0c", "tab\tand\nnewline",
]


def export(amap: ArgumentMap, **options: Any) -> tuple[str, dict[str, ExportWarning]]:
    """Export; return the text and the ExportWarnings by code (failing on any other warning or a code twice)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = argdown.dumps(amap)
    found: dict[str, ExportWarning] = {}
    for w in caught:
        assert issubclass(w.category, ExportWarning), f"unexpected warning: {w.message}"
        assert w.message.code not in found, f"two warnings for {w.message.code}"
        found[w.message.code] = w.message
    return text, found


def read(data: Any) -> tuple[ArgumentMap, dict[str, ImportLossWarning]]:
    """Import Argdown JSON data; return the map and the ImportLossWarnings by code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        amap = argdown.map_from_argdown(data)
    found: dict[str, ImportLossWarning] = {}
    for w in caught:
        assert issubclass(w.category, ImportLossWarning), f"unexpected warning: {w.message}"
        assert w.message.code not in found, f"two warnings for {w.message.code}"
        found[w.message.code] = w.message
    return amap, found


def counts(losses: dict[str, ImportLossWarning]) -> dict[str, int]:
    return {code: w.count or 0 for code, w in losses.items()}


def seed_maps() -> list[tuple[str, ArgumentMap]]:
    return [(p.stem, argmap_loads(p.read_text(encoding="utf-8"))) for p in SEEDS]


def microtext_maps() -> list[tuple[str, ArgumentMap]]:
    from argmap.formats.microtext import load_path

    found = corpus_dir()
    if found is None:
        pytest.skip("arg-microtexts part 1 not found")
    return [(p.stem, load_path(p)) for p in sorted((found / "corpus" / "en").glob("*.xml"))]


def check_golden(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"missing golden file {path.name}: run with ARGMAP_UPDATE_GOLDEN=1"
    assert path.read_text(encoding="utf-8") == actual, f"{path.name} differs (ARGMAP_UPDATE_GOLDEN=1 rewrites it)"


def small_map() -> ArgumentMap:
    """A hand-written map with everything Argdown draws and everything it cannot."""
    text = "Cities should plant trees. Trees cool streets. Trees cost money."
    b = MapBuilder(text=text, title="Street trees")
    thesis = b.recommendation("Cities should plant trees.", main=True, tags=["policy", "two words"], spans=[(0, 26)])
    cool = b.premise("Trees cool streets.", provenance=Provenance("hand", 0.9), spans=[(27, 46)])
    shade = b.premise("Shade <and> wind // both #count", metadata={"source": "survey"})
    cost = b.objection("Trees cost money.", spans=[(47, 64)])
    fund = b.rebuttal("A fund pays for them:\nthe city's {tree} fund.", tags=["a)b"])
    solo = b.claim("Lone, unrelated: e.g. :smile:")
    r1 = b.support(thesis, cool, shade, scheme="consequences, practical", example=True)
    b.support(cool, shade)
    b.attack(thesis, cost, id="a1")
    b.attack(r1, solo, id="u1")
    b.attack("a1", fund, id="aa1")
    b.attack(cost, fund, solo, id="la1")
    return b.build(note="hand-written")


# -- the real Argdown, in one Node process ----------------------------------------------------------------


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        message = "node is not installed (tools/setup-interop.sh needs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


class RealArgdown:
    """The real Argdown (@argdown/node 1.7.5) kept running: file after file through tests/argdown_parse_many.js."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.env = {**os.environ, "NODE_PATH": str(argdown_node_modules())}
        self.node = _node()
        self.process = subprocess.Popen([self.node, str(SCRIPT)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8", env=self.env, cwd=workdir)
        self.count = 0

    def parse_file(self, path: Path) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"{path}\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line, "the Argdown script stopped"
        return json.loads(line)

    def parse_text(self, text: str) -> dict[str, Any]:
        self.count += 1
        path = self.workdir / f"t{self.count}.argdown"
        path.write_text(text, encoding="utf-8")
        try:
            return self.parse_file(path)
        finally:
            path.unlink()

    def parse_texts(self, texts: list[str]) -> list[dict[str, Any]]:
        """Several texts, in one batch: one new process with every path on its command line."""
        paths = []
        for i, text in enumerate(texts):
            path = self.workdir / f"batch{i}.argdown"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
        done = subprocess.run([self.node, str(SCRIPT), *map(str, paths)], capture_output=True, text=True,
                              encoding="utf-8", env=self.env, cwd=self.workdir, check=True)
        return [json.loads(line) for line in done.stdout.splitlines()]

    def json(self, text: str) -> dict[str, Any]:
        """Argdown's JSON for *text*, failing the test when Argdown reports an error."""
        result = self.parse_text(text)
        assert not result["errors"] and result["exception"] is None, (
            f"Argdown rejected the export: {result['errors'][:2]} {result['exception']}\n{text[:2000]}"
        )
        return result["json"]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait(timeout=30)
        if self.process.stdout:
            self.process.stdout.close()


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """The real Argdown, one Node process for the module's tests."""
    parser = RealArgdown(tmp_path_factory.mktemp("argdown"))
    yield parser
    parser.close()


def assert_parses_back(amap: ArgumentMap, data: dict[str, Any]) -> None:
    """Argdown's reading of an export has our statements (titles and texts) and our relations (by count)."""
    statements = data["statements"]
    assert list(statements) == [s.id for s in amap.statements]
    for s in amap.statements:
        texts = [_escape.normalise(m["text"]) for m in statements[s.id]["members"] if (m.get("text") or "").strip()]
        assert texts, f"no text for {s.id}"
        tagless = argdown._reader._member_text(  # the text without the tags we wrote after it
            next(m for m in statements[s.id]["members"] if (m.get("text") or "").strip()), "m")[0]
        assert tagless == _escape.visible(s.text), f"{s.id}: {s.text!r} came back as {tagless!r}"
    pcs = [a for a in data["arguments"].values() if a.get("pcs")]
    assert len(pcs) == len(amap.supports)
    relations = data["relations"]
    on_statements = {(x, a.target) for a in amap.attacks if isinstance(amap.get(a.target), Statement)
                     for x in a.attackers}
    undercuts = {(x, a.target) for a in amap.attacks if isinstance(amap.get(a.target), Support) for x in a.attackers}
    assert sum(r["relationType"] == "attack" for r in relations) == len(on_statements)
    assert sum(r["relationType"] == "undercut" for r in relations) == len(undercuts)
    assert len(relations) == len(on_statements) + len(undercuts)


# -- registration ------------------------------------------------------------------------------------------


def test_registered_as_exporter_and_two_importers(registry):
    """The plugin registers the exporter `argdown` (.argdown, .ad) and the importers `argdown-json` and `argdown`."""
    assert registry.exporters["argdown"].suffixes == (".argdown", ".ad")
    assert registry.importers["argdown-json"].suffixes == (".json", ".argdown.json")
    assert registry.importers["argdown-json"].sniff is not None
    assert registry.importers["argdown"].suffixes == (".argdown", ".ad")
    assert registry.exporter_for("map.ad").name == "argdown"
    assert registry.importer_for("map.argdown").name == "argdown"


def test_argdown_json_is_told_from_other_json_by_its_content(registry):
    """A .json file that `argdown json` wrote goes to argdown-json; an argmap JSON file still goes to json."""
    trees = TREES_JSON.read_text(encoding="utf-8")
    assert registry.importer_for("x.json", trees).name == "argdown-json"
    assert registry.importer_for("x.argdown.json").name == "argdown-json"
    assert registry.importer_for("x.json", SEEDS[0].read_text(encoding="utf-8")).name == "json"


@pytest.mark.parametrize("text, expected", [
    ('{"arguments": {}, "statements": {}, "relations": []}', True),
    ('{"statements": {}, "arguments": {}, "relations": [], "sections": [], "tags": {}}', True),
    ('{"arguments": {}, "statements": {}, "relations": [], "nodes": []}', False),
    ('{"format": "argmap/1", "statements": [], "relations": []}', False),
    ('{"nodes": [], "edges": [], "locutions": []}', False),
    ('{"arguments": {}, "statements": {}}', False),
    ("[]", False), ("", False), ("{", False),
])
def test_sniff_recognises_argdown_json_only(text, expected):
    """The sniffer claims objects with statements, arguments and relations and no nodes, nothing else."""
    assert argdown.sniff_json(text) is expected


# -- escaping ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("plain text, with commas.", "plain text, with commas."),
    ("a <b> [c] {d} #e *f* _g_ /h\\", r"a \<b\> \[c\] \{d\} \#e \*f\* \_g\_ \/h\\"),
    ("http://x.org/a", r"http:\/\/x.org\/a"),
    ("e.g. this", r"e\.g. this"),
    (":smile: .A. 10:30", r"\:smile: \.A. 10:30"),
    ("a === b ==", r"a \=\=\= b =="),
    ("  two\n\nlines\tand  tabs ", "two lines and tabs"),
])
def test_escape_text(text, expected):
    """Every character Argdown reads as syntax is escaped; white space becomes single spaces."""
    assert argdown.escape_text(text) == expected


@pytest.mark.parametrize("tag, markup", [
    ("pro", "#pro"), ("a-b", "#a-b"), ("two words", "#(two words)"), ("x_y", "#(x_y)"), ("ü", "#(ü)"),
    ("a)b", None), ("", None), (" pad", None), ("two\nlines", None),
])
def test_tags_argdown_can_hold_are_written_as_tags(tag, markup):
    """Tags become #tag or #(tag words); those Argdown cannot hold as written are left to the data block."""
    assert _escape.tag_markup(tag) == markup


@given(st.recursive(st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.floats(allow_nan=False,
                    allow_infinity=False) | st.text(), lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8))
def test_data_blocks_are_json_without_raw_braces_in_strings(value):
    """A data block reads back as the value with json.loads, has no raw brace inside a string, and is one line."""
    text = _escape.data_json(value)
    assert json.loads(text) == value
    assert "\n" not in text and "\r" not in text
    if isinstance(value, str):
        assert "{" not in text and "}" not in text


# -- export --------------------------------------------------------------------------------------------------


def test_export_of_a_small_map_is_the_golden_file():
    """The hand-written map exports byte for byte as tests/fixtures/argdown/small.argdown."""
    text, _ = export(small_map())
    check_golden(FIXTURES / "small.argdown", text)


@pytest.mark.parametrize("name, amap", seed_maps(), ids=[name for name, _ in seed_maps()])
def test_seed_maps_export_as_their_golden_files_without_warnings(name, amap):
    """The op-ed maps of seeds/ export without a warning, byte for byte as tests/fixtures/argdown/<seed>.argdown."""
    text, losses = export(amap)
    assert losses == {}
    check_golden(FIXTURES / f"{name}.argdown", text)


def test_export_names_what_argdown_cannot_draw_by_code_and_id():
    """Attacks on attacks, attacks with several attackers and line breaks are each one warning, with the ids."""
    _, losses = export(small_map())
    assert {code: (w.count, w.ids) for code, w in losses.items()} == {
        "argdown.attack_on_attack": (1, ("aa1",)),
        "argdown.linked_attack": (1, ("la1",)),
        "argdown.linebreak": (1, ("s5",)),
    }


def test_statements_arguments_attacks_and_undercuts_are_laid_out_as_argdown():
    """Statements are defined by id with data, supports are arguments with a PCS, attacks and undercuts relations."""
    text, _ = export(small_map())
    assert "[s1]: Cities should plant trees. #policy #(two words) {" in text
    assert '"kind": "recommendation", "main": true, "spans": [[0, 26]]' in text
    assert "<r1>\n\n(1) [s2]\n(2) [s3]\n-- consequences\\, practical {\"argmap\": {\"example\": true}} --\n(3) [s1]\n" in text
    assert "<r2>\n\n(1) [s3]\n----\n(2) [s2]\n" in text
    assert "[s4]\n  -> [s1]\n" in text
    assert "<r1>\n  <_ [s6]\n" in text
    assert "[s5]\n  -> [s4]\n\n[s6]\n  -> [s4]\n" in text


def test_big_whole_numbers_in_metadata_are_a_warning():
    """Whole numbers beyond 2**53 that a double cannot hold (JavaScript rounds them) are named; 2**60 is not."""
    amap = ArgumentMap(statements=[Statement(id="s1", text="x", metadata={"n": 2**60 + 1, "m": 2**60})])
    _, losses = export(amap)
    assert losses["argdown.number_precision"].ids == ("s1",)


def test_metadata_that_json_cannot_carry_is_a_format_error():
    """A set in metadata is refused with one FormatError, as the JSON exporter does."""
    amap = ArgumentMap(statements=[Statement(id="s1", text="x", metadata={"bad": {1, 2}})])
    with pytest.raises(FormatError, match="metadata cannot be written as JSON"):
        argdown.dumps(amap)


def test_exporter_is_deterministic_on_any_map(registry):
    """Equal maps export byte for byte alike, whatever hypothesis makes."""
    check_exporter(registry.exporters["argdown"])


# -- import from Argdown JSON (the fixture's JSON is what the real Argdown 1.7.5 wrote) ---------------------


@pytest.fixture(scope="module")
def trees():
    return read(json.loads(TREES_JSON.read_text(encoding="utf-8")))


def test_statements_come_from_equivalence_classes_with_titles_kept(trees):
    """Each statement class is a statement s_<title>, its text without tags or markup, its title in metadata."""
    amap, _ = trees
    assert [s.id for s in amap.statements][:4] == ["s_Trees", "s_Shade", "s_Cost", "s_Cheap"]
    cost = amap.statement("s_Cost")
    assert cost.text == "Street trees are expensive to keep."
    assert cost.metadata["argdown"] == {"title": "Cost"}
    assert amap.statement("s_Shade").tags == ("urban heat",)
    assert amap.statement("s_Trees").text == "The city should plant more street trees."
    assert amap.statement("s_Untitled_1").text == "Cooler streets save lives in heat waves."


def test_an_argument_with_a_pcs_is_one_support_per_inference_step(trees):
    """Cooling's two steps are two linked supports, the intermediary conclusion a premise of the second."""
    amap, _ = trees
    first, second = amap.relation("r_Cooling_1"), amap.relation("r_Cooling_2")
    assert isinstance(first, Support) and isinstance(second, Support)
    assert (first.premises, first.conclusion, first.scheme) == (("s_Shade", "s_Untitled_1"), "s_Lives",
                                                                 "practical reasoning")
    assert (second.premises, second.conclusion, second.scheme) == (("s_Lives", "s_Untitled_2"), "s_Trees", None)
    assert second.metadata["argdown"] == {"argument": "Cooling", "step": 2, "description": "Shade makes streets cooler."}


def test_relations_map_to_supports_and_attacks(trees):
    """Support, attack, contradiction, undercut and an attack on a whole argument become the right relations."""
    amap, _ = trees
    rel = {r.id: r for r in amap.relations}
    assert (rel["rel1"].premises, rel["rel1"].conclusion) == (("s_Shade",), "s_Trees")
    assert (rel["rel2"].attackers, rel["rel2"].target) == (("s_Cost",), "s_Trees")
    assert (rel["rel3"].attackers, rel["rel3"].target) == (("s_Cost",), "s_Cheap")
    assert (rel["rel4"].attackers, rel["rel4"].target) == (("a_Roots",), "r_Cooling_2")
    assert (rel["rel5"].attackers, rel["rel5"].target) == (("s_Roots_survey",), "r_Cooling_2")
    assert "rel6" not in rel  # a support into an argument


def test_main_claim_and_kinds_are_derived(trees):
    """The statement with reasons that is never a source is the main claim; attackers are objections."""
    amap, _ = trees
    assert [s.id for s in amap.main_claims] == ["s_Trees"]
    kinds = {s.id: s.kind.value for s in amap.statements}
    assert kinds["s_Cost"] == kinds["a_Roots"] == kinds["s_Roots_survey"] == "objection"
    assert kinds["s_Shade"] == kinds["s_Lives"] == "premise"


def test_every_loss_is_counted_once_per_code(trees):
    """Sections, markup, the argument without PCS, the contradiction and the relations into arguments are named."""
    _, losses = trees
    assert counts(losses) == {
        "argdown.view": 2, "argdown.format": 1, "argdown.argument_as_statement": 1, "argdown.contradictory": 1,
        "argdown.relation_to_argument": 1, "argdown.support_to_argument": 1,
    }
    assert losses["argdown.support_to_argument"].ids == ("rel6",)


def test_import_is_deterministic():
    """The same JSON imports as equal maps with identical argmap JSON."""
    data = json.loads(TREES_JSON.read_text(encoding="utf-8"))
    first, _ = read(data)
    second, _ = read(json.loads(TREES_JSON.read_text(encoding="utf-8")))
    assert first == second and argmap_json(first) == argmap_json(second)


@pytest.mark.parametrize("data, where", [
    ({"statements": [], "arguments": {}, "relations": []}, "statements"),
    ({"statements": {"A": {"members": [], "data": {"argmap": {"kind": "clam"}}}}, "arguments": {},
      "relations": []}, "statements['A'].data.argmap.kind"),
    ({"statements": {"A": {"members": [], "data": {"argmap": 3}}}, "arguments": {}, "relations": []},
     "statements['A'].data.argmap"),
    ({"statements": {}, "arguments": {"X": {"pcs": [{"title": "B", "role": "main-conclusion"}]}},
      "relations": []}, "arguments['X'].pcs[0].title"),
])
def test_bad_argdown_json_is_one_format_error_naming_the_place(data, where):
    """A structure Argdown never writes, or bad argmap data, is one FormatError naming where."""
    with pytest.raises(FormatError) as caught:
        argdown.map_from_argdown(data)
    assert caught.value.where == where
    assert "\n" not in str(caught.value)


def test_importer_answers_any_text_with_a_map_or_a_format_error(registry):
    """Odd text and JSON of the wrong shape give a map or a clear ArgmapError, never a crash."""
    warnings.simplefilter("ignore", ImportLossWarning)  # (pytest restores the filters after the test)
    check_importer(registry.importers["argdown-json"], examples=[
        '{"statements": {}, "arguments": {}, "relations": []}',
        '{"statements": {"a": 1}, "arguments": {}, "relations": []}',
        '{"statements": {}, "arguments": {}, "relations": [1, {"from": "x"}]}',
        '{"statements": {}, "arguments": {"A": {"pcs": [1]}}, "relations": []}',
        TREES_JSON.read_text(encoding="utf-8"),
    ])


def test_the_argdown_importer_answers_odd_text_with_a_map_or_one_line(monkeypatch):
    """Through the real CLI, odd text (empty, blank, control characters, JSON, stray arrows) gives a map or
    one FormatError line."""
    monkeypatch.setenv("ARGMAP_ARGDOWN", str(argdown_cli()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        check_importer(argdown.loads, examples=["[A]: x\n  -> [B]: y {a: 1\n", "<A>\n\n(1) [A]\n----\n(2) [A]\n"],
                       settings=settings(max_examples=1, deadline=None))


def test_without_the_cli_the_argdown_importer_says_how_to_install_it(monkeypatch):
    """No Argdown CLI: one line with the npm command, not a traceback."""
    monkeypatch.setattr(_cli, "find_cli", lambda: None)
    with pytest.raises(FormatError) as caught:
        argdown.loads("[A]: a")
    assert "npm install -g @argdown/cli@1.7.5" in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize("printed, where, start", [
    ("\x1b[31m\x1b[1mArgdown syntax errors in /tmp/x/input.argdown: 2\x1b[0m\n\n\x1b[31mAt 3:7\x1b[0m\n"
     "Expecting token\nbut found ','\n\n\x1b[31mAt 9:1\x1b[0m\nOther\n", "line 3 column 7", "Expecting token but found ','"),
    ("YAMLException: missed comma between flow collection entries (1:19)\n\n 1 | {a b}\n    at x (y.js:1:2)\n",
     None, "Argdown cannot read the YAML data: missed comma"),
    ("TypeError: boom\n    at z\n", None, "Argdown refused the file: TypeError: boom"),
])
def test_what_the_cli_prints_on_refusal_becomes_one_line(printed, where, start):
    """The CLI's first error and its position become one FormatError line; more errors are counted."""
    error = _cli._refusal(printed)
    assert error.where == where
    assert error.message.startswith(start) and "\n" not in error.message
    if where:
        assert error.message.endswith("(and 1 more)")


# -- against the real Argdown ---------------------------------------------------------------------------------


def test_the_fixture_json_is_what_argdown_writes(real):
    """tests/fixtures/argdown/street-trees.json is what Argdown 1.7.5 makes of street-trees.argdown today."""
    result = real.parse_file(TREES)
    assert result["errors"] == [] and result["exception"] is None
    assert result["json"] == json.loads(TREES_JSON.read_text(encoding="utf-8"))


def test_exported_seed_microtext_and_hand_written_maps_parse_with_argdown(real):
    """Every export of the seeds, the 112 microtext maps, the small map and empty ones parses with zero errors
    into our statements and relations, and imports back as the same map."""
    maps = [*seed_maps(), ("small", small_map()), ("empty", ArgumentMap()),
            ("titled", ArgumentMap(document=Document(title="A title only"))), *microtext_maps()]
    assert len(maps) >= 4 + 112
    results = real.parse_texts([export(amap)[0] for _, amap in maps])
    for (name, amap), result in zip(maps, results):
        assert result["errors"] == [] and result["exception"] is None, (name, result["errors"][:2])
        assert_parses_back(amap, result["json"])
        back, losses = read(result["json"])
        assert losses == {}, name
        assert back == amap, name


@given(argument_maps())
@more_examples
def test_any_map_survives_argdown_exactly(real, amap):
    """Any map hypothesis makes: the export parses with the real Argdown into its statements and relations,
    and the import of Argdown's JSON is the very map, whatever was warned (only whole numbers beyond 2**53,
    which JavaScript rounds, may differ, and their warning says so)."""
    text, warned = export(amap)
    data = real.json(text)
    assert_parses_back(amap, data)
    back, losses = read(data)
    assert losses == {}
    assert back == amap or "argdown.number_precision" in warned


def test_round_trip_through_argdown_in_check_round_trip_terms(real, registry):
    """check_round_trip, strict: exporter → real Argdown → argdown-json importer gives the map back."""
    def through_argdown(text: str) -> ArgumentMap:
        return argdown.map_from_argdown(real.json(text))

    check_round_trip(registry.exporters["argdown"], through_argdown, examples=[m for _, m in seed_maps()],
                     strict=True, settings=settings(max_examples=20, deadline=None))


def test_an_edited_export_keeps_the_edits_and_names_the_data_they_outdated(real):
    """A statement and an attack added by hand, a changed text and a deleted attack line: the drawing wins,
    the new statement gets an id from its title and a derived kind, and outdated data is named."""
    text, _ = export(small_map())
    text = text.replace("[s5]: A fund pays for them: the city's \\{tree\\} fund.", "[s5]: A fund pays.")
    text = text.replace("[s4]\n  -> [s1]\n\n", "")
    text += "\n[My claim]: Trees need water.\n  -> [s1]\n"
    amap, losses = read(real.json(text))
    assert amap.statement("s5").text == "A fund pays."
    mine = amap.statement("s_My_claim")
    assert (mine.text, mine.kind.value, mine.metadata["argdown"]) == ("Trees need water.", "objection",
                                                                       {"title": "My claim"})
    assert [(a.attackers, a.target) for a in amap.attacks if a.id.startswith("rel")] == [(("s_My_claim",), "s1")]
    assert "a1" not in amap and "aa1" not in amap  # the attack whose line went, and the attack on it
    assert losses["argdown.stale_data"].ids == ("s5", "a1", "aa1")


def test_hostile_texts_come_back_as_written(real):
    """Each probe string, as a statement, a tag and a scheme, is read back by Argdown as we wrote it; as the
    document's text, title, author and source and as metadata it survives in the data and front matter."""
    maps = []
    for text in PROBES:
        statements = [Statement(id="s1", text=text, tags=[text] if _escape.tag_markup(text) else []),
                      Statement(id="s2", text="other")]
        maps.append(ArgumentMap(statements=statements, relations=[Support(id="r1", premises=["s2"], conclusion="s1",
                                                                          scheme=text)],
                                document=Document(text=text, title=text, author=text, source=text,
                                                  metadata={text: text}), metadata={"k": text}))
    results = real.parse_texts([export(amap)[0] for amap in maps])
    for text, amap, result in zip(PROBES, maps, results):
        assert result["errors"] == [] and result["exception"] is None, (text, result["errors"][:1])
        member = next(m for m in result["json"]["statements"]["s1"]["members"] if m.get("text", "").strip())
        assert argdown._reader._member_text(member, "m")[0] == _escape.visible(text), text
        if amap.statements[0].tags:
            assert member["tags"] == [text], text
        rules = result["json"]["arguments"]["r1"]["pcs"][-1]["inference"]["inferenceRules"]
        assert ", ".join(rules) == _escape.rule_visible(text), text
        assert read(result["json"])[0] == amap, text


@given(st.lists(statement_texts(), min_size=1, max_size=6))
@more_examples
def test_any_text_comes_back_as_written(real, texts):
    """Statement texts hypothesis makes (quotes, backslashes, markup, emoji, controls) are what Argdown reads."""
    amap = ArgumentMap(statements=[Statement(id=f"s{i}", text=t) for i, t in enumerate(texts)])
    data = real.json(export(amap)[0])
    for i, text in enumerate(texts):
        member = data["statements"][f"s{i}"]["members"][0]
        assert argdown._reader._member_text(member, "m")[0] == _escape.visible(text)


def _corpus_files() -> list[Path]:
    corpus = shared_corpus("argdown-repo")
    if corpus is None:
        return []
    return sorted(p for p in corpus.rglob("*") if p.suffix in (".argdown", ".ad"))


BROKEN = {  # PROVENANCE.md: the deliberately malformed lexer fixtures and the demo in an old syntax
    "packages/ArgVu/demo.argdown", "packages/argdown-core/test/lexer-argument.argdown",
    "packages/argdown-core/test/lexer-definitions-references.argdown", "packages/argdown-core/test/lexer-lists.argdown",
    "packages/argdown-core/test/lexer-relation-after-emptyline.argdown",
    "packages/argdown-core/test/lexer-relations.argdown", "packages/argdown-core/test/lexer-statements-by-number.argdown",
}
_RELATION_LOSSES = ("argdown.support_to_argument", "argdown.relation_type", "argdown.self_relation",
                    "argdown.duplicate_relation", "argdown.dangling")


def assert_accounted_for(data: dict[str, Any], amap: ArgumentMap, losses: dict[str, ImportLossWarning],
                         where: object) -> None:
    """Every statement class, argument, inference step and relation of Argdown's JSON is in the map or named by
    a loss code, once; and the map survives argmap JSON."""
    lost = counts(losses)
    without_pcs = [t for t, a in data["arguments"].items() if not a.get("pcs")]
    steps = sum(1 for a in data["arguments"].values() for s in a.get("pcs") or []
                if s.get("role") in ("intermediary-conclusion", "main-conclusion"))
    assert len(amap.statements) == len(data["statements"]) + len(without_pcs), where
    assert lost.get("argdown.argument_as_statement", 0) == len(without_pcs), where
    from_pcs = [r for r in amap.supports if r.id.startswith("r_")]
    assert len(from_pcs) + lost.get("argdown.invalid_step", 0) == steps, where
    from_relations = len(amap.relations) - len(from_pcs)
    assert from_relations + sum(lost.get(code, 0) for code in _RELATION_LOSSES) == len(data["relations"]), where
    assert argmap_loads(argmap_json(amap)) == amap


def test_every_valid_file_of_the_argdown_repository_imports_with_everything_accounted_for(real):
    """The 32 files Argdown parses import into valid maps; every statement, argument and relation is in the
    map or named by a loss code."""
    files = _corpus_files()
    if not files:
        pytest.skip("../shared/corpora/argdown-repo not found")
    corpus = shared_corpus("argdown-repo")
    assert corpus is not None
    valid = [p for p in files if p.relative_to(corpus).as_posix() not in BROKEN]
    assert (len(valid), len(files) - len(valid)) == (32, 7)
    for path in valid:
        result = real.parse_file(path)
        assert result["errors"] == [] and result["exception"] is None, path
        amap, losses = read(result["json"])
        assert_accounted_for(result["json"], amap, losses, path)


_TITLES = st.sampled_from(["A", "B", "C", "D", "Trees", "Kosten über alles"])
_ARGS = st.sampled_from(["P", "Q", "Arg one"])
_REFS = st.one_of(_TITLES.map(lambda t: f"[{t}]"), _ARGS.map(lambda t: f"<{t}>"))
_WORDS = st.sampled_from(["trees", "*cool*", "**shade**", "#tag", "#(two words)", "cost", "e.g.", "@[A]", "x"])


@st.composite
def argdown_files(draw: st.DrawFn) -> str:
    """Argdown text of every construct the importer maps: definitions, references, relations of every type,
    arguments with and without descriptions and PCSs of one or more steps, headings, data."""
    blocks = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["statement", "relations", "argument", "pcs", "heading"]))
        if kind == "statement":
            blocks.append(f"[{draw(_TITLES)}]: {' '.join(draw(st.lists(_WORDS, min_size=1, max_size=4)))}")
        elif kind == "relations":
            arrows = draw(st.lists(st.sampled_from(["+>", "->", "<+", "<-", "+", "-", "_>", "<_", "><"]),
                                   min_size=1, max_size=3))
            lines = [draw(_REFS)] + [f"  {arrow} {draw(_REFS)}" for arrow in arrows]
            blocks.append("\n".join(lines))
        elif kind == "argument":
            blocks.append(f"<{draw(_ARGS)}>: {' '.join(draw(st.lists(_WORDS, min_size=1, max_size=3)))}")
        elif kind == "pcs":
            lines, n = [f"<{draw(_ARGS)}>", ""], 0
            for _ in range(draw(st.integers(1, 2))):
                for _ in range(draw(st.integers(1, 3))):
                    n += 1
                    lines.append(f"({n}) [{draw(_TITLES)}]")
                rule = draw(st.sampled_from(["----", "-- modus ponens --", "-- {uses: [1]} --", "-- a, b --"]))
                n += 1
                lines += [rule, f"({n}) [{draw(_TITLES)}]"]
            blocks.append("\n".join(lines))
        else:
            blocks.append(f"{'#' * draw(st.integers(1, 2))} {draw(_TITLES)}")
    return "\n\n".join(blocks) + "\n"


@given(argdown_files())
@more_examples
def test_any_argdown_file_imports_with_everything_accounted_for(real, text):
    """Argdown text of every construct, as far as Argdown accepts it, imports into a valid map in which every
    statement, argument, step and relation is kept or named by a loss code."""
    result = real.parse_text(text)
    if result["errors"] or result["exception"]:
        return  # not Argdown; the importer refuses it (see test_files_argdown_rejects_are_refused_in_one_line)
    amap, losses = read(result["json"])
    assert_accounted_for(result["json"], amap, losses, text)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_files_argdown_rejects_are_refused_in_one_line(name):
    """The 7 broken files of the repository are refused by the argdown importer with Argdown's first error."""
    corpus = shared_corpus("argdown-repo")
    if corpus is None:
        pytest.skip("../shared/corpora/argdown-repo not found")
    argdown_cli()
    with pytest.raises(FormatError) as caught:
        argdown.loads((corpus / name).read_text(encoding="utf-8"))
    message = str(caught.value)
    assert "\n" not in message and len(message) < 400
    assert caught.value.where is None or caught.value.where.startswith("line ")


def test_the_argdown_importer_reads_argdown_text_through_the_cli(monkeypatch):
    """The importer runs the CLI (from ARGMAP_ARGDOWN here) and gives the map of the fixture's JSON."""
    monkeypatch.setenv("ARGMAP_ARGDOWN", str(argdown_cli()))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        from_cli = argdown.loads(TREES.read_text(encoding="utf-8"))
        from_json = argdown.loads_json(TREES_JSON.read_text(encoding="utf-8"))
    assert from_cli == from_json


def test_render_draws_an_argdown_file(tmp_path, capsys, monkeypatch):
    """`argmap render file.argdown -o x.svg` draws the file, naming the losses on stderr."""
    need_renderers()
    monkeypatch.setenv("ARGMAP_ARGDOWN", str(argdown_cli()))
    out = tmp_path / "trees.svg"
    assert main(["render", str(TREES), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert "Trees shade the pavement in summer." in out.read_text(encoding="utf-8")
    assert "argdown.support_to_argument" in capsys.readouterr().err


def test_convert_to_argdown_and_back_gives_the_seed_byte_for_byte(tmp_path, monkeypatch):
    """`argmap convert map.json -o x.argdown` then `convert x.argdown -o y.json`: the same bytes."""
    monkeypatch.setenv("ARGMAP_ARGDOWN", str(argdown_cli()))
    for seed in SEEDS:
        ad, back = tmp_path / f"{seed.stem}.argdown", tmp_path / f"{seed.stem}.json"
        assert main(["convert", str(seed), "-o", str(ad)]) == 0
        assert main(["convert", str(ad), "-o", str(back)]) == 0
        assert back.read_bytes() == seed.read_bytes()
