"""Reading a gold corpus: arg-microtexts XML graphs, or AIF-JSON maps with their sidecar texts.

A corpus folder is one of:

- an **arg-microtexts** folder: the corpus root (``corpus/en/*.xml`` with their ``.txt``, and
  ``folds_10x5_test_ids.json``) or a folder of ``.xml`` graphs;
- an **AIF** folder: ``*.json`` AIF-JSON maps, each with its text beside it (AIFdb's
  ``nodesetN.json`` + ``nodesetN.txt``, read by :func:`argmap.formats.aif.load_path`, which also
  derives the main claim: the one I-node that is a target and never a source). An optional
  ``aif2arggraph.json`` (``{"nodeset6361": "micro_b001", ...}``) gives the texts their ids.

:func:`load_gold` reads either into a :class:`Corpus`: the usable texts (:class:`GoldText`) and the
files it skipped, each with its reason (:class:`Skipped`: no sidecar text, no single main claim,
an empty text, a file that cannot be read), never silently. :func:`find_corpus_files` and
:func:`load_corpus` are the microtext-only functions of before; :func:`load_folds` reads the folds.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import attrs

from ..errors import ArgmapError, ImportLossWarning, InputError
from ..formats.microtext import MicrotextGraph, read_graph_path
from ..model import ArgumentMap

__all__ = [
    "AIF_ID_MAP",
    "FOLDS_FILE",
    "Corpus",
    "GoldText",
    "NoGoldError",
    "Skipped",
    "find_corpus_files",
    "load_corpus",
    "load_folds",
    "load_gold",
]

FOLDS_FILE = "folds_10x5_test_ids.json"
"""The file of the test folds in a corpus root."""

AIF_ID_MAP = "aif2arggraph.json"
"""The optional file of an AIF folder that names each map's text (``{"nodeset6361": "micro_b001"}``)."""

Spans = tuple[tuple[int, int], ...]


class NoGoldError(InputError):
    """A corpus folder holds no gold map, or none that can be used."""


@attrs.frozen
class GoldText:
    """One corpus text: its id, its gold map, where it came from, and where its units lie.

    ``unit_spans`` holds each gold unit's spans in statement order, or is None when some gold
    unit cannot be located in the text (an AIF I-node that paraphrases its source, or two I-nodes
    found at the same place): such a text can be scored end-to-end only. ``topic`` is the microtext ``topic_id`` where there is one;
    ``graph`` the parsed microtext graph (None for AIF); ``source`` is ``"microtext"`` or ``"aif"``.
    """

    id: str
    map: ArgumentMap = attrs.field(repr=False)
    path: Path
    unit_spans: tuple[Spans, ...] | None = attrs.field(repr=False)
    topic: str | None = None
    graph: MicrotextGraph | None = attrs.field(default=None, repr=False, eq=False)
    source: str = "microtext"


@attrs.frozen
class Skipped:
    """A file of a corpus folder that was not used, and why."""

    name: str
    reason: str


@attrs.frozen
class Corpus:
    """A gold corpus as :func:`load_gold` reads it.

    ``format`` is ``"microtext"`` or ``"aif"``; ``folds`` the test folds (lists of text ids)
    where the folder has them; ``skipped`` the files not used, with their reasons; ``notes``
    what else the reader noticed (texts an id map names that have no file).
    """

    path: Path
    format: str
    texts: tuple[GoldText, ...]
    skipped: tuple[Skipped, ...] = ()
    folds: tuple[tuple[str, ...], ...] | None = None
    notes: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The folder's name (``aif-araucaria``)."""
        return self.path.name or str(self.path)

    @property
    def units_located(self) -> bool:
        """Whether every text's gold units lie in its text (so given-units mode can run)."""
        return bool(self.texts) and all(t.unit_spans is not None for t in self.texts)

    def skip_summary(self) -> str | None:
        """One line on the skipped files (how many, by reason, with a few names), or None.

        A file that cannot be read is named with its error (the first three of them).
        """
        if not self.skipped:
            return None
        by_reason: dict[str, list[str]] = {}
        for s in self.skipped:
            if s.reason in _REASONS:
                by_reason.setdefault(s.reason, []).append(s.name)
            else:
                by_reason.setdefault("cannot be read", []).append(f"{s.name}: {s.reason}")
        parts = []
        for reason in sorted(by_reason):
            names = by_reason[reason]
            shown = "; ".join(names[:3]) + (" ..." if len(names) > 3 else "")
            parts.append(f"{len(names)} {reason} ({shown})")
        return f"{len(self.skipped)} file(s) skipped: " + ", ".join(parts)


NO_SIDECAR = "no sidecar text"
NO_MAIN = "no main claim"
SEVERAL_MAIN = "several conclusions"
EMPTY = "empty"
NOT_AIF = "not AIF-JSON"
_REASONS = frozenset({NO_SIDECAR, NO_MAIN, SEVERAL_MAIN, EMPTY, NOT_AIF})


def find_corpus_files(corpus_dir: str | Path) -> tuple[Path, list[Path], Path | None]:
    """The folder of ``.xml`` graphs, the graph files and the folds file of a microtext corpus folder.

    *corpus_dir* is the corpus root (with ``corpus/en/`` and
    ``folds_10x5_test_ids.json``) or a folder of ``.xml`` files directly.
    """
    root = _folder(corpus_dir)
    graphs = root / "corpus" / "en"
    if not graphs.is_dir():
        graphs = root
    files = sorted(graphs.glob("*.xml"))
    if not files:
        raise NoGoldError("no .xml graphs found (expected corpus/en/*.xml or *.xml)", where=str(root))
    folds = root / FOLDS_FILE
    return graphs, files, folds if folds.is_file() else None


def _folder(corpus_dir: str | Path) -> Path:
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError("no such corpus folder", where=str(root))
    return root


def _microtext_text(path: Path) -> GoldText:
    graph = read_graph_path(path)
    info = graph.map.metadata.get("microtext")
    topic = info.get("topic_id") if isinstance(info, dict) else None
    spans = tuple(tuple(graph.adu_spans[s.id]) for s in graph.map.statements)
    return GoldText(
        id=graph.id or path.stem,
        map=graph.map,
        path=path,
        unit_spans=spans,
        topic=topic if isinstance(topic, str) else None,
        graph=graph,
        source="microtext",
    )


def load_corpus(corpus_dir: str | Path) -> list[GoldText]:
    """Read every gold graph of a microtext corpus folder (see :func:`find_corpus_files`).

    A graph that cannot be read raises its :class:`~argmap.errors.FormatError`;
    :func:`load_gold` skips and reports it instead.
    """
    _, files, _ = find_corpus_files(corpus_dir)
    return [_microtext_text(path) for path in files]


def load_folds(path: str | Path) -> list[list[str]]:
    """The test folds: a JSON list of lists of text ids."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the folds: {exc}", where=str(path)) from None
    if not isinstance(data, list) or not all(
        isinstance(fold, list) and all(isinstance(t, str) for t in fold) for fold in data
    ):
        raise InputError("expected a JSON list of lists of text ids", where=str(path))
    return data


def _aif_id_map(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the id map: {exc}", where=str(path)) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        raise InputError('expected a JSON object of names to text ids ({"nodeset1": "micro_b001"})', where=str(path))
    return data


def conclusions(amap: ArgumentMap) -> list[str]:
    """The ids of the statements that are the target of a relation and the source of none."""
    sources = {s for r in amap.relations for s in r.sources}
    targets = {r.target for r in amap.relations}
    return [s.id for s in amap.statements if s.id in targets and s.id not in sources]


def _message(exc: ArgmapError, path: Path) -> str:
    """An error's text without the file's path (the skip list names the file)."""
    where = exc.where or ""
    for prefix in (str(path), path.name):
        if where.startswith(prefix):
            where = where[len(prefix):].lstrip(":").strip()
            break
    return f"{where}: {exc.message}" if where else exc.message


def _aif_text(path: Path, text_id: str, encoding: str) -> GoldText | Skipped:
    from ..formats.aif import load_path, sidecar_of

    sidecar = sidecar_of(path)
    if sidecar is None:
        return Skipped(path.name, NO_SIDECAR)
    try:
        raw = sidecar.read_bytes()
    except OSError:
        raw = None  # the reader names the problem
    if raw is not None:
        if not raw.strip():
            return Skipped(path.name, EMPTY)
        if b"\x00" not in raw:
            try:
                raw.decode(encoding)
            except LookupError:
                raise InputError(f"unknown encoding {encoding!r}") from None
            except UnicodeDecodeError as exc:
                return Skipped(
                    path.name,
                    f"{sidecar.name}: not {encoding} text (bad byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                    "give the texts' encoding (--encoding cp1252, or load_gold(..., encoding='cp1252'))",
                )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ImportLossWarning)
            amap = load_path(path, sidecar, encoding=encoding)
    except ArgmapError as exc:
        return Skipped(path.name, _message(exc, path))
    except (RecursionError, MemoryError) as exc:  # pragma: no cover - hostile input
        return Skipped(path.name, f"cannot be read ({type(exc).__name__})")
    if not amap.document.text.strip() or not amap.statements:
        return Skipped(path.name, EMPTY)
    mains = [s for s in amap.statements if s.main]
    if len(mains) != 1:
        found = conclusions(amap)
        return Skipped(path.name, SEVERAL_MAIN if len(found) > 1 else NO_MAIN)
    located = all(s.spans for s in amap.statements) and _disjoint([sp for s in amap.statements for sp in s.spans])
    return GoldText(
        id=text_id,
        map=amap,
        path=path,
        unit_spans=tuple(tuple(s.spans) for s in amap.statements) if located else None,
        source="aif",
    )


def _disjoint(spans: list[tuple[int, int]]) -> bool:
    """Whether no two spans overlap (two I-nodes found at the same place cannot both be given as units)."""
    ordered = sorted(spans)
    return all(a[1] <= b[0] for a, b in pairwise(ordered))


def _is_aif(path: Path) -> bool:
    """Whether a ``.json`` file of the folder is meant as AIF: it parses as AIF, or does not parse
    at all (then the reader names the syntax error)."""
    from ..formats.aif import looks_like_aif

    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return True
    return looks_like_aif(data)


def _load_aif(root: Path, files: Sequence[Path], encoding: str) -> Corpus:
    id_map: dict[str, str] = {}
    map_file = root / AIF_ID_MAP
    if map_file.is_file():
        id_map = _aif_id_map(map_file)
    texts: list[GoldText] = []
    skipped: list[Skipped] = []
    for path in files:
        if path.name == AIF_ID_MAP:
            continue
        stem = path.name[: -len(".aif.json")] if path.name.lower().endswith(".aif.json") else path.stem
        if not _is_aif(path):
            skipped.append(Skipped(path.name, NOT_AIF))
            continue
        got = _aif_text(path, id_map.get(stem, stem), encoding)
        if isinstance(got, Skipped):
            skipped.append(got)
        else:
            texts.append(got)
    notes: list[str] = []
    stems = {p.name[: -len(".aif.json")] if p.name.lower().endswith(".aif.json") else p.stem for p in files}
    absent = sorted(name for name in id_map if name not in stems)
    if absent:
        listed = ", ".join(f"{id_map[n]} ({n})" for n in absent[:5]) + (" ..." if len(absent) > 5 else "")
        notes.append(f"{len(absent)} text(s) of {AIF_ID_MAP} have no file: {listed}")
    return Corpus(path=root, format="aif", texts=tuple(texts), skipped=tuple(skipped), notes=tuple(notes))


def _load_microtext(root: Path) -> Corpus:
    _, files, folds_path = find_corpus_files(root)
    texts: list[GoldText] = []
    skipped: list[Skipped] = []
    for path in files:
        try:
            texts.append(_microtext_text(path))
        except ArgmapError as exc:
            skipped.append(Skipped(path.name, _message(exc, path)))
    folds = tuple(tuple(f) for f in load_folds(folds_path)) if folds_path is not None else None
    return Corpus(path=root, format="microtext", texts=tuple(texts), skipped=tuple(skipped), folds=folds)


def load_gold(corpus_dir: str | Path, *, encoding: str = "utf-8") -> Corpus:
    """Read a gold corpus folder: arg-microtexts XML (as :func:`find_corpus_files` finds it) or AIF-JSON.

    *encoding* is that of AIF sidecar texts (some AIFdb texts are Windows-1252: ``"cp1252"``);
    an unknown encoding is an :class:`~argmap.errors.InputError`. Files that cannot be used are skipped and listed in :attr:`Corpus.skipped` with their reason.
    Raises :class:`~argmap.errors.InputError` when the folder is missing, holds no gold maps, or
    none of them can be used.
    """
    root = _folder(corpus_dir)
    if (root / "corpus" / "en").is_dir() or any(root.glob("*.xml")):
        corpus = _load_microtext(root)
    else:
        files = sorted(p for p in root.glob("*.json") if p.is_file())
        if not files:
            raise NoGoldError(
                "no gold maps found: no .xml graphs (corpus/en/*.xml or *.xml) and no AIF-JSON .json files",
                where=str(root),
            )
        corpus = _load_aif(root, files, encoding)
    if not corpus.texts:
        summary = corpus.skip_summary() or "nothing to read"
        raise NoGoldError(f"no usable gold map ({summary})", where=str(root))
    return corpus
