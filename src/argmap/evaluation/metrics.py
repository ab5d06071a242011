"""Scores: the labels of each level for one text, and macro-F1 over them.

:func:`score_text` aligns a predicted map to the gold units, reduces both to
trees and labels every gold unit on the levels ``cc``, ``ro``, ``fu`` and
``at`` (a :class:`TextResult`); :class:`Scores` pools such results into
macro-F1 per level (:func:`macro_f1`) and segmentation precision and recall.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..model import ArgumentMap
from .align import THRESHOLD, Alignment, align, unit_f1
from .trees import NONE, Tree, reduce_map

__all__ = ["LEVELS", "Scores", "TextResult", "macro_f1", "score_text"]

LEVELS: tuple[str, ...] = ("cc", "ro", "fu", "at")
"""The structure levels: central claim, role, function, attachment."""

_LABELS: dict[str, tuple[Any, ...]] = {
    "cc": (1, 0),
    "ro": ("pro", "opp"),
    "fu": ("cc", "sup", "att"),
    "at": (1, 0),
}


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
    """The labels of one text on every level, gold and predicted, and its unit counts.

    ``thesis_found`` says whether the predicted central claim overlaps the gold one with token
    F1 of at least 0.5 (``thesis_f1``); ``thesis_confidence`` is the predicted central claim's
    provenance confidence (None when it has none, or there is no prediction).
    """

    text_id: str
    gold: Mapping[str, tuple[Any, ...]]
    pred: Mapping[str, tuple[Any, ...]]
    n_gold: int
    n_pred: int
    n_aligned: int
    thesis_found: bool = False
    thesis_f1: float = 0.0
    thesis_confidence: float | None = None


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
    thesis_by_overlap: bool = False,
) -> TextResult:
    """Label one text on every level, for the gold map and the predicted one.

    The gold units are the gold map's statements, with *gold_spans* (default:
    their own spans). The predicted map is aligned to them (:func:`align`)
    unless an *alignment* is given; unaligned gold units get the error labels
    described in the module documentation.

    The thesis is found when the predicted central claim overlaps the gold one
    with token F1 of at least 0.5 (:func:`~argmap.evaluation.align.unit_f1`).
    With *thesis_by_overlap* (AIF gold, whose units are often paraphrases),
    that also decides the ``cc`` labels: the gold central claim is labelled 1
    when the thesis is found, whatever the one-to-one alignment paired; else
    the gold unit aligned to the predicted central claim (if any) is labelled
    1. Without it, ``cc`` follows the alignment, as the microtext scorer does.
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
    thesis_f1 = 0.0
    confidence: float | None = None
    if p_tree.cc is not None:
        main = pred.statements[p_tree.cc]
        if main.provenance is not None:
            confidence = main.provenance.confidence
        if g_tree.cc is not None:
            thesis_f1 = unit_f1(
                gold.document.text,
                gold.statements[g_tree.cc].text,
                gold_spans[g_tree.cc],
                main,
                same_text=pred.document.text == gold.document.text,
            )
    found = thesis_f1 >= THRESHOLD
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
    if thesis_by_overlap and g_tree.cc is not None:
        if found:
            cc = [1 if i == g_tree.cc else 0 for i in range(n)]
        else:
            cc[g_tree.cc] = 0
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
        thesis_found=found,
        thesis_f1=thesis_f1,
        thesis_confidence=confidence,
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
