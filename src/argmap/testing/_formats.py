"""Checks for exporters, importers and the round trip through a format."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from ..components import Exporter, Importer
from ..errors import ArgmapError, ExportWarning
from ..formats.json import dumps, loads
from ..model import ArgumentMap

if TYPE_CHECKING:  # pragma: no cover - types only
    from hypothesis import settings as Settings
    from hypothesis.strategies import SearchStrategy
from ._support import ExportFn, LoadFn, _describe, _maps, _settings, _show, _unwrap


def _export_fn(exporter: Exporter | ExportFn) -> tuple[str, ExportFn, bool | None]:
    name, fn = _unwrap(exporter, Exporter, "export", "exporter")
    return name, fn, exporter.binary if isinstance(exporter, Exporter) else None


def _load_fn(importer: Importer | LoadFn) -> tuple[str, LoadFn]:
    return _unwrap(importer, Importer, "load", "importer")


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
