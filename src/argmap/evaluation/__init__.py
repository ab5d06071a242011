"""Score predicted argument maps against gold maps, as the field does, on every corpus argmap can import.

The gold is an arg-microtexts folder (microtext XML) or a folder of AIF-JSON
maps with their sidecar texts (AIFdb's ``nodesetN.json`` + ``nodesetN.txt``:
AraucariaDB, AIFdb's copy of the microtexts); :func:`load_gold` reads either
and counts the files it cannot use. The harness follows Peldszus & Stede
(2015), "Joint prediction in MST-style discourse parsing for argumentation
mining" (EMNLP), on the corpus of Peldszus & Stede (2015), "An annotated
corpus of argumentative microtexts" (ECA). For each text:

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
5. **The thesis** is found when the predicted central claim overlaps the gold
   one with token F1 of at least 0.5 (reported as the share of texts).

AIF gold units are I-nodes whose text is often an edited paraphrase of the
source, so they are aligned by their words (:func:`align_statements`), and
the thesis, found as in 5, decides their ``cc`` labels; given-units mode runs
only where every I-node is found in its text.

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
``argmap evaluate``. ``--baseline first`` and ``--baseline chain`` run the
trivial floors (the first sentence or unit is the central claim; every other
one supports it, or each supports the one before); several corpora give the
cross-corpus table (:func:`cross_corpus`) of both baselines and an extractor;
``--calibration`` the reliability of the thesis confidence (:func:`reliability`).

The package holds one job per module, and re-exports their public names here:

- :mod:`~argmap.evaluation.align`: :func:`assign` (the Hungarian algorithm),
  :func:`token_f1`, :func:`unit_f1`, :class:`Alignment`, :func:`align` and
  :func:`align_statements`;
- :mod:`~argmap.evaluation.trees`: :class:`Tree` and :func:`reduce_map`;
- :mod:`~argmap.evaluation.metrics`: :func:`macro_f1`, :class:`TextResult`,
  :func:`score_text` and :class:`Scores`;
- :mod:`~argmap.evaluation.corpus`: :func:`load_gold` (microtext XML or AIF),
  :class:`Corpus`, :class:`GoldText`, :class:`Skipped`, :class:`NoGoldError`,
  and the microtext-only :func:`find_corpus_files`, :func:`load_corpus` and
  :func:`load_folds`;
- :mod:`~argmap.evaluation.baselines`: :func:`first_baseline`,
  :func:`chain_baseline` (whose sentences come from
  :func:`argmap.text.split_sentences`) and :data:`BASELINES`;
- :mod:`~argmap.evaluation.report`: :class:`ModeReport` and :class:`Report`;
- :mod:`~argmap.evaluation.run`: :func:`evaluate_texts`,
  :func:`evaluate_corpus`, :func:`score_gold_text` and :class:`EvaluationError`;
- :mod:`~argmap.evaluation.table`: :func:`cross_corpus`, :class:`CrossTable`
  and :class:`Row`;
- :mod:`~argmap.evaluation.calibration`: :func:`reliability`,
  :class:`Reliability`, :class:`Bin` and :func:`thesis_pairs`;
- :mod:`~argmap.evaluation.folds`: :func:`topic_folds` and :class:`Fold`;
- :mod:`~argmap.evaluation.cli`: :func:`main`, the ``argmap evaluate`` command.
"""

from __future__ import annotations

from .align import THRESHOLD, Alignment, align, align_statements, assign, token_f1, unit_f1
from .baselines import BASELINES, chain_baseline, first_baseline
from .calibration import Bin, Reliability, reliability, thesis_pairs
from .cli import main
from .corpus import (
    Corpus,
    GoldText,
    NoGoldError,
    Skipped,
    find_corpus_files,
    load_corpus,
    load_folds,
    load_gold,
)
from .folds import Fold, topic_folds
from .metrics import LEVELS, Scores, TextResult, macro_f1, score_text
from .report import ModeReport, Report
from .run import MODES, EvaluationError, evaluate_corpus, evaluate_texts, score_gold_text
from .table import CrossTable, Row, cross_corpus
from .trees import Tree, reduce_map

__all__ = [
    "BASELINES",
    "LEVELS",
    "MODES",
    "THRESHOLD",
    "Alignment",
    "Bin",
    "Corpus",
    "CrossTable",
    "EvaluationError",
    "Fold",
    "GoldText",
    "ModeReport",
    "NoGoldError",
    "Reliability",
    "Report",
    "Row",
    "Scores",
    "Skipped",
    "TextResult",
    "Tree",
    "align",
    "align_statements",
    "assign",
    "chain_baseline",
    "cross_corpus",
    "evaluate_corpus",
    "evaluate_texts",
    "find_corpus_files",
    "first_baseline",
    "load_corpus",
    "load_folds",
    "load_gold",
    "macro_f1",
    "main",
    "reduce_map",
    "reliability",
    "score_gold_text",
    "score_text",
    "thesis_pairs",
    "token_f1",
    "topic_folds",
    "unit_f1",
]
