"""Score predicted argument maps against the arg-microtexts gold, as the field does.

The harness follows Peldszus & Stede (2015), "Joint prediction in MST-style
discourse parsing for argumentation mining" (EMNLP), on the corpus of
Peldszus & Stede (2015), "An annotated corpus of argumentative microtexts"
(ECA). For each text:

1. **Alignment.** Predicted statements are aligned one to one to the gold
   units (ADUs) by token overlap: a pair may align when the token F1 of the
   two units is at least 0.5, and among those pairs the assignment with the
   largest total F1 is taken (:func:`assign`, a Hungarian algorithm). Tokens
   are runs of word characters (``\\w+``) of the document; a predicted
   statement is compared by the positions of its spans, or by its words when
   it has no spans or its map holds another text.
2. **Tree reduction** (:func:`reduce_map`). Both maps become a dependency tree
   over their statements: each statement keeps at most one outgoing edge,
   labelled ``sup`` (support) or ``att`` (attack). The first premise of a
   support attaches to its conclusion, the first attacker of an attack to its
   target; an undercut (an attack on a relation) attaches to the first
   source of the relation it attacks; a further (linked) premise or attacker
   attaches to the first one with ``sup``, which keeps its role.
3. **Levels**, one label per gold unit: ``cc`` (central claim or not), ``ro``
   (role ``pro``/``opp``, derived from the tree: the central claim is pro and
   each attack flips the role), ``fu`` (function: ``cc``, ``sup`` or ``att``)
   and ``at`` (attachment: one binary label per ordered pair of gold units,
   1 when the first attaches to the second). Each level is scored by macro-F1
   over its classes (those present in the gold or the predictions).
4. **Segmentation**: precision = aligned / predicted statements, recall =
   aligned / gold units.

End-to-end mode feeds the raw text to ``extractor.extract``; a gold unit no
predicted statement aligns to is an error on every level: it gets the label
``none`` on ``ro`` and ``fu`` (which is never right and adds no false positive
to any class), 0 on ``cc`` and no attachment on ``at`` (so a gold central claim
or a gold edge it takes part in is missed). Predicted statements that align
to nothing only lower segmentation precision, and an attachment to one of them
counts as no attachment. Given-units mode hands the gold unit spans to
``extractor.extract_units(document, spans)``, which returns one statement per
span in order.

Scores are reported pooled over all texts (every label of every text in one
macro-F1) and as the mean over the 50 standard test folds
(``folds_10x5_test_ids.json``: 10 iterations of 5-fold cross-validation), each
fold pooled over its texts; the fold mean is the figure published systems
report.

:func:`evaluate_corpus` is the function API; :func:`main` is
``argmap evaluate``. ``--baseline chain`` runs the trivial floor (the first
sentence or unit is the central claim, each further one supports the one
before).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import attrs

from .errors import ArgmapError, InputError
from .formats.microtext import MicrotextGraph, read_graph_path
from .model import ArgumentMap, Attack, Document, Kind, Provenance, Statement, Support

if TYPE_CHECKING:  # pragma: no cover
    from .plugins import Extractor, Registry

__all__ = [
    "BASELINES",
    "LEVELS",
    "MODES",
    "THRESHOLD",
    "Alignment",
    "EvaluationError",
    "GoldText",
    "ModeReport",
    "Report",
    "Scores",
    "TextResult",
    "Tree",
    "align",
    "assign",
    "chain_baseline",
    "evaluate_corpus",
    "evaluate_texts",
    "find_corpus_files",
    "load_corpus",
    "load_folds",
    "macro_f1",
    "main",
    "reduce_map",
    "score_text",
    "split_sentences",
    "token_f1",
]

Mode = Literal["end-to-end", "given-units"]
MODES: tuple[Mode, ...] = ("end-to-end", "given-units")
"""The two ways of running an extractor over the corpus."""

LEVELS: tuple[str, ...] = ("cc", "ro", "fu", "at")
"""The structure levels: central claim, role, function, attachment."""

THRESHOLD = 0.5
"""The least token F1 at which a predicted statement may align to a gold unit."""

FOLDS_FILE = "folds_10x5_test_ids.json"
NONE = "none"
"""The label of a gold unit no prediction aligns to (and of a stray root's function)."""

_LABELS: dict[str, tuple[Any, ...]] = {
    "cc": (1, 0),
    "ro": ("pro", "opp"),
    "fu": ("cc", "sup", "att"),
    "at": (1, 0),
}
_TOKEN_RE = re.compile(r"\w+")


class EvaluationError(ArgmapError):
    """The corpus cannot be read or an extractor cannot be evaluated on it."""


# -- alignment -------------------------------------------------------------------------


def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The one-to-one assignment of rows to columns with the largest total weight.

    A Hungarian algorithm (shortest augmenting paths with potentials), cubic
    in the size of the matrix. Every row (or every column, whichever is
    fewer) is assigned; pairs come back as ``(row, column)`` sorted by row.

    >>> assign([[1, 0], [0.9, 0.8]])
    [(0, 0), (1, 1)]
    >>> assign([[0.6, 0.7, 0.0]])
    [(0, 1)]
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if rows == 0 or cols == 0:
        return []
    for row in weights:
        if len(row) != cols:
            raise ValueError("assign() needs a rectangular matrix")
    if rows > cols:
        flipped = assign([[weights[r][c] for r in range(rows)] for c in range(cols)])
        return sorted((r, c) for c, r in flipped)
    # Minimise cost = -weight; rows and columns are numbered from 1, column 0 is a sentinel.
    cost = [[0.0] * (cols + 1)] + [[0.0] + [-float(w) for w in row] for row in weights]
    row_pot = [0.0] * (rows + 1)
    col_pot = [0.0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[c]: the row assigned to column c (0: none)
    came_from = [0] * (cols + 1)
    for row_no in range(1, rows + 1):
        owner[0] = row_no
        col = 0
        best = [math.inf] * (cols + 1)
        done = [False] * (cols + 1)
        while True:
            done[col] = True
            r = owner[col]
            step = math.inf
            nxt = 0
            for c in range(1, cols + 1):
                if done[c]:
                    continue
                reduced = cost[r][c] - row_pot[r] - col_pot[c]
                if reduced < best[c]:
                    best[c] = reduced
                    came_from[c] = col
                if best[c] < step:
                    step = best[c]
                    nxt = c
            for c in range(cols + 1):
                if done[c]:
                    row_pot[owner[c]] += step
                    col_pot[c] -= step
                else:
                    best[c] -= step
            col = nxt
            if owner[col] == 0:
                break
        while col:  # flip the augmenting path
            prev = came_from[col]
            owner[col] = owner[prev]
            col = prev
    return sorted((owner[c] - 1, c - 1) for c in range(1, cols + 1) if owner[c])


def token_f1(gold: Counter[Any], pred: Counter[Any]) -> float:
    """The F1 of two token bags: 2·overlap / (|gold| + |pred|); 0 when either is empty.

    >>> token_f1(Counter("abcd"), Counter("ab"))
    0.6666666666666666
    """
    total = sum(gold.values()) + sum(pred.values())
    if not total:
        return 0.0
    overlap = sum((gold & pred).values())
    return 2.0 * overlap / total


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def _span_tokens(token_spans: Sequence[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> Counter[int]:
    """The document tokens (by index) that start inside one of the spans."""
    starts = [t_start for t_start, _ in token_spans]
    out: Counter[int] = Counter()
    for start, end in spans:
        for i in range(bisect_left(starts, start), bisect_left(starts, end)):
            out[i] = 1
    return out


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _TOKEN_RE.findall(text))


@attrs.frozen
class Alignment:
    """A one-to-one alignment of gold units to predicted statements.

    ``pairs`` holds ``(gold index, predicted index, token F1)``, sorted by gold index.
    """

    pairs: tuple[tuple[int, int, float], ...]
    n_gold: int
    n_pred: int

    @property
    def gold_to_pred(self) -> dict[int, int]:
        """The predicted index each aligned gold unit has."""
        return {g: p for g, p, _ in self.pairs}


def align(
    document: str,
    gold_spans: Sequence[Sequence[tuple[int, int]]],
    predicted: Sequence[Statement],
    *,
    same_text: bool = True,
    threshold: float = THRESHOLD,
) -> Alignment:
    """Align predicted statements to gold units one to one by token F1.

    *gold_spans* holds each gold unit's spans into *document*. A predicted
    statement with spans into the same text (*same_text*) is compared by
    token positions, otherwise by its words. Pairs below *threshold* never
    align; among the rest the assignment with the largest total F1 wins.
    """
    token_spans = _tokens(document)
    gold_pos = [_span_tokens(token_spans, spans) for spans in gold_spans]
    gold_words = [_words(" ".join(document[s:e] for s, e in spans)) for spans in gold_spans]
    by_position = [bool(same_text and st.spans) for st in predicted]
    pred_bags: list[Counter[Any]] = [
        _span_tokens(token_spans, st.spans) if positional else _words(st.text)
        for st, positional in zip(predicted, by_position)
    ]
    weights: list[list[float]] = []
    for g in range(len(gold_spans)):
        row = []
        for bag, positional in zip(pred_bags, by_position):
            f1 = token_f1(gold_pos[g] if positional else gold_words[g], bag)
            row.append(f1 if f1 >= threshold else 0.0)
        weights.append(row)
    pairs = tuple(
        (g, p, weights[g][p]) for g, p in assign(weights) if weights[g][p] >= threshold and weights[g][p] > 0
    )
    return Alignment(pairs=pairs, n_gold=len(gold_spans), n_pred=len(predicted))


# -- tree reduction --------------------------------------------------------------------


@attrs.frozen
class Tree:
    """A map reduced to a dependency tree over its statements.

    ``parent[i]`` is the index of the unit statement ``i`` attaches to (or
    None); ``function[i]`` is ``"sup"`` or ``"att"`` for an attached unit,
    ``"cc"`` for the central claim and ``"none"`` for any other unattached
    unit; ``roles[i]`` is ``"pro"`` or ``"opp"``.
    """

    ids: tuple[str, ...]
    parent: tuple[int | None, ...]
    function: tuple[str, ...]
    cc: int | None
    roles: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)


def _confidence(rel: Support | Attack) -> float:
    if rel.provenance is not None and rel.provenance.confidence is not None:
        return rel.provenance.confidence
    return 1.0


def reduce_map(amap: ArgumentMap) -> Tree:
    """Reduce a map to a tree over its statements (in map order).

    Each relation proposes edges: its first source to its target (for an
    undercut, to the first source of the relation it attacks), labelled
    ``sup`` or ``att``; each further source to the first source, labelled
    ``sup`` (a linked co-premise keeps the role of the premise it joins).
    A statement with several proposed edges keeps the one of the most
    confident relation, the first in map order on a tie. A cycle left after
    that loses its least confident edge (the last in map order on a tie).
    The central claim is the first root flagged ``main``, else the root with
    the most descendants (the first in map order on a tie).
    """
    ids = tuple(s.id for s in amap.statements)
    index = {sid: i for i, sid in enumerate(ids)}
    proposals: list[list[tuple[float, int, int, str]]] = [[] for _ in ids]
    order = 0
    for rel in amap.relations:
        sources = rel.sources
        head = index[sources[0]]
        target = rel.target
        if target in index:
            attach = index[target]
        else:  # an undercut: the target is a relation; attach to that relation's first source
            attach = index[amap.relation(target).sources[0]]
        label = "sup" if isinstance(rel, Support) else "att"
        conf = _confidence(rel)
        if attach != head:
            proposals[head].append((-conf, order, attach, label))
        order += 1
        for src in sources[1:]:
            if index[src] != head:
                proposals[index[src]].append((-conf, order, head, "sup"))
            order += 1
    chosen: list[tuple[float, int, int, str] | None] = [min(p) if p else None for p in proposals]
    # Break cycles: follow parents from each unit; a unit seen twice on one walk closes a cycle.
    state = [0] * len(ids)  # 0 unvisited, 1 on the current walk, 2 finished
    for start in range(len(ids)):
        walk: list[int] = []
        node: int | None = start
        while node is not None and state[node] == 0:
            state[node] = 1
            walk.append(node)
            edge = chosen[node]
            node = edge[2] if edge is not None else None
        if node is not None and state[node] == 1:
            cycle = walk[walk.index(node):]
            weakest = max(cycle, key=lambda n: (chosen[n][0], chosen[n][1]))  # type: ignore[index]
            chosen[weakest] = None
        for n in walk:
            state[n] = 2
    parent = tuple(e[2] if e is not None else None for e in chosen)
    children: list[list[int]] = [[] for _ in ids]
    for i, p in enumerate(parent):
        if p is not None:
            children[p].append(i)

    def size(n: int) -> int:
        total, todo = 0, [n]
        while todo:
            total += 1
            todo.extend(children[todo.pop()])
        return total

    roots = [i for i, p in enumerate(parent) if p is None]
    cc: int | None = None
    flagged = [i for i in roots if amap.statements[i].main]
    if flagged:
        cc = flagged[0]
    elif roots:
        cc = max(roots, key=lambda r: (size(r), -r))
    function = tuple(
        ("cc" if i == cc else NONE) if e is None else e[3] for i, e in enumerate(chosen)
    )
    roles = [""] * len(ids)
    for root in ([cc] if cc is not None else []) + [r for r in roots if r != cc]:
        todo = [(root, "pro")]
        while todo:
            node, role = todo.pop()
            roles[node] = role
            for child in children[node]:
                flip = function[child] == "att"
                todo.append((child, ("opp" if role == "pro" else "pro") if flip else role))
    return Tree(ids=ids, parent=parent, function=function, cc=cc, roles=tuple(roles))


# -- metrics ---------------------------------------------------------------------------


def macro_f1(gold: Sequence[Any], pred: Sequence[Any], labels: Iterable[Any] | None = None) -> float:
    """Macro-averaged F1 over the classes present in *gold* or *pred*.

    With *labels*, only those classes are averaged; a prediction outside them
    (such as ``"none"``) is simply wrong: a false negative of the gold class
    and a false positive of none. A class with no gold and no predicted
    instance is left out; a class with one but not the other scores 0. Two
    empty sequences score 1.0.

    >>> macro_f1([1, 0, 0, 0], [1, 1, 0, 0])
    0.7333333333333334
    """
    if len(gold) != len(pred):
        raise ValueError("gold and predicted labels differ in number")
    present = set(gold) | set(pred)
    classes = [c for c in labels if c in present] if labels is not None else sorted(present, key=repr)
    if not classes:
        return 1.0
    tp: Counter[Any] = Counter()
    n_gold: Counter[Any] = Counter(gold)
    n_pred: Counter[Any] = Counter(pred)
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
    total = 0.0
    for c in classes:
        denominator = n_gold[c] + n_pred[c]
        total += 2.0 * tp[c] / denominator if denominator else 0.0
    return total / len(classes)


@attrs.frozen
class TextResult:
    """The labels of one text on every level, gold and predicted, and its unit counts."""

    text_id: str
    gold: Mapping[str, tuple[Any, ...]]
    pred: Mapping[str, tuple[Any, ...]]
    n_gold: int
    n_pred: int
    n_aligned: int


def _levels(tree: Tree) -> dict[str, tuple[Any, ...]]:
    n = len(tree)
    return {
        "cc": tuple(1 if i == tree.cc else 0 for i in range(n)),
        "ro": tree.roles,
        "fu": tree.function,
        "at": tuple(1 if tree.parent[i] == j else 0 for i in range(n) for j in range(n) if i != j),
    }


def score_text(
    gold: ArgumentMap,
    pred: ArgumentMap,
    *,
    text_id: str = "",
    gold_spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    alignment: Alignment | None = None,
) -> TextResult:
    """Label one text on every level, for the gold map and the predicted one.

    The gold units are the gold map's statements, with *gold_spans* (default:
    their own spans). The predicted map is aligned to them (:func:`align`)
    unless an *alignment* is given; unaligned gold units get the error labels
    described in the module documentation.
    """
    if gold_spans is None:
        gold_spans = [s.spans for s in gold.statements]
    if alignment is None:
        alignment = align(
            gold.document.text,
            gold_spans,
            pred.statements,
            same_text=pred.document.text == gold.document.text,
        )
    g_tree = reduce_map(gold)
    p_tree = reduce_map(pred)
    to_pred = alignment.gold_to_pred
    n = len(g_tree)
    cc, ro, fu = [], [], []
    for i in range(n):
        p = to_pred.get(i)
        if p is None:
            cc.append(0)
            ro.append(NONE)
            fu.append(NONE)
        else:
            cc.append(1 if p == p_tree.cc else 0)
            ro.append(p_tree.roles[p])
            fu.append(p_tree.function[p])
    at = []
    for i in range(n):
        p = to_pred.get(i)
        p_parent = p_tree.parent[p] if p is not None else None
        for j in range(n):
            if i != j:
                q = to_pred.get(j)
                at.append(1 if p_parent is not None and p_parent == q else 0)
    pred_levels = {"cc": tuple(cc), "ro": tuple(ro), "fu": tuple(fu), "at": tuple(at)}
    return TextResult(
        text_id=text_id,
        gold=_levels(g_tree),
        pred=pred_levels,
        n_gold=n,
        n_pred=alignment.n_pred,
        n_aligned=len(alignment.pairs),
    )


@attrs.frozen
class Scores:
    """Macro-F1 per level and segmentation precision and recall."""

    cc: float
    ro: float
    fu: float
    at: float
    seg_precision: float
    seg_recall: float

    @classmethod
    def pooled(cls, results: Sequence[TextResult]) -> Scores:
        """Score the labels of all *results* together."""
        values: dict[str, float] = {}
        for level in LEVELS:
            gold = [label for r in results for label in r.gold[level]]
            pred = [label for r in results for label in r.pred[level]]
            values[level] = macro_f1(gold, pred, _LABELS[level])
        n_gold = sum(r.n_gold for r in results)
        n_pred = sum(r.n_pred for r in results)
        n_aligned = sum(r.n_aligned for r in results)
        return cls(
            seg_precision=n_aligned / n_pred if n_pred else 0.0,
            seg_recall=n_aligned / n_gold if n_gold else 0.0,
            **values,
        )

    @classmethod
    def mean(cls, scores: Sequence[Scores]) -> Scores:
        """The mean of several scores, field by field."""
        fields = [f.name for f in attrs.fields(cls)]
        return cls(**{f: sum(getattr(s, f) for s in scores) / len(scores) for f in fields})

    def as_dict(self) -> dict[str, float]:
        """The scores as a plain dict."""
        return attrs.asdict(self)


# -- corpus ----------------------------------------------------------------------------


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


# -- baselines -------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "e.g i.e cf vs mr mrs ms dr prof st no nos approx ca incl esp resp jr sr fig vol pp".split()
)
"""Words before a full stop that never end a sentence (lower case, without the last stop)."""
_MAY_END = frozenset({"etc"})
"""Abbreviations that end a sentence when an upper-case letter follows."""
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*")
_SPACED_DASH = re.compile(r"\s[–—]\s")
_CLOSERS = "\"'”’)]"


def _next_visible(text: str, pos: int) -> str:
    """The first character at or after *pos* that is not whitespace ('' at the end)."""
    match = re.compile(r"\S").search(text, pos)
    return match.group() if match else ""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of *text*: exact offsets, surrounding whitespace left out.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes
    or brackets) when the next visible character is not lower case and
    either whitespace follows or an upper-case letter follows directly
    (``end.Start``, a lost space). A full stop after a common abbreviation
    (``e.g.``, ``Dr.``; ``etc.`` only before lower case), an initial (``J.``)
    or a dotted acronym (``U.S.``) does not end a sentence. A dash between
    spaces (``–``, ``—``) ends one too, the dash staying with the first part,
    and so does a blank line.

    >>> text = "Yes. It works (mostly)! See e.g. this.Next one - or 20 (!!!) more – fine."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Yes.', 'It works (mostly)!', 'See e.g. this.', 'Next one - or 20 (!!!) more –', 'fine.']
    """
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        after = text[end : end + 1]
        if after and not after.isspace() and not after.isupper():
            continue
        following = _next_visible(text, end)
        if following.islower():
            continue
        if m.group().rstrip(_CLOSERS) == ".":
            word = re.search(r"(\S+)$", text[: m.start()])
            token = word.group(1).lstrip("\"'“‘([") if word else ""
            lowered = token.lower()
            if lowered in _ABBREVIATIONS or re.fullmatch(r"[A-Za-z](?:\.[A-Za-z])*", token):
                continue
            if lowered in _MAY_END and not following.isupper():
                continue
        cuts.append(end)
    cuts.extend(m.end() - 1 for m in _SPACED_DASH.finditer(text))
    cuts.extend(m.start() for m in re.finditer(r"\n[^\S\n]*\n", text))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= start:
            continue
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            s = start + (len(piece) - len(piece.lstrip()))
            spans.append((s, s + len(stripped)))
        start = cut
    return spans


def _chain_map(document: Document, spans: Sequence[tuple[int, int]], name: str) -> ArgumentMap:
    provenance = Provenance(extractor=name, confidence=1.0)
    statements = [
        Statement(
            id=f"s{i + 1}",
            text=document.text[start:end],
            kind=Kind.CLAIM if i == 0 else Kind.PREMISE,
            main=i == 0,
            spans=((start, end),),
            provenance=provenance,
        )
        for i, (start, end) in enumerate(spans)
    ]
    relations = [
        Support(id=f"r{i}", premises=(f"s{i + 1}",), conclusion=f"s{i}", provenance=provenance)
        for i in range(1, len(spans))
    ]
    return ArgumentMap(statements=statements, relations=relations, document=document)


def chain_baseline() -> Extractor:
    """The trivial floor: the first sentence (or given unit) is the central
    claim, and every further one supports the one before it."""
    from .plugins import Extractor

    def extract(document: Document) -> ArgumentMap:
        return _chain_map(document, split_sentences(document.text), "chain")

    def extract_units(document: Document, spans: Sequence[tuple[int, int]]) -> ArgumentMap:
        return _chain_map(document, spans, "chain")

    return Extractor(
        "chain",
        extract,
        description="baseline: first unit is the claim, each unit supports the previous one",
        extract_units=extract_units,
    )


BASELINES: Mapping[str, Callable[[], Extractor]] = {"chain": chain_baseline}
"""The baselines built into the harness, by name."""


# -- running ---------------------------------------------------------------------------


@attrs.frozen
class ModeReport:
    """The scores of one extractor in one mode: pooled, fold mean, and per text."""

    mode: str
    pooled: Scores
    folds_mean: Scores | None
    n_folds: int
    n_texts: int
    n_gold: int
    n_pred: int
    n_aligned: int
    texts: tuple[TextResult, ...] = attrs.field(repr=False, eq=False)

    def as_dict(self, *, per_text: bool = False) -> dict[str, Any]:
        """A JSON-ready dict (per-text labels left out unless asked for)."""
        out: dict[str, Any] = {
            "mode": self.mode,
            "pooled": self.pooled.as_dict(),
            "folds_mean": self.folds_mean.as_dict() if self.folds_mean else None,
            "n_folds": self.n_folds,
            "n_texts": self.n_texts,
            "n_gold_units": self.n_gold,
            "n_predicted_units": self.n_pred,
            "n_aligned": self.n_aligned,
        }
        if per_text:
            out["texts"] = [
                {"id": t.text_id, **Scores.pooled([t]).as_dict()} for t in self.texts
            ]
        return out


@attrs.frozen
class Report:
    """What :func:`evaluate_corpus` returns: one :class:`ModeReport` per mode run."""

    corpus: str
    extractor: str
    modes: tuple[ModeReport, ...]
    notes: tuple[str, ...] = ()

    def mode(self, name: str) -> ModeReport:
        """The report of one mode."""
        for m in self.modes:
            if m.mode == name:
                return m
        raise KeyError(name)

    def as_dict(self, *, per_text: bool = False) -> dict[str, Any]:
        """A JSON-ready dict (with each text's scores when *per_text*)."""
        return {
            "corpus": self.corpus,
            "extractor": self.extractor,
            "modes": [m.as_dict(per_text=per_text) for m in self.modes],
            "notes": list(self.notes),
        }

    def to_json(self, *, per_text: bool = False) -> str:
        """The report as indented JSON (with each text's scores when *per_text*)."""
        return json.dumps(self.as_dict(per_text=per_text), indent=2, sort_keys=False) + "\n"

    def _rows(self) -> list[tuple[str, str, Scores]]:
        rows = []
        for m in self.modes:
            rows.append((m.mode, "pooled", m.pooled))
            if m.folds_mean is not None:
                rows.append((m.mode, f"mean of {m.n_folds} folds", m.folds_mean))
        return rows

    def to_text(self) -> str:
        """A plain-text table."""
        lines = [f"extractor {self.extractor} on {self.corpus}"]
        columns = ("cc", "ro", "fu", "at", "seg P", "seg R")
        lines.append(f"{'mode':<12} {'averaging':<18} " + " ".join(f"{c:>6}" for c in columns))
        for mode, how, s in self._rows():
            lines.append(
                f"{mode:<12} {how:<18} {s.cc:6.3f} {s.ro:6.3f} {s.fu:6.3f} {s.at:6.3f} "
                f"{s.seg_precision:6.3f} {s.seg_recall:6.3f}"
            )
        for m in self.modes:
            lines.append(
                f"{m.mode}: {m.n_texts} texts, {m.n_gold} gold units, {m.n_pred} predicted, "
                f"{m.n_aligned} aligned"
            )
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        """A Markdown table."""
        lines = [
            f"Extractor `{self.extractor}`:",
            "",
            "| mode | averaging | cc | ro | fu | at | seg. precision | seg. recall |",
            "|---|---|---:|---:|---:|---:|---:|---:|",
        ]
        for mode, how, s in self._rows():
            lines.append(
                f"| {mode} | {how} | {s.cc:.3f} | {s.ro:.3f} | {s.fu:.3f} | {s.at:.3f} "
                f"| {s.seg_precision:.3f} | {s.seg_recall:.3f} |"
            )
        lines.extend(f"\n{n}" for n in self.notes)
        return "\n".join(lines) + "\n"


def _predict(extractor: Extractor, text: GoldText, mode: str) -> tuple[ArgumentMap, Alignment | None]:
    gold = text.map
    # No title: an extractor may read a title as the headline, and the id is not one.
    document = Document(text=gold.document.text, source=str(text.path))
    try:
        if mode == "end-to-end":
            return extractor.extract(document), None
        spans = [(u[0][0], u[-1][1]) for u in text.unit_spans]
        if extractor.extract_units is None:
            raise EvaluationError(
                f"extractor {extractor.name!r} has no extract_units, so no given-units mode"
            )
        pred = extractor.extract_units(document, spans)
    except ArgmapError as exc:
        raise EvaluationError(f"extractor {extractor.name!r} failed: {exc}", where=text.id) from exc
    except Exception as exc:
        exc.add_note(f"(while extractor {extractor.name!r} read text {text.id!r}, mode {mode})")
        raise
    if len(pred.statements) == len(spans):
        # The contract: one statement per given span, in order.
        pairs = tuple((i, i, 1.0) for i in range(len(spans)))
        return pred, Alignment(pairs=pairs, n_gold=len(spans), n_pred=len(spans))
    return pred, None


def evaluate_texts(texts: Sequence[GoldText], extractor: Extractor, mode: str) -> list[TextResult]:
    """Run *extractor* over the gold texts in one mode and label every level of each."""
    if mode not in MODES:
        raise EvaluationError(f"unknown mode {mode!r} (expected {' or '.join(MODES)})")
    if mode == "given-units" and extractor.extract_units is None:
        raise EvaluationError(f"extractor {extractor.name!r} has no extract_units, so no given-units mode")
    results = []
    for text in texts:
        pred, alignment = _predict(extractor, text, mode)
        results.append(
            score_text(text.map, pred, text_id=text.id, gold_spans=text.unit_spans, alignment=alignment)
        )
    return results


def evaluate_corpus(
    corpus_dir: str | Path,
    extractor: Extractor,
    mode: str | Sequence[str] = MODES,
) -> Report:
    """Score *extractor* on a microtext corpus folder in one or both modes.

    *corpus_dir* is the corpus root (``corpus/en/*.xml`` with their ``.txt``,
    and ``folds_10x5_test_ids.json``) or a folder of ``.xml`` files. *mode*
    is ``"end-to-end"``, ``"given-units"`` or a sequence of them. Returns a
    :class:`Report` with pooled scores and, when the folds file is there, the
    mean over the folds. Raises :class:`~argmap.errors.InputError` for a
    missing or empty folder, :class:`~argmap.errors.FormatError` for a bad
    graph, and :class:`EvaluationError` for an unknown mode or an extractor
    that cannot run in a mode (an error of the extractor on a text is raised
    as an :class:`EvaluationError` naming the text).

    For example, ``evaluate_corpus(corpus, chain_baseline(), "given-units")
    .mode("given-units").folds_mean.cc`` is the chain floor's central-claim
    score with the gold units given.
    """
    modes = (mode,) if isinstance(mode, str) else tuple(mode)
    for m in modes:
        if m not in MODES:
            raise EvaluationError(f"unknown mode {m!r} (expected {' or '.join(MODES)})")
    _, _, folds_path = find_corpus_files(corpus_dir)
    texts = load_corpus(corpus_dir)
    folds = load_folds(folds_path) if folds_path is not None else []
    notes: list[str] = []
    known = {t.id for t in texts}
    missing = sorted({t for fold in folds for t in fold if t not in known})
    if missing:
        notes.append(
            f"{len(missing)} text id(s) of the folds not in the corpus, left out: {', '.join(missing[:5])}"
            + (" ..." if len(missing) > 5 else "")
        )
    if folds_path is None:
        notes.append(f"no {FOLDS_FILE}: no fold mean")
    reports = []
    for m in modes:
        results = evaluate_texts(texts, extractor, m)
        by_id = {r.text_id: r for r in results}
        fold_scores = [
            Scores.pooled([by_id[t] for t in fold if t in by_id])
            for fold in folds
            if any(t in by_id for t in fold)
        ]
        reports.append(
            ModeReport(
                mode=m,
                pooled=Scores.pooled(results),
                folds_mean=Scores.mean(fold_scores) if fold_scores else None,
                n_folds=len(fold_scores),
                n_texts=len(results),
                n_gold=sum(r.n_gold for r in results),
                n_pred=sum(r.n_pred for r in results),
                n_aligned=sum(r.n_aligned for r in results),
                texts=tuple(results),
            )
        )
    return Report(corpus=str(corpus_dir), extractor=extractor.name, modes=tuple(reports), notes=tuple(notes))


# -- command line ----------------------------------------------------------------------


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def _parser() -> _Parser:
    parser = _Parser(
        prog="argmap evaluate",
        description="Score an extractor (or a baseline) against the arg-microtexts gold "
        "(Peldszus & Stede 2015): cc, ro, fu, at macro-F1 and segmentation P/R, "
        "pooled and as the mean over the 50 standard folds.",
    )
    parser.add_argument("corpus", metavar="CORPUS", help="the corpus folder (e.g. arg-microtexts-part1)")
    parser.add_argument(
        "--mode", choices=("end-to-end", "given-units", "both"), default="both", help="default: both"
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "-e", "--extractor", metavar="EXTRACTOR", help="an installed extractor (default: the default one)"
    )
    who.add_argument("--baseline", choices=sorted(BASELINES), help="score a built-in baseline instead")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="default: text"
    )
    parser.add_argument(
        "--per-text",
        action="store_true",
        help="with --format json: also each text's scores (to find the bad ones)",
    )
    return parser


def main(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap evaluate CORPUS [--mode ...] [-e EXTRACTOR | --baseline chain] [--format ...] [--per-text]``.

    Prints the report on stdout and returns 0; on bad arguments, a missing
    corpus or an extractor error, prints one line on stderr and returns 2
    (usage) or 1 (anything else).
    """
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        find_corpus_files(args.corpus)
        if args.baseline:
            extractor = BASELINES[args.baseline]()
        else:
            if registry is None:
                from .plugins import load_registry

                registry = load_registry()
            extractor = registry.extractor(args.extractor)
        notes: list[str] = []
        if args.mode == "both":
            modes: list[str] = list(MODES)
            if extractor.extract_units is None:
                modes = ["end-to-end"]
                notes.append(f"extractor {extractor.name!r} has no extract_units: given-units mode skipped")
        else:
            modes = [args.mode]
        report = evaluate_corpus(args.corpus, extractor, modes)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    if notes:
        report = attrs.evolve(report, notes=report.notes + tuple(notes))
    if args.format == "json":
        out = report.to_json(per_text=args.per_text)
    elif args.format == "markdown":
        out = report.to_markdown()
    else:
        out = report.to_text()
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
