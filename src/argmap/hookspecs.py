"""The hooks argmap calls on its plugins.

A plugin is a module or object with functions marked ``@argmap.hookimpl``
whose names are the hooks below. Each hook hands the plugin a ``register``
callable; the plugin calls it once per component it offers. Plugins are found
through the ``argmap`` entry-point group; the built-in components are plugins
too and register the same way.

These docstrings are the reference: ``docs/hooks/<hook name>.md`` repeats
each one with an example, and a test fails when a hook has no page there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover - types only
    from .components import Exporter, Extractor, Importer

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("argmap")
hookimpl = pluggy.HookimplMarker("argmap")


@hookspec
def argmap_register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors: components that turn prose into an argument map.

    When: once each time a :class:`~argmap.plugins.Registry` is built, which
    the command line does at start and library code does through
    :func:`argmap.plugins.load_registry`.

    Pass: call ``register(Extractor(name, extract, description=...))`` once per
    extractor. ``extract`` takes an :class:`argmap.Document` and returns an
    :class:`argmap.ArgumentMap` whose spans point into that document; it
    raises :class:`argmap.ArgmapError` (or a subclass) for input it cannot
    handle.

    Names: lower-case letters, digits, ``-``, ``_`` and ``.``. Names are one
    namespace across all plugins: registering a name another plugin already
    registered is an error that names both plugins. Users pick an extractor
    with ``argmap extract -e NAME``.

    Return: nothing; return values are ignored.
    """


@hookspec
def argmap_register_importers(register: Callable[[Importer], None]) -> None:
    """Register importers: components that read a file format into an argument map.

    When: once each time a :class:`~argmap.plugins.Registry` is built.

    Pass: call ``register(Importer(name, load, suffixes=(".ext",), description=...))``
    once per format. ``load`` takes the file's text (``str``) and returns an
    :class:`argmap.ArgumentMap`; it raises :class:`argmap.FormatError` with a
    ``where`` naming the place at fault for bad input.

    Names: a format name such as ``json`` or ``argdown``; one namespace across
    plugins (a clash is an error naming both plugins). ``suffixes`` tell the
    command line which files the importer reads; when two importers claim a
    suffix, the one registered first (built-ins, then plugins by name) wins
    and ``--from NAME`` chooses the other.

    Return: nothing; return values are ignored.
    """


@hookspec
def argmap_register_exporters(register: Callable[[Exporter], None]) -> None:
    """Register exporters: components that write an argument map in some format.

    When: once each time a :class:`~argmap.plugins.Registry` is built.

    Pass: call ``register(Exporter(name, export, suffixes=(".ext",), binary=False,
    options=(...), description=...))`` once per format. ``export`` takes an
    :class:`argmap.ArgumentMap` and the options the caller gave as keywords,
    and returns ``str`` (or ``bytes`` when ``binary=True``). The same map and
    options must give the same output, byte for byte. What the format cannot
    carry is reported with ``warnings.warn(..., argmap.ExportWarning)``,
    never dropped silently.

    Options: declare each as ``argmap.Option(name, help, parse=..., choices=...)``;
    ``export`` receives only declared options, and only those the caller
    gave (define defaults in ``export``'s signature). Users pass them as
    ``argmap render -O name=value`` (``parse`` turns the text into the
    value) or in Python as ``exporter(amap, name=value)``; an option an
    exporter does not declare is refused with an error naming both.

    Names: a format name such as ``dot`` or ``json``, used by
    ``argmap convert -t NAME`` and ``argmap render -f NAME``; one namespace
    across plugins (a clash is an error naming both plugins). ``suffixes``
    map output files to exporters (``render -o map.svg``).

    Return: nothing; return values are ignored.
    """
