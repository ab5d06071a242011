"""AIF-JSON, the Argument Interchange Format as AIFdb and OVA write it, both ways.

Reading (AIFdb's ``{"nodes", "edges", "locutions"}``, or xAIF's ``{"AIF": {...}, "text": ..., "OVA":
{...}}`` wrapper):

- an I-node becomes a :class:`~argmap.Statement` (``i277`` for nodeID ``"277"``; the node's own
  fields, nodeID and timestamp included, in ``metadata["aif"]``);
- an RA-node a :class:`~argmap.Support` from its I-node premises (several: linked) to its one
  I-node target; its text, where it names a scheme, or its ``scheme`` key (Araucaria's
  ``CauseToEffect``) is the scheme; ``"Example"`` also sets ``example=True``;
- a CA-node an :class:`~argmap.Attack` on an I-node (rebut or undermine), an RA (undercut) or a
  CA (an attack on an attack);
- the main claim, which AIF lacks, is the one I-node that is a target and never a source; kinds
  are derived from it (see :mod:`._reader`); the map's ``metadata["aif"]["derived"]`` says so;
- the document is AIFdb's sidecar text (``nodesetN.txt``: :func:`load_path` finds it, the
  importer's option ``text`` names it) or xAIF's HTML ``text``; a statement gets the span where
  OVA highlighted its locution, else where its text is found in the document.

What the model cannot hold (the dialogue layer, MA and PA nodes, relations of a shape it has no
place for, dangling edges, ...) is reported in one :class:`~argmap.ImportLossWarning` per kind.

Writing gives what AIFdb tools and arguebuf read, plus an ``argmap`` extension object that makes
argmap -> AIF -> argmap exact; ``extension=False`` leaves it out and warns about what is lost.
See docs/formats/aif.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..._io import decode_text, read_input_bytes
from ...errors import FormatError
from ...model import ArgumentMap
from ._reader import LOSS_MESSAGES, read
from ._text import de_html, read_sidecar
from ._writer import EXPORT_MESSAGES, TIMESTAMP, export_losses, format_aif, to_dict

__all__ = [
    "EXPORT_MESSAGES",
    "LOSS_MESSAGES",
    "TIMESTAMP",
    "de_html",
    "dumps",
    "from_dict",
    "load",
    "load_path",
    "loads",
    "looks_like_aif",
    "read",
    "read_sidecar",
    "sidecar_of",
    "sniff",
    "to_dict",
]


def from_dict(data: Any, *, document: str | None = None) -> ArgumentMap:
    """Read parsed AIF-JSON (as :func:`json.loads` gives) into a map, warning once per kind of loss.

    *document* is the document text, where known (AIFdb's sidecar ``.txt``).
    """
    amap, losses, messages = read(data, document=document)
    losses.report(messages, stacklevel=2)
    return amap


def loads(text: str, *, document: str | None = None, source: str | None = None) -> ArgumentMap:
    """Read AIF-JSON text into a map; *document* as for :func:`from_dict`.

    Bad input raises one :class:`~argmap.FormatError` naming the place (``nodes[3].nodeID:
    duplicate nodeID '12'``); *source* (a file name) goes in front of JSON syntax errors.

    >>> amap = loads('''{"nodes": [
    ...   {"nodeID": "1", "text": "We should plant trees.", "type": "I"},
    ...   {"nodeID": "2", "text": "They cool the streets.", "type": "I"},
    ...   {"nodeID": "3", "text": "Default Inference", "type": "RA"}],
    ...  "edges": [{"edgeID": "1", "fromID": "2", "toID": "3"}, {"edgeID": "2", "fromID": "3", "toID": "1"}],
    ...  "locutions": []}''', document="We should plant trees. They cool the streets.")
    >>> [(s.id, s.kind.value, s.main, s.spans) for s in amap.statements]
    [('i1', 'claim', True, ((0, 22),)), ('i2', 'premise', False, ((23, 45),))]
    >>> amap.relation("ra3").premises
    ('i2',)
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{source}:{exc.lineno}:{exc.colno}" if source else f"line {exc.lineno} column {exc.colno}"
        raise FormatError(f"invalid JSON: {exc.msg}", where=where) from None
    except RecursionError:
        raise FormatError("invalid JSON: nested too deeply", where=source) from None
    amap, losses, messages = read(data, document=document)
    losses.report(messages, stacklevel=2)
    return amap


def load(data: str, *, text: str | None = None, encoding: str = "utf-8", source: str | None = None) -> ArgumentMap:
    """The importer's entry point: AIF-JSON (as text); *text*, where given, is the path of the
    document's text file (``-I text=nodeset1.txt``), read in *encoding* (``-I encoding=cp1252``);
    otherwise the ``.txt`` beside *source* (the AIF file's own path, which the command line gives),
    when there is one."""
    if text is None and source is not None:
        found = sidecar_of(source)
        text = str(found) if found is not None else None
    document = read_sidecar(text, encoding) if text is not None else None
    return loads(data, document=document)


def sidecar_of(path: str | Path) -> Path | None:
    """AIFdb's text beside an AIF file: ``nodeset1.txt`` for ``nodeset1.json`` (or ``nodeset1.aif.json``)."""
    path = Path(path)
    candidates = [path.with_suffix(".txt")]
    if path.name.lower().endswith(".aif.json"):
        candidates.insert(0, path.with_name(path.name[: -len(".aif.json")] + ".txt"))
    return next((c for c in candidates if c.is_file()), None)


def load_path(path: str | Path, text_path: str | Path | None = None, *, encoding: str = "utf-8") -> ArgumentMap:
    """Read an AIF-JSON file; its document is *text_path*, else the ``.txt`` beside it (:func:`sidecar_of`),
    read in *encoding*. Errors name the file."""
    path = Path(path)
    data = decode_text(read_input_bytes(path), str(path))
    if text_path is None:
        text_path = sidecar_of(path)
    document = read_sidecar(text_path, encoding) if text_path is not None else None
    try:
        return loads(data, document=document, source=str(path))
    except FormatError as exc:
        if exc.where and exc.where.startswith(str(path)):
            raise
        raise FormatError(exc.message, where=f"{path}: {exc.where}" if exc.where else str(path)) from None


def dumps(amap: ArgumentMap, *, extension: bool = True) -> str:
    """The map as AIF-JSON text (byte for byte the same for equal maps).

    With *extension* (the default) argmap's own fields ride along in ``argmap`` objects and reading
    the file back gives the map exactly; without it, one :class:`~argmap.ExportWarning` per kind
    of loss says what would not come back.
    """
    data = to_dict(amap, extension=extension)
    text = format_aif(data)
    if not extension:
        export_losses(amap, data).report(EXPORT_MESSAGES, stacklevel=2)
    return text


def looks_like_aif(data: Any) -> bool:
    """Whether parsed JSON is AIF: xAIF's ``AIF`` object, or ``nodes`` and ``edges`` lists with AIF's marks
    (``nodeID``, ``fromID``/``toID``, ``locutions``), or both empty and nothing of SADFace's (``metadata.core``)."""
    if not isinstance(data, dict) or "format" in data:
        return False
    if isinstance(data.get("AIF"), dict):
        return True
    nodes, edges = data.get("nodes"), data.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        return False
    if "locutions" in data or any(isinstance(n, dict) and "nodeID" in n for n in nodes[:50]) or any(
            isinstance(e, dict) and ("fromID" in e or "toID" in e) for e in edges[:50]):
        return True
    metadata = data.get("metadata")
    return not nodes and not edges and not (isinstance(metadata, dict) and "core" in metadata)


def sniff(text: str) -> bool:
    """Whether *text* is AIF-JSON (see :func:`looks_like_aif`), for ``.json`` files, which several importers share.

    >>> sniff('{"nodes": [], "edges": [], "locutions": []}'), sniff('{"format": "argmap/1", "statements": []}')
    (True, False)
    """
    text = text.lstrip("\ufeff \t\r\n")
    if not text.startswith("{"):
        return False
    if '"AIF"' not in text and ('"nodes"' not in text or '"edges"' not in text):
        return False
    try:
        return looks_like_aif(json.loads(text))
    except (ValueError, RecursionError):
        return False
