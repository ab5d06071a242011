"""The components plugins register: extractors, importers, exporters, and exporter options.

These are the names a plugin author needs, also at the top level
(``argmap.Extractor``, ``argmap.Importer``, ``argmap.Exporter``,
``argmap.Option``). Each is a frozen attrs class that checks its fields when
made, so a bad registration fails in the plugin that made it.

An exporter declares the options it takes (:class:`Option`); it is called
through :meth:`Exporter.__call__`, which refuses options the exporter did not
declare with one :class:`~argmap.errors.OptionError` naming the option and the
exporter. The command line reaches every exporter this way (``render``,
``convert`` and ``extract`` alike), so a plugin's exporter and its options are
as usable as the built-in ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .errors import OptionError, PluginError

if TYPE_CHECKING:  # pragma: no cover - types only
    from .model import ArgumentMap, Document

__all__ = ["Exporter", "Extractor", "Importer", "Option", "parse_bool"]

_NAME_RE = re.compile(r"[a-z0-9][a-z0-9_.-]*")
_OPTION_RE = re.compile(r"[a-z][a-z0-9_]*")


def _check_name(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
        raise PluginError(
            f"invalid {type(instance).__name__.lower()} name {value!r} "
            "(use lower-case letters, digits, '-', '_' and '.')"
        )


def _check_callable(instance: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not callable(value):
        raise PluginError(f"{type(instance).__name__} {instance.name!r}: {attribute.name} must be callable")


def _suffixes(value: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = (value,)
    return tuple(s if s.startswith(".") else "." + s for s in (v.lower() for v in value))


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})


def parse_bool(text: str) -> bool:
    """Read a yes/no option from the command line (``true``/``false``, ``yes``/``no``, ``1``/``0``, ``on``/``off``).

    >>> parse_bool("yes"), parse_bool("False")
    (True, False)
    """
    word = text.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError(f"expected true or false, got {text!r}")


def _guarded(who: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a plugin's function; an argmap error passes through, any other exception becomes one
    PluginError line naming the plugin's component (the original stays as its cause)."""
    from .errors import ArgmapError

    try:
        return function(*args, **kwargs)
    except ArgmapError:
        raise
    except RecursionError:
        raise PluginError(f"{who} failed: its input is nested too deeply for it") from None
    except Exception as exc:  # noqa: BLE001 - a plugin's bug must not be a traceback for the user
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise PluginError(f"{who} failed: {type(exc).__name__}{': ' + first if first else ''}") from exc


def _choices(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


@attrs.frozen
class Option:
    """An option an exporter takes: ``render -O NAME=VALUE`` on the command line,
    ``exporter(amap, NAME=value)`` in Python.

    ``parse`` turns the command line's text into the value the exporter gets
    (``int``, :func:`parse_bool`, ...; it raises :class:`ValueError` for bad
    text); ``choices``, where given, are the values allowed. ``help`` is one
    line for ``argmap plugins``.
    """

    name: str = attrs.field()
    help: str = ""
    parse: Callable[[str], Any] = attrs.field(default=str, validator=_check_callable)
    choices: tuple[str, ...] | None = attrs.field(default=None, converter=_choices)

    @name.validator
    def _check_option_name(self, attribute: attrs.Attribute, value: Any) -> None:
        if not isinstance(value, str) or not _OPTION_RE.fullmatch(value):
            raise PluginError(f"invalid option name {value!r} (use lower-case letters, digits and '_')")

    def from_text(self, text: str, owner: str) -> Any:
        """The value of this option given as command-line text, or an :class:`OptionError`."""
        if self.choices is not None and text not in self.choices:
            raise OptionError(
                f"option {self.name!r} of {owner}: expected one of "
                f"{', '.join(self.choices)}, got {text!r}"
            )
        try:
            return self.parse(text)
        except (TypeError, ValueError) as exc:
            raise OptionError(f"option {self.name!r} of {owner}: {exc}") from None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "help": self.help}
        if self.choices is not None:
            out["choices"] = list(self.choices)
        return out


def _options(value: Iterable[Option]) -> tuple[Option, ...]:
    options = tuple(value)
    seen: set[str] = set()
    for option in options:
        if not isinstance(option, Option):
            raise PluginError(f"exporter options must be argmap.Option, got {option!r}")
        if option.name in seen:
            raise PluginError(f"option {option.name!r} is declared twice")
        seen.add(option.name)
    return options


@attrs.frozen
class Extractor:
    """Turns a :class:`~argmap.Document` of prose into an :class:`~argmap.ArgumentMap`.

    ``extract_units``, where given, predicts only the structure over units
    that are already segmented: it takes the document and a list of
    ``(start, end)`` spans and returns a map with one statement per span (in
    that order). The evaluation harness's given-units mode uses it.
    """

    name: str = attrs.field(validator=_check_name)
    extract: Callable[[Document], ArgumentMap] = attrs.field(validator=_check_callable)
    description: str = ""
    extract_units: Callable[[Document, Sequence[tuple[int, int]]], ArgumentMap] | None = None

    def __call__(self, document: Document) -> ArgumentMap:
        """Map *document*, checking that the result is a map of this very document.

        An :class:`~argmap.ArgmapError` of the extractor's (input it cannot
        handle) passes through; anything else it raises, or a result that is
        not a map of *document*, is a :class:`~argmap.PluginError` naming it.
        """
        from .model import ArgumentMap

        amap = _guarded(f"extractor {self.name!r}", self.extract, document)
        if not isinstance(amap, ArgumentMap):
            raise PluginError(f"extractor {self.name!r} returned {type(amap).__name__}, expected an ArgumentMap")
        if amap.document.text != document.text:
            raise PluginError(f"extractor {self.name!r} returned a map of another document (its text differs)")
        return amap


@attrs.frozen
class Importer:
    """Reads a file format (given as text) into an :class:`~argmap.ArgumentMap`.

    ``load(text, **options)`` receives only the options declared in
    ``options`` that the caller gave, like an exporter's (``-I NAME=VALUE``
    on the command line). ``suffixes`` may have several parts
    (``.aif.json``): the longest that ends a file's name wins. Where
    importers share a suffix (``.json``), ``sniff(text)``, where given,
    tells from the content whether the text is in this importer's format.
    Call the importer itself, ``importer(text, ...)``, to have options and
    result checked.
    """

    name: str = attrs.field(validator=_check_name)
    load: Callable[..., ArgumentMap] = attrs.field(validator=_check_callable)
    suffixes: tuple[str, ...] = attrs.field(default=(), converter=_suffixes)
    description: str = ""
    options: tuple[Option, ...] = attrs.field(default=(), converter=_options)
    sniff: Callable[[str], bool] | None = None

    def option(self, name: str) -> Option:
        """The declared option of this name, or an :class:`OptionError` naming what exists."""
        return _find_option(self.options, name, f"importer {self.name!r}")

    def parse_options(self, pairs: Mapping[str, str]) -> dict[str, Any]:
        """Options given as command-line text (``NAME=VALUE``), parsed by their declarations."""
        return {name: self.option(name).from_text(text, f"importer {self.name!r}") for name, text in pairs.items()}

    def __call__(self, text: str, /, **options: Any) -> ArgumentMap:
        """Read *text* with *options*, after checking each is declared; the result must be a map.

        An importer that declares an option named ``source`` is given the path of the file it reads
        when there is one (by the command line and :func:`argmap.load`), for files that come in
        pairs, such as AIFdb's ``nodeset1.json`` with its text ``nodeset1.txt``.
        """
        from .model import ArgumentMap

        for name in options:
            self.option(name)
        amap = _guarded(f"importer {self.name!r}", self.load, text, **options)
        if not isinstance(amap, ArgumentMap):
            raise PluginError(f"importer {self.name!r} returned {type(amap).__name__}, expected an ArgumentMap")
        return amap


    def read(self, text: str, path: str | os.PathLike[str] | None, /, **options: Any) -> ArgumentMap:
        """Read *text*, the contents of the file at *path* (``None`` or ``-``: standard input).

        The importer gets the file's path as its ``source`` option when it declares one, and an
        error in the file names it (``map.json: relations[3].to: ...``).
        """
        from ._io import show_path
        from .errors import FormatError, ValidationError

        named = path is not None and os.fspath(path) != "-"
        label = show_path(path) if named and path is not None else "<stdin>"
        if named and path is not None and "source" not in options and any(o.name == "source" for o in self.options):
            options["source"] = os.fspath(path)  # an importer of files that come in pairs finds its other half
        try:
            return self(text, **options)
        except (FormatError, ValidationError) as exc:
            raise FormatError(exc.message, where=f"{label}: {exc.where}" if exc.where else label) from None


def _find_option(options: tuple[Option, ...], name: str, owner: str) -> Option:
    for option in options:
        if option.name == name:
            return option
    known = ", ".join(o.name for o in options) or "none"
    raise OptionError(f"{owner} has no option {name!r} (its options: {known})")


@attrs.frozen
class Exporter:
    """Writes an :class:`~argmap.ArgumentMap` as text (or bytes, when ``binary``).

    ``export(amap, **options)`` receives only the options declared in
    ``options`` that the caller gave (none by default). Call the exporter
    itself, ``exporter(amap, theme="print")``, to have the options checked
    first and the result's type checked after.

    ``preflight``, where given, is called before any work is done for this
    exporter (before a long extraction, say): it raises an
    :class:`~argmap.ArgmapError` when the exporter cannot run here, such as
    a missing program.

    ``stream``, where given, writes the same text as ``export`` in pieces:
    ``stream(amap, write, **options)`` calls ``write(piece)`` with strings
    whose concatenation is ``export(amap, **options)``. The command line then
    writes a large output to its file as it is made instead of holding all of
    it (:meth:`write_to`).
    """

    name: str = attrs.field(validator=_check_name)
    export: Callable[..., str | bytes] = attrs.field(validator=_check_callable)
    suffixes: tuple[str, ...] = attrs.field(default=(), converter=_suffixes)
    binary: bool = False
    description: str = ""
    options: tuple[Option, ...] = attrs.field(default=(), converter=_options)
    preflight: Callable[[], None] | None = None
    stream: Callable[..., None] | None = None

    def option(self, name: str) -> Option:
        """The declared option of this name, or an :class:`OptionError` naming what exists."""
        return _find_option(self.options, name, f"exporter {self.name!r}")

    def check_options(self, options: Mapping[str, Any]) -> None:
        """Refuse options this exporter does not declare (one error, naming the first)."""
        for name in options:
            self.option(name)

    def parse_options(self, pairs: Mapping[str, str]) -> dict[str, Any]:
        """Options given as command-line text (``NAME=VALUE``), parsed by their declarations."""
        return {name: self.option(name).from_text(text, f"exporter {self.name!r}") for name, text in pairs.items()}

    def write_to(self, amap: ArgumentMap, write: Callable[[str | bytes], Any], **options: Any) -> None:
        """Export *amap* through ``write``: in pieces when the exporter streams, else whole."""
        if self.stream is None or self.binary:
            write(self(amap, **options))
            return
        self.check_options(options)

        def piece(text: Any) -> None:
            if not isinstance(text, str):
                raise PluginError(f"exporter {self.name!r} streamed {type(text).__name__}, expected str")
            write(text)

        _guarded(f"exporter {self.name!r}", self.stream, amap, piece, **options)

    def __call__(self, amap: ArgumentMap, **options: Any) -> str | bytes:
        """Export *amap* with *options*, after checking each is declared."""
        self.check_options(options)
        out = _guarded(f"exporter {self.name!r}", self.export, amap, **options)
        expected = bytes if self.binary else str
        if not isinstance(out, expected):
            raise PluginError(
                f"exporter {self.name!r} returned {type(out).__name__}, expected {expected.__name__}"
            )
        return out
