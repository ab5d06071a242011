"""Which claims stand: argumentation semantics, lint and diff for argument maps.

- :func:`analyse` (``argmap analyse``) projects a map onto an abstract
  argumentation framework (:func:`project`: supports read as necessary
  support, undercuts attacking the inference) and labels every statement in,
  out or undec under Dung's grounded, complete, preferred or stable
  semantics, with the reasons (:meth:`Analysis.explain`); :func:`labels` is
  the one-call form a diagram uses; :func:`credulous` and :func:`sceptical`
  answer for one statement.
- :func:`lint` (``argmap lint``) applies the checks a teacher of argument
  mapping applies, each a :class:`Finding` with a stable rule id.
- :func:`diff` (``argmap diff``) aligns two maps of the same document and
  says what changed.
- :mod:`~argmap.analysis.iccma` reads and writes the ICCMA formats (``apx``,
  ``tgf``) of abstract frameworks.

docs/analysis.md explains the projection with worked examples. (The functions
:func:`lint` and :func:`diff` take the names of their modules here: import
``RULES`` from ``argmap.analysis`` or with ``from argmap.analysis.lint import RULES``.)
"""

from __future__ import annotations

from typing import Union

from ..model import ArgumentMap
from .diff import MapDiff, diff
from .framework import ROLES, AnalysisError, Framework, project
from .lint import RULES, Finding, lint
from .results import SUPPORT_READING, Analysis, analyse, labels
from .semantics import DEFAULT_BUDGET, DEFAULT_LIMIT, SEMANTICS, grounded, labellings
from .semantics import credulous as _credulous
from .semantics import sceptical as _sceptical

__all__ = [
    "DEFAULT_BUDGET",
    "DEFAULT_LIMIT",
    "ROLES",
    "RULES",
    "SEMANTICS",
    "SUPPORT_READING",
    "Analysis",
    "AnalysisError",
    "Finding",
    "Framework",
    "MapDiff",
    "analyse",
    "credulous",
    "diff",
    "grounded",
    "labellings",
    "labels",
    "lint",
    "project",
    "sceptical",
]


def _framework(source: Union[ArgumentMap, Framework]) -> Framework:
    return project(source) if isinstance(source, ArgumentMap) else source


def credulous(source: Union[ArgumentMap, Framework], name: str, semantics: str = "preferred", *,
              budget: int = DEFAULT_BUDGET) -> bool:
    """Whether the statement (or argument) *name* is in in at least one labelling of *semantics*.

    *source* is a map (projected first) or a :class:`Framework`.
    """
    return _credulous(_framework(source), name, semantics, budget=budget)


def sceptical(source: Union[ArgumentMap, Framework], name: str, semantics: str = "preferred", *,
              budget: int = DEFAULT_BUDGET) -> bool:
    """Whether the statement (or argument) *name* is in in every labelling of *semantics* (with no
    stable labelling at all, every statement is sceptically stable, as ICCMA counts it)."""
    return _sceptical(_framework(source), name, semantics, budget=budget)
