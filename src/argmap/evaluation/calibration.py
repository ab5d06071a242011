"""Measuring calibration: how well a confidence predicts being right (a reliability table and ECE).

This module fits nothing: :func:`reliability` takes ``(confidence, correct)`` pairs, such as the
thesis confidence of an extractor and whether the thesis was found on each text
(:func:`thesis_pairs`), and sorts them into equal-width bins of confidence. Each :class:`Bin`
gives its count, mean confidence and accuracy; the expected calibration error is the mean of
``|accuracy - mean confidence|`` over the bins, weighted by their counts (Naeini, Cooper &
Hauskrecht 2015, "Obtaining well calibrated probabilities using Bayesian binning", AAAI; Guo et
al. 2017, "On calibration of modern neural networks", ICML).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .metrics import TextResult

__all__ = ["Bin", "Reliability", "reliability", "thesis_pairs"]


@attrs.frozen
class Bin:
    """One bin of confidence ``[low, high)`` (the last one also holds ``high``): what fell in it."""

    low: float
    high: float
    count: int
    mean_confidence: float
    accuracy: float

    @property
    def gap(self) -> float:
        """``accuracy - mean_confidence``: positive when the confidence is too low."""
        return self.accuracy - self.mean_confidence


@attrs.frozen
class Reliability:
    """A reliability table: the bins (empty ones included), the number of pairs and the ECE."""

    bins: tuple[Bin, ...]
    n: int
    ece: float
    accuracy: float
    mean_confidence: float

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return attrs.asdict(self)

    def to_text(self, title: str = "") -> str:
        """A plain-text table (empty bins left out), then the overall line with the ECE."""
        lines = [title] if title else []
        lines.append(f"{'confidence':<12} {'count':>6} {'mean conf':>10} {'accuracy':>9} {'gap':>7}")
        for b in self.bins:
            if b.count:
                lines.append(
                    f"{b.low:.1f}-{b.high:.1f}{'':<4} {b.count:6d} {b.mean_confidence:10.3f} "
                    f"{b.accuracy:9.3f} {b.gap:+7.3f}"
                )
        lines.append(
            f"all{'':<9} {self.n:6d} {self.mean_confidence:10.3f} {self.accuracy:9.3f}   ECE {self.ece:.3f}"
        )
        return "\n".join(lines) + "\n"

    def to_markdown(self, title: str = "") -> str:
        """A Markdown table (empty bins left out), then the overall row with the ECE."""
        lines = [f"{title}", ""] if title else []
        lines += ["| confidence | count | mean confidence | accuracy | gap |", "|---|---:|---:|---:|---:|"]
        for b in self.bins:
            if b.count:
                lines.append(
                    f"| {b.low:.1f}–{b.high:.1f} | {b.count} | {b.mean_confidence:.3f} | {b.accuracy:.3f} "
                    f"| {b.gap:+.3f} |"
                )
        lines.append(
            f"| **all** | {self.n} | {self.mean_confidence:.3f} | {self.accuracy:.3f} | ECE {self.ece:.3f} |"
        )
        return "\n".join(lines) + "\n"


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = 10) -> Reliability:
    """Sort ``(confidence, correct)`` pairs into *bins* equal-width bins of [0, 1] and measure them.

    A confidence ``c`` falls in bin ``min(floor(c * bins), bins - 1)`` (so 1.0 is in the last
    bin). The ECE is ``sum(count / n * |accuracy - mean confidence|)`` over the bins; an empty
    input gives zero counts and an ECE of 0.0. A confidence outside [0, 1] or not a number is a
    :class:`ValueError`.

    >>> table = reliability([(0.9, True), (0.9, True), (0.8, False), (0.2, False)], bins=5)
    >>> [(b.count, round(b.mean_confidence, 2), b.accuracy) for b in table.bins if b.count]
    [(1, 0.2, 0.0), (3, 0.87, 0.6666666666666666)]
    >>> round(table.ece, 4)
    0.2
    """
    if bins < 1:
        raise ValueError("reliability() needs at least one bin")
    counts = [0] * bins
    conf_sums = [0.0] * bins
    right = [0] * bins
    for confidence, correct in pairs:
        c = float(confidence)
        if math.isnan(c) or not 0.0 <= c <= 1.0:
            raise ValueError(f"a confidence must lie in [0, 1], got {confidence!r}")
        k = min(int(c * bins), bins - 1)
        counts[k] += 1
        conf_sums[k] += c
        right[k] += bool(correct)
    n = sum(counts)
    table = tuple(
        Bin(
            low=k / bins,
            high=(k + 1) / bins,
            count=counts[k],
            mean_confidence=conf_sums[k] / counts[k] if counts[k] else 0.0,
            accuracy=right[k] / counts[k] if counts[k] else 0.0,
        )
        for k in range(bins)
    )
    ece = sum(b.count / n * abs(b.gap) for b in table) if n else 0.0
    return Reliability(
        bins=table,
        n=n,
        ece=ece,
        accuracy=sum(right) / n if n else 0.0,
        mean_confidence=sum(conf_sums) / n if n else 0.0,
    )


def thesis_pairs(results: Sequence[TextResult]) -> tuple[list[tuple[float, bool]], int]:
    """The ``(thesis confidence, thesis found)`` pair of each scored text, and how many texts had
    no confidence (no predicted central claim, or one without a provenance confidence)."""
    pairs = [(r.thesis_confidence, r.thesis_found) for r in results if r.thesis_confidence is not None]
    return pairs, len(results) - len(pairs)
