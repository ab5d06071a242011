"""Fit the attachment weights of the ``cues`` extractor (argmap.cues.attach.WEIGHTS) on a gold corpus.

Usage::

    python tools/fit_attachment.py ../shared/corpora/arg-microtexts-part1            # fit, print WEIGHTS
    python tools/fit_attachment.py ../shared/corpora/arg-microtexts-part1 --cv       # topic-grouped CV

With the gold units given, every unit's candidate parents (argmap.cues.attach.candidates) are
described by their features; a softmax over each unit's candidates is fitted to the gold parent
(the gold map reduced to a tree, argmap.evaluation.trees.reduce_map) by gradient ascent on the
L2-regularised log-likelihood. ``--cv`` fits on all topics but one group and scores the held-out
texts (decoded with the held-out weights) with the evaluation's own scorer, pooled over the folds:
the figure to report for the corpus the weights are fitted on. Pure Python, deterministic.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from argmap.cues import attach, extract_units
from argmap.cues.segment import units_from_spans
from argmap.cues.similarity import Vectors
from argmap.cues.structure import analyse, fixed_units
from argmap.evaluation.corpus import GoldText, load_corpus
from argmap.evaluation.metrics import Scores, score_text
from argmap.evaluation.trees import reduce_map
from argmap.model import Document

Example = list[tuple[list[float], bool]]  # one unit's candidates: features, is the gold parent


def examples(texts: Sequence[GoldText]) -> list[tuple[str, Example]]:
    """Each gold unit with a gold parent among its candidates, tagged with its text's topic."""
    out: list[tuple[str, Example]] = []
    for t in texts:
        gold = reduce_map(t.map)
        spans = [(u[0][0], u[-1][1]) for u in t.unit_spans]
        text = t.map.document.text
        units = units_from_spans(text, spans)
        plan = analyse(units, decode=False)
        vec = Vectors([u.text for u in units])
        proposed = [(link.type, link.target) if link is not None else None for link in plan.links]
        cands = attach.candidates(units, plan.cues, vec, plan.thesis, proposed, plan.explicit, plan.restatements,
                                  fixed_units(plan))
        topic = _topic(t)
        for i, rows in enumerate(cands):
            gp = gold.parent[i]
            if not rows or gp is None or gp not in {j for j, _ in rows}:
                continue
            out.append((topic, [(f, j == gp) for j, f in rows]))
    return out


def _topic(t: GoldText) -> str:
    m = re.search(r'topic_id="([^"]+)"', t.path.read_text(encoding="utf-8")[:400]) if t.path.suffix == ".xml" else None
    return m.group(1) if m else t.id


def fit(data: Sequence[Example], l2: float = 0.01, steps: int = 1500, rate: float = 3.0) -> list[float]:
    k = len(attach.FEATURES)
    w = [0.0] * k
    n = max(1, len(data))
    for _ in range(steps):
        grad = [-l2 * x for x in w]
        for rows in data:
            scores = [sum(a * b for a, b in zip(f, w)) for f, _ in rows]
            top = max(scores)
            ex = [math.exp(s - top) for s in scores]
            z = sum(ex)
            for (f, gold), e in zip(rows, ex):
                p = e / z
                g = (1.0 if gold else 0.0) - p
                if g:
                    for m in range(k):
                        if f[m]:
                            grad[m] += g * f[m] / n * 1.0
        w = [a + rate * g for a, g in zip(w, grad)]
    return w


def as_weights(w: Sequence[float]) -> dict[str, float]:
    """Fitted weights by name; the hand-set ones (attach.HAND_SET) as set."""
    return {name: attach.HAND_SET.get(name, round(x, 3)) for name, x in zip(attach.FEATURES, w)}


def cv(texts: Sequence[GoldText], data_of: dict[str, list[tuple[str, Example]]], groups: int = 5) -> Scores:
    topics = sorted({_topic(t) for t in texts})
    fold_of = {topic: k % groups for k, topic in enumerate(topics)}
    results = []
    for k in range(groups):
        train = [ex for t in texts if fold_of[_topic(t)] != k for _, ex in data_of[t.id]]
        w = as_weights(fit(train))
        for t in texts:
            if fold_of[_topic(t)] != k:
                continue
            spans = [(u[0][0], u[-1][1]) for u in t.unit_spans]
            pred = extract_units(Document(text=t.map.document.text), spans, weights=w)
            results.append(score_text(t.map, pred, text_id=t.id, gold_spans=t.unit_spans))
    return Scores.pooled(results)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--cv", action="store_true", help="topic-grouped cross-validation of the fitted weights")
    args = ap.parse_args(argv)
    texts = load_corpus(args.corpus)
    data = examples(texts)
    print(f"{len(texts)} texts, {len(data)} units with a gold parent among their candidates", file=sys.stderr)
    if args.cv:
        data_of: dict[str, list[tuple[str, Example]]] = {}
        for t in texts:
            data_of[t.id] = examples([t])
        print(cv(texts, data_of))
        return 0
    w = as_weights(fit([ex for _, ex in data]))
    print("WEIGHTS = {")
    for name, x in w.items():
        print(f'    "{name}": {x},')
    print("}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
