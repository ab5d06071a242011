"""Alignment of predicted statements to gold units, one to one by token overlap.

A predicted statement and a gold unit may align when the token F1 of the two
is at least :data:`THRESHOLD`; among such pairs :func:`align` takes the
assignment with the largest total F1, found by :func:`assign` (a Hungarian
algorithm). Tokens are runs of word characters of the document, compared by
position when the statement has spans into the same text, else by word.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..model import Statement

__all__ = ["THRESHOLD", "Alignment", "align", "align_statements", "assign", "token_f1", "unit_f1"]

THRESHOLD = 0.5
"""The least token F1 at which a predicted statement may align to a gold unit."""

_TOKEN_RE = re.compile(r"\w+")


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


def unit_f1(
    document: str,
    gold_text: str,
    gold_spans: Sequence[tuple[int, int]],
    predicted: Statement,
    *,
    same_text: bool = True,
) -> float:
    """The token F1 of one gold unit and one predicted statement, as :func:`align` compares them.

    By token positions when both have spans into *document* (and the prediction is of that text:
    *same_text*), else by the words of *gold_text* and of the statement's text.

    >>> doc = "Cats purr. Dogs bark loudly."
    >>> unit_f1(doc, "Dogs bark loudly.", [(11, 28)], Statement(id="p", text="Dogs bark.", spans=((11, 20),)))
    0.8
    >>> unit_f1(doc, "Dogs are barking loudly", [], Statement(id="p", text="Dogs bark loudly."))
    0.5714285714285714
    """
    if same_text and gold_spans and predicted.spans:
        token_spans = _tokens(document)
        return token_f1(_span_tokens(token_spans, gold_spans), _span_tokens(token_spans, predicted.spans))
    return token_f1(_words(gold_text), _words(predicted.text))


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


def align_statements(
    a: Sequence[Statement],
    b: Sequence[Statement],
    *,
    document_a: str = "",
    document_b: str | None = None,
    threshold: float = THRESHOLD,
) -> Alignment:
    """Align two maps' statements one to one, for a diff (``pairs`` hold ``(a index, b index, F1)``).

    Statements that are the same align first, in order: the same spans (where
    both have spans into the same document text: *document_b* ``None`` or
    equal to *document_a*), then the same text (white space aside), then the
    same words. The rest align by token F1
    as :func:`align` does (at least *threshold*, the largest total), compared
    by token positions where both have spans into that text, else by words.
    """
    same_doc = bool(document_a) and (document_b is None or document_b == document_a)
    token_spans = _tokens(document_a) if same_doc else []
    pos_a = [same_doc and bool(st.spans) for st in a]
    pos_b = [same_doc and bool(st.spans) for st in b]
    words_a = [_words(st.text) for st in a]
    words_b = [_words(st.text) for st in b]
    pairs: list[tuple[int, int, float]] = []
    free_a = set(range(len(a)))
    free_b = set(range(len(b)))
    keys: list[tuple[Any, Any]] = [
        (lambda i: tuple(a[i].spans) if pos_a[i] else None, lambda j: tuple(b[j].spans) if pos_b[j] else None),
        (lambda i: " ".join(a[i].text.split()), lambda j: " ".join(b[j].text.split())),
        (lambda i: frozenset(words_a[i].items()) if words_a[i] else None,
         lambda j: frozenset(words_b[j].items()) if words_b[j] else None),
    ]
    for key_a, key_b in keys:
        waiting: dict[Any, list[int]] = {}
        for j in sorted(free_b):
            k = key_b(j)
            if k is not None:
                waiting.setdefault(k, []).append(j)
        for i in sorted(free_a):
            k = key_a(i)
            if k is not None and waiting.get(k):
                j = waiting[k].pop(0)
                pairs.append((i, j, 1.0))
                free_a.discard(i)
                free_b.discard(j)
    rows = sorted(free_a)
    cols = sorted(free_b)
    if rows and cols:
        bag_a = {i: _span_tokens(token_spans, a[i].spans) if pos_a[i] else None for i in rows}
        bag_b = {j: _span_tokens(token_spans, b[j].spans) if pos_b[j] else None for j in cols}
        weights: list[list[float]] = []
        for i in rows:
            row = []
            for j in cols:
                ba, bb = bag_a[i], bag_b[j]
                f1 = token_f1(ba, bb) if ba is not None and bb is not None else token_f1(words_a[i], words_b[j])
                row.append(f1 if f1 >= threshold else 0.0)
            weights.append(row)
        keep_r = [r for r in range(len(rows)) if any(weights[r])]
        keep_c = [c for c in range(len(cols)) if any(weights[r][c] for r in keep_r)]
        if keep_r and keep_c:
            sub = [[weights[r][c] for c in keep_c] for r in keep_r]
            for r, c in assign(sub):
                w = sub[r][c]
                if w >= threshold and w > 0:
                    pairs.append((rows[keep_r[r]], cols[keep_c[c]], w))
    pairs.sort()
    return Alignment(pairs=tuple(pairs), n_gold=len(a), n_pred=len(b))
