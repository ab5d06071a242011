"""Fit the thesis confidence of the ``cues`` extractor (``argmap.cues.thesis.CALIBRATION``) and report it.

The confidence is a logistic map of the evidence of the thesis decision
(:func:`argmap.cues.thesis.evidence`: the rule that chose it, whether it judges or
recommends, is restated, is the first unit, how many challengers it beat and how long the
text is). The target is the harness's "thesis found" (token F1 with the gold central claim
at least 0.5, end-to-end). The weights are fitted on ONE corpus (by default the
arg-microtexts part 1) with an L2 penalty, by Newton's method, and reported:

- within the fitting corpus by topic-grouped cross-validation
  (:func:`argmap.evaluation.folds.topic_folds`, five folds: fit on four, predict the fifth);
- on every other corpus given, with the weights fitted on the whole fitting corpus.

Run from the repository root (the corpora read in place, never copied):

    .venv/bin/python tools/fit_thesis_calibration.py \\
        ../shared/corpora/arg-microtexts-part1 ../shared/corpora/aif-araucaria ../shared/corpora/aif-microtexts-part1

The first corpus is the one fitted on. It prints the weights (to paste into
``CALIBRATION``) and the reliability tables (:func:`argmap.evaluation.reliability`).
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from argmap.cues import extract
from argmap.cues.features import cues_of
from argmap.cues.segment import segment
from argmap.cues.similarity import Vectors
from argmap.cues.thesis import Decision, decide, evidence
from argmap.evaluation import load_gold, reliability
from argmap.evaluation.align import token_f1
from argmap.evaluation.folds import topic_folds
from argmap.evaluation.run import evaluate_texts
from argmap.evaluation.trees import reduce_map
from argmap.plugins import Extractor

Row = tuple[str, str | None, dict[str, float], bool, bool]  # id, topic, evidence, thesis found, reachable
_WORD = re.compile(r"\w+")


def _bag(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _rows(corpus_dir: str) -> list[Row]:
    corpus = load_gold(corpus_dir)
    extractor = Extractor("cues", extract)
    results = evaluate_texts(corpus.texts, extractor, "end-to-end")
    rows: list[Row] = []
    for text, result in zip(corpus.texts, results):
        units = segment(text.map.document.text)
        if not units:
            continue
        cues = [cues_of(u) for u in units]
        d: Decision = decide(units, cues, Vectors([u.text for u in units]))
        cc = reduce_map(text.map).cc
        gold = _bag(text.map.statements[cc].text) if cc is not None else Counter()
        reachable = any(token_f1(gold, _bag(u.text)) >= 0.5 for u in units)
        rows.append((text.id, getattr(text, "topic", None), evidence(d), bool(result.thesis_found), reachable))
    return rows


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a small linear system by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col] / p
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(rows: Sequence[Row], l2: float = 1.0, iterations: int = 50) -> dict[str, float]:
    """L2-regularised logistic regression (the bias unpenalised) by Newton's method."""
    names = sorted({k for _, _, f, _, _ in rows for k in f})
    w = [0.0] * len(names)
    for _ in range(iterations):
        grad = [0.0] * len(names)
        hess = [[0.0] * len(names) for _ in names]
        for _, _, f, y, _ in rows:
            x = [f.get(k, 0.0) for k in names]
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i, xi in enumerate(x):
                if not xi:
                    continue
                grad[i] += (p - y) * xi
                for j, xj in enumerate(x):
                    if xj:
                        hess[i][j] += p * (1 - p) * xi * xj
        for i, k in enumerate(names):
            if k != "bias":
                grad[i] += l2 * w[i]
                hess[i][i] += l2
            hess[i][i] += 1e-9
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return {k: round(v, 3) for k, v in zip(names, w)}


def _pairs(rows: Sequence[Row], weights: dict[str, float]) -> list[tuple[float, bool]]:
    out = []
    for _, _, f, y, _ in rows:
        z = sum(weights.get(k, 0.0) * v for k, v in f.items())
        out.append((1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), y))
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpora", nargs="+", help="the corpus to fit on, then the corpora to report on")
    parser.add_argument("--l2", type=float, default=1.0, help="the L2 penalty (default 1.0)")
    parser.add_argument("--bins", type=int, default=10)
    args = parser.parse_args(argv)
    fit_on, *others = args.corpora
    rows = _rows(fit_on)
    weights = fit(rows, args.l2)
    print(f"fitted on {Path(fit_on).name} ({len(rows)} texts), L2 {args.l2}:")
    print("CALIBRATION = {")
    for k, v in sorted(weights.items(), key=lambda kv: (kv[0] != "bias", kv[0])):
        print(f'    "{k}": {v},')
    print("}\n")
    folds = topic_folds(rows, 5, topics=lambda r: r[1])
    cv: list[tuple[float, bool]] = []
    for fold in folds:
        cv += _pairs(fold.test, fit(fold.train, args.l2))
    print(reliability(cv, args.bins).to_text(
        f"{Path(fit_on).name}: topic-grouped 5-fold cross-validation (fit on 4 folds, predict the 5th)"))
    for other in others:
        other_rows = _rows(other)
        print(reliability(_pairs(other_rows, weights), args.bins).to_text(
            f"{Path(other).name}: weights fitted on {Path(fit_on).name}"))
        reachable = [r for r in other_rows if r[4]]
        if len(reachable) < len(other_rows):
            print(reliability(_pairs(reachable, weights), args.bins).to_text(
                f"{Path(other).name}, the {len(reachable)} texts where some unit reaches the gold central claim "
                f"(token F1 >= 0.5): weights fitted on {Path(fit_on).name}"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
