"""Reading an arg-microtexts corpus: the gold graphs and the test folds.

A corpus folder is the corpus root (``corpus/en/*.xml`` with their ``.txt``,
and ``folds_10x5_test_ids.json``) or a folder of ``.xml`` graphs;
:func:`find_corpus_files` finds its files, :func:`load_corpus` reads each
graph into a :class:`GoldText` and :func:`load_folds` reads the folds.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs

from ..errors import InputError
from ..formats.microtext import MicrotextGraph, read_graph_path
from ..model import ArgumentMap

__all__ = ["FOLDS_FILE", "GoldText", "find_corpus_files", "load_corpus", "load_folds"]

FOLDS_FILE = "folds_10x5_test_ids.json"
"""The file of the test folds in a corpus root."""


@attrs.frozen
class GoldText:
    """One corpus text: its id, its gold graph and map, and its unit spans."""

    id: str
    graph: MicrotextGraph
    path: Path

    @property
    def map(self) -> ArgumentMap:
        return self.graph.map

    @property
    def unit_spans(self) -> list[tuple[tuple[int, int], ...]]:
        """Each gold unit's spans, in statement order."""
        return [self.graph.adu_spans[s.id] for s in self.graph.map.statements]


def find_corpus_files(corpus_dir: str | Path) -> tuple[Path, list[Path], Path | None]:
    """The folder of ``.xml`` graphs, the graph files and the folds file of a corpus folder.

    *corpus_dir* is the corpus root (with ``corpus/en/`` and
    ``folds_10x5_test_ids.json``) or a folder of ``.xml`` files directly.
    """
    root = Path(corpus_dir)
    if not root.is_dir():
        raise InputError("no such corpus folder", where=str(root))
    graphs = root / "corpus" / "en"
    if not graphs.is_dir():
        graphs = root
    files = sorted(graphs.glob("*.xml"))
    if not files:
        raise InputError("no .xml graphs found (expected corpus/en/*.xml or *.xml)", where=str(root))
    folds = root / FOLDS_FILE
    return graphs, files, folds if folds.is_file() else None


def load_corpus(corpus_dir: str | Path) -> list[GoldText]:
    """Read every gold graph of a corpus folder (see :func:`find_corpus_files`)."""
    _, files, _ = find_corpus_files(corpus_dir)
    texts = []
    for path in files:
        graph = read_graph_path(path)
        texts.append(GoldText(id=graph.id or path.stem, graph=graph, path=path))
    return texts


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
