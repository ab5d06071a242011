"""The argmap JSON format: lossless round trip, stable bytes, one-line errors naming the field."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap import FormatError, dumps, loads
from argmap.formats.json import FORMAT, map_to_dict
from argmap.strategies import argument_maps


@given(argument_maps())
def test_round_trip_is_identity(amap):
    """Writing any map and reading it back gives an equal map (all text, spans, extras)."""
    assert loads(dumps(amap)) == amap


@given(argument_maps())
def test_output_is_deterministic_and_parses_as_plain_json(amap):
    """The same map always gives the same bytes, which any JSON parser reads as the documented structure."""
    text = dumps(amap)
    assert text == dumps(loads(text))
    data = json.loads(text)
    assert data == map_to_dict(amap)
    assert data["format"] == FORMAT
    assert {"id", "text", "kind", "main", "spans"} <= set(data["statements"][0])
    for rel in data["relations"]:
        assert rel["type"] in ("support", "attack") and isinstance(rel["from"], list) and isinstance(rel["to"], str)


def test_layout_is_one_item_per_line():
    """Each statement and relation takes one line, so files diff well."""
    b = argmap.MapBuilder(title="T")
    b.support(b.claim("A", main=True), b.premise("B"))
    text = dumps(b.build())
    assert text.splitlines() == [
        "{",
        '  "format": "argmap/1",',
        '  "document": {"text": "", "title": "T"},',
        '  "statements": [',
        '    {"id": "s1", "text": "A", "kind": "claim", "main": true, "spans": []},',
        '    {"id": "s2", "text": "B", "kind": "premise", "main": false, "spans": []}',
        "  ],",
        '  "relations": [',
        '    {"id": "r1", "type": "support", "from": ["s2"], "to": "s1"}',
        "  ]",
        "}",
    ]


GOOD = {
    "format": "argmap/1",
    "document": {"text": "Hi there.", "title": None},
    "statements": [
        {"id": "s1", "text": "Hi", "kind": "claim", "main": True, "spans": [[0, 2]]},
        {"id": "s2", "text": "there.", "kind": "premise", "main": False, "spans": [[3, 9]]},
    ],
    "relations": [{"id": "r1", "type": "support", "from": ["s2"], "to": "s1"}],
}


def _with(path, value):
    data = json.loads(json.dumps(GOOD))
    *head, last = path
    target = data
    for key in head:
        target = target[key]
    if value is KeyError:
        del target[last]
    else:
        target[last] = value
    return json.dumps(data)


@pytest.mark.parametrize(
    "text, message",
    [
        ("{", r"^line 1 column 2: invalid JSON: Expecting property name"),
        ("[]", r"^expected an object, got a list$"),
        (_with(["format"], "argmap/2"), r"^format: unsupported format 'argmap/2'"),
        (_with(["format"], KeyError), r"^missing field 'format'$"),
        (_with(["relations", 0, "to"], "s9"), r"^relations\[0\]\.to: unknown id 's9' \(in support 'r1'\)$"),
        (_with(["relations", 0, "from"], "s2"), r"^relations\[0\]\.from: expected a list of statement ids, got a string$"),
        (_with(["relations", 0, "type"], "rebut"), r"^relations\[0\]\.type: unknown type 'rebut'"),
        (_with(["statements", 1, "kind"], "clam"), r"^statements\[1\]\.kind: unknown kind 'clam'"),
        (_with(["statements", 1, "id"], "s 2"), r"^statements\[1\]\.id: invalid id 's 2'"),
        (_with(["statements", 1, "spans"], [[3, 99]]), r"^statements\[1\]\.spans\[0\]: span \[3, 99\] lies outside"),
        (_with(["statements", 1, "spans"], [[3]]), r"^statements\[1\]\.spans\[0\]: expected a \[start, end\] pair$"),
        (_with(["statements", 1, "text"], 7), r"^statements\[1\]\.text: expected a string, got int$"),
        (_with(["statements", 1, "colour"], "red"), r"^statements\[1\]: unknown field 'colour'"),
        (_with(["statements", 0, "provenance"], {"extractor": "x", "confidence": 2}),
         r"^statements\[0\]\.provenance\.confidence: a confidence is a number in \[0, 1\]"),
        (_with(["statements", 1, "id"], "s1"), r"^statements\[1\]\.id: duplicate id 's1'$"),
        (_with(["document", "text"], None), r"^document\.text: expected a string, got null$"),
        (_with(["metadata"], [1]), r"^metadata: expected an object, got a list$"),
    ],
)
def test_bad_json_gives_one_line_naming_the_field(text, message):
    """Every malformed input raises FormatError with one line that names the place at fault."""
    with pytest.raises(FormatError, match=message) as info:
        loads(text)
    assert "\n" not in str(info.value)


def test_unwritable_metadata_is_a_format_error():
    """Metadata JSON cannot carry (a set, NaN) raises FormatError instead of writing a broken file."""
    m = argmap.ArgumentMap([argmap.Statement("s1", "A", metadata={"x": {1, 2}})])
    with pytest.raises(FormatError, match="cannot be written as JSON"):
        dumps(m)
    m = argmap.ArgumentMap([argmap.Statement("s1", "A", metadata={"x": float("nan")})])
    with pytest.raises(FormatError, match="cannot be written as JSON"):
        dumps(m)


def test_file_helpers_round_trip(tmp_path):
    """argmap.dump writes a file that argmap.load reads back as the same map."""
    m = loads(json.dumps(GOOD))
    argmap.dump(m, tmp_path / "m.json")
    assert argmap.load(tmp_path / "m.json") == m
    assert [p.name for p in tmp_path.iterdir()] == ["m.json"]


@given(argument_maps(max_statements=6, max_relations=8))
def test_dumps_writes_the_bytes_of_the_json_encoder(amap):
    """The hand-made line text of dumps equals what json's encoder writes for the same items (map_to_dict)."""
    data = map_to_dict(amap)
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), allow_nan=False).encode
    lines = dumps(amap).split("\n")  # not splitlines(): texts may hold \x85, \u2028, ...
    statements = [line.strip().rstrip(",") for line in lines if line.startswith('    {"id": "s')]
    relations = [line.strip().rstrip(",") for line in lines if '"type": "' in line and line.startswith("    {")]
    assert statements == [encode(s) for s in data["statements"]]
    assert relations == [encode(r) for r in data["relations"]]


_JSON_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 300), st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["s1", "r1", "claim", "support", "attack", "", " ", "graph", "x"]),
    st.lists(st.one_of(st.sampled_from(["s1", "s2", "r1"]), st.integers(0, 9), st.lists(st.integers(-1, 9), max_size=3)),
             max_size=3),
    st.dictionaries(st.sampled_from(["extractor", "confidence", "k"]), st.one_of(st.text(max_size=3), st.floats(0, 1)),
                    max_size=2),
)
_FIELDS = ["id", "text", "kind", "main", "spans", "provenance", "tags", "metadata", "type", "from", "to", "scheme",
           "example", "extra"]


def _outcome(text):
    try:
        return ("map", loads(text))
    except FormatError as exc:
        return ("error", exc.message, exc.where)


@given(argument_maps(max_statements=6, max_relations=8), st.data())
def test_quick_reader_reads_and_refuses_as_the_careful_one(amap, data):
    """A file with a mutated statement or relation (a field removed, replaced by any JSON value, or added)
    loads to the same map, or fails with the same message and place, with or without the quick readers."""
    from argmap.formats import json as json_format

    doc = json.loads(dumps(amap))
    for _ in range(data.draw(st.integers(1, 2))):
        section = data.draw(st.sampled_from(["statements", "relations"]))
        if not doc[section]:
            continue
        item = doc[section][data.draw(st.integers(0, len(doc[section]) - 1))]
        field = data.draw(st.sampled_from(_FIELDS))
        if data.draw(st.booleans()) and field in item:
            del item[field]
        else:
            item[field] = data.draw(_JSON_VALUES)
    text = json.dumps(doc)
    quick = _outcome(text)
    with mock.patch.object(json_format, "_read_statements_quickly", lambda objs, start, out, consume: None), \
            mock.patch.object(json_format, "_read_relations_quickly", lambda objs, start, out, consume: None):
        careful = _outcome(text)
    assert quick == careful


def test_map_from_dict_leaves_the_callers_data_as_it_was():
    """map_from_dict reads the caller's data without changing it (loads lets go of its own parsed items)."""
    amap = argmap.MapBuilder()
    thesis = amap.claim("Trees cool streets.", main=True)
    amap.support(thesis, amap.premise("Shade keeps the sun off."))
    text = dumps(amap.build())
    data = json.loads(text)
    before = json.dumps(data)
    from argmap.formats.json import map_from_dict

    assert map_from_dict(data) == loads(text)
    assert json.dumps(data) == before
