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

The checks take the registered components (:class:`~argmap.Extractor`,
:class:`~argmap.Importer`, :class:`~argmap.Exporter`) or plain
functions. The exporter, importer and round-trip checks are driven by
hypothesis over the public strategies of :mod:`argmap.strategies` (they need
``hypothesis``, as in ``pip install argmap[testing]``); pass ``settings=`` to
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

from ._extractors import check_extractor, check_extractor_map
from ._formats import check_exporter, check_importer, check_round_trip
from ._samples import SAMPLE_TEXT, huge_text, odd_documents
from ._support import ExportFn as ExportFn, ExtractFn as ExtractFn, LoadFn as LoadFn  # types, for annotations

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
