"""Running an extractor over a corpus: predict, align, label and score every text.

:func:`evaluate_corpus` reads a corpus folder, runs the extractor end-to-end
(``extract`` on the raw text) or with the gold units given
(``extract_units``), scores each text (:func:`evaluate_texts`) and pools the
results over all texts and over the test folds into a :class:`Report`;
:class:`EvaluationError` is what it raises when an extractor cannot be run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import ArgmapError
from ..model import ArgumentMap, Document
from .align import Alignment
from .corpus import FOLDS_FILE, GoldText, find_corpus_files, load_corpus, load_folds
from .metrics import Scores, TextResult, score_text
from .report import ModeReport, Report

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor

__all__ = ["MODES", "EvaluationError", "evaluate_corpus", "evaluate_texts"]

Mode = Literal["end-to-end", "given-units"]
MODES: tuple[Mode, ...] = ("end-to-end", "given-units")
"""The two ways of running an extractor over the corpus."""


class EvaluationError(ArgmapError):
    """The corpus cannot be read or an extractor cannot be evaluated on it."""


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
