"""Hypothesis strategies for argmap's model, for argmap's tests and plugin authors'.

Needs ``hypothesis`` (``pip install argmap[testing]``)::

    from hypothesis import given
    from argmap.strategies import argument_maps

    @given(argument_maps())
    def test_my_exporter_is_deterministic(amap):
        assert my_export(amap) == my_export(amap)

Every map these strategies make is valid: unique ids, resolving references,
spans into the document that cover the statement's text. Text is any unicode
(quotes, backslashes, newlines, HTML-like markup, emoji) unless narrowed.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from .model import ArgumentMap, Attack, Document, Kind, Provenance, Statement, Support

__all__ = [
    "argument_maps",
    "documents",
    "ids",
    "json_values",
    "kinds",
    "metadata",
    "provenances",
    "statement_texts",
]

_TRICKY = [
    '"', "\\", "\\N", "\\l", "\\G", "\\n", "<b>x</b>", "<", ">", "&", "&amp;", "&#65;", "{", "}", ";", "[", "]",
    "->", "--", ":", "'", "\n", "\t", "\r\n", " ", "é", "中文", "😀", "\u200b", "\u202e", "label=x", "URL=\"x\"",
    "digraph", "node", "<!--", "]]>", "%s", "$", "#",
]


def statement_texts(*, printable: bool = False, max_size: int = 80) -> st.SearchStrategy[str]:
    """Non-blank text built from arbitrary unicode and pieces known to break
    DOT, HTML and JSON writers. ``printable=True`` leaves out control and
    format characters (what an SVG can show)."""
    if printable:
        alphabet = st.characters(  # type: ignore[arg-type]
            blacklist_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zl", "Zp")
        )
        pieces = st.sampled_from([p for p in _TRICKY if all(c.isprintable() or c == " " for c in p)])
    else:
        alphabet = st.characters(blacklist_categories=("Cs",))  # type: ignore[arg-type]
        pieces = st.sampled_from(_TRICKY)
    chunk = st.one_of(st.text(alphabet, min_size=1, max_size=12), pieces)
    return (
        st.lists(chunk, min_size=1, max_size=8)
        .map("".join)
        .map(lambda s: s[:max_size])
        .filter(lambda s: s.strip() != "")
    )


def ids(prefix: str = "") -> st.SearchStrategy[str]:
    """Valid statement or relation ids."""
    return st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,10}", fullmatch=True).map(lambda s: prefix + s).filter(
        lambda s: s.lower() not in {"node", "edge", "graph", "digraph", "subgraph", "strict"}
    )


def kinds() -> st.SearchStrategy[Kind]:
    """Any statement kind."""
    return st.sampled_from(list(Kind))


def json_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """JSON-able values (finite floats only)."""
    leaves = st.one_of(
        st.none(), st.booleans(), st.integers(-(2**53), 2**53),
        st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=10),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
        max_leaves=max_leaves,
    )


def metadata() -> st.SearchStrategy[dict[str, Any]]:
    """Free metadata: a small JSON object."""
    return st.dictionaries(st.text(max_size=8), json_values(), max_size=3)


def provenances() -> st.SearchStrategy[Provenance | None]:
    """No provenance, or an extractor name with an optional confidence."""
    return st.one_of(
        st.none(),
        st.builds(
            Provenance,
            extractor=st.sampled_from(["cues", "llm", "hand"]),
            confidence=st.one_of(st.none(), st.floats(0.0, 1.0)),
        ),
    )


def documents() -> st.SearchStrategy[Document]:
    """Documents with arbitrary text and optional title/author/source."""
    opt = st.one_of(st.none(), statement_texts(max_size=30))
    return st.builds(Document, text=st.text(max_size=60), title=opt, author=opt, source=opt)


@st.composite
def argument_maps(
    draw: st.DrawFn,
    *,
    max_statements: int = 8,
    max_relations: int = 10,
    printable: bool = False,
    with_spans: bool | None = None,
    extras: bool = True,
) -> ArgumentMap:
    """Valid argument maps: statements of every kind, linked and convergent
    supports, attacks on statements and on relations (undercuts), main claims,
    spans into a document made of the statements' text (unless
    ``with_spans=False``), provenance, tags and metadata (unless ``extras=False``).
    """
    n = draw(st.integers(1, max_statements))
    texts = draw(st.lists(statement_texts(printable=printable), min_size=n, max_size=n))
    spans_on = draw(st.booleans()) if with_spans is None else with_spans
    # The document is the statements' text with separators, so spans are exact.
    doc_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for text in texts:
        sep = draw(st.sampled_from(["", " ", "\n\n", " ... "])) if doc_parts else ""
        pos += len(sep)
        doc_parts.append(sep + text)
        offsets.append((pos, pos + len(text)))
        pos += len(text)
    doc_text = "".join(doc_parts) if spans_on else draw(st.text(max_size=40))
    title = draw(st.one_of(st.none(), statement_texts(printable=printable, max_size=40)))
    document = Document(text=doc_text, title=title, metadata=draw(metadata()) if extras else {})

    statements = []
    for i, text in enumerate(texts):
        statements.append(
            Statement(
                id=f"s{i + 1}",
                text=text,
                kind=draw(kinds()),
                main=draw(st.booleans()) if i == 0 or draw(st.integers(0, 9)) == 0 else False,
                spans=(offsets[i],) if spans_on else (),
                provenance=draw(provenances()) if extras else None,
                tags=draw(st.lists(st.text(max_size=6), max_size=2)) if extras else (),
                metadata=draw(metadata()) if extras else {},
            )
        )
    relations: list[Support | Attack] = []
    stmt_ids = [s.id for s in statements]
    if n >= 2:
        for j in range(draw(st.integers(0, max_relations))):
            rid = f"r{j + 1}"
            is_support = draw(st.booleans())
            targets = stmt_ids if is_support or not relations else stmt_ids + [r.id for r in relations]
            target = draw(st.sampled_from(targets))
            pool = [s for s in stmt_ids if s != target]
            k = draw(st.integers(1, min(3, len(pool))))
            sources = draw(st.lists(st.sampled_from(pool), min_size=k, max_size=k, unique=True))
            prov = draw(provenances()) if extras else None
            meta = draw(metadata()) if extras else {}
            if is_support:
                relations.append(
                    Support(
                        id=rid, premises=sources, conclusion=target,
                        scheme=draw(st.one_of(st.none(), st.sampled_from(["analogy", "consequences", "example"]))),
                        example=draw(st.booleans()), provenance=prov, metadata=meta,
                    )
                )
            else:
                relations.append(Attack(id=rid, attackers=sources, target=target, provenance=prov, metadata=meta))
    return ArgumentMap(statements=statements, relations=relations, document=document,
                       metadata=draw(metadata()) if extras else {})
