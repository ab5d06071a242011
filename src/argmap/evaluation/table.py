"""The cross-corpus table: every corpus × every system × every mode its gold allows, in one table.

:func:`cross_corpus` reads each corpus once (:func:`~argmap.evaluation.corpus.load_gold`), scores
each system on it (:func:`~argmap.evaluation.run.evaluate_corpus`: both modes where the gold units
can be located in the text, end-to-end only otherwise) and returns a :class:`CrossTable` of pooled
scores, with the central claim found (``thesis``: the share of texts whose predicted central claim
overlaps the gold one with token F1 >= 0.5) beside the macro-F1 levels. The systems are by default
the first-unit baseline, the chain baseline and one extractor, so that every extractor figure
stands beside its floor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .corpus import Corpus, load_gold
from .metrics import Scores
from .report import Report
from .run import MODES, evaluate_corpus

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor

__all__ = ["CrossTable", "Row", "cross_corpus"]


@attrs.frozen
class Row:
    """One line of the table: a system on a corpus in one mode, pooled over the corpus's texts."""

    corpus: str
    mode: str
    system: str
    n_texts: int
    thesis: float
    scores: Scores

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "corpus": self.corpus,
            "mode": self.mode,
            "system": self.system,
            "n_texts": self.n_texts,
            "thesis": self.thesis,
            **self.scores.as_dict(),
        }


@attrs.frozen
class CrossTable:
    """The rows, one note line per corpus (texts used, files skipped, modes left out), and the reports."""

    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    reports: tuple[Report, ...] = attrs.field(repr=False, eq=False)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"rows": [r.as_dict() for r in self.rows], "notes": list(self.notes)}

    def to_json(self) -> str:
        """The table as indented JSON."""
        return json.dumps(self.as_dict(), indent=2) + "\n"

    @staticmethod
    def _seg(row: Row) -> tuple[str, str]:
        if row.mode == "given-units":
            return "–", "–"
        return f"{row.scores.seg_precision:.3f}", f"{row.scores.seg_recall:.3f}"

    def to_text(self) -> str:
        """A plain-text table."""
        width = max([len("corpus")] + [len(r.corpus) for r in self.rows])
        sys_width = max([len("system")] + [len(r.system) for r in self.rows])
        head = ("texts", "thesis", "cc", "ro", "fu", "at", "seg P", "seg R")
        lines = [
            f"{'corpus':<{width}} {'mode':<11} {'system':<{sys_width}} " + " ".join(f"{h:>6}" for h in head)
        ]
        for r in self.rows:
            s = r.scores
            p, rec = self._seg(r)
            lines.append(
                f"{r.corpus:<{width}} {r.mode:<11} {r.system:<{sys_width}} {r.n_texts:6d} {r.thesis:6.3f} "
                f"{s.cc:6.3f} {s.ro:6.3f} {s.fu:6.3f} {s.at:6.3f} {p:>6} {rec:>6}"
            )
        lines.extend(f"note: {n}" for n in self.notes)
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        """A Markdown table, then the notes as a list."""
        lines = [
            "| corpus | mode | system | texts | thesis | cc | ro | fu | at | seg. P | seg. R |",
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for r in self.rows:
            s = r.scores
            p, rec = self._seg(r)
            lines.append(
                f"| {r.corpus} | {r.mode} | {r.system} | {r.n_texts} | {r.thesis:.3f} | {s.cc:.3f} | {s.ro:.3f} "
                f"| {s.fu:.3f} | {s.at:.3f} | {p} | {rec} |"
            )
        if self.notes:
            lines.append("")
            lines.extend(f"- {n}" for n in self.notes)
        return "\n".join(lines) + "\n"


def cross_corpus(
    corpora: Sequence[str | Path | Corpus],
    systems: Sequence[Extractor],
    modes: Sequence[str] = MODES,
) -> CrossTable:
    """Score every system on every corpus in every mode of *modes* the corpus allows.

    Rows come corpus by corpus (in the order given), then mode, then system. Given-units mode is
    left out, with a note, for a corpus whose gold units cannot all be located in the text, and
    for a system without ``extract_units``. Errors are those of
    :func:`~argmap.evaluation.run.evaluate_corpus`.
    """
    rows: list[Row] = []
    notes: list[str] = []
    reports: list[Report] = []
    for item in corpora:
        corpus = item if isinstance(item, Corpus) else load_gold(item)
        wanted = [m for m in modes if m != "given-units" or corpus.units_located]
        line = f"{corpus.name}: {len(corpus.texts)} texts ({corpus.format})"
        summary = corpus.skip_summary()
        for extra in (*corpus.notes, summary):
            if extra:
                line += f"; {extra}"
        if "given-units" in modes and not corpus.units_located:
            n_lost = sum(t.unit_spans is None for t in corpus.texts)
            line += (
                f"; end-to-end only: the gold units of {n_lost} texts cannot be located in their text"
            )
        notes.append(line)
        by_mode: dict[str, list[Row]] = {m: [] for m in wanted}
        for system in systems:
            system_modes = [m for m in wanted if m != "given-units" or system.extract_units is not None]
            if not system_modes:
                continue
            report = evaluate_corpus(corpus, system, system_modes)
            reports.append(report)
            for part in report.modes:
                by_mode[part.mode].append(
                    Row(
                        corpus=corpus.name,
                        mode=part.mode,
                        system=system.name,
                        n_texts=part.n_texts,
                        thesis=part.thesis_accuracy,
                        scores=part.pooled,
                    )
                )
        for mode in wanted:
            rows.extend(by_mode[mode])
    return CrossTable(rows=tuple(rows), notes=tuple(notes), reports=tuple(reports))
