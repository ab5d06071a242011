"""The AIF-JSON importer and exporter: the mapping, the losses, bad input, the real corpora and the real arguebuf."""

from __future__ import annotations

import functools
import json
import subprocess
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

import argmap
from argmap import ExportWarning, FormatError, ImportLossWarning, InputError, Kind
from argmap.cli import main
from argmap.formats import microtext
from argmap.formats.aif import TIMESTAMP, dumps, from_dict, load, load_path, loads, sidecar_of, sniff, to_dict
from argmap.model import ArgumentMap, Statement, Support
from argmap.strategies import argument_maps, json_values
from argmap.testing import check_exporter, check_importer, check_round_trip

from .conftest import ROOT, corpus_dir, interop_python, need_renderers, shared_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "aif"
TREES = FIXTURES / "trees.json"
TREES_TXT = FIXTURES / "trees.txt"
XAIF = FIXTURES / "trees.xaif.json"
DRIVER = FIXTURES / "arguebuf_count.py"


# -- helpers -------------------------------------------------------------------------------------


def graph(nodes: list[tuple[Any, str, str]], edges: list[tuple[Any, Any]], **top: Any) -> dict[str, Any]:
    """AIF data from (nodeID, type, text) triples and (fromID, toID) pairs."""
    return {
        "nodes": [{"nodeID": nid, "text": text, "type": ntype} for nid, ntype, text in nodes],
        "edges": [{"edgeID": str(k), "fromID": a, "toID": b} for k, (a, b) in enumerate(edges, 1)],
        **top,
    }


def imported(data: Any, **options: Any) -> tuple[ArgumentMap, dict[str, ImportLossWarning]]:
    """Read AIF data (a dict, or text) and return the map and its loss warnings by code."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        amap = loads(data, **options) if isinstance(data, str) else from_dict(data, **options)
    losses = [w.message for w in caught if isinstance(w.message, ImportLossWarning)]
    codes = [w.code for w in losses]
    assert len(codes) == len(set(codes)), f"one warning per kind, got {codes}"
    return amap, {w.code: w for w in losses if w.code is not None}


def exported(amap: ArgumentMap, **options: Any) -> tuple[str, dict[str, ExportWarning]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = dumps(amap, **options)
    losses = [w.message for w in caught if isinstance(w.message, ExportWarning)]
    return text, {w.code: w for w in losses if w.code is not None}


SIMPLE = graph([("1", "I", "We should plant trees."), ("2", "I", "They cool the streets."),
                ("3", "RA", "Default Inference")], [("2", "3"), ("3", "1")], locutions=[])


@pytest.fixture(scope="module")
def trees() -> ArgumentMap:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        return load_path(TREES)


# -- the mapping ---------------------------------------------------------------------------------


def test_i_nodes_become_statements_with_their_aif_fields_in_metadata(trees):
    """Every I-node with text becomes a statement i<nodeID>, in file order, its node's fields in metadata["aif"]."""
    assert [s.id for s in trees.statements] == [f"i{n}" for n in range(1, 8)]
    assert trees.statement("i1").text == "Cities should plant more trees."
    assert trees.statement("i1").metadata["aif"] == {"nodeID": "1", "timestamp": "2024-05-01 12:00:00"}


def test_an_ra_with_two_premises_is_one_linked_support(trees):
    """An RA node with two I-node premises is one support whose premises are linked."""
    support = trees.relation("ra10")
    assert isinstance(support, Support)
    assert support.premises == ("i2", "i3") and support.conclusion == "i1" and support.linked
    assert support.scheme is None and not support.example


def test_ca_nodes_become_rebuts_undercuts_and_attacks_on_attacks(trees):
    """A CA on an I-node attacks the statement, on an RA the support (undercut), on a CA the attack."""
    assert (trees.relation("ca11").attackers, trees.relation("ca11").target) == (("i4",), "i1")
    assert trees.attack_type("ca11") == "rebut"
    assert trees.relation("ca13").target == "ra10" and trees.attack_type("ca13") == "undercut"
    assert trees.relation("ca12").target == "ca11"


def test_the_scheme_key_names_the_scheme_of_an_ra_whose_text_is_a_default(trees):
    """Araucaria's RA text "RA" with scheme "CauseToEffect" gives scheme "CauseToEffect", the keys kept in metadata."""
    support = trees.relation("ra14")
    assert support.scheme == "CauseToEffect"
    assert support.metadata["aif"]["schemeID"] == "4"


@pytest.mark.parametrize(
    "node, scheme, example",
    [
        ({"text": "Default Inference"}, None, False),
        ({"text": "RA"}, None, False),
        ({"text": "Expert Opinion"}, "Expert Opinion", False),
        ({"text": "Expert Opinion", "scheme": "ExpertOpinion"}, "Expert Opinion", False),
        ({"text": "Example"}, "Example", True),
        ({"text": "RA", "scheme": "Example", "schemeID": "14"}, "Example", True),
        ({"text": "RA", "scheme": "PracticalReasoning"}, "PracticalReasoning", False),
    ],
)
def test_ra_text_or_scheme_key_gives_the_scheme_and_example_sets_the_flag(node, scheme, example):
    """The RA's text names the scheme unless it is a default; else its scheme key does; "Example" sets example."""
    data = graph([("1", "I", "A."), ("2", "I", "B.")], [("2", "3"), ("3", "1")])
    data["nodes"].append({"nodeID": "3", "type": "RA", **node})
    amap, _ = imported(data)
    support = amap.relation("ra3")
    assert (support.scheme, support.example) == (scheme, example)


def test_a_ca_text_other_than_default_conflict_is_kept_in_metadata():
    """A CA node's own text ("Ad hominem") has no field in an attack: it is kept in metadata["aif"]["text"]."""
    amap, _ = imported(graph([("1", "I", "A."), ("2", "I", "B."), ("3", "CA", "Ad hominem")], [("2", "3"), ("3", "1")]))
    assert amap.relation("ca3").metadata["aif"]["text"] == "Ad hominem"


def test_the_main_claim_is_the_one_target_that_is_never_a_source(trees):
    """The main claim is the one I-node that is a target and never a source; the map says it was derived."""
    assert [s.id for s in trees.main_claims] == ["i1"]
    assert trees.metadata["aif"]["derived"] == ["kind", "main"]


def test_kinds_follow_the_structure_and_the_attack_parity(trees):
    """Main: claim; its reasons: premise; attackers of its side: objection; attackers of an objection: rebuttal."""
    kinds = {s.id: s.kind for s in trees.statements}
    assert kinds == {"i1": Kind.CLAIM, "i2": Kind.PREMISE, "i3": Kind.PREMISE, "i4": Kind.OBJECTION,
                     "i5": Kind.REBUTTAL, "i6": Kind.OBJECTION, "i7": Kind.PREMISE}


@pytest.mark.parametrize(
    "nodes, edges, candidates",
    [
        ([("1", "I", "A."), ("2", "I", "B."), ("3", "I", "C."), ("4", "RA", "RA"), ("5", "RA", "RA")],
         [("2", "4"), ("4", "1"), ("2", "5"), ("5", "3")], ["i1", "i3"]),
        ([("1", "I", "A."), ("2", "I", "B."), ("3", "RA", "RA"), ("4", "RA", "RA")],
         [("2", "3"), ("3", "1"), ("1", "4"), ("4", "2")], []),
        ([("1", "I", "A lone claim.")], [], []),
    ],
    ids=["two roots", "a cycle", "no relation"],
)
def test_no_single_main_claim_is_one_warning_naming_the_candidates(nodes, edges, candidates):
    """With 0 or 2+ candidates for the main claim, none is marked and one aif.main.ambiguous warning names them."""
    amap, losses = imported(graph(nodes, edges))
    assert amap.main_claims == ()
    assert losses["aif.main.ambiguous"].ids == tuple(candidates)
    assert f"({len(candidates)} I-nodes" in str(losses["aif.main.ambiguous"])


def test_foreign_ids_become_valid_distinct_argmap_ids_and_the_original_is_kept():
    """OVA ids, integers, UUIDs and ids that collide after cleaning all map to valid, distinct, deterministic ids."""
    nodes = [("2_164926129380455983", "I", "A."), (7, "I", "B."), ("3df54ae1-fa41-11ee", "I", "C."),
             ("3df54ae1_fa41_11ee", "I", "D."), ("x", "RA", "RA"), ("y", "RA", "RA"), ("8", "CA", "CA")]
    edges = [(7, "x"), ("x", "2_164926129380455983"), ("3df54ae1-fa41-11ee", "y"), ("y", 7),
             ("3df54ae1_fa41_11ee", "8"), ("8", "y")]
    amap, _ = imported(graph(nodes, edges))
    ids = [s.id for s in amap.statements] + [r.id for r in amap.relations]
    assert ids[:2] == ["n_2_164926129380455983", "i7"] and ids[3] == "n_3df54ae1_fa41_11ee"
    assert ids[2].startswith("n_3df54ae1_fa41_11ee_") and ids[4:] == ["n_x", "n_y", "ca8"]
    assert all(argmap.model.is_valid_id(i) for i in ids) and len(set(ids)) == len(ids)
    assert amap.statement("i7").metadata["aif"]["nodeID"] == 7
    assert imported(graph(nodes, edges))[0] == amap


# -- the document and the spans -------------------------------------------------------------------


def test_the_sidecar_beside_the_file_is_the_document_and_statements_get_spans(trees):
    """load_path finds nodesetN.txt beside nodesetN.json; each statement found verbatim in it gets its span."""
    assert sidecar_of(TREES) == TREES_TXT
    assert trees.document.text == TREES_TXT.read_text(encoding="utf-8")
    for statement in trees.statements[:6]:
        (start, end), = statement.spans
        assert " ".join(trees.document.text[start:end].split()) == statement.text


def test_a_statement_not_in_the_text_has_no_span_and_is_counted():
    """A reconstructed proposition that is not in the document gets no span; aif.span.not_found counts it."""
    amap, losses = imported(TREES.read_text(encoding="utf-8"), document=TREES_TXT.read_text(encoding="utf-8"))
    assert amap.statement("i7").spans == ()
    assert (losses["aif.span.not_found"].count, losses["aif.span.not_found"].ids) == (1, ("i7",))


def test_text_is_found_across_different_white_space():
    """A statement whose words are in the document with other white space between them still gets a span."""
    amap, losses = imported(SIMPLE, document="We should\nplant  trees.\n\nThey cool the streets.")
    assert amap.statement("i1").spans == ((0, 23),) and "aif.span.not_found" not in losses


def test_without_a_document_one_warning_says_so():
    """An AIF map read without its text warns aif.document.missing once, and no statement has a span."""
    amap, losses = imported(SIMPLE)
    assert amap.document.text == "" and all(not s.spans for s in amap.statements)
    assert losses["aif.document.missing"].count == 1 and "aif.span.not_found" not in losses


def test_the_importer_option_text_names_the_sidecar(registry):
    """The registered importer's option text is the path of the document (-I text=nodeset1.txt)."""
    importer = registry.importer("aif")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        amap = importer(TREES.read_text(encoding="utf-8"), text=str(TREES_TXT))
    assert amap.document.text.startswith("Cities should plant more trees.")
    assert {o.name for o in importer.options} == {"text", "encoding", "source"}


def test_xaif_html_text_is_de_htmled_and_ova_highlights_give_the_spans():
    """xAIF's HTML text becomes the document; OVA's <span id="node<L>"> highlights give exact spans via L -YA-> I,
    even where the same words occur earlier."""
    amap, losses = imported(XAIF.read_text(encoding="utf-8"))
    assert amap.document.text == "Trees matter. Trees matter because they cool & shade.\n"
    assert [(s.id, s.spans) for s in amap.statements] == [("n_1_1", ((14, 26),)), ("n_5_1", ((35, 52),))]
    assert amap.relation("n_8_1").metadata["aif"]["schemeID"] == "72"
    assert {"aif.node.L", "aif.node.YA", "aif.node.TA", "aif.locutions", "aif.participants", "aif.layout"} <= set(losses)
    assert losses["aif.node.YA"].count == 3


def test_a_legacy_encoded_sidecar_is_one_clear_line_naming_the_file():
    """A cp1252 sidecar read as UTF-8 is one InputError naming the file and the encoding option."""
    with pytest.raises(InputError) as info:
        load_path(FIXTURES / "cafe.json")
    message = str(info.value)
    assert "\n" not in message and "cafe.txt" in message and "encoding=cp1252" in message


def test_the_encoding_option_reads_a_legacy_sidecar():
    """With encoding="cp1252" (-I encoding=cp1252) the same sidecar is read and spans are found."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", ImportLossWarning)
        amap = load_path(FIXTURES / "cafe.json", encoding="cp1252")
        again = load((FIXTURES / "cafe.json").read_text(encoding="utf-8"), text=str(FIXTURES / "cafe.txt"),
                     encoding="cp1252")
    assert amap.statement("i1").spans == ((0, 16),) and again == amap


# -- losses ---------------------------------------------------------------------------------------


def test_each_kind_of_dialogue_node_is_one_warning_with_count_and_ids():
    """L, YA, TA, MA and PA nodes, locutions and participants: one ImportLossWarning per kind, with count and ids."""
    data = graph([("1", "I", "A."), ("2", "I", "B."), ("3", "RA", "RA"), ("10", "L", "Ann: A."),
                  ("11", "L", "Ann: B."), ("12", "YA", "Asserting"), ("13", "TA", "Default Transition"),
                  ("14", "MA", "Default Rephrase"), ("15", "PA", "Default Preference"), ("16", "XX", "?")],
                 [("2", "3"), ("3", "1"), ("10", "12"), ("12", "1"), ("1", "14"), ("14", "2"), ("13", "3")],
                 locutions=[{"nodeID": "10"}, {"nodeID": "11"}], participants=[{"participantID": 1}])
    amap, losses = imported(data)
    assert len(amap.statements) == 2 and len(amap.relations) == 1
    assert {code: (w.count, w.ids) for code, w in losses.items() if code.startswith("aif.node.")} == {
        "aif.node.L": (2, ("10", "11")), "aif.node.YA": (1, ("12",)), "aif.node.TA": (1, ("13",)),
        "aif.node.MA": (1, ("14",)), "aif.node.PA": (1, ("15",)), "aif.node.XX": (1, ("16",))}
    assert losses["aif.locutions"].count == 2 and losses["aif.participants"].count == 1


@pytest.mark.parametrize(
    "extra_nodes, edges",
    [
        ([("9", "RA", "RA")], [("9", "1")]),                                  # no premise
        ([("9", "RA", "RA")], [("2", "9")]),                                  # no target
        ([("9", "RA", "RA")], [("2", "9"), ("9", "1"), ("9", "3")]),          # two targets
        ([("9", "RA", "RA"), ("8", "L", "Ann: B.")], [("8", "9"), ("9", "1")]),   # an L-node as premise
        ([("9", "CA", "CA"), ("8", "L", "Ann: A.")], [("2", "9"), ("9", "8")]),   # an L-node as target
        ([("9", "RA", "RA"), ("8", "RA", "RA")], [("3", "8"), ("8", "1"), ("2", "9"), ("9", "8")]),  # RA -> RA
        ([("9", "RA", "RA")], [("2", "9"), ("9", "2")]),                      # a statement supports itself
        ([("9", "RA", "RA"), ("8", "I", " ")], [("8", "9"), ("9", "1")]),     # its premise is an empty I-node
    ],
    ids=["no premise", "no target", "two targets", "L premise", "L target", "RA to RA", "self", "empty premise"],
)
def test_relations_the_model_cannot_hold_are_counted_not_dropped(extra_nodes, edges):
    """A degenerate RA/CA is left out and named under aif.relation.unrepresentable; the rest is imported."""
    base = [("1", "I", "A."), ("2", "I", "B."), ("3", "I", "C.")]
    amap, losses = imported(graph(base + extra_nodes, edges))
    assert "9" in losses["aif.relation.unrepresentable"].ids
    assert "ra9" not in amap and "ca9" not in amap


def test_an_attack_on_a_relation_that_is_left_out_is_left_out_too():
    """A CA whose target RA cannot be held is itself unrepresentable (both named, nothing dangles)."""
    amap, losses = imported(graph([("1", "I", "A."), ("2", "I", "B."), ("9", "RA", "RA"), ("8", "CA", "CA")],
                                  [("9", "1"), ("2", "8"), ("8", "9")]))
    assert set(losses["aif.relation.unrepresentable"].ids) == {"8", "9"} and amap.relations == ()


@pytest.mark.parametrize(
    "edges, code",
    [
        ([("2", "3"), ("3", "1"), ("2", "99")], "aif.edge.dangling"),
        ([("2", "3"), ("3", "1"), ("3", "3")], "aif.edge.self"),
        ([("2", "3"), ("3", "1"), ("2", "3")], "aif.edge.duplicate"),
        ([("2", "3"), ("3", "1"), ("2", "1")], "aif.edge.direct"),
    ],
)
def test_edges_that_cannot_be_held_are_counted(edges, code):
    """Dangling, self, repeated and direct I-to-I edges are each counted under their code; the support stays."""
    amap, losses = imported(graph([("1", "I", "A."), ("2", "I", "B."), ("3", "RA", "RA")], edges))
    assert losses[code].ids == ("3",) and amap.relation("ra3").premises == ("i2",)


def test_empty_i_nodes_and_unknown_top_level_fields_are_reported():
    """An I-node without text and a top-level field argmap does not know are reported, not dropped silently."""
    data = graph([("1", "I", "A."), ("2", "I", "")], [], somethingElse=[1, 2])
    amap, losses = imported(data)
    assert losses["aif.node.I.empty"].ids == ("2",) and losses["aif.field.unknown"].ids == ("somethingElse",)
    assert [s.id for s in amap.statements] == ["i1"]


@st.composite
def aif_graphs(draw) -> dict[str, Any]:
    """Random AIF graphs: every node type, blank texts, integer and string ids, dangling and repeated edges."""
    n = draw(st.integers(0, 14))
    types = draw(st.lists(st.sampled_from(["I", "I", "I", "RA", "RA", "CA", "CA", "L", "YA", "TA", "MA", "PA", "Z"]),
                          min_size=n, max_size=n))
    texts = draw(st.lists(st.sampled_from(["A.", "B b", " ", "", "Example", "Default Inference", "x\ny"]),
                          min_size=n, max_size=n))
    as_int = draw(st.booleans())
    ids = [i + 1 if as_int else f"{i + 1}" for i in range(n)] + ["999"]  # the last one dangles
    edges = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=3 * n + 2))
    return graph([(ids[i], types[i], texts[i]) for i in range(n)], edges)


def _conservation(data: dict[str, Any], amap: ArgumentMap, losses: dict[str, ImportLossWarning]) -> None:
    """Every node is mapped or counted: #I = statements + empty I-nodes, #RA + #CA = relations + unrepresentable,
    and every other type counted under aif.node.<type>."""
    types = Counter(node["type"] for node in data["nodes"])
    lost = {code: w.count for code, w in losses.items()}
    assert types["I"] == len(amap.statements) + lost.get("aif.node.I.empty", 0)
    assert types["RA"] + types["CA"] == len(amap.relations) + lost.get("aif.relation.unrepresentable", 0)
    for node_type, count in types.items():
        if node_type not in ("I", "RA", "CA"):
            assert lost.get(f"aif.node.{node_type}") == count, node_type


@given(aif_graphs())
def test_every_node_of_any_graph_is_mapped_or_counted(data):
    """Any AIF graph imports without an error, and every node is either in the map or in the loss report."""
    amap, losses = imported(data)
    _conservation(data, amap, losses)


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, where, message",
    [
        ("[1, 2]", None, "expected a JSON object"),
        ('{"format": "argmap/1", "statements": [], "relations": []}', None, "read it with the json importer"),
        ('{"nodes": {}, "edges": []}', "nodes", "expected a list"),
        ('{"nodes": [1], "edges": []}', "nodes[0]", "expected an object"),
        ('{"nodes": [{"type": "I", "text": "A"}], "edges": []}', "nodes[0]", "missing field 'nodeID'"),
        ('{"nodes": [{"nodeID": 1.5, "type": "I"}], "edges": []}', "nodes[0].nodeID", "a string or a whole number"),
        ('{"nodes": [{"nodeID": "1", "text": "A"}], "edges": []}', "nodes[0].type", "missing field 'type'"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": 5}], "edges": []}', "nodes[0].text", "expected a string"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A"}, {"nodeID": 1, "type": "I", "text": "B"}], "edges": []}',
         "nodes[1].nodeID", "duplicate nodeID '1'"),
        ('{"nodes": [], "edges": [{"toID": "1"}]}', "edges[0]", "missing field 'fromID'"),
        ('{"AIF": [], "text": ""}', "AIF", "expected an object"),
        ('{"AIF": {"nodes": [], "edges": 3}}', "AIF.edges", "expected a list"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "argmap": {"kind": "clam"}}], "edges": []}',
         "nodes[0].argmap.kind", "unknown kind 'clam'"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "argmap": []}], "edges": []}',
         "nodes[0].argmap", "expected an object"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "argmap": {"id": [1]}}], "edges": []}',
         "nodes[0].argmap.id", "expected an id"),
        ('{"nodes": [{"nodeID": "1", "type": "I", "text": "A", "argmap": {"id": "s"}},'
         ' {"nodeID": "2", "type": "I", "text": "B", "argmap": {"id": "s"}}], "edges": []}',
         "nodes[1].argmap.id", "duplicate id 's'"),
        ('{"nodes": [], "edges": [], "argmap": {"document": {"text": 3}}}', "argmap.document.text", "a string"),
        ('{"nodes": [\n{"nodeID": }]}', "line 2 column 12", "invalid JSON"),
    ],
)
def test_bad_input_is_one_format_error_naming_the_place(text, where, message):
    """Malformed AIF raises one FormatError whose where names the place in the file."""
    with pytest.raises(FormatError) as info:
        loads(text)
    assert info.value.where == where and message in info.value.message and "\n" not in str(info.value)


_EXT_KEYS = ["id", "kind", "main", "spans", "provenance", "tags", "metadata", "scheme", "example", "text", "type",
             "from", "to", "format", "document", "other"]


@given(st.sampled_from([0, 1, 2, 3, None]),
       st.dictionaries(st.sampled_from(_EXT_KEYS), st.one_of(json_values(), st.sampled_from(["s1", "claim"]))))
def test_any_argmap_extension_object_gives_a_map_or_one_format_error(where, ext):
    """Whatever a (hand-edited) argmap extension object holds, on a node or at the top, reading gives a map or
    one FormatError line, never another exception."""
    data = graph([("1", "I", "A"), ("2", "I", "B"), ("3", "RA", "RA"), ("4", "CA", "CA")],
                 [("2", "3"), ("3", "1"), ("1", "4"), ("4", "3")])
    if where is None:
        data["argmap"] = ext
    else:
        data["nodes"][where]["argmap"] = ext
    try:
        imported(data, document="A B")
    except FormatError as exc:
        assert "\n" not in str(exc)


def test_load_path_puts_the_file_in_front_of_the_place(tmp_path):
    """An error in a file read by load_path names the file and the place."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"nodes": [{"nodeID": "1"}], "edges": []}', encoding="utf-8")
    with pytest.raises(FormatError, match=r"bad\.json: nodes\[0\]\.type: missing field 'type'"):
        load_path(bad)


def test_the_importer_answers_any_text_with_a_map_or_an_argmap_error(registry):
    """check_importer: odd texts, JSON of every shape and the fixtures give a map or an ArgmapError."""
    samples = [TREES.read_text(encoding="utf-8"), XAIF.read_text(encoding="utf-8"), '{"nodes": null, "edges": null}',
               '{"AIF": {}}', '{"nodes": [], "edges": [], "argmap": 7}', '{"nodes": [], "edges": [], "argmap": {}}']
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        check_importer(registry.importer("aif"), examples=samples)
        check_importer(registry.importer("aif"), texts=aif_graphs().map(json.dumps))


# -- registration and sniffing ---------------------------------------------------------------------


def test_a_plain_json_file_is_read_as_aif_when_it_is_aif_and_as_argmap_json_otherwise(registry, tmp_path):
    """.json goes to the aif importer when its content is AIF (nodeIDs, fromIDs, locutions, or xAIF's AIF), to
    json otherwise (and SADFace, with its nodes and edges, is not taken for AIF); .aif.json is always AIF."""
    aif_text = TREES.read_text(encoding="utf-8")
    own = argmap.dumps(argmap.ArgumentMap([Statement("s1", "nodes and edges")]))
    assert registry.importer_for("nodeset1.json", aif_text).name == "aif"
    assert registry.importer_for("x.json", XAIF.read_text(encoding="utf-8")).name == "aif"
    assert registry.importer_for("map.json", own).name == "json"
    assert registry.importer_for("map.aif.json").name == "aif"
    assert registry.exporter_for("map.aif.json").name == "aif"
    assert registry.exporter_for("map.json").name == "json"
    assert sniff(aif_text) and not sniff(own) and not sniff('{"nodes": 1, "edges": 2}') and not sniff("nodes edges")
    sadface = '{"nodes": [{"id": "a", "type": "atom", "text": "A"}], "edges": [], "metadata": {"core": {}}}'
    assert not sniff(sadface) and not sniff('{"nodes": [], "edges": [], "metadata": {"core": {}}}')
    assert sniff('{"nodes": [], "edges": []}') and sniff('{"nodes": [{"nodeID": 1}], "edges": [{"toID": 1}]}')


def test_argmap_load_reads_an_aif_nodeset_json_with_its_sidecar(tmp_path):
    """argmap.load on a plain .json file that is AIF uses the AIF importer; its option text gives the document."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        amap = argmap.load(TREES, text=str(TREES_TXT))
    assert amap.statement("i1").spans == ((0, 31),)


def test_descriptions_say_what_is_lost(registry):
    """The importer's and exporter's descriptions name what AIF loses."""
    assert "lost" in registry.importer("aif").description and "L, YA, TA" in registry.importer("aif").description
    assert "extension=false" in registry.exporter("aif").description
    assert [o.name for o in registry.exporter("aif").options] == ["extension"]


# -- export ----------------------------------------------------------------------------------------


def test_export_writes_what_arguebuf_and_aifdb_read(trees):
    """Nodes with string ids from a counter and a fixed timestamp, edges with formEdgeID null, locutions always."""
    data = json.loads(dumps(trees))
    assert list(data)[:3] == ["nodes", "edges", "locutions"] and data["locutions"] == []
    assert [n["nodeID"] for n in data["nodes"]] == [str(k) for k in range(1, 13)]
    assert {n["timestamp"] for n in data["nodes"]} == {TIMESTAMP}
    assert all(e["formEdgeID"] is None and isinstance(e["edgeID"], str) for e in data["edges"])
    assert [n["text"] for n in data["nodes"] if n["type"] != "I"] == [
        "Default Inference", "Default Conflict", "Default Conflict", "Default Conflict", "CauseToEffect"]
    assert len(data["edges"]) == sum(len(r.sources) + 1 for r in trees.relations)


def test_an_example_support_without_a_scheme_is_written_as_example():
    """A support with example=True and no scheme gets the RA text "Example" (how AIFdb marks it)."""
    amap = argmap.ArgumentMap([Statement("a", "A."), Statement("b", "B.")], [Support("r", ["b"], "a", example=True)])
    assert [n["text"] for n in to_dict(amap, extension=False)["nodes"]] == ["A.", "B.", "Example"]


def test_the_exporter_is_deterministic_for_every_map(registry):
    """check_exporter: every map exports, with and without the extension, byte for byte the same each time."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)
        check_exporter(registry.exporter("aif"), options=[{}, {"extension": False}])


def test_with_the_extension_argmap_to_aif_to_argmap_is_exact(registry):
    """check_round_trip(strict): with the argmap extension object every map comes back equal, without a warning."""
    check_round_trip(registry.exporter("aif"), registry.importer("aif"), strict=True)


@given(argument_maps())
def test_with_the_extension_the_argmap_json_comes_back_byte_for_byte(amap):
    """argmap -> AIF -> argmap gives identical argmap JSON (metadata key order included) for any map."""
    assert argmap.dumps(loads(dumps(amap))) == argmap.dumps(amap)


def test_without_the_extension_every_loss_is_warned(registry):
    """check_round_trip: without the extension, whatever does not come back has been warned about."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        check_round_trip(functools.partial(dumps, extension=False), registry.importer("aif"))


def test_without_the_extension_the_warnings_name_each_kind_of_loss():
    """Dropping the extension warns once per kind, naming the items that change: ids, kinds, main claim, spans,
    tags, provenance, metadata, document, scheme."""
    seed = argmap.load(ROOT / "seeds" / "japan-russia-reset.map.json")
    seed = seed.replace(attrs.evolve(seed.statements[0], tags=("thesis",)),
                        attrs.evolve(seed.supports[0], scheme="analogy", example=True))
    text, losses = exported(seed, extension=False)
    assert "argmap" not in json.loads(text)
    assert {"aif.export.ids", "aif.export.kind", "aif.export.spans", "aif.export.tags",
            "aif.export.provenance", "aif.export.metadata", "aif.export.document", "aif.export.scheme"} <= set(losses)
    assert "aif.export.structure" not in losses
    assert losses["aif.export.spans"].count == sum(1 for s in seed.statements if s.spans)
    assert exported(seed)[1] == {}
    side = argmap.ArgumentMap([Statement("a", "A.", main=True), Statement("b", "B.", main=True)],
                              [Support("r", ["b"], "a")])
    assert exported(side, extension=False)[1]["aif.export.main"].ids == ("b",)


def test_a_map_read_from_aif_without_extension_goes_out_and_back_unchanged_and_unwarned(trees):
    """The warnings are exact: a map as the importer makes it from extension-less AIF exports without warning
    and reads back equal."""
    first, losses = exported(trees, extension=False)
    assert losses  # ids, metadata, spans and the document of the original do not survive
    again, _ = imported(first)
    second, losses = exported(again, extension=False)
    assert losses == {} and second == first
    assert imported(second)[0] == again


# -- the real corpora -------------------------------------------------------------------------------


def _corpus(name: str) -> Path:
    path = shared_corpus(name)
    if path is None:
        pytest.skip(f"../shared/corpora/{name} not found")
    return path


def _nodesets(folder: Path) -> list[Path]:
    return sorted(folder.glob("nodeset*.json"), key=lambda p: int(p.stem[len("nodeset"):]))


@pytest.mark.parametrize("name, count", [("aif-araucaria", 662), ("aif-microtexts-part1", 110)])
def test_every_corpus_map_imports_and_every_node_is_mapped_or_counted(name, count):
    """Every AraucariaDB and AIFdb-microtext map imports with its sidecar, and every node is mapped or in the
    loss report: #I = #statements + I-losses, #RA + #CA = #relations + S-losses, L/YA/TA/MA/PA all reported."""
    files = _nodesets(_corpus(name))
    assert len(files) == count
    totals: Counter[str] = Counter()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            amap = load_path(path)
        losses = {w.message.code: w.message for w in caught if isinstance(w.message, ImportLossWarning)}
        _conservation(data, amap, losses)
        if data.get("locutions"):
            assert losses["aif.locutions"].count == len(data["locutions"]), path.name
        assert amap.document.text and "aif.document.missing" not in losses
        totals.update(statements=len(amap.statements), relations=len(amap.relations),
                      spans=sum(1 for s in amap.statements if s.spans), linked=sum(s.linked for s in amap.supports))
    if name == "aif-araucaria":
        assert totals["statements"] == 3993 and totals["relations"] == 1746 + 38
        assert totals["linked"] == 1173
    else:
        assert totals["statements"] == 566 and totals["relations"] == 268 + 167
        assert totals["spans"] == 566  # every microtext statement is found in its text


def test_araucaria_scheme_names_survive_as_araucaria_writes_them():
    """Araucaria's CamelCase scheme keys (which arguebuf loses) are the schemes of the imported supports."""
    folder = _corpus("aif-araucaria")
    schemes: Counter[str | None] = Counter()
    examples = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ImportLossWarning)
        for path in _nodesets(folder):
            for support in load_path(path).supports:
                schemes[support.scheme] += 1
                examples += support.example
    assert schemes["CauseToEffect"] == 156 and schemes["PracticalReasoning"] == 83 and schemes["Expert Opinion"] == 1
    assert examples == schemes["Example"] == 259


def _summary(amap: ArgumentMap) -> dict[str, list[str]]:
    """What an annotation says, by text: statements, each relation (sources -> target, recursively), main claims,
    supports by example."""
    def norm(text: str) -> str:
        return " ".join(text.split())

    def key(item_id: str) -> Any:
        item = amap.get(item_id)
        if isinstance(item, Statement):
            return norm(item.text)
        kind = "support" if isinstance(item, Support) else "attack"
        return (kind, sorted(norm(amap.statement(s).text) for s in item.sources), key(item.target))

    return {
        "statements": sorted(norm(s.text) for s in amap.statements),
        "relations": sorted(repr(key(r.id)) for r in amap.relations),
        "main": sorted(norm(s.text) for s in amap.main_claims),
        "examples": sorted(repr(key(r.id)) for r in amap.supports if r.example),
    }


# The three microtexts whose AIFdb annotation differs from the XML one (not a format difference):
# b025 puts "and" at the end of one unit rather than the start of the next; d07 puts the dash "–"
# at the start of one unit rather than the end of the one before; k011 is a different analysis
# (AIFdb's main claim is "This helps the landlords,", the XML's "If there must be rent increases, ...").
MICROTEXT_DIFFERENCES = {"micro_b025", "micro_d07", "micro_k011"}


def test_the_aif_microtexts_agree_with_the_microtext_xml_import():
    """The AIF import of the 110 AIFdb microtexts agrees with the XML import of the same texts in statements,
    supports, attacks, undercuts, linked premises, examples and main claim, except 3 annotation differences."""
    folder = _corpus("aif-microtexts-part1")
    xml = corpus_dir()
    if xml is None:
        pytest.skip("arg-microtexts part 1 not found")
    which = json.loads((folder / "aif2arggraph.json").read_text(encoding="utf-8"))
    agree, differ = [], []
    for nodeset, micro in sorted(which.items()):
        path = folder / f"{nodeset}.json"
        if not path.exists():  # the table also names two texts AIFdb's part 1 does not hold
            continue
        same = _summary(load_path(path)) == _summary(microtext.load_path(xml / "corpus" / "en" / f"{micro}.xml"))
        (agree if same else differ).append(micro)
    assert len(agree) + len(differ) == 110
    assert set(differ) == MICROTEXT_DIFFERENCES and len(agree) >= 107


@functools.lru_cache(maxsize=1)
def _microtext_maps() -> tuple[tuple[str, ArgumentMap], ...]:
    folder = corpus_dir()
    if folder is None:
        return ()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return tuple((p.stem, microtext.load_path(p)) for p in sorted((folder / "corpus" / "en").glob("*.xml")))


def _seed_maps() -> list[tuple[str, ArgumentMap]]:
    return [(p.name, argmap.load(p)) for p in sorted((ROOT / "seeds").glob("*.json"))]


def test_the_112_microtext_maps_and_the_seeds_survive_aif_byte_for_byte():
    """argmap -> AIF -> argmap gives the same argmap JSON, byte for byte, for the 112 microtext maps and the seeds."""
    maps = list(_microtext_maps())
    if not maps:
        pytest.skip("arg-microtexts part 1 not found")
    assert len(maps) == 112
    for name, amap in [*maps, *_seed_maps()]:
        text, losses = exported(amap)
        back, import_losses = imported(text)
        assert losses == {} and import_losses == {}, name
        assert argmap.dumps(back) == argmap.dumps(amap), name
        assert dumps(back) == text, name


def test_the_xaif_samples_import():
    """The xAIF samples (OVA 3, AMF) import: statements, the one support, spans from OVA's highlights."""
    folder = _corpus("xaif")
    ova, _ = imported((folder / "ova-example.xaif.json").read_text(encoding="utf-8"))
    assert [(s.text, s.spans, s.main) for s in ova.statements] == [("A", ((0, 1),), True), ("B", ((10, 11),), False)]
    assert len(ova.supports) == 1 and ova.document.text.startswith("A because B")
    basic, _ = imported((folder / "basic-example-with-data.xaif.json").read_text(encoding="utf-8"))
    assert len(basic.statements) == 3 and len(basic.supports) == 1
    assert all(" ".join(basic.document.text[s:e].split()) == st.text
               for st in basic.statements for s, e in st.spans) and all(st.spans for st in basic.statements)
    empty, losses = imported((folder / "empty.xaif.json").read_text(encoding="utf-8"))
    assert len(empty) == 0 and losses == {}


# -- the real arguebuf -------------------------------------------------------------------------------


def arguebuf_counts(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """Load every file with the real arguebuf 2.7.2 (arguebuf.load.file) in one process; its counts by path."""
    python = interop_python()
    run = subprocess.run([str(python), str(DRIVER)], check=False, input=json.dumps([str(p) for p in paths]),
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return {row["path"]: row for row in map(json.loads, run.stdout.strip().split("\n"))}


def _expected(amap: ArgumentMap) -> dict[str, Any]:
    return {"atoms": len(amap.statements), "support": len(amap.supports), "attack": len(amap.attacks),
            "other": 0, "edges": sum(len(r.sources) + 1 for r in amap.relations), "error": None}


def _write_all(maps: list[tuple[str, ArgumentMap]], folder: Path, **options: Any) -> list[Path]:
    paths = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExportWarning)
        for k, (name, amap) in enumerate(maps):
            path = folder / f"{k:03d}-{name}.aif.json"
            path.write_text(dumps(amap, **options), encoding="utf-8")
            paths.append(path)
    return paths


def test_real_arguebuf_loads_every_exported_map_with_the_same_counts(tmp_path):
    """The real arguebuf loads the AIF of the seeds and the 112 microtext maps (with and without the extension)
    and finds the same I-nodes (same texts), RA, CA and edges."""
    maps = [*_seed_maps(), *_microtext_maps()]
    with_ext = _write_all(maps, tmp_path)
    (tmp_path / "plain").mkdir()
    without = _write_all(maps, tmp_path / "plain", extension=False)
    counts = arguebuf_counts(with_ext + without)
    for (name, amap), a, b in zip(maps * 2, with_ext + without, without + with_ext):
        row = counts[str(a)]
        assert {k: row.get(k) for k in _expected(amap)} == _expected(amap), name
        assert row["texts"] == sorted(s.text for s in amap.statements), name


@settings(max_examples=3, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no shrinking:
@given(st.lists(argument_maps(), min_size=5, max_size=25))  # each example starts arguebuf; the map is in the message
def test_real_arguebuf_loads_generated_maps_with_the_same_counts(tmp_path_factory, maps):
    """Hypothesis maps (any text, undercuts, attacks on attacks, linked premises) exported to AIF load in the real
    arguebuf with the same numbers of I-nodes, RA, CA and edges."""
    folder = tmp_path_factory.mktemp("hypothesis")
    named = [(f"m{k}", amap) for k, amap in enumerate(maps)]
    paths = _write_all(named, folder)
    counts = arguebuf_counts(paths)
    for (name, amap), path in zip(named, paths):
        row = counts[str(path)]
        assert {k: row.get(k) for k in _expected(amap)} == _expected(amap), f"{name}: {argmap.dumps(amap)}"


# -- the command line -------------------------------------------------------------------------------


def test_render_draws_an_aif_nodeset_json_directly(tmp_path, capsys):
    """`argmap render nodesetN.json -o x.svg` reads AIF (told from the content) and draws it."""
    need_renderers()
    folder = shared_corpus("aif-microtexts-part1")
    source = folder / "nodeset6361.json" if folder else TREES
    out = tmp_path / "x.svg"
    assert main(["render", str(source), "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg")) and "</svg>" in svg
    first = json.loads(source.read_text(encoding="utf-8"))["nodes"][0]["text"]
    assert first.split()[0] in svg
    assert "aif.document.missing" not in capsys.readouterr().err  # the .txt beside it is found and read


def test_convert_with_the_text_option_gives_spans_and_loss_lines(tmp_path, capsys):
    """`argmap convert trees.json -t json -I text=trees.txt` keeps spans; each loss is one stderr line with its code."""
    out = tmp_path / "trees.json"
    assert main(["convert", str(TREES), "-t", "json", "-I", f"text={TREES_TXT}", "-o", str(out)]) == 0
    amap = argmap.load(out)
    assert amap.statement("i1").spans == ((0, 31),)
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("argmap: warning: aif.node.L:") for line in err)
    assert not any("aif.document.missing" in line for line in err)


def test_convert_of_a_legacy_encoded_sidecar_is_one_error_line(capsys):
    """A cp1252 sidecar on the command line: status 1 and one line naming the file; -I encoding=cp1252 reads it."""
    status = main(["convert", str(FIXTURES / "cafe.json"), "-t", "json", "-I", f"text={FIXTURES / 'cafe.txt'}",
                   "-o", "-"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 1 and len(err) == 1 and "cafe.txt" in err[0] and "Traceback" not in err[0]
    assert main(["convert", str(FIXTURES / "cafe.json"), "-t", "json", "-I", f"text={FIXTURES / 'cafe.txt'}",
                 "-I", "encoding=cp1252", "-o", "-"]) == 0
    assert '"spans": [[0, 16]]' in capsys.readouterr().out


def test_convert_to_aif_without_the_extension_warns_and_with_strict_refuses(tmp_path, capsys):
    """`-O extension=false` writes plain AIF and warns per kind of loss; with --strict nothing is written."""
    out = tmp_path / "seed.aif.json"
    seed = ROOT / "seeds" / "japan-russia-reset.map.json"
    assert main(["convert", str(seed), "-o", str(out), "-O", "extension=false"]) == 0
    assert "argmap" not in json.loads(out.read_text(encoding="utf-8"))
    assert "aif.export.kind" in capsys.readouterr().err
    refused = tmp_path / "refused.aif.json"
    assert main(["convert", str(seed), "-o", str(refused), "-O", "extension=false", "--strict"]) != 0
    assert not refused.exists()
    assert main(["convert", str(seed), "-o", str(refused)]) == 0 and "warning" not in capsys.readouterr().err



def test_the_command_line_finds_the_sidecar_beside_the_file(tmp_path, capsys):
    """`argmap convert nodesetN.json` reads nodesetN.txt beside it as the document (the importer's `source`
    option gets the input's path), so statements have spans without -I text=."""
    import shutil

    from argmap.cli import main

    shutil.copy(TREES, tmp_path / "trees.json")
    shutil.copy(TREES_TXT, tmp_path / "trees.txt")
    assert main(["convert", str(tmp_path / "trees.json"), "-t", "json", "-o", str(tmp_path / "out.json")]) == 0
    amap = argmap.load(tmp_path / "out.json")
    assert amap.document.text == TREES_TXT.read_text(encoding="utf-8")
    assert any(s.spans for s in amap.statements)
    assert "aif.document.missing" not in capsys.readouterr().err
    assert argmap.load(tmp_path / "trees.json").document.text == amap.document.text
