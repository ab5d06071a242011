"""The report of a run: scores per mode, as a table, Markdown or JSON.

:class:`Report` is what :func:`~argmap.evaluation.evaluate_corpus` returns:
one :class:`ModeReport` per mode (pooled scores, the mean over the folds, the
counts and each text's labels), with :meth:`Report.to_text`,
:meth:`Report.to_markdown` and :meth:`Report.to_json`.
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from .corpus import Skipped
from .metrics import Scores, TextResult

__all__ = ["ModeReport", "Report"]


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

    @property
    def n_thesis_found(self) -> int:
        """The number of texts whose central claim was found (token F1 >= 0.5 with the gold one)."""
        return sum(t.thesis_found for t in self.texts)

    @property
    def thesis_accuracy(self) -> float:
        """The share of texts whose central claim was found (0.0 for no texts)."""
        return self.n_thesis_found / len(self.texts) if self.texts else 0.0

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
            "thesis_found": self.n_thesis_found,
            "thesis_accuracy": self.thesis_accuracy,
        }
        if per_text:
            out["texts"] = [
                {
                    "id": t.text_id,
                    **Scores.pooled([t]).as_dict(),
                    "thesis_found": t.thesis_found,
                    "thesis_f1": t.thesis_f1,
                    "thesis_confidence": t.thesis_confidence,
                }
                for t in self.texts
            ]
        return out


@attrs.frozen
class Report:
    """What :func:`evaluate_corpus` returns: one :class:`ModeReport` per mode run."""

    corpus: str
    extractor: str
    modes: tuple[ModeReport, ...]
    notes: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()

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
            "skipped": [{"file": s.name, "reason": s.reason} for s in self.skipped],
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
                f"{m.n_aligned} aligned; central claim found in {m.n_thesis_found} texts "
                f"({m.thesis_accuracy:.3f})"
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
