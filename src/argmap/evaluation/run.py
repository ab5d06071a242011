"""Running an extractor over a corpus: predict, align, label and score every text.

:func:`evaluate_corpus` reads a corpus folder (or takes a :class:`~argmap.evaluation.corpus.Corpus`
already read), runs the extractor end-to-end (``extract`` on the raw text) or with the gold units
given (``extract_units``), scores each text (:func:`evaluate_texts`) and pools the results over
all texts and over the test folds into a :class:`Report`; :class:`EvaluationError` is what it
raises when an extractor cannot be run.

Microtext XML gold is aligned as the field does (:func:`~argmap.evaluation.align.align`, gold
unit spans against predicted spans). AIF gold units are I-nodes whose text is often an edited
paraphrase of the source, so they are aligned by
:func:`~argmap.evaluation.align.align_statements` (token positions where the I-node was found in
the text, its words otherwise), and the thesis counts as found when the predicted central claim
overlaps the gold one with token F1 of at least 0.5.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from ..errors import ArgmapError
from ..model import ArgumentMap, Document
from .align import Alignment, align_statements
from .corpus import FOLDS_FILE, Corpus, GoldText, load_gold
from .metrics import Scores, TextResult, score_text
from .report import ModeReport, Report

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor

__all__ = ["MODES", "EvaluationError", "evaluate_corpus", "evaluate_texts", "score_gold_text"]

Mode = Literal["end-to-end", "given-units"]
MODES: tuple[Mode, ...] = ("end-to-end", "given-units")
"""The two ways of running an extractor over the corpus."""


class EvaluationError(ArgmapError):
    """The corpus cannot be read or an extractor cannot be evaluated on it."""


def _given_spans(text: GoldText) -> tuple[list[tuple[int, int]], list[int]]:
    """The gold units as single spans in text order, and the gold index of each."""
    assert text.unit_spans is not None
    spans = [(u[0][0], u[-1][1]) for u in text.unit_spans]
    order = sorted(range(len(spans)), key=lambda i: (spans[i], i))
    return [spans[i] for i in order], order


def _predict(extractor: Extractor, text: GoldText, mode: str) -> tuple[ArgumentMap, Alignment | None]:
    gold = text.map
    # No title: an extractor may read a title as the headline, and the id is not one.
    document = Document(text=gold.document.text, source=str(text.path))
    try:
        if mode == "end-to-end":
            return extractor.extract(document), None
        if extractor.extract_units is None:
            raise EvaluationError(
                f"extractor {extractor.name!r} has no extract_units, so no given-units mode"
            )
        if text.unit_spans is None:
            raise EvaluationError("its gold units cannot be located in the text: no given-units mode", where=text.id)
        spans, order = _given_spans(text)
        pred = extractor.extract_units(document, spans)
    except EvaluationError:
        raise
    except ArgmapError as exc:
        raise EvaluationError(f"extractor {extractor.name!r} failed: {exc}", where=text.id) from exc
    except Exception as exc:
        exc.add_note(f"(while extractor {extractor.name!r} read text {text.id!r}, mode {mode})")
        raise
    if len(pred.statements) == len(spans):
        # The contract: one statement per given span, in order.
        pairs = tuple(sorted((g, k, 1.0) for k, g in enumerate(order)))
        return pred, Alignment(pairs=pairs, n_gold=len(spans), n_pred=len(spans))
    return pred, None


def score_gold_text(text: GoldText, pred: ArgumentMap, alignment: Alignment | None = None) -> TextResult:
    """Score a predicted map of one gold text (aligned as its kind of gold needs, unless *alignment*)."""
    if text.source == "aif":
        # The annotation of an AIF unit is its text; its span is only where the importer found
        # that text, so units are compared by their words (a one-to-one alignment as align()'s).
        if alignment is None:
            alignment = align_statements(text.map.statements, pred.statements)
        no_spans: list[tuple[tuple[int, int], ...]] = [() for _ in text.map.statements]
        return score_text(text.map, pred, text_id=text.id, gold_spans=no_spans, alignment=alignment,
                          thesis_by_overlap=True)
    return score_text(text.map, pred, text_id=text.id, gold_spans=text.unit_spans, alignment=alignment)


def evaluate_texts(texts: Sequence[GoldText], extractor: Extractor, mode: str) -> list[TextResult]:
    """Run *extractor* over the gold texts in one mode and label every level of each."""
    if mode not in MODES:
        raise EvaluationError(f"unknown mode {mode!r} (expected {' or '.join(MODES)})")
    if mode == "given-units" and extractor.extract_units is None:
        raise EvaluationError(f"extractor {extractor.name!r} has no extract_units, so no given-units mode")
    results = []
    for text in texts:
        pred, alignment = _predict(extractor, text, mode)
        results.append(score_gold_text(text, pred, alignment))
    return results


def evaluate_corpus(
    corpus_dir: str | Path | Corpus,
    extractor: Extractor,
    mode: str | Sequence[str] = MODES,
) -> Report:
    """Score *extractor* on a gold corpus (a folder, or a :class:`Corpus` read by :func:`load_gold`).

    The folder is an arg-microtexts one (the corpus root with ``corpus/en/*.xml``, their
    ``.txt`` and ``folds_10x5_test_ids.json``, or a folder of ``.xml`` files) or a folder of
    AIF-JSON maps with their sidecar texts. *mode* is ``"end-to-end"``, ``"given-units"`` or a
    sequence of them; given-units mode is left out, with a note, on a corpus whose gold units
    cannot all be located in their texts. Returns a :class:`Report` with pooled scores and,
    when the folds file is there, the mean over the folds; files skipped while reading are
    counted in its notes. Raises :class:`~argmap.errors.InputError` for a missing folder or one
    with no usable gold map, and :class:`EvaluationError` for an unknown mode or an extractor
    that cannot run in a mode (an error of the extractor on a text is raised as an
    :class:`EvaluationError` naming the text).

    For example, ``evaluate_corpus(corpus, chain_baseline(), "given-units")
    .mode("given-units").folds_mean.cc`` is the chain floor's central-claim score with the gold
    units given.
    """
    modes = (mode,) if isinstance(mode, str) else tuple(mode)
    for m in modes:
        if m not in MODES:
            raise EvaluationError(f"unknown mode {m!r} (expected {' or '.join(MODES)})")
    corpus = corpus_dir if isinstance(corpus_dir, Corpus) else load_gold(corpus_dir)
    texts = corpus.texts
    notes: list[str] = list(corpus.notes)
    summary = corpus.skip_summary()
    if summary:
        notes.append(summary)
    if "given-units" in modes and not corpus.units_located:
        n_lost = sum(t.unit_spans is None for t in texts)
        notes.append(
            f"gold units of {n_lost} of {len(texts)} texts cannot be located in their text "
            "(edited or implicit I-nodes): end-to-end only"
        )
        modes = tuple(m for m in modes if m != "given-units")
        if not modes:
            raise EvaluationError(
                f"gold units of {n_lost} of {len(texts)} texts cannot be located in their text: "
                "no given-units mode on this corpus (use --mode end-to-end)",
                where=str(corpus.path),
            )
    folds = [list(f) for f in corpus.folds] if corpus.folds is not None else []
    known = {t.id for t in texts}
    missing = sorted({t for fold in folds for t in fold if t not in known})
    if missing:
        notes.append(
            f"{len(missing)} text id(s) of the folds not in the corpus, left out: {', '.join(missing[:5])}"
            + (" ..." if len(missing) > 5 else "")
        )
    if corpus.folds is None and corpus.format == "microtext":
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
    name = str(corpus_dir) if not isinstance(corpus_dir, Corpus) else str(corpus.path)
    return Report(
        corpus=name,
        extractor=extractor.name,
        modes=tuple(reports),
        notes=tuple(notes),
        skipped=corpus.skipped,
    )
