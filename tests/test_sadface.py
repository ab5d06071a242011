"""SADFace: the exporter and importer, their round trip, the losses they report, and the real tools.

The real sadface 0.5.4.0 and arguebuf 2.7.2 run in their own venv (``interop_python()``), driven by
tests/fixtures/sadface/drive_tools.py, which handles many files per process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap import ArgumentMap, Attack, Document, FormatError, ImportLossWarning, Kind, Statement, Support
from argmap.builtins import json_format, sadface_format
from argmap.cli import main
from argmap.formats import sadface
from argmap.formats.json import dumps as argmap_json
from argmap.formats.json import loads as argmap_loads
from argmap.model import is_valid_id
from argmap.plugins import load_registry
from argmap.strategies import argument_maps
from argmap.testing import check_exporter, check_importer, check_round_trip

from .conftest import ROOT, corpus_dir, interop_python, need_renderers, needs_corpus, shared_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "sadface"
DRIVER = FIXTURES / "drive_tools.py"
TREES = FIXTURES / "street-trees.sadface.json"
BIKES_02 = FIXTURES / "bike-lane-0.2.json"
SEEDS = sorted(p for p in (ROOT / "seeds").glob("*.json"))


def seed_maps() -> list[ArgumentMap]:
    return [argmap_loads(p.read_text(encoding="utf-8")) for p in SEEDS]


def microtext_maps() -> list[tuple[str, ArgumentMap]]:
    from argmap.formats.microtext import load_path

    found = corpus_dir()
    assert found is not None
    return [(p.stem, load_path(p)) for p in sorted((found / "corpus" / "en").glob("*.xml"))]


def load_recording(text: str) -> tuple[ArgumentMap, dict[str, ImportLossWarning]]:
    """Import SADFace text; return the map and the loss warnings by code (failing on any other warning)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        amap = sadface.loads(text)
    losses = {}
    for w in caught:
        assert issubclass(w.category, ImportLossWarning), f"unexpected warning: {w.message}"
        assert w.message.code not in losses, f"two warnings for {w.message.code}"
        losses[w.message.code] = w.message
    return amap, losses


def by_text(amap: ArgumentMap) -> dict[str, Statement]:
    return {s.text: s for s in amap.statements}


def doc(nodes, edges, *, core=None, resources=(), **top) -> str:
    """A small SADFace 0.5 document as text."""
    data = {"metadata": {"core": {"title": "t", **(core or {})}}, "resources": list(resources),
            "nodes": nodes, "edges": [{"id": f"e{i}", "source_id": s, "target_id": t} for i, (s, t) in enumerate(edges)],
            **top}
    return json.dumps(data)


def atom(nid, text, **extra):
    return {"id": nid, "type": "atom", "text": text, "sources": [], "metadata": {"core": {}}, **extra}


def node(nid, node_type, name):
    return {"id": nid, "type": node_type, "name": name, "metadata": {"core": {}}}


# -- registration and sniffing -------------------------------------------------------------------------


def test_registered_as_importer_and_exporter(registry):
    """The sadface plugin registers an importer (.sadface.json, and .json by sniffing) and an exporter (.sadface.json)."""
    assert registry.owners[("importer", "sadface")] == "argmap.sadface"
    assert registry.importer("sadface").suffixes == (".sadface.json", ".json")
    assert registry.exporter("sadface").suffixes == (".sadface.json",)
    assert registry.importer_for("x.sadface.json").name == "sadface"
    assert registry.exporter_for("out.sadface.json").name == "sadface"
    assert registry.exporter_for("out.json").name == "json"


def test_json_files_go_to_sadface_only_when_they_are_sadface():
    """A .json file is read as SADFace when it is SADFace (either dialect), and as argmap JSON when it is argmap JSON."""
    registry = load_registry(builtins=False, entrypoints=False, plugins=[json_format, sadface_format])
    argmap_text = (ROOT / "seeds" / "japan-russia-reset.core.json").read_text(encoding="utf-8")
    assert registry.importer_for("x.json", TREES.read_text(encoding="utf-8")).name == "sadface"
    assert registry.importer_for("x.json", BIKES_02.read_text(encoding="utf-8")).name == "sadface"
    assert registry.importer_for("x.json", argmap_text).name == "json"


def test_with_every_builtin_a_sadface_json_file_is_still_read_as_sadface(registry):
    """With all built-in importers (AIF and Argdown JSON share .json), SADFace .json files of either dialect go
    to the SADFace importer."""
    assert registry.importer_for("x.json", TREES.read_text(encoding="utf-8")).name == "sadface"
    assert registry.importer_for("x.json", BIKES_02.read_text(encoding="utf-8")).name == "sadface"


@pytest.mark.parametrize("corpus", ["aif-araucaria", "aif-microtexts-part1", "xaif"])
def test_the_sniffer_claims_no_file_of_the_aif_corpora(corpus):
    """No AIF or xAIF file of the shared corpora (read in place) is taken for SADFace."""
    found = shared_corpus(corpus)
    if found is None:
        pytest.skip(f"{corpus} not found in ../shared/corpora")
    files = sorted(found.rglob("*.json"))
    assert files
    assert [p.name for p in files if sadface.sniff(p.read_text(encoding="utf-8", errors="replace"))] == []


AIF = json.dumps({"nodes": [{"nodeID": "1", "text": "a", "type": "I"}, {"nodeID": "2", "text": "Default Inference",
                  "type": "RA"}], "edges": [{"edgeID": "1", "fromID": "1", "toID": "2"}], "locutions": []})
AIF_NO_LOCUTIONS = json.dumps({"nodes": [{"nodeID": "1", "text": "a", "type": "I"}],
                               "edges": [{"edgeID": "1", "fromID": "1", "toID": "1"}], "metadata": {}})


@pytest.mark.parametrize("text, expected", [
    (doc([], []), True),  # metadata.core is enough
    (json.dumps({"nodes": [atom("a", "x")], "edges": [], "metadata": {}}), True),  # the 0.1 dialect
    (json.dumps({"nodes": [node("s", "scheme", "support")], "edges": []}), True),
    (AIF, False),
    (AIF_NO_LOCUTIONS, False),
    ('{"format": "argmap/1", "statements": [], "relations": []}', False),
    (json.dumps({"nodes": [], "edges": []}), False),  # nothing says SADFace
    (json.dumps({"nodes": [{"id": "1", "type": "I"}], "edges": []}), False),
    ("[1, 2]", False),
    ("{not json", False),
    ("", False),
])
def test_sniff_recognises_sadface_and_nothing_else(text, expected):
    """The sniffer says yes to SADFace (metadata.core, or nodes of SADFace's types) and no to AIF, argmap JSON and junk."""
    assert sadface.sniff(text) is expected


# -- writing -------------------------------------------------------------------------------------------


def test_export_is_the_library_dialect_formatted_as_the_library_saves():
    """The export has atoms, inference and conflict nodes, a text resource, title/description/notes/claim in
    metadata.core, and is laid out as sadface.save writes (indent 4, sorted keys, no final newline)."""
    amap = _walking_map()
    text = sadface.dumps(amap)
    data = json.loads(text)
    assert text == json.dumps(data, indent=4, sort_keys=True, ensure_ascii=False)
    assert not text.endswith("\n")
    core = data["metadata"]["core"]
    assert {"title", "description", "notes", "analyst_name", "analyst_email", "created", "edited", "id",
            "version"} <= core.keys()
    assert core["title"] == "Walking" and core["created"] == core["edited"] == sadface.CREATED
    types = [n["type"] for n in data["nodes"]]
    assert types == ["atom", "atom", "atom", "inference", "conflict"]
    claim = next(n for n in data["nodes"] if n["type"] == "atom" and n["text"] == "We should walk.")
    assert core["claim"] == claim["id"]
    assert claim["sources"] == [{"resource_id": data["resources"][0]["id"], "text": "We should walk.", "offset": 0,
                                 "length": 15}]
    assert data["resources"][0]["content"] == amap.document.text
    inference = next(n for n in data["nodes"] if n["type"] == "inference")
    assert inference["name"] == "support" and inference["metadata"]["argmap"] == {"id": "r1"}
    assert next(n for n in data["nodes"] if n["type"] == "conflict")["name"] == "attack"
    ends = {(e["source_id"], e["target_id"]) for e in data["edges"]}
    ids = {n["metadata"]["argmap"]["id"]: n["id"] for n in data["nodes"]}
    assert ends == {(ids["p"], ids["r1"]), (ids["r1"], ids["c"]), (ids["o"], ids["r2"]), (ids["r2"], ids["c"])}


def _walking_map() -> ArgumentMap:
    text = "We should walk. It is healthy. It is slow."
    return ArgumentMap(
        [Statement("c", "We should walk.", kind="recommendation", main=True, spans=[(0, 15)]),
         Statement("p", "It is healthy.", kind="premise", spans=[(16, 30)]),
         Statement("o", "It is slow.", kind="objection", spans=[(31, 42)])],
        [Support("r1", ["p"], "c"), Attack("r2", ["o"], "c")],
        document=Document(text, title="Walking"),
    )


def test_export_is_byte_stable_and_ids_are_uuids():
    """The same map exports to the same bytes; node ids are UUIDs, different for different maps."""
    amap = _walking_map()
    first = sadface.dumps(amap)
    assert first == sadface.dumps(argmap_loads(argmap_json(amap)))
    other = sadface.dumps(amap.evolve(document=Document(amap.document.text, title="Other")))
    ids = [n["id"] for n in json.loads(first)["nodes"]]
    assert all(str(uuid.UUID(i)) == i for i in ids)
    assert set(ids).isdisjoint(n["id"] for n in json.loads(other)["nodes"])


def test_exporter_is_deterministic_on_any_map():
    """The exporter never fails on a valid map and gives the same text for equal maps (check_exporter)."""
    check_exporter(load_registry(entrypoints=False).exporter("sadface"))


def test_metadata_that_json_cannot_carry_is_a_format_error():
    """Exporting a map whose metadata holds a set raises FormatError, not TypeError."""
    amap = ArgumentMap([Statement("s1", "x", metadata={"bad": {1, 2}})])
    with pytest.raises(FormatError, match="metadata cannot be written as JSON"):
        sadface.dumps(amap)


# -- the round trip ------------------------------------------------------------------------------------


def test_round_trip_is_exact_on_any_map(registry):
    """argmap → SADFace → argmap gives the map back, with no warning (check_round_trip, strict)."""
    check_round_trip(registry.exporter("sadface"), registry.importer("sadface"), strict=True)


@given(argument_maps())
def test_round_trip_gives_byte_identical_argmap_json(amap):
    """The map read back from its SADFace export writes the same argmap JSON, byte for byte (metadata key order too)."""
    back, losses = load_recording(sadface.dumps(amap))
    assert losses == {}
    assert argmap_json(back) == argmap_json(amap)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_maps_round_trip_exactly(path):
    """Each seed map comes back from SADFace equal and byte-identical as argmap JSON."""
    amap = argmap_loads(path.read_text(encoding="utf-8"))
    back, losses = load_recording(sadface.dumps(amap))
    assert losses == {} and back == amap and argmap_json(back) == argmap_json(amap)


@needs_corpus
def test_the_112_microtext_maps_round_trip_exactly():
    """All 112 maps of arg-microtexts part 1 come back from SADFace equal and byte-identical as argmap JSON."""
    maps = microtext_maps()
    assert len(maps) == 112
    changed = []
    for name, amap in maps:
        back, losses = load_recording(sadface.dumps(amap))
        if losses or back != amap or argmap_json(back) != argmap_json(amap):
            changed.append(name)
    assert changed == []


def test_a_file_argmap_did_not_write_survives_import_and_export():
    """SADFace → argmap → SADFace keeps the nodes (ids, types, names, texts, sources, metadata namespaces), the
    edges (by their ends), the resource and metadata.core, adding only argmap's namespaces."""
    original = json.loads(TREES.read_text(encoding="utf-8"))
    again = json.loads(sadface.dumps(load_recording(TREES.read_text(encoding="utf-8"))[0]))

    def strip(n):
        return {**n, "metadata": {k: v for k, v in n["metadata"].items() if k != "argmap"}}

    assert [strip(n) for n in again["nodes"]] == sorted(original["nodes"], key=lambda n: n["type"] != "atom")
    assert ({(e["source_id"], e["target_id"]) for e in again["edges"]}
            == {(e["source_id"], e["target_id"]) for e in original["edges"]})
    assert again["resources"] == original["resources"]
    assert {k: v for k, v in again["metadata"]["core"].items()} == original["metadata"]["core"]
    kept = again["metadata"]["argmap"]
    assert kept["format"] == "argmap/1"
    assert json.loads(kept["metadata"])["sadface"]["core"]["analyst_name"] == "A. Analyst"
    assert json.loads(kept["document"]["metadata"]) == {"sadface": {"id": original["resources"][0]["id"]}}


# -- reading -------------------------------------------------------------------------------------------


def test_a_0_5_document_reads_as_described():
    """Atoms become statements with spans from their sources, the claim the main claim, the inference a linked
    support with its scheme, the conflicts an undercut and an attack on that attack; kinds by parity; UUIDs
    become n_<hex> with the original in metadata['sadface']; metadata.core goes to the title and map metadata."""
    amap, losses = load_recording(TREES.read_text(encoding="utf-8"))
    assert losses == {}
    data = json.loads(TREES.read_text(encoding="utf-8"))
    s = by_text(amap)
    claim = s["Our town should plant more street trees."]
    assert claim.main and claim.kind is Kind.CLAIM and claim.spans == ((0, 40),)
    assert amap.document.text == data["resources"][0]["content"] and amap.document.title == "Street trees"
    (support,) = amap.supports
    assert support.premises == (s["Trees cool the streets in summer"].id,
                                s["cooler streets mean fewer heat emergencies"].id)
    assert support.conclusion == claim.id and support.scheme == "Argument from Consequences"
    undercut, counter = amap.attacks
    assert undercut.target == support.id and undercut.attackers == (s["trees cost money to water"].id,)
    assert counter.target == undercut.id and counter.attackers == (s["the heat emergencies cost far more"].id,)
    assert [s[t].kind.value for t in ("Trees cool the streets in summer", "trees cost money to water",
                                      "the heat emergencies cost far more")] == ["premise", "objection", "rebuttal"]
    claim_uuid = data["metadata"]["core"]["claim"]
    assert claim.id == "n_" + claim_uuid.replace("-", "") and claim.metadata == {"sadface": {"id": claim_uuid}}
    core = amap.metadata["sadface"]["core"]
    assert core["analyst_name"] == "A. Analyst" and core["version"] == "0.5.4.0"
    assert "title" not in core and "claim" not in core
    assert amap.document.metadata == {"sadface": {"id": data["resources"][0]["id"]}}


def test_the_0_2_dialect_reads_as_described():
    """A 0.2 document (scheme nodes named support and conflict; the shape of the repository's Hangback example)
    reads as 4 statements, 1 linked support with 2 premises and 1 attack that undermines a premise."""
    amap, losses = load_recording(BIKES_02.read_text(encoding="utf-8"))
    assert losses == {}
    assert len(amap.statements) == 4
    (support,) = amap.supports
    (attack,) = amap.attacks
    s = by_text(amap)
    conclusion = s["The new bike lane on Elm Street should stay."]
    assert support.conclusion == conclusion.id and support.linked and support.scheme is None
    assert attack.target == s["Cycling on Elm Street has doubled since the lane opened"].id
    assert amap.attack_type(attack.id) == "undermine"
    assert conclusion.kind is Kind.CLAIM and not conclusion.main  # no metadata.core.claim: a root, not main
    assert s["The counts were taken in summer, when more people cycle anyway."].kind is Kind.OBJECTION
    assert amap.document.title == "Bike lane" and amap.metadata["sadface"]["core"]["version"] == "0.2"
    assert amap.metadata["sadface"]["core"]["notes"] == "Scheme nodes named support and conflict."


@pytest.mark.parametrize("name", ["attack", "disagree", "conflict"])
def test_0_2_conflict_scheme_names_are_attacks(name):
    """0.2 scheme nodes named conflict, attack or disagree become attacks (the name kept where not "attack")."""
    text = doc([atom("a", "A"), atom("b", "B"), node("k", "scheme", name)], [("b", "k"), ("k", "a")])
    amap, losses = load_recording(text)
    (attack,) = amap.attacks
    assert losses == {} and attack.attackers == ("n_b",) and attack.target == "n_a"
    assert attack.metadata["sadface"].get("name") == (None if name == "attack" else name)


@pytest.mark.parametrize("name", ["rephrase", "preference"])
def test_other_0_2_scheme_names_are_reported_losses(name):
    """A 0.2 scheme node named rephrase or preference is not imported: loss sadface.scheme.<name>, its edges
    sadface.edge.dropped."""
    text = doc([atom("a", "A"), atom("b", "B"), node("r", "scheme", name), node("s", "scheme", name)],
               [("b", "r"), ("r", "a"), ("a", "s"), ("s", "b")])
    amap, losses = load_recording(text)
    assert len(amap.statements) == 2 and amap.relations == ()
    assert losses[f"sadface.scheme.{name}"].count == 2 and losses[f"sadface.scheme.{name}"].ids == ("r", "s")
    assert losses["sadface.edge.dropped"].count == 4
    assert set(losses) == {f"sadface.scheme.{name}", "sadface.edge.dropped"}


def test_several_resources_keep_the_first_and_report_the_rest():
    """With several text resources the first is the document; the others are loss sadface.resources, and
    sources into them loss sadface.source.unmatched (kept in metadata['sadface']['sources'])."""
    one = {"id": "r1", "type": "text", "content": "Alpha. Beta.", "metadata": {}}
    two = {"id": "r2", "type": "text", "content": "Gamma.", "metadata": {}}
    src_b = {"resource_id": "r1", "text": "Beta.", "offset": 7, "length": 5}
    src_g = {"resource_id": "r2", "text": "Gamma.", "offset": 0, "length": 6}
    text = doc([atom("b", "Beta.", sources=[src_b]), atom("g", "Gamma.", sources=[src_g])], [],
               resources=[one, two])
    amap, losses = load_recording(text)
    assert amap.document.text == "Alpha. Beta."
    s = by_text(amap)
    assert s["Beta."].spans == ((7, 12),) and s["Gamma."].spans == ()
    assert s["Gamma."].metadata["sadface"]["sources"] == [src_g]
    assert (losses["sadface.resources"].count, losses["sadface.resources"].ids) == (1, ("r2",))
    assert (losses["sadface.source.unmatched"].count, losses["sadface.source.unmatched"].ids) == (1, ("g",))


@pytest.mark.parametrize("source", [
    {"resource_id": "r1", "text": "Alpha.", "offset": 0, "length": 6},  # covers another text
    {"resource_id": "r1", "text": "Beta.", "offset": 7, "length": 50},  # past the end
    {"resource_id": "r1", "text": "Beta!", "offset": 7, "length": 5},  # its text is not the resource's
    {"resource_id": "r1", "text": "", "offset": 7, "length": 0},  # empty
    {"resource_id": "nope", "text": "Beta.", "offset": 7, "length": 5},  # unknown resource
])
def test_sources_that_do_not_fit_are_reported_not_spans(source):
    """A source that does not cover its atom's text in the document is loss sadface.source.unmatched, never a span."""
    text = doc([atom("b", "Beta.", sources=[source])], [],
               resources=[{"id": "r1", "type": "text", "content": "Alpha. Beta.", "metadata": {}}])
    amap, losses = load_recording(text)
    assert amap.statements[0].spans == () and losses["sadface.source.unmatched"].count == 1


def test_a_statement_with_two_sources_has_two_spans():
    """Several sources into the document are several spans, in order."""
    sources = [{"resource_id": "r1", "text": "Alpha", "offset": 0, "length": 5},
               {"resource_id": "r1", "text": "Beta.", "offset": 7, "length": 5}]
    text = doc([atom("b", "Alpha Beta.", sources=sources)], [],
               resources=[{"id": "r1", "type": "text", "content": "Alpha. Beta.", "metadata": {}}])
    amap, losses = load_recording(text)
    assert losses == {} and amap.statements[0].spans == ((0, 5), (7, 12))


def test_structures_argmap_cannot_hold_are_reported_with_counts():
    """Dangling, duplicate and atom-to-atom edges, inference nodes without premises or with two conclusions,
    a support into a conflict, attacks on dropped nodes and an unknown claim each give one warning per code."""
    nodes = [atom("a", "A"), atom("b", "B"), atom("c", "C"),
             node("i1", "inference", "support"),  # fine: b -> a (its edge given twice)
             node("i2", "inference", "support"),  # no premise
             node("i3", "inference", "support"),  # two conclusions
             node("k1", "conflict", "attack"),  # fine: c -> i1
             node("i4", "inference", "support"),  # concludes a conflict
             node("k2", "conflict", "attack"),  # attacks i2, which is dropped
             {"id": "x", "type": "locution", "metadata": {}}]
    edges = [("b", "i1"), ("b", "i1"), ("i1", "a"),
             ("i2", "a"),
             ("c", "i3"), ("i3", "a"), ("i3", "b"),
             ("c", "k1"), ("k1", "i1"),
             ("a", "i4"), ("i4", "k1"),
             ("c", "k2"), ("k2", "i2"),
             ("a", "b"), ("a", "ghost"), ("x", "a")]
    amap, losses = load_recording(doc(nodes, edges, core={"claim": "ghost"}))
    assert [r.metadata["sadface"]["id"] for r in amap.relations] == ["i1", "k1"]
    counts = {code: w.count for code, w in losses.items()}
    assert counts == {
        "sadface.node.locution": 1,
        "sadface.edge.duplicate": 1,
        "sadface.edge.unrepresentable": 1,
        "sadface.edge.dangling": 1,
        "sadface.edge.dropped": 1 + 1 + 3 + 2 + 2,  # x->a; i2; i3; i4; k2
        "sadface.relation.unrepresentable": 4,
        "sadface.claim.unknown": 1,
    }
    assert losses["sadface.relation.unrepresentable"].ids == ("i2", "i3", "i4", "k2")
    assert all(not s.main for s in amap.statements)


# SADFace-shaped JSON with every sort of node and edge, for the conservation property.
_IDS = ["a", "b", "c", "i", "k", "s", "q"]
_NODES = st.lists(
    st.tuples(st.sampled_from(_IDS), st.sampled_from(["atom", "inference", "conflict", "scheme", "other"]),
              st.sampled_from(["support", "attack", "conflict", "rephrase", "Analogy"])),
    max_size=7, unique_by=lambda t: t[0],
)
_EDGES = st.lists(st.tuples(st.sampled_from(_IDS + ["zz"]), st.sampled_from(_IDS + ["zz"])), max_size=12)


@given(_NODES, _EDGES)
def test_every_node_and_edge_is_imported_or_reported_once(nodes, edges):
    """Conservation: atoms = statements; inference, conflict and scheme nodes = relations + their losses;
    edges = the edges relations use + the edge losses; no other outcome than a map or a FormatError."""
    text = doc([atom(i, f"text {i}") if t == "atom" else node(i, t, name) for i, t, name in nodes], edges)
    amap, losses = load_recording(text)
    counts = {code: w.count for code, w in losses.items()}
    assert len(amap.statements) == sum(t == "atom" for _, t, _ in nodes)
    relation_losses = sum(c for code, c in counts.items()
                          if code.startswith("sadface.scheme.") or code == "sadface.relation.unrepresentable")
    assert len(amap.relations) + relation_losses == sum(t in ("inference", "conflict", "scheme") for _, t, _ in nodes)
    used = sum(len(r.sources) + 1 for r in amap.relations)
    edge_losses = sum(c for code, c in counts.items() if code.startswith("sadface.edge."))
    assert used + edge_losses == len(edges)


def test_ids_are_mapped_deterministically_and_kept():
    """UUIDs become n_<hex>, other ids safe n_ ids, clashes get a suffix; the original id is in metadata['sadface']."""
    text = doc([atom("3DF54AE1-FA41-4AC7-85D5-4BADEE39215B", "A"), atom("a b", "B"), atom("a_b", "C"),
                atom("x" * 80, "D")], [])
    amap, _ = load_recording(text)
    ids = [s.id for s in amap.statements]
    assert ids[:3] == ["n_3df54ae1fa414ac785d54badee39215b", "n_a_b", "n_a_b_2"]
    assert is_valid_id(ids[3]) and ids[3].startswith("n_xxx")
    assert [s.metadata["sadface"]["id"] for s in amap.statements] == [
        "3DF54AE1-FA41-4AC7-85D5-4BADEE39215B", "a b", "a_b", "x" * 80]
    assert [s.id for s in load_recording(text)[0].statements] == ids


def test_the_0_1_dialect_reads_metadata_at_the_top_level():
    """The oldest files keep analyst, created, edited and id at the top level; they go to metadata['sadface']['core']."""
    text = json.dumps({"analyst_name": "An Analyst", "created": "2017-07-11T16:32:36", "id": "doc-1",
                       "metadata": {}, "nodes": [atom("a", "A")], "edges": [], "resources": []})
    amap, losses = load_recording(text)
    assert losses == {} and amap.metadata["sadface"]["core"] == {
        "analyst_name": "An Analyst", "created": "2017-07-11T16:32:36", "id": "doc-1"}


def test_derived_kinds_follow_the_parity_of_attacks():
    """Without argmap's namespace, kinds come from the structure: main claim, premise, objection, rebuttal, and an
    objection's own premise is an objection."""
    statements = [Statement(i, i, main=i == "c") for i in ("c", "p", "o", "op", "r", "u", "lone")]
    relations = [Support("s1", ["p"], "c"), Attack("a1", ["o"], "p"), Support("s2", ["op"], "o"),
                 Attack("a2", ["r"], "o"), Attack("a3", ["u"], "s1")]
    kinds = sadface.derive_kinds(statements, relations)
    assert {k: v.value for k, v in kinds.items()} == {"c": "claim", "p": "premise", "o": "objection",
                                                      "op": "objection", "r": "rebuttal", "u": "objection",
                                                      "lone": "claim"}


# -- bad input -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, where, message", [
    ("{not json", "line 1 column 2", "invalid JSON"),
    ("[]", None, "expected a SADFace object"),
    ('{"nodes": {}, "edges": []}', "nodes", "expected a list"),
    ('{"nodes": [], "edges": [], "metadata": {"core": []}}', "metadata.core", "expected an object"),
    ('{"nodes": [{"id": 1, "type": "atom"}], "edges": []}', "nodes[0].id", "expected a string"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "  "}], "edges": []}', "nodes[0].text", "an atom needs text"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x"}, {"id": "a", "type": "atom", "text": "y"}], "edges": []}',
     "nodes[1].id", "duplicate id"),
    ('{"nodes": [], "edges": [{"id": "e", "source_id": 3, "target_id": "a"}]}', "edges[0].source_id",
     "expected a string"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"argmap": {"kind": "clam"}}}], "edges": []}',
     "nodes[0].metadata.argmap.kind", "unknown kind"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"argmap": {"id": "1x"}}}], "edges": []}',
     "nodes[0].metadata.argmap.id", "invalid id"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"argmap": {"metadata": "{"}}}], "edges": []}',
     "nodes[0].metadata.argmap.metadata", "not JSON text"),
    ('{"nodes": [], "edges": [], "metadata": {"core": {"title": 5}}}', "metadata.core.title", "expected a string"),
    (('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"argmap": {"metadata": "{\\"k\\": 1e400}"}}}],'
     ' "edges": []}'), "nodes[0].metadata.argmap.metadata", "out of range"),
    (('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"argmap": {"metadata": "{\\"k\\": '
     '\\"\\\\ud800\\"}"}}}], "edges": []}'), "nodes[0].metadata.argmap.metadata", "lone surrogate"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x\\udc00"}], "edges": []}', None, "lone surrogate"),
    ("[" * 100_000 + "]" * 100_000, None, "nested too deeply"),
    ('{"nodes": [{"id": "a", "type": "atom", "text": "x", "metadata": {"o": NaN}}], "edges": []}', None,
     "NaN is not a JSON number"),
])
def test_bad_input_is_one_format_error_naming_the_place(text, where, message):
    """Unreadable SADFace raises one FormatError line whose where names the place."""
    with pytest.raises(FormatError) as info:
        sadface.loads(text)
    assert info.value.where == where and message in info.value.message and "\n" not in str(info.value)


def test_importer_answers_any_text_with_a_map_or_a_format_error(registry):
    """The importer never crashes, whatever the text (check_importer)."""
    check_importer(registry.importer("sadface"),
                   examples=[doc([], []), TREES.read_text(encoding="utf-8"), '{"nodes": [null], "edges": []}',
                             '{"nodes": [], "edges": [], "resources": [5]}'])


# -- the command line ----------------------------------------------------------------------------------


@pytest.mark.graphviz
def test_render_draws_a_sadface_file(tmp_path, capsys):
    """`argmap render file.sadface.json -o x.svg` draws the SADFace file directly."""
    need_renderers()
    out = tmp_path / "x.svg"
    code = main(["render", str(TREES), "-o", str(out)], registry=load_registry(entrypoints=False))
    _, err = capsys.readouterr()
    assert (code, err) == (0, "")
    svg = out.read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "street trees" in svg


def test_convert_writes_sadface_and_reads_it_back(tmp_path, capsys):
    """`argmap convert map.json -o m.sadface.json` writes SADFace; converting that back gives the same argmap JSON."""
    reg = load_registry(entrypoints=False)
    core = ROOT / "seeds" / "japan-russia-reset.core.json"
    assert main(["convert", str(core), "-o", str(tmp_path / "m.sadface.json")], registry=reg) == 0
    assert main(["convert", str(tmp_path / "m.sadface.json"), "-o", str(tmp_path / "back.json")], registry=reg) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "back.json").read_text(encoding="utf-8") == argmap_json(argmap_loads(core.read_text("utf-8")))


# -- the real tools ------------------------------------------------------------------------------------


def run_driver(*args: str | Path) -> str:
    python = interop_python()
    env = {**os.environ, "PYTHONUTF8": "1"}
    done = subprocess.run([str(python), str(DRIVER), *map(str, args)], check=False, capture_output=True, text=True, env=env,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def library_built(tmp_path_factory) -> dict[str, str]:
    """Documents built by the real sadface library (drive_tools.py build), by name."""
    out = tmp_path_factory.mktemp("sadface-built")
    run_driver("build", out)
    return {p.stem: p.read_text(encoding="utf-8") for p in out.glob("*.json")}


def test_library_built_linked_support_reads_correctly(library_built):
    """A document the library built (a linked and a schemed support, a claim, sources) imports as built."""
    amap, losses = load_recording(library_built["linked"])
    assert losses == {}
    s = by_text(amap)
    claim = s["Cities should plant trees."]
    assert claim.main and claim.kind is Kind.CLAIM and claim.spans == ((0, 26),)
    assert amap.document.text.startswith("Cities should plant trees.") and amap.document.title == "Trees"
    linked, schemed = amap.supports
    assert linked.premises == (s["Trees cool streets."].id, s["Shade saves energy."].id)
    assert linked.conclusion == claim.id and linked.scheme is None
    assert schemed.premises == (s["Trees clean the air."].id,) and schemed.scheme == "Argument from Consequences"
    assert s["Shade saves energy."].spans == ((47, 66),)
    assert amap.metadata["sadface"]["core"]["description"] == "built with the sadface library"


def test_library_built_conflicts_read_correctly(library_built):
    """Conflicts the library built read as a rebut, an undermine, an undercut, an attack on an attack and a
    linked attack, with kinds by parity."""
    amap, losses = load_recording(library_built["conflicts"])
    assert losses == {}
    s = by_text(amap)
    claim, prem = s["We should ban cars downtown."], s["Cars pollute."]
    (support,) = amap.supports
    rebut, undermine, undercut, counter, linked = amap.attacks
    assert (rebut.attackers, rebut.target) == ((s["Shops would lose customers."].id,), claim.id)
    assert (undermine.attackers, undermine.target) == ((s["Modern cars hardly pollute."].id,), prem.id)
    assert undercut.target == support.id and amap.attack_type(undercut.id) == "undercut"
    assert counter.target == rebut.id
    assert linked.attackers == (s["Buses are slow."].id, s["Bikes are unsafe."].id)
    assert linked.metadata["sadface"]["name"] == "disagree"
    assert s["Shops downtown gained customers where cars were banned."].kind is Kind.REBUTTAL
    assert s["Pollution alone does not justify a ban."].kind is Kind.OBJECTION


def test_library_metadata_namespaces_are_kept(library_built):
    """Metadata the library put in namespaces of its own lands in metadata['sadface'] and is written back."""
    amap, _ = load_recording(library_built["plain"])
    premise = by_text(amap)["It strengthens the heart."]
    assert premise.metadata["sadface"]["metadata"]["org.example"] == {"confidence": "high"}
    assert amap.supports[0].metadata["sadface"]["metadata"]["org.example"] == {"checked": True}
    assert amap.metadata["sadface"]["org.example"] == {"project": "argmap tests"}
    again = json.loads(sadface.dumps(amap))
    assert again["metadata"]["org.example"] == {"project": "argmap tests"}
    assert any(n["metadata"].get("org.example") == {"confidence": "high"} for n in again["nodes"])


def interop_maps() -> list[tuple[str, ArgumentMap]]:
    """The maps checked against the real tools: the seeds, the fixture, and the 112 microtexts where present."""
    maps = [(p.name.replace(".json", ""), amap) for p, amap in zip(SEEDS, seed_maps())]
    maps.append(("street-trees", load_recording(TREES.read_text(encoding="utf-8"))[0]))
    maps.append(("walking", _walking_map()))
    if corpus_dir() is not None:
        maps += microtext_maps()
    return maps


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, dict[str, tuple[ArgumentMap, Path]]]:
    """Every interop map exported to OUT/<name>.sadface.json, then re-saved by the real library into OUT/resaved/."""
    out = tmp_path_factory.mktemp("sadface-export")
    found = {}
    for name, amap in interop_maps():
        path = out / f"{name}.sadface.json"
        path.write_text(sadface.dumps(amap), encoding="utf-8")
        found[name] = (amap, path)
    (out / "resaved").mkdir()
    run_driver("resave", out / "resaved", *(p for _, p in found.values()))
    return out, found


def test_the_library_loads_and_saves_argmap_output_byte_for_byte(exported):
    """sadface load_from_file + save leaves argmap's export unchanged byte for byte (the writer uses the
    library's own layout), for the seeds, the fixture and the microtexts."""
    out, found = exported
    changed = [name for name, (_, path) in found.items()
               if (out / "resaved" / f"{name}.sadface.json").read_bytes() != path.read_bytes()]
    assert changed == [] and len(found) >= 4 + (112 if corpus_dir() else 0)


@pytest.mark.graphviz
def test_the_library_dot_export_of_argmap_output_renders(exported, tmp_path):
    """The library's DOT export of argmap's output is accepted by dot -Tsvg, one node per atom and scheme."""
    need_renderers()
    if shutil.which("dot") is None:
        pytest.skip("the library's DOT is checked with dot, which is not installed")
    out, found = exported
    dots = sorted((out / "resaved").glob("*.dot"))
    assert len(dots) == len(found)
    done = subprocess.run(["dot", "-Tsvg", *map(str, dots)], check=False, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("<svg") == len(dots)
    for name, (amap, _) in found.items():
        dot = (out / "resaved" / f"{name}.sadface.dot").read_text(encoding="utf-8")
        assert dot.count("->") == sum(len(r.sources) + 1 for r in amap.relations)


@pytest.mark.graphviz
def test_python_dash_m_sadface_exportdot_renders(exported, tmp_path):
    """The library's own command, `python -m sadface --load f --exportdot`, draws argmap's export through dot."""
    need_renderers()
    if shutil.which("dot") is None:
        pytest.skip("the library's DOT is checked with dot, which is not installed")
    _, found = exported
    _, path = found["street-trees"]
    done = subprocess.run([str(interop_python()), "-m", "sadface", "--load", str(path), "--exportdot"],
                          check=False, capture_output=True, text=True, env={**os.environ, "PYTHONUTF8": "1"}, timeout=120)
    assert done.returncode == 0, done.stderr
    svg = subprocess.run(["dot", "-Tsvg"], input=done.stdout, check=False, capture_output=True, text=True, timeout=120)
    assert svg.returncode == 0, svg.stderr
    assert "street trees" in svg.stdout


def test_arguebuf_loads_argmap_output_with_equal_counts(exported):
    """arguebuf.load.sadface reads every export with argmap's counts: atoms = statements, schemes = relations,
    edges = Σ(sources + 1); supports and attacks as schemes where the name is "support" / "attack"."""
    _, found = exported
    lines = [json.loads(line) for line in run_driver("arguebuf", *(p for _, p in found.values())).splitlines()]
    assert len(lines) == len(found)
    wrong = []
    for line, (name, (amap, _)) in zip(lines, found.items()):
        expected = {
            "atoms": len(amap.statements),
            "schemes": len(amap.relations),
            "edges": sum(len(r.sources) + 1 for r in amap.relations),
            "supports": sum(isinstance(r, Support) and r.scheme is None for r in amap.relations),
            "attacks": len(amap.attacks),
        }
        if {k: line.get(k) for k in expected} != expected:
            wrong.append((name, line, expected))
    assert wrong == []
