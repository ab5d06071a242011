"""Checks for plugin authors: call them from your own tests.

Each check raises :class:`AssertionError` with a message that says what went
wrong and on which input, so a plugin's test can be one line::

    from argmap.testing import check_extractor, check_exporter, check_round_trip

    def test_my_extractor():
        check_extractor(my_plugin.extractor)

    def test_my_exporter():
        check_exporter(my_plugin.exporter)

    def test_my_format_round_trip():
        check_round_trip(my_plugin.exporter, my_plugin.importer)

The checks take the registered components (:class:`~argmap.plugins.Extractor`,
:class:`~argmap.plugins.Importer`, :class:`~argmap.plugins.Exporter`) or plain
functions. The exporter, importer and round-trip checks are driven by
hypothesis over the public strategies of :mod:`argmap.strategies` (they need
``hypothesis``, as in ``pip install argmap[test]``); pass ``settings=`` to
change how many maps they try.

The rules these checks hold plugins to:

- **Extractors** return a valid :class:`~argmap.ArgumentMap` of the very
  document they were given (the same text), every span lies inside it and
  covers its statement's text, the map survives argmap JSON unchanged, the
  same document gives an equal map and identical JSON twice, and odd input
  (empty, blank, 1 MB, a very long line, one word, only punctuation, unusual
  unicode, control characters) gives a map or an :class:`~argmap.ArgmapError`,
  never another exception; a :class:`~argmap.ValidationError` (the model
  refusing the map the extractor built) counts as a bug, not a refusal.
- **Exporters** accept every valid map, return ``str`` (UTF-8 encodable) or,
  for ``binary`` exporters, ``bytes``, and give the same output, byte for
  byte, for equal maps.
- **Importers** answer any text with a map or an :class:`~argmap.ArgmapError`.
- **Round trips**: importing an export gives back an equal map, *unless* the
  export warned (:class:`~argmap.ExportWarning`) that it could not carry
  something; then it must still import without error. A difference nobody
  warned about is a failure: formats may lose things, but never silently.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .errors import ArgmapError, ExportWarning, ValidationError
from .formats.json import dumps, loads
from .model import ArgumentMap, Document
from .components import Exporter, Extractor, Importer

if TYPE_CHECKING:  # pragma: no cover
    from hypothesis import settings as Settings
    from hypothesis.strategies import SearchStrategy

__all__ = [
    "SAMPLE_TEXT",
    "check_exporter",
    "check_extractor",
    "check_extractor_map",
    "check_importer",
    "check_round_trip",
    "huge_text",
    "odd_documents",
]

SAMPLE_TEXT = (
    "Cities should plant more trees. Trees cool the streets in summer, and shade lowers the "
    "number of heat deaths among the old.\n\n"
    "Some say that trees cost too much to water. But a grown tree needs little water, and the "
    "savings on air conditioning pay for it within a few years. Therefore the council should "
    "fund a planting programme this year.\n"
)
"""A short argumentative text every extractor check starts with."""

ExtractFn = Callable[[Document], ArgumentMap]
ExportFn = Callable[..., "str | bytes"]
LoadFn = Callable[[str], ArgumentMap]

_LIMIT = 300  # characters of an input shown in a failure message


# -- inputs -----------------------------------------------------------------------------------------


def huge_text(size: int = 1_000_000, *, seed: int = 0) -> str:
    """About *size* characters of varied, argument-like English prose in paragraphs.

    The same *size* and *seed* give the same text.
    """
    rng = random.Random(seed)
    subjects = ["The council", "Every city", "Our school", "The government", "Many critics", "This plan"]
    verbs = ["should fund", "must reject", "may adopt", "cannot ignore", "will support", "ought to review"]
    objects = ["the new tax", "more trees", "free transport", "longer holidays", "the old bridge", "cheaper housing"]
    cues = ["because", "since", "although", "but", "therefore", "however", "so", "as"]
    parts: list[str] = []
    length = 0
    while length < size:
        sentences = []
        for _ in range(rng.randint(2, 6)):
            sentence = f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}"
            if rng.random() < 0.6:
                sentence += f", {rng.choice(cues)} {rng.choice(subjects).lower()} {rng.choice(verbs)} {rng.choice(objects)}"
            sentences.append(sentence + rng.choice([".", ".", ".", "!", "?"]))
        paragraph = " ".join(sentences) + "\n\n"
        parts.append(paragraph)
        length += len(paragraph)
    return "".join(parts)[:size]


def odd_documents(*, huge_size: int = 1_000_000) -> list[tuple[str, Document]]:
    """(name, document) pairs of input that breaks careless extractors.

    Empty and blank text, one word, only punctuation, a very long line,
    control characters, unusual unicode (characters whose case mapping
    changes the length, combining marks, right-to-left text, emoji with
    joiners, line and paragraph separators), Windows line ends, and a huge
    text of *huge_size* characters (leave it out with ``huge_size=0``).
    """
    long_line = " ".join(["word"] * 40_000) + " because reasons matter."
    docs = [
        ("empty", ""),
        ("blank", " \n\t\n  \r\n"),
        ("one word", "Because"),
        ("one sentence", "Taxes should fall."),
        ("only punctuation", "?!... ;;; --- ,,, ... !!! ''' \"\" () [] {}"),
        ("very long line", long_line),
        ("control characters", "Trees\x00 cool\x01 streets.\x07 So\x1b[31m we\x7f should plant them.\x0b\x0c"),
        (
            "unicode",
            "İstanbul should build more parks, because İzmir did. Straße ß ǅ ﬁ are fine. "
            "Cafe\u0301 cre\u0300me, therefore coffee. עברית צריכה \u202eover\u202c. "
            "👩\u200d👩\u200d👧 families agree 🇯🇵. Full-width：ＡＢＣ。\u2028Line\u2029Para. "
            "中文应该支持，因为它很重要。",
        ),
        ("windows line ends", "Cities should plant trees.\r\n\r\nBecause trees cool streets.\r\nSo plant them.\r\n"),
        ("no sentence end", "trees good because shade and then again because cool and so on and so on"),
        ("markup", "<b>Claim:</b> &amp; `code` # heading\n* bullet because [link](x) so **bold**."),
    ]
    out = [(name, Document(text=text)) for name, text in docs]
    if huge_size > 0:
        out.append((f"huge ({huge_size:,} characters)", Document(text=huge_text(huge_size), title="A huge text")))
    return out


# -- extractors ---------------------------------------------------------------------------------------


def _unwrap(component: Any, cls: type[Any], attribute: str, what: str) -> tuple[str, Any]:
    """(a name for messages, the function) of a registered component or a plain function."""
    if isinstance(component, cls):
        return f"{what} {component.name!r}", getattr(component, attribute)
    if callable(component):
        return f"{what} {getattr(component, '__qualname__', repr(component))}", component
    raise TypeError(f"expected an argmap.{cls.__name__} or a function, got {component!r}")


def _extract_fn(extractor: Extractor | ExtractFn) -> tuple[str, ExtractFn]:
    return _unwrap(extractor, Extractor, "extract", "extractor")


def _show(text: str) -> str:
    """An input as shown in a failure message: its repr, clipped."""
    if len(text) <= _LIMIT:
        return repr(text)
    return f"{text[: _LIMIT // 2]!r} ... {text[-_LIMIT // 4 :]!r} ({len(text):,} characters)"


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

    When ``extractor`` is an :class:`~argmap.plugins.Extractor` with
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


# -- exporters and importers ------------------------------------------------------------------------


def _settings(settings: Settings | None) -> Settings:
    from hypothesis import settings as Settings

    # The current profile's numbers, with no deadline: a first export may be slow. One failure is
    # reported, as a plain AssertionError, never a group of them.
    return Settings(settings if settings is not None else Settings(deadline=None), report_multiple_bugs=False)


def _maps(strategy: SearchStrategy[ArgumentMap] | None) -> SearchStrategy[ArgumentMap]:
    from .strategies import argument_maps

    return strategy if strategy is not None else argument_maps()


def _export_fn(exporter: Exporter | ExportFn) -> tuple[str, ExportFn, bool | None]:
    name, fn = _unwrap(exporter, Exporter, "export", "exporter")
    return name, fn, exporter.binary if isinstance(exporter, Exporter) else None


def _load_fn(importer: Importer | LoadFn) -> tuple[str, LoadFn]:
    return _unwrap(importer, Importer, "load", "importer")


def _describe(amap: ArgumentMap) -> str:
    """A map as shown in a failure message: its argmap JSON, clipped."""
    text = dumps(amap)
    return text if len(text) <= 2000 else text[:2000] + f"... ({len(text):,} characters)"


def _export(
    fn: ExportFn, name: str, binary: bool | None, amap: ArgumentMap, options: Mapping[str, Any] | None = None
) -> tuple[str | bytes, list[str]]:
    """Export once; return the output and the ExportWarning messages; fail on anything wrong."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            out = fn(amap, **options) if options else fn(amap)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(
                f"{name} failed on a valid map: {type(exc).__name__}: {exc}\nthe map:\n{_describe(amap)}"
            ) from exc
    expected: tuple[type, ...] = (bytes,) if binary else (str,) if binary is False else (str, bytes)
    if not isinstance(out, expected):
        raise AssertionError(
            f"{name} returned {type(out).__name__}, expected {' or '.join(t.__name__ for t in expected)}"
        )
    if isinstance(out, str):
        try:
            out.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise AssertionError(f"{name} returned text that is not UTF-8 encodable: {exc}") from exc
    notes = [str(w.message) for w in caught if issubclass(w.category, ExportWarning)]
    return out, notes


def check_exporter(
    exporter: Exporter | ExportFn,
    *,
    maps: SearchStrategy[ArgumentMap] | None = None,
    examples: Iterable[ArgumentMap] = (),
    accept: Callable[[str | bytes, ArgumentMap], None] | None = None,
    options: Iterable[Mapping[str, Any]] = ({},),
    settings: Settings | None = None,
) -> None:
    """Check an exporter on every map hypothesis makes (and on ``examples``).

    For each map and each set of ``options`` (default: none given): exporting
    does not raise, the output has the right type (``str``, or ``bytes`` for
    a ``binary`` exporter) and, as text, encodes as UTF-8, and exporting the
    same map again, or an equal copy of it, gives identical output.
    ``accept(output, amap)``, where given, is your consumer's check (a parser
    of the format, say): it raises :class:`AssertionError` for output it
    rejects.

    ``options`` are keyword sets such as ``[{}, {"theme": "print"}]``. For a
    registered :class:`~argmap.Exporter` each option must be one it declares
    (as the command line would refuse it otherwise), and every declared
    option with ``choices`` is also tried with each of its choices.

    ``maps`` replaces the strategy (default :func:`argmap.strategies.argument_maps`);
    ``settings`` the hypothesis settings (default: the current profile, no deadline).
    """
    from hypothesis import example, given

    name, fn, binary = _export_fn(exporter)
    option_sets = [dict(o) for o in options] or [{}]
    if isinstance(exporter, Exporter):
        for given_options in option_sets:
            for option_name in given_options:
                if option_name not in {o.name for o in exporter.options}:
                    declared = ", ".join(o.name for o in exporter.options) or "none"
                    raise AssertionError(
                        f"{name} does not declare the option {option_name!r} (it declares: {declared}); "
                        "add it to Exporter(options=...)"
                    )
        option_sets += [{o.name: choice} for o in exporter.options for choice in (o.choices or ())]

    def one(amap: ArgumentMap) -> None:
        for opts in option_sets:
            _check_one_export(fn, name, binary, amap, opts, accept)

    run = given(_maps(maps))(one)
    for amap in reversed(list(examples)):  # hypothesis tries the outermost first
        run = example(amap)(run)
    _settings(settings)(run)()


def _check_one_export(
    fn: ExportFn,
    name: str,
    binary: bool | None,
    amap: ArgumentMap,
    options: Mapping[str, Any],
    accept: Callable[[str | bytes, ArgumentMap], None] | None,
) -> None:
    label = f"{name} with options {dict(options)!r}" if options else name
    first, _ = _export(fn, label, binary, amap, options)
    second, _ = _export(fn, label, binary, amap, options)
    if first != second:
        raise AssertionError(
            f"{label} is not deterministic: two exports of the same map differ\nthe map:\n{_describe(amap)}"
        )
    copy, _ = _export(fn, label, binary, loads(dumps(amap)), options)
    if copy != first:
        raise AssertionError(
            f"{label} is not deterministic: an equal copy of the map exports differently\n"
            f"the map:\n{_describe(amap)}"
        )
    if accept is not None:
        try:
            accept(first, amap)
        except AssertionError as exc:
            raise AssertionError(f"{label}: the output was rejected: {exc}\nthe map:\n{_describe(amap)}") from exc


def check_importer(
    importer: Importer | LoadFn,
    *,
    texts: SearchStrategy[str] | None = None,
    examples: Iterable[str] = (),
    settings: Settings | None = None,
) -> None:
    """Check that an importer answers any text with a map or a clear :class:`~argmap.ArgmapError`.

    It is fed fixed odd texts (empty, blank, binary-looking, JSON of the
    wrong shape), ``examples`` and what hypothesis makes (``texts``, default
    any unicode text). A result must be a valid :class:`~argmap.ArgumentMap`;
    an error must be an :class:`~argmap.ArgmapError` with a message.
    """
    from hypothesis import example, given
    from hypothesis import strategies as st

    name, fn = _load_fn(importer)

    def one(text: str) -> None:
        try:
            amap = fn(text)
        except ArgmapError as exc:
            if not str(exc).strip():
                raise AssertionError(f"{name} raised {type(exc).__name__} with an empty message on {_show(text)}") from exc
            return
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(
                f"{name} crashed on {_show(text)}: {type(exc).__name__}: {exc} "
                "(raise argmap.FormatError for input you cannot read)"
            ) from exc
        if not isinstance(amap, ArgumentMap):
            raise AssertionError(f"{name} returned {type(amap).__name__} for {_show(text)}, expected an ArgumentMap")

    fixed = ["", " ", "\n", "\x00\x01\x02", "\ufeff", "{", "[]", "null", '{"format": 1}', "-> ->", "\u202e"]
    run = given(texts if texts is not None else st.text())(one)
    for text in reversed([*fixed, *examples]):  # hypothesis tries the outermost first
        run = example(text)(run)
    _settings(settings)(run)()


def check_round_trip(
    exporter: Exporter | ExportFn,
    importer: Importer | LoadFn,
    *,
    maps: SearchStrategy[ArgumentMap] | None = None,
    examples: Iterable[ArgumentMap] = (),
    strict: bool = False,
    settings: Settings | None = None,
) -> None:
    """Check that importing an export gives the map back.

    For each map hypothesis makes (and each of ``examples``): the export must
    import without error. When the export gave no
    :class:`~argmap.ExportWarning`, the imported map must equal the original;
    when it warned, the format has said what it could not carry, and only
    the import itself is required. ``strict=True`` requires equality always
    (for lossless formats, which never warn).
    """
    from hypothesis import example, given

    out_name, export, binary = _export_fn(exporter)
    in_name, load = _load_fn(importer)

    def one(amap: ArgumentMap) -> None:
        out, notes = _export(export, out_name, binary, amap)
        text = out.decode("utf-8") if isinstance(out, bytes) else out
        try:
            back = load(text)
        except Exception as exc:  # noqa: BLE001
            raise AssertionError(
                f"{in_name} cannot read what {out_name} wrote: {type(exc).__name__}: {exc}\n"
                f"the export:\n{_show(text)}\nthe map:\n{_describe(amap)}"
            ) from exc
        if not isinstance(back, ArgumentMap):
            raise AssertionError(f"{in_name} returned {type(back).__name__}, expected an ArgumentMap")
        if back == amap or (notes and not strict):
            return
        why = (
            f"although it warned ({'; '.join(notes)}) and strict=True"
            if notes
            else "and the exporter gave no ExportWarning"
        )
        raise AssertionError(
            f"round trip through {out_name} and {in_name} changed the map {why}: {_difference(amap, back)}\n"
            f"the export:\n{_show(text)}\nthe map:\n{_describe(amap)}"
        )

    run = given(_maps(maps))(one)
    for amap in reversed(list(examples)):  # hypothesis tries the outermost first
        run = example(amap)(run)
    _settings(settings)(run)()


def _difference(before: ArgumentMap, after: ArgumentMap) -> str:
    """The first difference between two maps, in words."""
    if before.document != after.document:
        for field in ("text", "title", "author", "source", "metadata"):
            a, b = getattr(before.document, field), getattr(after.document, field)
            if a != b:
                return f"document.{field} {_show(repr(a))} became {_show(repr(b))}"
    pairs: Sequence[tuple[str, Sequence[Any], Sequence[Any]]] = (
        ("statements", before.statements, after.statements),
        ("relations", before.relations, after.relations),
    )
    for field, xs, ys in pairs:
        if len(xs) != len(ys):
            return f"{len(xs)} {field} became {len(ys)}"
        for i, (x, y) in enumerate(zip(xs, ys)):
            if x != y:
                if type(x) is not type(y):
                    return f"{field}[{i}] {type(x).__name__} {x.id!r} became {type(y).__name__} {y.id!r}"
                for f in attrs.fields(type(x)):
                    a, b = getattr(x, f.name), getattr(y, f.name)
                    if a != b:
                        return f"{field}[{i}].{f.name} {_show(repr(a))} became {_show(repr(b))} (id {x.id!r})"
                return f"{field}[{i}] {x!r:.300} became {y!r:.300}"
    if before.metadata != after.metadata:
        return f"metadata {dict(before.metadata)!r:.200} became {dict(after.metadata)!r:.200}"
    return "the maps differ"
