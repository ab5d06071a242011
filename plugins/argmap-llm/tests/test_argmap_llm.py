"""argmap-llm against fake models registered through llm's own plugin hooks: nothing leaves the machine."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import llm
import pytest

import argmap
import argmap_llm
from argmap import Document, FormatError
from argmap.cli import main
from argmap.plugins import load_registry
from argmap.testing import check_extractor
from argmap_llm import SCHEMA, ExtractionWarning, align, extract, parse_answer

TEXT = (
    "Cities should plant more trees.\n\n"
    "Trees cool the streets in  summer, and shade saves lives.\n"
    "Some say that “trees cost too much to water”. But a grown tree needs little water.\n"
)

Answer = str | Callable[[str], str] | Exception


class FakeModel(llm.Model):
    """A model that answers what the test tells it to, and remembers the prompts it was given."""

    can_stream = False

    def __init__(self, model_id: str, *, schema: bool) -> None:
        self.model_id = model_id
        self.supports_schema = schema
        self.answer: Answer = ""
        self.prompts: list[llm.Prompt] = []

    def execute(self, prompt, stream, response, conversation) -> Iterator[str]:
        self.prompts.append(prompt)
        answer = self.answer
        if isinstance(answer, Exception):
            raise answer
        yield answer(prompt.prompt) if callable(answer) else answer


class FakeModels:
    """An llm plugin (llm's register_models hook) offering the fake models."""

    def __init__(self, *models: FakeModel) -> None:
        self.models = models

    @llm.hookimpl
    def register_models(self, register):
        for model in self.models:
            register(model)


@pytest.fixture
def fake(monkeypatch, tmp_path) -> Iterator[FakeModel]:
    """The fake schema-capable model `argmap-fake`, chosen through ARGMAP_LLM_MODEL, registered with llm
    for the test only; llm's user folder is a temporary one."""
    monkeypatch.setenv("LLM_USER_PATH", str(tmp_path / "llm"))
    monkeypatch.setenv(argmap_llm.MODEL_VARIABLE, "argmap-fake")
    model = FakeModel("argmap-fake", schema=True)
    plain = FakeModel("argmap-fake-plain", schema=False)
    plugin = FakeModels(model, plain)
    llm.plugins.pm.register(plugin, name="argmap-llm-test-fakes")
    model.plain = plain  # type: ignore[attr-defined]
    try:
        yield model
    finally:
        llm.plugins.pm.unregister(plugin)


def answer(statements: list[tuple[str, str, str, bool]], relations: list[tuple[str, str, list[str], str]]) -> str:
    """A model answer in the requested JSON shape."""
    return json.dumps({
        "statements": [{"id": i, "quote": q, "kind": k, "main": m} for i, q, k, m in statements],
        "relations": [{"id": i, "type": t, "from": f, "to": to} for i, t, f, to in relations],
    })


GOOD = answer(
    [
        ("s1", "Cities should plant more trees.", "recommendation", True),
        ("s2", "Trees cool the streets in  summer", "premise", False),
        ("s3", "shade saves lives", "premise", False),
        ("s4", "trees cost too much to water", "objection", False),
        ("s5", "But a grown tree needs little water.", "rebuttal", False),
    ],
    [
        ("r1", "support", ["s2", "s3"], "s1"),
        ("r2", "attack", ["s4"], "s1"),
        ("r3", "attack", ["s5"], "s4"),
    ],
)


def test_good_answer_becomes_a_map_with_exact_spans(fake, recwarn):
    """A good answer gives the statements as the document's own text at their spans, kinds, the main
    claim, a linked support and attacks, with provenance and the model's id; no warning."""
    fake.answer = GOOD
    amap = extract(Document(TEXT, title="Trees"))
    assert [s.text for s in amap.statements] == [
        "Cities should plant more trees.", "Trees cool the streets in  summer", "shade saves lives",
        "trees cost too much to water", "But a grown tree needs little water.",
    ]
    for s in amap.statements:
        assert " ".join(TEXT[a:b] for a, b in s.spans) == s.text
        assert s.provenance == argmap.Provenance(extractor="llm")
    assert [s.kind.value for s in amap.statements] == ["recommendation", "premise", "premise", "objection", "rebuttal"]
    assert [s.id for s in amap.main_claims] == ["s1"]
    assert [(r.id, r.sources, r.target) for r in amap.relations] == [
        ("r1", ("s2", "s3"), "s1"), ("r2", ("s4",), "s1"), ("r3", ("s5",), "s4"),
    ]
    assert amap.metadata == {"extractor": "llm", "model": "argmap-fake"}
    assert not [w for w in recwarn if issubclass(w.category, ExtractionWarning)]


def test_prompt_carries_the_document_and_the_schema(fake):
    """The model gets the document's title and text, the instructions to quote verbatim, and the JSON schema."""
    fake.answer = GOOD
    extract(Document(TEXT, title="Trees"))
    (prompt,) = fake.prompts
    assert TEXT in prompt.prompt and "Title: Trees" in prompt.prompt
    assert "word for word" in prompt.system
    assert prompt.schema == SCHEMA


def test_model_without_schemas_gets_the_format_in_words(fake):
    """A model that does not support schemas is asked for the JSON form in the prompt, with no schema,
    and may wrap its answer in a code fence."""
    fake.plain.answer = "Here is the map:\n```json\n" + GOOD + "\n```\n"
    amap = extract(Document(TEXT), model="argmap-fake-plain")
    (prompt,) = fake.plain.prompts
    assert prompt.schema is None and '{"statements": [' in prompt.system
    assert len(amap.statements) == 5


def test_paraphrased_quotes_are_dropped_with_a_warning(fake):
    """Quotes that are not in the document are dropped, a warning says how many and shows them, and the
    relations that needed them are dropped too, with their own warning."""
    fake.answer = answer(
        [
            ("s1", "Cities should plant more trees.", "recommendation", True),
            ("s2", "Trees make streets cooler in summer.", "premise", False),
            ("s3", "Planting is cheap.", "premise", False),
            ("s4", "shade saves lives", "premise", False),
        ],
        [("r1", "support", ["s2"], "s1"), ("r2", "support", ["s4"], "s1")],
    )
    with pytest.warns(ExtractionWarning) as caught:
        amap = extract(Document(TEXT))
    messages = [str(w.message) for w in caught]
    assert messages[0].startswith("llm: dropped 2 of 4 quotes that are not in the document")
    assert "'Trees make streets cooler in summer.'" in messages[0] and "'Planting is cheap.'" in messages[0]
    assert messages[1] == "llm: dropped 1 of 2 relations that name unknown or dropped statements (first: 'r1': unknown id 's2')"
    assert [s.text for s in amap.statements] == ["Cities should plant more trees.", "shade saves lives"]
    assert [(r.id, r.sources, r.target) for r in amap.relations] == [("r1", ("s2",), "s1")]


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("Trees cool the streets in summer", "Trees cool the streets in  summer"),  # white space
        ("trees COST too much to water", "trees cost too much to water"),  # case
        ('"trees cost too much to water"', "“trees cost too much to water”"),  # straight for curly quotes
        ("Trees cool the streets in summer.", "Trees cool the streets in  summer"),  # a full stop too many
    ],
)
def test_quotes_match_up_to_white_space_case_and_quote_marks(fake, quote, expected):
    """A quote that differs from the text only in white space, case, quote marks or a final punctuation
    mark is aligned, and the statement's text is the document's own."""
    fake.answer = answer([("a", quote, "claim", True)], [])
    (statement,) = extract(Document(TEXT)).statements
    assert statement.text == expected
    (a, b), = statement.spans
    assert TEXT[a:b] == expected


def test_a_quote_with_an_ellipsis_covers_several_spans(fake):
    """A quote with '...' for left-out words becomes one statement with a span per part, in order."""
    fake.answer = answer([("a", "Trees cool the streets ... shade saves lives", "premise", False)], [])
    (statement,) = extract(Document(TEXT)).statements
    assert [TEXT[a:b] for a, b in statement.spans] == ["Trees cool the streets", "shade saves lives"]
    assert statement.text == "Trees cool the streets shade saves lives"


def test_align_prefers_unused_occurrences():
    """The same quote twice takes two occurrences in the text; a third time, or a shorter quote starting
    where a statement already starts, is not found."""
    assert align("No. No.", ["No.", "No.", "No.", "No"]) == [[(0, 3)], [(4, 7)], None, None]


def test_unknown_ids_drop_relations_with_a_warning(fake):
    """Relations from or to ids the answer never defined are dropped, with one warning saying how many;
    an undercut of a kept support stays, a support of a relation goes."""
    fake.answer = answer(
        [
            ("s1", "Cities should plant more trees.", "claim", True),
            ("s2", "shade saves lives", "premise", False),
            ("s3", "trees cost too much to water", "objection", False),
        ],
        [
            ("r1", "support", ["s2"], "s1"),
            ("r2", "support", ["s9"], "s1"),
            ("r3", "attack", ["s3"], "s7"),
            ("r4", "attack", ["s3"], "r1"),
            ("r5", "support", ["s3"], "r1"),
            ("r6", "attack", ["s3"], "r2"),
            ("r7", "support", ["s2", "s2"], "s2"),
        ],
    )
    with pytest.warns(ExtractionWarning, match=r"dropped 5 of 7 relations .* \(first: 'r2': unknown id 's9'\)"):
        amap = extract(Document(TEXT))
    assert [(r.id, type(r).__name__, r.sources, r.target) for r in amap.relations] == [
        ("r1", "Support", ("s2",), "s1"), ("r2", "Attack", ("s3",), "r1"),
    ]
    assert amap.attack_type("r2") == "undercut"


def test_invalid_json_is_a_format_error(fake):
    """An answer that is not JSON raises argmap.FormatError naming the model and showing the answer."""
    fake.answer = "Sure! The main claim is that cities should plant trees."
    with pytest.raises(FormatError, match=r"^model 'argmap-fake': the model's answer is not valid JSON \(Expecting value"):
        extract(Document(TEXT))


def test_truncated_json_is_a_format_error(fake):
    """An answer cut off mid-way raises argmap.FormatError, not a JSONDecodeError."""
    fake.answer = GOOD[: len(GOOD) // 2]
    with pytest.raises(FormatError, match="not valid JSON"):
        extract(Document(TEXT))


@pytest.mark.parametrize("empty", ["", "   \n", "```json\n```"])
def test_empty_answer_is_a_format_error(fake, empty):
    """An empty answer (or an empty code fence) raises argmap.FormatError saying so."""
    fake.answer = empty
    with pytest.raises(FormatError, match=r"^model 'argmap-fake': the model gave an empty answer$|not valid JSON"):
        extract(Document(TEXT))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object with statements and relations, got a list"),
        ({}, "missing 'statements'"),
        ({"statements": {}}, "statements: expected a list, got an object"),
        ({"statements": ["x"]}, r"statements\[0\]: expected an object, got a string"),
        ({"statements": [{"id": "s1", "kind": "claim"}]}, r"statements\[0\]: missing 'quote'"),
        ({"statements": [{"id": "s1", "quote": "", "kind": "claim"}]}, r"statements\[0\].quote: expected a non-empty string"),
        ({"statements": [{"id": "s1", "quote": "x", "kind": "opinion"}]}, r"statements\[0\].kind: unknown kind 'opinion'"),
        ({"statements": [{"id": "s1", "quote": "x", "kind": "claim", "main": "yes"}]}, r"statements\[0\].main: expected true or false"),
        ({"statements": [{"id": "s1", "quote": "x", "kind": "claim"}, {"id": "s1", "quote": "y", "kind": "claim"}]},
         r"statements\[1\].id: duplicate id 's1'"),
        ({"statements": [], "relations": [{"id": "r1", "type": "because", "from": [], "to": "s1"}]},
         r"relations\[0\].type: unknown relation type 'because'"),
        ({"statements": [], "relations": [{"id": "r1", "type": "support", "from": [1], "to": "s1"}]},
         r"relations\[0\].from: expected a list of statement ids"),
    ],
)
def test_wrong_shape_is_a_format_error_naming_the_place(data, message):
    """JSON of the wrong shape raises argmap.FormatError naming the field at fault."""
    with pytest.raises(FormatError, match=message):
        parse_answer(json.dumps(data))


def test_kind_synonyms_are_understood():
    """Common words for the kinds (conclusion, reason, counterargument, ...) map to argmap's kinds."""
    data = parse_answer(json.dumps({"statements": [
        {"id": "a", "quote": "x", "kind": "Conclusion"}, {"id": "b", "quote": "y", "kind": "reason"},
        {"id": "c", "quote": "z", "kind": "counterargument"},
    ]}))
    assert [s["kind"] for s in data["statements"]] == ["claim", "premise", "objection"]


def test_model_failure_is_an_argmap_error(fake):
    """A model that raises (no key, no network, ...) gives one argmap.ArgmapError naming the model."""
    fake.answer = llm.ModelError("rate limited\nretry later")
    with pytest.raises(argmap.ArgmapError, match=r"^model 'argmap-fake' failed: ModelError: rate limited$"):
        extract(Document(TEXT))


def test_unknown_model_is_an_argmap_error(fake, monkeypatch):
    """A model llm does not know gives an argmap.ArgmapError that says how to choose one."""
    monkeypatch.setenv(argmap_llm.MODEL_VARIABLE, "no-such-model")
    with pytest.raises(argmap.ArgmapError, match=r"llm knows no model 'no-such-model': set ARGMAP_LLM_MODEL"):
        extract(Document(TEXT))


def test_blank_document_needs_no_model(fake):
    """A blank document gives an empty map without asking the model."""
    amap = extract(Document(" \n"))
    assert len(amap) == 0 and fake.prompts == []


def test_too_long_document_is_refused_before_asking(fake, monkeypatch):
    """A document over ARGMAP_LLM_MAX_CHARS raises argmap.InputError without calling the model."""
    monkeypatch.setenv("ARGMAP_LLM_MAX_CHARS", "10")
    with pytest.raises(argmap.InputError, match="takes at most 10"):
        extract(Document(TEXT))
    assert fake.prompts == []


def first_sentences(prompt: str) -> str:
    """A deterministic fake model: the document's first sentence is the main claim, the second supports it."""
    text = prompt.split("<text>\n", 1)[1].rsplit("\n</text>", 1)[0]
    sentences = re.findall(r"\S[^.!?\n]*[.!?]?", text)[:2]
    statements = [(f"s{i + 1}", q, "claim" if i == 0 else "premise", i == 0) for i, q in enumerate(sentences)]
    relations = [("r1", "support", ["s2"], "s1")] if len(sentences) == 2 else []
    return answer(statements, relations)


def test_passes_argmap_extractor_checks(fake):
    """With a well-behaved model the extractor gives valid, deterministic maps and odd input never crashes it
    (the 1 MB input is refused with an InputError)."""
    fake.answer = first_sentences
    check_extractor(argmap_llm.EXTRACTOR, documents=[TEXT])


def test_cli_extract_with_the_llm_extractor(fake, tmp_path, capsys):
    """`argmap extract essay.txt -e llm` prints the map as argmap JSON and the dropped quotes as a warning line."""
    fake.answer = answer([("s1", "Cities should plant more trees.", "claim", True), ("s2", "Not there.", "premise", False)], [])
    essay = tmp_path / "essay.txt"
    essay.write_text(TEXT, encoding="utf-8")
    registry = load_registry(entrypoints=False, plugins=[argmap_llm])
    assert main(["extract", str(essay), "-e", "llm"], registry=registry) == 0
    out, err = capsys.readouterr()
    amap = argmap.loads(out)
    assert [s.text for s in amap.statements] == ["Cities should plant more trees."]
    assert err.startswith("argmap: warning: llm: dropped 1 of 2 quotes") and err.count("\n") == 1


def test_cli_reports_a_bad_answer_in_one_line(fake, tmp_path, capsys):
    """A malformed answer through the command line is one `argmap: error:` line and status 1."""
    fake.answer = "not json"
    essay = tmp_path / "essay.txt"
    essay.write_text(TEXT, encoding="utf-8")
    registry = load_registry(entrypoints=False, plugins=[argmap_llm])
    assert main(["extract", str(essay), "-e", "llm"], registry=registry) == 1
    err = capsys.readouterr().err
    assert err.startswith("argmap: error: model 'argmap-fake': the model's answer is not valid JSON") and err.count("\n") == 1


def test_is_registered():
    """The plugin registers the extractor `llm`."""
    registry = load_registry(entrypoints=False, plugins=[argmap_llm])
    assert registry.extractor("llm") is argmap_llm.EXTRACTOR


def test_uses_llms_default_model_without_the_variable(fake, monkeypatch):
    """Without ARGMAP_LLM_MODEL the extractor asks llm's default model (`llm models default`)."""
    monkeypatch.delenv(argmap_llm.MODEL_VARIABLE)
    llm.set_default_model("argmap-fake")
    fake.answer = GOOD
    assert extract(Document(TEXT)).metadata["model"] == "argmap-fake"


def test_a_quote_repeated_thousands_of_times_aligns_in_linear_time():
    """A model that repeats one quote 5,000 times (a pathological answer) is aligned quickly, each repeat to
    the next occurrence, then None when the text has no more."""
    import time

    from argmap_llm import align

    text = "We must act. " * 5000
    start = time.process_time()
    spans = align(text, ["We must act."] * 5001)
    assert time.process_time() - start < 5
    assert spans[0] == [(0, 12)] and spans[4999] == [(64987, 64999)] and spans[5000] is None


@pytest.mark.parametrize(
    "answer, message",
    [("[" * 100_000, "nested too deeply"), ('{"statements": [' + "1" * 5000 + "]}", "a number of more than")],
    ids=["deep", "5,000 digits"],
)
def test_hostile_answers_are_format_errors(answer, message):
    """An answer nested 100k deep or holding a 5,000-digit number is a FormatError, not a traceback."""
    from argmap_llm import parse_answer

    with pytest.raises(argmap.FormatError, match=message):
        parse_answer(answer)


def test_a_bad_max_chars_setting_is_one_line(monkeypatch):
    """ARGMAP_LLM_MAX_CHARS=lots is an InputError naming the variable."""
    from argmap_llm import extract

    monkeypatch.setenv("ARGMAP_LLM_MAX_CHARS", "lots")
    with pytest.raises(argmap.InputError, match="ARGMAP_LLM_MAX_CHARS: expected a whole number of characters"):
        extract(argmap.Document(text="Trees cool streets."))
