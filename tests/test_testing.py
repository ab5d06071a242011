"""argmap.testing: the checks pass good plugins and fail bad ones with a message that says why."""

from __future__ import annotations

import itertools
import json
import warnings

import pytest
from hypothesis import HealthCheck, Phase, settings

import argmap
from argmap import ArgumentMap, Document, ExportWarning, FormatError, Statement
from argmap.plugins import Exporter, Extractor, Importer, load_registry
from argmap.testing import (
    SAMPLE_TEXT,
    check_exporter,
    check_extractor,
    check_extractor_map,
    check_importer,
    check_round_trip,
    huge_text,
    odd_documents,
)

# Few examples and no shrinking: these tests only need to see a check pass or fail.
FEW = settings(
    max_examples=15, deadline=None, database=None, phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)


def first_sentence(document: Document) -> ArgumentMap:
    """A small correct extractor: the first non-blank line is the main claim."""
    text = document.text
    stripped = text.lstrip()
    if not stripped:
        return ArgumentMap(document=document)
    start = len(text) - len(stripped)
    end = start + len(stripped.splitlines()[0].rstrip())
    if not text[start:end].strip():
        return ArgumentMap(document=document)
    return ArgumentMap([Statement("s1", text[start:end], main=True, spans=[(start, end)])], document=document)


def plain_export(amap: ArgumentMap) -> str:
    """A small correct exporter: one line per statement."""
    return "".join(f"{s.id}: {s.text!r}\n" for s in amap.statements)


# -- extractors -------------------------------------------------------------------------------------


def test_correct_extractor_passes():
    """A small extractor that keeps its spans right passes every extractor check, odd input included."""
    check_extractor(first_sentence, documents=["One more text.\nWith two lines."], huge_size=50_000)


def test_builtin_cues_extractor_passes_with_a_megabyte():
    """The built-in cues extractor, as a registered component, passes with the default 1 MB input and its extract_units."""
    check_extractor(load_registry(entrypoints=False).extractor("cues"))


def test_result_that_is_not_a_map_fails():
    """An extractor returning something other than an ArgumentMap fails, naming the type it returned."""
    with pytest.raises(AssertionError, match=r"expected an argmap.ArgumentMap, got dict"):
        check_extractor(lambda doc: {"statements": []})


def test_map_of_another_document_fails():
    """A map whose document text is not the input's fails: its spans would point elsewhere."""
    def extract(doc: Document) -> ArgumentMap:
        return first_sentence(Document(text=doc.text.strip()))

    with pytest.raises(AssertionError, match=r"document text differs from the input"):
        check_extractor(extract, odd=False, documents=["  Leading blanks move every offset."])


def test_crash_on_empty_input_fails_naming_the_input():
    """An extractor that raises IndexError on empty text fails, naming the odd input and the exception."""
    def extract(doc: Document) -> ArgumentMap:
        doc.text.split()[0]
        return first_sentence(doc)

    with pytest.raises(AssertionError, match=r"crashed on odd input 'empty' '': IndexError"):
        check_extractor(extract, huge_size=0)


def test_argmap_error_on_odd_input_is_accepted():
    """An extractor that refuses empty or blank text with an ArgmapError passes."""
    def extract(doc: Document) -> ArgumentMap:
        if not doc.text.strip():
            raise argmap.InputError("nothing to extract")
        return first_sentence(doc)

    check_extractor(extract, huge_size=0)


def test_argmap_error_on_a_sample_document_fails():
    """An ArgmapError on an author's own sample document is a failure, not a refusal."""
    def extract(doc: Document) -> ArgumentMap:
        if "refuse" in doc.text:
            raise argmap.InputError("no")
        return first_sentence(doc)

    with pytest.raises(AssertionError, match=r"failed on sample document 1 'I refuse.': InputError: no"):
        check_extractor(extract, documents=["I refuse."], odd=False)


def test_nondeterministic_extractor_fails():
    """An extractor whose ids change from call to call fails the determinism check."""
    counter = itertools.count(1)

    def extract(doc: Document) -> ArgumentMap:
        amap = first_sentence(doc)
        return amap.evolve(statements=[attrs_evolve(s, id=f"s{next(counter)}") for s in amap.statements])

    with pytest.raises(AssertionError, match=r"not deterministic: sample document 0 gave two different maps"):
        check_extractor(extract, odd=False)


def attrs_evolve(obj, **changes):
    """attrs.evolve, imported late to keep the helper short."""
    import attrs

    return attrs.evolve(obj, **changes)


def test_case_folding_offset_bug_is_caught_on_unicode():
    """An extractor that finds offsets in lower-cased text (İ becomes two characters) fails on the unicode input."""
    def extract(doc: Document) -> ArgumentMap:
        at = doc.text.lower().find(" because") + 1
        if at <= 0:
            return ArgumentMap(document=doc)
        return ArgumentMap([Statement("s1", "because", spans=[(at, at + 7)])], document=doc)

    with pytest.raises(AssertionError, match=r"built an invalid map on odd input 'unicode'"):
        check_extractor(extract, huge_size=0)


def test_metadata_that_json_cannot_carry_fails():
    """A map whose metadata argmap JSON cannot write (a set) fails the JSON check."""
    def extract(doc: Document) -> ArgumentMap:
        return first_sentence(doc).evolve(metadata={"seen": {1, 2}})

    with pytest.raises(AssertionError, match=r"cannot be written as argmap JSON"):
        check_extractor(extract, odd=False)


def test_bad_extract_units_fails():
    """An extract_units that returns fewer statements than units fails, saying how many of each."""
    def units(doc, spans):
        return first_sentence(doc)

    extractor = Extractor("first", first_sentence, extract_units=units)
    with pytest.raises(AssertionError, match=r"units gave 1 statements"):
        check_extractor(extractor, odd=False)


def test_check_extractor_map_names_the_statement_with_a_bad_span():
    """check_extractor_map on a map of a different text names the input label."""
    amap = first_sentence(Document(text="Trees cool streets."))
    with pytest.raises(AssertionError, match=r"^my input: the map's document text differs"):
        check_extractor_map(Document(text="Other text."), amap, label="my input")


def test_odd_documents_cover_the_promised_kinds_of_input():
    """odd_documents holds empty, huge, one-word, punctuation, long-line, control and unicode input."""
    names = [name for name, _ in odd_documents(huge_size=1000)]
    for wanted in ("empty", "one word", "only punctuation", "very long line", "control characters", "unicode"):
        assert wanted in names
    assert any(name.startswith("huge") for name in names)
    assert not any(name.startswith("huge") for name, _ in odd_documents(huge_size=0))


def test_huge_text_is_deterministic_and_of_the_asked_size():
    """huge_text gives the same text for the same size and seed, of exactly that size."""
    assert huge_text(10_000) == huge_text(10_000)
    assert len(huge_text(10_000)) == 10_000
    assert huge_text(10_000, seed=1) != huge_text(10_000)
    assert "because" in huge_text(10_000)


def test_sample_text_is_argumentative():
    """The built-in sample has the cue words an extractor looks for."""
    assert "because" in SAMPLE_TEXT.lower() or "therefore" in SAMPLE_TEXT.lower()


# -- exporters --------------------------------------------------------------------------------------


def test_correct_exporter_passes():
    """A simple deterministic exporter passes the hypothesis-driven exporter check."""
    check_exporter(plain_export, settings=FEW)


@pytest.mark.parametrize("name", ["json", "dot"])
def test_builtin_exporters_pass(name):
    """The built-in json and dot exporters, as registered components, pass the exporter check."""
    check_exporter(load_registry(entrypoints=False).exporter(name), settings=FEW)


def test_exporter_crashing_on_undercuts_fails():
    """An exporter that raises on a map with an undercut fails, showing the map."""
    def export(amap: ArgumentMap) -> str:
        for attack in amap.attacks:
            amap.statement(attack.target)  # UnknownIdError on an undercut
        return plain_export(amap)

    with pytest.raises(AssertionError, match=r"failed on a valid map: UnknownIdError"):
        check_exporter(export, settings=settings(FEW, max_examples=200))


def test_nondeterministic_exporter_fails():
    """An exporter that numbers its outputs fails the determinism check."""
    counter = itertools.count()

    def export(amap: ArgumentMap) -> str:
        return f"# export {next(counter)}\n" + plain_export(amap)

    with pytest.raises(AssertionError, match=r"not deterministic: two exports of the same map differ"):
        check_exporter(export, settings=FEW)


def test_exporter_depending_on_object_identity_fails():
    """An exporter whose output depends on the map object, not its value, fails on an equal copy."""
    def export(amap: ArgumentMap) -> str:
        return f"# {id(amap)}\n" + plain_export(amap)

    with pytest.raises(AssertionError, match=r"an equal copy of the map exports differently"):
        check_exporter(export, settings=FEW)


def test_exporter_of_the_wrong_type_fails():
    """A text exporter that returns bytes fails, naming both types."""
    exporter = Exporter("bytes", lambda amap: plain_export(amap).encode(), binary=False)
    with pytest.raises(AssertionError, match=r"returned bytes, expected str"):
        check_exporter(exporter, settings=FEW)


def test_exporter_output_rejected_by_the_consumer_fails():
    """The author's consumer check (accept) failing makes the exporter check fail with its message."""
    def accept(out, amap):
        assert out.count("\n") == len(amap.statements), "one line per statement"

    with pytest.raises(AssertionError, match=r"the output was rejected: one line per statement"):
        check_exporter(lambda amap: plain_export(amap) + "\n", accept=accept, settings=FEW)


def test_exporter_examples_are_tried():
    """Explicit example maps are checked even when hypothesis generates nothing else that fails."""
    b = argmap.MapBuilder()
    b.claim("special", main=True)
    special = b.build()

    def export(amap: ArgumentMap) -> str:
        if amap.statements[0].text == "special":
            raise RuntimeError("special case")
        return plain_export(amap)

    with pytest.raises(AssertionError, match=r"RuntimeError: special case"):
        check_exporter(export, examples=[special], settings=FEW)


# -- importers and round trips ----------------------------------------------------------------------


def test_builtin_json_importer_passes():
    """The built-in argmap JSON importer answers any text with a map or a FormatError."""
    check_importer(load_registry(entrypoints=False).importer("json"), settings=FEW)


def test_importer_leaking_a_json_error_fails():
    """An importer that lets json.JSONDecodeError escape fails, naming the input."""
    def load(text: str) -> ArgumentMap:
        json.loads(text)
        return ArgumentMap()

    with pytest.raises(AssertionError, match=r"crashed on '': JSONDecodeError"):
        check_importer(load, settings=FEW)


def test_json_round_trip_is_exact():
    """The built-in json exporter and importer pass the strict round trip."""
    r = load_registry(entrypoints=False)
    check_round_trip(r.exporter("json"), r.importer("json"), strict=True, settings=FEW)


def _without_metadata(amap: ArgumentMap) -> dict:
    data = json.loads(argmap.dumps(amap))
    data.pop("metadata", None)
    return data


def test_silent_loss_in_a_round_trip_fails():
    """An exporter that drops the map's metadata without an ExportWarning fails the round trip, naming what changed."""
    def export(amap: ArgumentMap) -> str:
        return json.dumps(_without_metadata(amap))

    with pytest.raises(AssertionError, match=r"gave no ExportWarning: metadata"):
        check_round_trip(export, argmap.loads, settings=settings(FEW, max_examples=100))


def test_reported_loss_in_a_round_trip_passes_unless_strict():
    """Dropping metadata with an ExportWarning passes; with strict=True it fails."""
    def export(amap: ArgumentMap) -> str:
        if amap.metadata:
            warnings.warn("metadata dropped", ExportWarning, stacklevel=2)
        return json.dumps(_without_metadata(amap))

    check_round_trip(export, argmap.loads, settings=FEW)
    with pytest.raises(AssertionError, match=r"although it warned \(metadata dropped\) and strict=True"):
        check_round_trip(export, argmap.loads, strict=True, settings=settings(FEW, max_examples=100))


def test_unreadable_export_fails_the_round_trip():
    """An importer that cannot read the exporter's output fails the round trip with the importer's error."""
    def load(text: str) -> ArgumentMap:
        raise FormatError("cannot read this", where="line 1")

    with pytest.raises(AssertionError, match=r"cannot read what .* wrote: FormatError: line 1: cannot read this"):
        check_round_trip(argmap.dumps, load, settings=FEW)


def test_components_and_functions_are_both_accepted():
    """The checks take registered components and plain functions; anything else is a TypeError."""
    check_exporter(Exporter("plain", plain_export), settings=FEW)
    check_importer(Importer("json2", argmap.loads), settings=FEW)
    with pytest.raises(TypeError, match="expected an argmap.Extractor"):
        check_extractor(42)  # type: ignore[arg-type]
