"""The arg-microtexts XML importer: every construct of the format, its errors, the real corpus."""

from __future__ import annotations

import doctest
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap.formats.microtext
from argmap import FormatError, Kind, dumps, loads
from argmap.formats.microtext import MicrotextWarning, load, load_path, parse, read_graph, read_graph_path
from argmap.model import Attack, Support

from .conftest import ROOT, corpus_dir, needs_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "microtext"
CORPUS_FIXTURE = FIXTURES / "corpus"




def xml_of(*body: str, graph_id: str = "t") -> str:
    """A small arggraph document around the given elements."""
    return f'<arggraph id="{graph_id}">' + "".join(body) + "</arggraph>"


TWO = (
    '<edu id="e1">We should plant trees.</edu><edu id="e2">They cool the streets.</edu>'
    '<adu id="a1" type="pro"/><adu id="a2" type="pro"/>'
    '<edge id="s1" src="e1" trg="a1" type="seg"/><edge id="s2" src="e2" trg="a2" type="seg"/>'
)


@pytest.fixture
def bikes():
    return load_path(CORPUS_FIXTURE / "bikes.xml")


# -- the mapping -----------------------------------------------------------------------


def test_one_statement_per_adu_with_the_xml_ids(bikes):
    """Every ADU becomes one statement, in document order, keeping its XML id."""
    assert [s.id for s in bikes.statements] == [f"a{i}" for i in range(1, 11)]


def test_every_edu_span_is_exact(bikes):
    """Each statement's spans cover exactly its EDUs' text in the document."""
    graph = read_graph_path(CORPUS_FIXTURE / "bikes.xml")
    text = bikes.document.text
    for statement in bikes.statements:
        assert " ".join(text[s:e] for s, e in statement.spans) == statement.text
    assert [text[s:e] for _, (s, e) in graph.edus][6] == "But most customers of the high street arrive on foot"


def test_document_is_the_edus_joined_by_spaces():
    """Without a .txt, the document text is the EDUs joined by single spaces."""
    amap = parse(xml_of(TWO + '<edge id="c1" src="a2" trg="a1" type="sup"/>'))
    assert amap.document.text == "We should plant trees. They cool the streets."


def test_the_txt_alongside_becomes_the_document(bikes):
    """load_path takes the .txt next to the .xml as the document text, unchanged."""
    assert bikes.document.text == (CORPUS_FIXTURE / "bikes.txt").read_text(encoding="utf-8")


def test_edus_are_found_across_line_breaks_in_the_txt():
    """An EDU whose words the .txt separates by a line break still gets an exact span."""
    amap = load_path(CORPUS_FIXTURE / "uniforms.xml")
    a2 = amap.statement("a2")
    assert [amap.document.text[s:e] for s, e in a2.spans] == [
        "Children express themselves through what they\nwear,",
        "and at that age this matters a great deal.",
    ]
    assert a2.text == "Children express themselves through what they wear, and at that age this matters a great deal."


def test_roles_are_kept_as_metadata(bikes):
    """Each statement records its proponent/opponent role and its EDU ids."""
    roles = {s.id: s.metadata["role"] for s in bikes.statements}
    assert roles == {
        "a1": "pro", "a2": "pro", "a3": "pro", "a4": "pro", "a5": "opp",
        "a6": "opp", "a7": "pro", "a8": "pro", "a9": "opp", "a10": "pro",
    }
    assert bikes.statement("a4").metadata["edus"] == ["e4"]


def test_kinds_follow_role_and_edge(bikes):
    """The central claim is a main claim, opp ADUs objections, attacking pro ADUs rebuttals, other pro premises."""
    kinds = {s.id: s.kind for s in bikes.statements}
    assert kinds == {
        "a1": Kind.CLAIM, "a2": Kind.PREMISE, "a3": Kind.PREMISE, "a4": Kind.PREMISE,
        "a5": Kind.OBJECTION, "a6": Kind.OBJECTION, "a7": Kind.REBUTTAL, "a8": Kind.REBUTTAL,
        "a9": Kind.OBJECTION, "a10": Kind.REBUTTAL,
    }
    assert [s.id for s in bikes.main_claims] == ["a1"]


def test_sup_is_a_support_and_add_a_linked_co_premise(bikes):
    """A sup edge is a Support keeping the edge id; the add edge's source joins it after the original premise."""
    c1 = bikes.relation("c1")
    assert isinstance(c1, Support)
    assert (c1.premises, c1.conclusion, c1.example, c1.linked) == (("a2", "a3"), "a1", False, True)
    assert c1.metadata["microtext"] == {"type": "sup", "add": ["c2"]}
    assert "c2" not in bikes


def test_exa_is_a_support_by_example(bikes):
    """An exa edge is a Support with the example flag."""
    c3 = bikes.relation("c3")
    assert isinstance(c3, Support) and c3.example and c3.premises == ("a4",) and c3.conclusion == "a2"


def test_reb_is_an_attack_on_the_adu(bikes):
    """A reb edge is an Attack whose target is the attacked statement."""
    c4 = bikes.relation("c4")
    assert isinstance(c4, Attack) and c4.attackers == ("a5",) and c4.target == "a1"
    assert bikes.attack_type("c4") == "rebut"


def test_und_is_an_undercut_of_the_relation(bikes):
    """An und edge is an Attack on the relation of the edge it points at, and add joins it as co-attacker."""
    c6 = bikes.relation("c6")
    assert isinstance(c6, Attack) and c6.target == "c4" and c6.attackers == ("a7", "a8")
    assert bikes.attack_type("c6") == "undercut"
    assert c6.metadata["microtext"] == {"type": "und", "add": ["c7"]}


def test_graph_attributes_and_segmentation_are_kept():
    """Topic, stance, EDU spans, joints and EDUs outside every ADU are kept in the map's metadata."""
    amap = load_path(CORPUS_FIXTURE / "uniforms.xml")
    info = amap.metadata["microtext"]
    assert (info["id"], info["topic_id"], info["stance"]) == ("t_uniforms", "school_uniforms", "con")
    assert info["joints"] == {"j1": ["e2", "e3"]}
    assert info["unused_edus"] == ["e5"]
    assert [e["id"] for e in info["edus"]] == ["e1", "e2", "e3", "e4", "e5"]


def test_a_joint_grounds_one_adu_in_several_edus():
    """An ADU grounded through a joint gets one span per EDU of the joint."""
    graph = read_graph_path(CORPUS_FIXTURE / "uniforms.xml")
    assert len(graph.adu_spans["a2"]) == 2


def test_the_map_survives_the_argmap_json_round_trip(bikes):
    """Everything the importer puts into the map (metadata included) survives argmap JSON."""
    assert loads(dumps(bikes)) == bikes
    assert dict(loads(dumps(bikes)).relation("c6").metadata) == dict(bikes.relation("c6").metadata)


def test_invalid_xml_ids_get_valid_ids_and_keep_the_original():
    """An XML id that is not a valid argmap id is replaced deterministically, the original kept in metadata."""
    body = TWO.replace('"a2"', '"a-2"').replace('id="s1"', 'id="1"') + '<edge id="rel.1" src="a-2" trg="a1" type="sup"/>'
    amap = parse(xml_of(body))
    assert [s.id for s in amap.statements] == ["a1", "a_2"]
    assert amap.statement("a_2").metadata["xml_id"] == "a-2"
    assert amap.relations[0].id == "rel_1" and amap.relations[0].metadata["microtext"]["xml_id"] == "rel.1"
    assert parse(xml_of(body)) == amap


def test_importer_is_registered_for_xml(registry):
    """The built-in plugin registers the importer 'microtext' for .xml files."""
    importer = registry.importer("microtext")
    assert importer.load is load
    assert registry.importer_for("graph.xml") is importer
    assert importer.load((CORPUS_FIXTURE / "homework.xml").read_text(encoding="utf-8")).document.text.startswith(
        "Homework should"
    )


def test_module_doctests_pass():
    """The examples in argmap.formats.microtext's docstrings hold."""
    assert doctest.testmod(argmap.formats.microtext).failed == 0


# -- warnings for what the model cannot carry as such --------------------------------------


def test_several_roots_warn_and_all_become_main_claims():
    """Two ADUs without an outgoing edge give a warning, and both are marked as main claims."""
    with pytest.warns(MicrotextWarning, match="no outgoing edge"):
        amap = parse(xml_of(TWO))
    assert [s.id for s in amap.main_claims] == ["a1", "a2"]


def test_an_undercut_of_an_add_edge_warns_and_undercuts_the_linked_relation():
    """An und on an add edge becomes an undercut of the whole linked relation, with a warning."""
    body = (
        TWO
        + '<edu id="e3">Shade is free.</edu><edu id="e4">Trees need water.</edu>'
        + '<adu id="a3" type="pro"/><adu id="a4" type="opp"/>'
        + '<edge id="s3" src="e3" trg="a3" type="seg"/><edge id="s4" src="e4" trg="a4" type="seg"/>'
        + '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a3" trg="c1" type="add"/>'
        + '<edge id="c3" src="a4" trg="c2" type="und"/>'
    )
    with pytest.warns(MicrotextWarning, match="undercuts the 'add' edge"):
        amap = parse(xml_of(body))
    assert amap.relation("c3").target == "c1"
    assert amap.relation("c3").metadata["microtext"]["trg"] == "c2"


def test_a_well_formed_graph_gives_no_warning(bikes):
    """Importing a graph the model carries fully raises no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_path(CORPUS_FIXTURE / "bikes.xml")


# -- errors ----------------------------------------------------------------------------


def test_malformed_xml_names_line_and_column():
    """Malformed XML is a FormatError whose place is the line and column."""
    with pytest.raises(FormatError) as info:
        load_path(FIXTURES / "malformed.xml")
    assert "malformed XML" in info.value.message
    assert "malformed.xml: line 7" in info.value.where


@pytest.mark.parametrize(
    ("body", "where", "message"),
    [
        (TWO + '<edge id="c1" src="a2" trg="a1" type="supp"/>', "edge 'c1'.type", "unknown edge type 'supp'"),
        (TWO + '<edge id="c1" src="a2" trg="a9" type="sup"/>', "edge 'c1'.trg", "unknown id 'a9'"),
        (TWO + '<edge id="c1" src="a7" trg="a1" type="reb"/>', "edge 'c1'.src", "unknown id 'a7'"),
        (TWO + '<edge id="c1" src="a2" trg="a1" type="und"/>', "edge 'c1'.trg", "must be edge"),
        (TWO + '<edge id="c1" src="a2" trg="a1" type="add"/>', "edge 'c1'.trg", "must be edge"),
        (TWO + '<edge id="c1" src="a2" trg="s1" type="sup"/>', "edge 'c1'.trg", "must be adu"),
        (TWO + '<edge id="c1" src="a2" trg="s1" type="und"/>', "edge 'c1'.trg", "'seg' edge"),
        (TWO + '<edge id="c1" src="e2" trg="a1" type="sup"/>', "edge 'c1'.src", "must be adu"),
        (TWO + '<edge id="c1" src="a2" trg="a1"/>', "edge 'c1'", "missing attribute 'type'"),
        (TWO + '<edge id="a1" src="a2" trg="a1" type="sup"/>', "edge 'a1'", "duplicate id 'a1'"),
        (TWO.replace('type="pro"/><adu id="a2"', 'type="con"/><adu id="a2"'), "adu 'a1'.type", "unknown ADU type"),
        (TWO + '<adu id="a3" type="pro"/>', "adu 'a3'", "not grounded"),
        (TWO + '<node id="n1"/>', "node 'n1'", "unknown element"),
        (TWO + '<edu id="e3"> </edu>', "edu 'e3'", "empty EDU"),
        (
            TWO + '<edge id="c1" src="a2" trg="c2" type="add"/><edge id="c2" src="a1" trg="c1" type="add"/>',
            "edge ",
            "'add' edges form a cycle",
        ),
        (
            TWO + '<edge id="c1" src="a2" trg="a1" type="sup"/><edge id="c2" src="a1" trg="a2" type="sup"/>',
            "arggraph",
            "no central claim",
        ),
        (TWO + '<edge id="c1" src="a1" trg="a1" type="sup"/>', "arggraph 't'", "supports itself"),
    ],
)
def test_bad_graphs_raise_format_errors_naming_the_element(body, where, message):
    """Each kind of bad graph is a FormatError whose place names the element at fault."""
    with pytest.raises(FormatError) as info:
        parse(xml_of(body))
    assert info.value.where.startswith(where)
    assert message in info.value.message


def test_a_root_other_than_arggraph_is_refused():
    """A document whose root is not <arggraph> is a FormatError."""
    with pytest.raises(FormatError, match="expected an <arggraph>"):
        parse("<graph/>")


def test_a_txt_that_does_not_match_the_edus_is_refused():
    """When the given text does not contain an EDU (in order), the error names that EDU."""
    with pytest.raises(FormatError) as info:
        read_graph(xml_of(TWO + '<edge id="c1" src="a2" trg="a1" type="sup"/>'),
                   text="We should plant trees. They heat the streets.")
    assert info.value.where == "edu 'e2'"


def test_bytes_are_refused():
    """The importer takes text; bytes are a FormatError, not a crash."""
    with pytest.raises(FormatError):
        parse(b"<arggraph/>")  # type: ignore[arg-type]


# -- long chains: followed in a loop, not by recursion --------------------------------------------

CHAIN = 1000  # well past Python's default recursion limit


def joint_chain(n: int, *, cycle: bool = False) -> str:
    """a2 grounded in e2 through n joints, each the only part of the next (j0 <- e2, j1 <- j0, ...)."""
    body = TWO.replace('<edge id="s2" src="e2" trg="a2" type="seg"/>', "")
    body += "".join(f'<joint id="j{i}"/>' for i in range(n))
    body += '<edge id="g0" src="e2" trg="j0" type="seg"/>'
    body += "".join(f'<edge id="g{i}" src="j{i - 1}" trg="j{i}" type="seg"/>' for i in range(1, n))
    if cycle:
        body += f'<edge id="gc" src="j{n - 1}" trg="j0" type="seg"/>'
    body += f'<edge id="ga" src="j{n - 1}" trg="a2" type="seg"/><edge id="c0" src="a2" trg="a1" type="sup"/>'
    return xml_of(body)


def add_chain(n: int, *, cycle: bool = False) -> str:
    """a1 supported by a2, with n add edges, each pointing at the one before (c1 -> c0, c2 -> c1, ...)."""
    body = '<edu id="e1">We should plant trees.</edu><adu id="a1" type="pro"/>'
    body += '<edge id="s1" src="e1" trg="a1" type="seg"/>'
    body += "".join(
        f'<edu id="e{i}">Reason {i}.</edu><adu id="a{i}" type="pro"/>'
        f'<edge id="s{i}" src="e{i}" trg="a{i}" type="seg"/>'
        for i in range(2, n + 3)
    )
    body += '<edge id="c0" src="a2" trg="a1" type="sup"/>'
    body += "".join(f'<edge id="c{i}" src="a{i + 2}" trg="c{i - 1}" type="add"/>' for i in range(1, n + 1))
    if cycle:
        body = body.replace('<edge id="c1" src="a3" trg="c0"', f'<edge id="c1" src="a3" trg="c{n}"')
    return xml_of(body)


def test_a_long_chain_of_joints_imports():
    """An ADU grounded through a chain of 1,000 joints imports: the chain is followed without recursion."""
    graph = read_graph(joint_chain(CHAIN))
    assert graph.map.statement("a2").text == "They cool the streets."
    assert graph.map.statement("a2").metadata["edus"] == ["e2"]
    assert len(graph.map.metadata["microtext"]["joints"]) == CHAIN


def test_a_long_chain_of_add_edges_imports():
    """1,000 add edges each pointing at the previous one make one linked support with 1,001 premises."""
    amap = parse(add_chain(CHAIN))
    (support,) = amap.relations
    assert support.id == "c0" and support.conclusion == "a1"
    assert support.premises == tuple(f"a{i}" for i in range(2, CHAIN + 3))
    assert support.metadata["microtext"]["add"] == [f"c{i}" for i in range(1, CHAIN + 1)]


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (joint_chain(CHAIN, cycle=True), "segmentation edges form a cycle"),
        (add_chain(CHAIN, cycle=True), "'add' edges form a cycle"),
    ],
    ids=["joints", "add"],
)
def test_a_long_cycle_is_a_format_error(xml, message):
    """A cycle of 1,000 joints or add edges is a clean FormatError, not a RecursionError."""
    with pytest.raises(FormatError, match=message):
        parse(xml)


# -- properties over generated graphs ---------------------------------------------------------


@st.composite
def microtext_graphs(draw):
    """A random well-formed microtext graph: a tree of ADUs over one EDU each, every edge type used at random."""
    n = draw(st.integers(1, 9))
    words = st.text(alphabet="abcdefgh ", min_size=1, max_size=12).map(str.strip).filter(bool)
    edus = [draw(words) + "." for _ in range(n)]
    roles = ["pro"]
    edges: list[tuple[str, str, str, str]] = []  # id, src, trg, type
    edge_of_adu: dict[int, str] = {}
    for i in range(1, n):
        targets = [("adu", j) for j in range(i)] + [("edge", j) for j in range(1, i)]
        kind, j = draw(st.sampled_from(targets))
        eid = f"c{i}"
        if kind == "adu":
            etype = draw(st.sampled_from(["sup", "exa", "reb"]))
            role = roles[j] if etype != "reb" else ("opp" if roles[j] == "pro" else "pro")
            edges.append((eid, f"a{i + 1}", f"a{j + 1}", etype))
        else:
            target_edge = edge_of_adu[j]
            etype = draw(st.sampled_from(["und", "add"]))
            source_role = roles[j]
            role = source_role if etype == "add" else ("opp" if source_role == "pro" else "pro")
            edges.append((eid, f"a{i + 1}", target_edge, etype))
        roles.append(role)
        edge_of_adu[i] = eid
    body = "".join(f'<edu id="e{i + 1}"><![CDATA[{t}]]></edu>' for i, t in enumerate(edus))
    body += "".join(f'<adu id="a{i + 1}" type="{r}"/>' for i, r in enumerate(roles))
    body += "".join(f'<edge id="g{i + 1}" src="e{i + 1}" trg="a{i + 1}" type="seg"/>' for i in range(n))
    body += "".join(f'<edge id="{e}" src="{s}" trg="{t}" type="{k}"/>' for e, s, t, k in edges)
    return xml_of(body), roles, edges


@pytest.mark.filterwarnings("ignore::argmap.formats.microtext.MicrotextWarning")
@given(microtext_graphs())
def test_every_adu_and_edge_of_a_generated_graph_is_represented(graph):
    """Every ADU is a statement with its role, every sup/exa/reb/und edge a relation, every add source a co-source."""
    xml, roles, edges = graph
    amap = parse(xml)
    assert [s.metadata["role"] for s in amap.statements] == roles
    relation_ids = {e for e, _, _, k in edges if k != "add"}
    assert {r.id for r in amap.relations} == relation_ids
    by_id = {e: (s, t, k) for e, s, t, k in edges}

    def resolve(edge_id: str) -> str:
        while by_id[edge_id][2] == "add":
            edge_id = by_id[edge_id][1]
        return edge_id

    for eid, src, trg, kind in edges:
        if kind == "add":
            assert src in amap.relation(resolve(trg)).sources
        else:
            rel = amap.relation(eid)
            assert rel.sources[0] == src
            assert isinstance(rel, Support) == (kind in ("sup", "exa"))
            assert rel.target == (resolve(trg) if kind == "und" else trg)
    assert [s.id for s in amap.main_claims] == ["a1"]


# -- the real corpus -------------------------------------------------------------------


def corpus_files() -> list[Path]:
    found = corpus_dir()
    return sorted((found / "corpus" / "en").glob("*.xml")) if found else []


@needs_corpus
def test_every_part1_graph_round_trips_into_the_model():
    """Every ADU and edge of every part-1 graph is represented in its map, with no warning."""
    import xml.etree.ElementTree as ET

    files = corpus_files()
    assert len(files) == 112
    for path in files:
        root = ET.parse(path).getroot()
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            amap = load_path(path)
        assert [s.id for s in amap.statements] == [a.get("id") for a in root.findall("adu")], path.name
        assert [s.metadata["role"] for s in amap.statements] == [a.get("type") for a in root.findall("adu")]
        edges = {e.get("id"): e for e in root.findall("edge")}
        argumentative = {i: e for i, e in edges.items() if e.get("type") != "seg"}
        assert {r.id for r in amap.relations} == {i for i, e in argumentative.items() if e.get("type") != "add"}
        for eid, edge in argumentative.items():
            kind = edge.get("type")
            if kind == "add":
                target = edge.get("trg")
                while edges[target].get("type") == "add":
                    target = edges[target].get("trg")
                rel = amap.relation(target)
                assert edge.get("src") in rel.sources and eid in rel.metadata["microtext"]["add"]
            else:
                rel = amap.relation(eid)
                assert rel.sources[0] == edge.get("src") and rel.target == edge.get("trg")
                assert rel.metadata["microtext"]["type"] == kind
                assert isinstance(rel, Support) == (kind in ("sup", "exa"))
                if kind == "exa":
                    assert rel.example
        text = path.with_suffix(".txt").read_text(encoding="utf-8")
        assert amap.document.text == text
        for statement, adu in zip(amap.statements, root.findall("adu")):
            assert statement.text == " ".join(text[s:e] for s, e in statement.spans)
        assert len(amap.main_claims) == 1
