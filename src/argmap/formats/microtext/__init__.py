"""The arg-microtexts XML format (``<arggraph>``) read into an argument map.

The format (Peldszus & Stede 2013; corpus: Peldszus & Stede 2015, "An
annotated corpus of argumentative microtexts") has three kinds of node and
one kind of edge:

- ``<edu id=... >TEXT</edu>``: a text segment, in text order;
- ``<joint id=...>``: two or more EDUs that only count together;
- ``<adu id=... type="pro|opp">``: an argumentative unit with its dialectical
  role (proponent or opponent);
- ``<edge id=... src=... trg=... type=...>`` with ``type`` one of ``seg``
  (EDU or joint grounds an ADU or joint), ``sup`` (support), ``exa`` (support
  by example), ``reb`` (rebutting attack on an ADU), ``und`` (undercutting
  attack on the edge ``trg`` names) and ``add`` (the source is an additional,
  linked premise of the edge ``trg`` names).

How it maps onto the model (docs/microtext.md has the full table):

- the document text is the EDUs joined by single spaces (the corpus ``.txt``
  files are exactly that) or, when the ``.txt`` is given, that text, with
  every EDU found in it in order;
- one :class:`~argmap.model.Statement` per ADU, with the ADU's id, its EDUs'
  text and spans, ``metadata["role"]`` ``"pro"`` or ``"opp"`` and
  ``metadata["edus"]`` the EDU ids. Kind: the central claim (the ADU with no
  outgoing argumentative edge) is a ``claim`` with ``main=True``; opponent
  ADUs are ``objection``; proponent ADUs whose edge attacks (``reb``, ``und``,
  or ``add`` to an attack) are ``rebuttal``; other proponent ADUs are
  ``premise``;
- ``sup``/``exa`` become a :class:`~argmap.model.Support` (``example=True``
  for ``exa``), ``reb`` an :class:`~argmap.model.Attack` on the ADU, ``und``
  an Attack whose target is the relation of the edge it points at (an
  undercut), each keeping the edge's id; an ``add`` edge puts its source into
  the relation of the edge it points at, after the original source, as a
  linked co-premise (co-attacker for an attack). ``metadata["microtext"]``
  of the relation records the edge type and the ids of the ``add`` edges.

What the model cannot carry as such is kept in metadata (EDU segmentation,
joints, topic, stance, original XML ids) or reported with a
:class:`MicrotextWarning`; nothing is dropped silently. Bad input raises
:class:`~argmap.errors.FormatError` whose ``where`` names the element, for
example ``edge 'c3'.trg: unknown id 'a9'``.

The package's modules follow the steps of :func:`read_graph`:
:mod:`~argmap.formats.microtext._elements` reads and checks the XML elements,
:mod:`~argmap.formats.microtext._segmentation` grounds each ADU in its EDUs
(through joints), :mod:`~argmap.formats.microtext._relations` turns the
argumentative edges into statements and relations and
:mod:`~argmap.formats.microtext._reader` puts the map together.
"""

from __future__ import annotations

from pathlib import Path

from ..._io import decode_text, read_input_bytes
from ...errors import FormatError
from ...model import ArgumentMap
from ._elements import EDGE_TYPES, MicrotextWarning
from ._reader import MicrotextGraph, read_graph

__all__ = [
    "EDGE_TYPES",
    "MicrotextGraph",
    "MicrotextWarning",
    "load",
    "load_path",
    "parse",
    "read_graph",
    "read_graph_path",
]


def parse(xml_text: str, *, text: str | None = None, source: str | None = None) -> ArgumentMap:
    """Parse one microtext ``<arggraph>`` (given as text) into an argument map.

    See :func:`read_graph` for *text*, *source* and the errors raised.

    >>> xml = '''<arggraph id="t1">
    ...   <edu id="e1">We should plant trees.</edu>
    ...   <edu id="e2">They cool the streets.</edu>
    ...   <adu id="a1" type="pro"/><adu id="a2" type="pro"/>
    ...   <edge id="c1" src="e1" trg="a1" type="seg"/>
    ...   <edge id="c2" src="e2" trg="a2" type="seg"/>
    ...   <edge id="c3" src="a2" trg="a1" type="sup"/>
    ... </arggraph>'''
    >>> amap = parse(xml)
    >>> amap.document.text
    'We should plant trees. They cool the streets.'
    >>> [(s.id, s.kind.value, s.main) for s in amap.statements]
    [('a1', 'claim', True), ('a2', 'premise', False)]
    >>> amap.relation("c3").premises, amap.relation("c3").conclusion
    (('a2',), 'a1')
    """
    return read_graph(xml_text, text=text, source=source).map


def load(xml_text: str) -> ArgumentMap:
    """The importer's entry point: a microtext XML document (as text) to a map."""
    return parse(xml_text)


def load_path(path: str | Path, text_path: str | Path | None = None) -> ArgumentMap:
    """Read a microtext ``.xml`` file; its ``.txt`` alongside (or *text_path*) is the document.

    Without a ``.txt`` file, the document is the EDUs joined by spaces.
    """
    return read_graph_path(path, text_path).map


def read_graph_path(path: str | Path, text_path: str | Path | None = None) -> MicrotextGraph:
    """Like :func:`load_path`, returning the :class:`MicrotextGraph` with the gold segmentation."""
    path = Path(path)
    xml_text = decode_text(read_input_bytes(path), str(path))
    if text_path is None:
        candidate = path.with_suffix(".txt")
        text_path = candidate if candidate.is_file() else None
    text = None
    if text_path is not None:
        text = decode_text(read_input_bytes(text_path), str(text_path))
    try:
        return read_graph(xml_text, text=text, source=str(path))
    except FormatError as exc:
        raise FormatError(exc.message, where=f"{path}: {exc.where}" if exc.where else str(path)) from None
