"""Cross-validation folds grouped by topic, for reporting a fitted parameter on topics it never saw.

:func:`topic_folds` splits texts into *k* folds so that all texts of one topic fall in the same
fold: fit on ``fold.train``, report on ``fold.test``, and the figure is out-of-topic. The
arg-microtexts carry a ``topic_id`` (:attr:`~argmap.evaluation.corpus.GoldText.topic`); the 23
``micro_d*`` texts of part 1 and every AIF text carry none, and a text without a topic is a group
of its own (so on AraucariaDB the folds are plain k-fold by file). AIFdb's copy of the microtexts
has the part-1 text ids (``micro_b001``), so their topics can be passed in from part 1::

    part1 = load_gold("../shared/corpora/arg-microtexts-part1")
    aif = load_gold("../shared/corpora/aif-microtexts-part1")
    folds = topic_folds(aif.texts, 5, topics={t.id: t.topic for t in part1.texts})

The split is deterministic: groups are taken largest first (ties: the texts without a topic, by
id, then the topics, by name) and each goes to the
fold with the fewest texts so far (ties: the lowest fold number).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Generic, TypeVar

import attrs

__all__ = ["Fold", "topic_folds"]

T = TypeVar("T")


@attrs.frozen
class Fold(Generic[T]):
    """One split: the texts to fit on and the texts to report on (in corpus order), and the test topics."""

    train: tuple[T, ...]
    test: tuple[T, ...]
    test_groups: tuple[str, ...]


def _default_topic(text: object) -> str | None:
    topic = getattr(text, "topic", None)
    return topic if isinstance(topic, str) else None


def topic_folds(
    texts: Sequence[T],
    k: int = 5,
    *,
    topics: Mapping[str, str | None] | Callable[[T], str | None] | None = None,
) -> list[Fold[T]]:
    """Split *texts* into *k* folds that never split a topic: one :class:`Fold` per fold.

    A text's topic is ``topics[text.id]`` (a mapping), ``topics(text)`` (a function) or its
    ``topic`` attribute (the default); a text with no topic is a group of its own, named by its
    ``id`` (or its position when it has none). Every text is in exactly one test set. Raises
    :class:`ValueError` when *k* < 2 or there are fewer groups than *k*.

    >>> from types import SimpleNamespace as T
    >>> texts = [T(id="a", topic="x"), T(id="b", topic="x"), T(id="c", topic="y"), T(id="d", topic=None)]
    >>> [[t.id for t in f.test] for f in topic_folds(texts, 2)]
    [['a', 'b'], ['c', 'd']]
    """
    if k < 2:
        raise ValueError(f"topic_folds() needs k >= 2, got {k}")
    groups: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        ident = getattr(text, "id", None)
        if topics is None:
            topic = _default_topic(text)
        elif callable(topics):
            topic = topics(text)
        else:
            topic = topics.get(ident) if isinstance(ident, str) else None
        key = f"topic:{topic}" if topic else f"text:{ident if isinstance(ident, str) else i}"
        groups.setdefault(key, []).append(i)
    if len(groups) < k:
        raise ValueError(f"topic_folds(): {len(groups)} topic group(s) cannot make {k} folds")
    members: list[list[int]] = [[] for _ in range(k)]
    names: list[list[str]] = [[] for _ in range(k)]
    for key in sorted(groups, key=lambda g: (-len(groups[g]), g)):
        target = min(range(k), key=lambda f: (len(members[f]), f))
        members[target].extend(groups[key])
        names[target].append(key.split(":", 1)[1])
    folds = []
    for f in range(k):
        test_idx = set(members[f])
        folds.append(
            Fold(
                train=tuple(t for i, t in enumerate(texts) if i not in test_idx),
                test=tuple(t for i, t in enumerate(texts) if i in test_idx),
                test_groups=tuple(sorted(names[f])),
            )
        )
    return folds
