"""Topic-grouped cross-validation folds: a topic is never split, every text is tested once, the split is fixed."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.evaluation import load_gold, topic_folds

from .conftest import corpus_dir, needs_corpus, shared_corpus


def texts_with(topics):
    return [SimpleNamespace(id=f"t{i}", topic=topic) for i, topic in enumerate(topics)]


@given(st.lists(st.one_of(st.none(), st.sampled_from("abcdefg")), min_size=1, max_size=40), st.integers(2, 6))
def test_folds_never_split_a_topic_and_test_every_text_once(topics, k):
    """Each text is in exactly one test set and the train set is the rest; no topic is in two test sets."""
    texts = texts_with(topics)
    groups = len({t for t in topics if t is not None}) + sum(t is None for t in topics)
    if groups < k:
        with pytest.raises(ValueError, match="cannot make"):
            topic_folds(texts, k)
        return
    folds = topic_folds(texts, k)
    assert len(folds) == k
    tested = [t.id for f in folds for t in f.test]
    assert sorted(tested) == sorted(t.id for t in texts)
    for fold in folds:
        assert {t.id for t in fold.train} | {t.id for t in fold.test} == {t.id for t in texts}
        assert not {t.id for t in fold.train} & {t.id for t in fold.test}
        test_topics = {t.topic for t in fold.test if t.topic is not None}
        assert not test_topics & {t.topic for t in fold.train if t.topic is not None}
    assert topic_folds(texts, k) == folds


def test_folds_are_balanced_largest_topic_first():
    """Topics go largest first to the fold with the fewest texts; a text without a topic is a group of its own."""
    texts = texts_with(["a", "a", "a", "b", "b", "c", None, None])
    folds = topic_folds(texts, 3)
    # a (3) -> fold 0, b (2) -> fold 1, then the single texts t6, t7 (texts without a topic sort
    # before topics of the same size) -> fold 2, and c -> fold 1 (a tie with fold 2: the lower number).
    assert [[t.id for t in f.test] for f in folds] == [["t0", "t1", "t2"], ["t3", "t4", "t5"], ["t6", "t7"]]
    assert [f.test_groups for f in folds] == [("a",), ("b", "c"), ("t6", "t7")]


def test_topics_can_come_from_a_mapping_or_a_function():
    """A mapping of ids to topics, or a function of the text, overrides the texts' own topic."""
    texts = texts_with([None, None, None, None])
    pairs = {"t0": "x", "t1": "x", "t2": "y", "t3": "y"}
    by_mapping = topic_folds(texts, 2, topics=pairs)
    by_function = topic_folds(texts, 2, topics=lambda t: pairs[t.id])
    assert [[t.id for t in f.test] for f in by_mapping] == [["t0", "t1"], ["t2", "t3"]]
    assert by_function == by_mapping
    with pytest.raises(ValueError, match="k >= 2"):
        topic_folds(texts, 1)


@needs_corpus
def test_part1_topic_folds_keep_each_topic_in_one_fold():
    """On the 112 part-1 texts, 5 topic folds hold every text once and never split a topic_id."""
    corpus = load_gold(corpus_dir())
    folds = topic_folds(corpus.texts, 5)
    assert sum(len(f.test) for f in folds) == 112
    where = {}
    for n, fold in enumerate(folds):
        for text in fold.test:
            if text.topic is not None:
                assert where.setdefault(text.topic, n) == n


@needs_corpus
def test_aif_microtexts_take_their_topics_from_part1():
    """AIFdb's microtexts carry the part-1 ids, so part 1's topics group them too."""
    aif = shared_corpus("aif-microtexts-part1")
    if aif is None:
        pytest.skip("aif-microtexts-part1 not found")
    part1 = load_gold(corpus_dir())
    topics = {t.id: t.topic for t in part1.texts}
    texts = load_gold(aif).texts
    folds = topic_folds(texts, 5, topics=topics)
    seen = {}
    for n, fold in enumerate(folds):
        for text in fold.test:
            if topics[text.id] is not None:
                assert seen.setdefault(topics[text.id], n) == n
    assert len(seen) == len({t for t in topics.values() if t is not None})
