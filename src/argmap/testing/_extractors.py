"""Checks for extractors."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING


from ..components import Extractor
from ..errors import ArgmapError, ValidationError
from ..formats.json import dumps, loads
from ..model import ArgumentMap, Document

if TYPE_CHECKING:  # pragma: no cover - types only
    pass
from ._samples import SAMPLE_TEXT, odd_documents
from ._support import ExtractFn, _show, _unwrap


def _extract_fn(extractor: Extractor | ExtractFn) -> tuple[str, ExtractFn]:
    return _unwrap(extractor, Extractor, "extract", "extractor")


def check_extractor_map(document: Document, amap: object, *, label: str = "input") -> None:
    """Check one extractor result against its input document.

    The result must be an :class:`~argmap.ArgumentMap` of the same text,
    every span must lie inside the document and cover its statement's text
    (up to white space), and the map must survive argmap JSON unchanged.
    """
    if not isinstance(amap, ArgumentMap):
        raise AssertionError(f"{label}: expected an argmap.ArgumentMap, got {type(amap).__name__}: {amap!r:.200}")
    if amap.document.text != document.text:
        raise AssertionError(
            f"{label}: the map's document text differs from the input (keep the document you were given, "
            f"so that spans point into it): got {_show(amap.document.text)}"
        )
    text = document.text
    for st in amap.statements:
        for start, end in st.spans:
            if not 0 <= start < end <= len(text):
                raise AssertionError(
                    f"{label}: statement {st.id!r} has span [{start}, {end}] outside the document "
                    f"({len(text)} characters)"
                )
        if st.spans:
            covered = " ".join(" ".join(text[a:b] for a, b in st.spans).split())
            if covered != " ".join(st.text.split()):
                raise AssertionError(
                    f"{label}: statement {st.id!r}: spans {list(st.spans)} cover {_show(covered)}, "
                    f"not its text {_show(st.text)}"
                )
    try:
        again = loads(dumps(amap))
    except ArgmapError as exc:
        raise AssertionError(f"{label}: the map cannot be written as argmap JSON and read back: {exc}") from exc
    if again != amap:
        raise AssertionError(f"{label}: the map changes when written as argmap JSON and read back")


def _run_extractor(fn: ExtractFn, name: str, document: Document, label: str) -> ArgumentMap | None:
    """Extract; return the map, or None for a clear ArgmapError; fail on anything else."""
    try:
        amap = fn(document)
    except ValidationError as exc:
        raise AssertionError(
            f"{name} built an invalid map on {label} {_show(document.text)}: {exc} "
            "(a ValidationError is a bug in the extractor, not a refusal of the input)"
        ) from exc
    except ArgmapError as exc:
        if not str(exc).strip():
            raise AssertionError(f"{name} on {label}: raised {type(exc).__name__} with an empty message") from exc
        return None
    except Exception as exc:  # noqa: BLE001 - the point of the check
        raise AssertionError(
            f"{name} crashed on {label} {_show(document.text)}: {type(exc).__name__}: {exc} "
            "(raise argmap.ArgmapError for input you cannot handle)"
        ) from exc
    check_extractor_map(document, amap, label=f"{name} on {label}")
    return amap


def check_extractor(
    extractor: Extractor | ExtractFn,
    *,
    documents: Iterable[Document | str] = (),
    odd: bool = True,
    huge_size: int = 1_000_000,
) -> None:
    """Check an extractor: valid maps of its input, deterministic, robust on odd input.

    ``documents`` are your own sample texts, checked like :data:`SAMPLE_TEXT`:
    each must give a valid map (an :class:`~argmap.ArgmapError` is a failure
    here) whose spans point into it, and the same map and the same argmap
    JSON a second time. With ``odd`` (default), each of :func:`odd_documents`
    must give a valid map or raise an :class:`~argmap.ArgmapError` with a
    message; any other exception, and a :class:`~argmap.ValidationError`
    (an invalid map built by the extractor), is a failure. ``huge_size`` sets the size of
    the huge input (0 leaves it out).

    When ``extractor`` is an :class:`~argmap.Extractor` with
    ``extract_units``, that is checked too: one statement per given unit, in
    order, each inside its unit.
    """
    name, fn = _extract_fn(extractor)
    samples = [Document(text=SAMPLE_TEXT, title="Trees")]
    samples += [d if isinstance(d, Document) else Document(text=d) for d in documents]
    for i, document in enumerate(samples):
        label = f"sample document {i}"
        try:
            first = fn(document)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(
                f"{name} failed on {label} {_show(document.text)}: {type(exc).__name__}: {exc}"
            ) from exc
        check_extractor_map(document, first, label=f"{name} on {label}")
        second = fn(document)
        if second != first:
            raise AssertionError(f"{name} is not deterministic: {label} gave two different maps")
        if dumps(second) != dumps(first):
            raise AssertionError(f"{name} is not deterministic: {label} gave two different argmap JSON texts")
    if odd:
        for label, document in odd_documents(huge_size=huge_size):
            _run_extractor(fn, name, document, f"odd input '{label}'")
    if isinstance(extractor, Extractor) and extractor.extract_units is not None:
        _check_units(extractor, samples[0])


def _check_units(extractor: Extractor, document: Document) -> None:
    text = document.text
    units: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1].isspace()):
            while start < i and text[start].isspace():
                start += 1
            units.append((start, i + 1))
            start = i + 1
    label = f"extractor {extractor.name!r} extract_units on the sample document"
    assert extractor.extract_units is not None
    try:
        amap = extractor.extract_units(document, units)
    except Exception as exc:  # noqa: BLE001
        raise AssertionError(f"{label} with units {units}: {type(exc).__name__}: {exc}") from exc
    check_extractor_map(document, amap, label=label)
    if len(amap.statements) != len(units):
        raise AssertionError(f"{label}: {len(units)} units gave {len(amap.statements)} statements")
    for st, (a, b) in zip(amap.statements, units):
        if not all(a <= s and e <= b for s, e in st.spans):
            raise AssertionError(f"{label}: statement {st.id!r} spans {list(st.spans)} lie outside its unit [{a}, {b}]")
