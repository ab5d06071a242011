"""The fast paths of the ``cues`` extractor match what the plain formulations they replace match.

Each fast path (a trie for a phrase alternation, a search from near the end, a clause-split
pattern shaped for the regex engine, TF-IDF vectors without Counter) is checked against the
simple version, written out here, on generated text: same matches, same groups, same floats.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from argmap.cues import lexicon as lx
from argmap.cues.segment import _DATE, _DATE_HINT, _INLINE_FURNITURE, _TRAILING_STAMP
from argmap.cues.similarity import Vectors, tokens

_LETTERS = "abeinost"
_phrase = st.lists(st.text(_LETTERS, min_size=1, max_size=4), min_size=1, max_size=3).map(" ".join)
_PIECES = [" ", "  ", "\n", ",", ";", ".", "-", "’", "'", "\u00a0", "S", "ſ", "K", "\u212a", "İ", "x1", *_LETTERS]
_text = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


def _plain_alt(words: tuple[str, ...]) -> str:
    """The alternation _alt replaced: every phrase, longest first."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


@settings(max_examples=400)
@given(st.lists(_phrase, min_size=1, max_size=12).map(tuple), st.lists(_text, min_size=1, max_size=8))
def test_phrase_trie_matches_what_the_longest_first_alternation_matches(words, texts):
    """_alt's trie finds the same match as the list of phrases longest first, before a boundary, before more pattern, and when searched."""
    for tail in (r"(?![\w'’-])", r"\s+\w", ""):
        plain = re.compile(r"^[\s\"(]*(?:" + _plain_alt(words) + ")" + tail, re.IGNORECASE)
        trie = re.compile(r"^[\s\"(]*(?:" + lx._alt(words) + ")" + tail, re.IGNORECASE)
        anywhere_plain = re.compile("(?:" + _plain_alt(words) + ")" + tail, re.IGNORECASE)
        anywhere_trie = re.compile("(?:" + lx._alt(words) + ")" + tail, re.IGNORECASE)
        for t in texts:
            for text in (t, " ".join(words) + t, words[-1] + t):
                assert _span(trie.match(text)) == _span(plain.match(text))
                assert [m.span() for m in anywhere_trie.finditer(text)] == [m.span() for m in anywhere_plain.finditer(text)]


_TAIL_PLAIN = re.compile(
    r"\b(?:anyway|anyhow|regardless|nonetheless|nevertheless|though|all the same|even so)\s*[.!?]?[\"'”’)]*\s*$",
    re.IGNORECASE,
)
_tail_text = st.lists(
    st.sampled_from(["anyway", "ANYHOW", "all the same", "even so", "though", "x", " ", "\n", ".", "!", "?", "”", ")", "ſ"]),
    max_size=10,
).map("".join)


@given(_tail_text)
def test_contrast_tail_searched_from_the_end_finds_the_whole_text_match(text):
    """CONTRAST_TAIL, searched from near the end only, gives the match a search of the whole text gives."""
    found, plain = lx.CONTRAST_TAIL.search(text), _TAIL_PLAIN.search(text)
    assert (found and (found.span(), found.group(0))) == (plain and (plain.span(), plain.group(0)))


_CLAUSE_WORDS = (
    "but", "yet", "whereas", "although", "though", "even though", "even if", "because", "since", "as", "so", "hence",
    "therefore", "thus", "which is why", "which means", "that is why", "and therefore", "and thus", "and so",
    "and hence", "and yet", "but also", "while", "whilst", "for", "and", "and this", "which", "unless", "then again",
    "otherwise", "and then", "and also",
)
_CLAUSE_PLAIN = re.compile(
    r"(?:,|;|\s[-–—])\s+(?P<cut>(?:" + _plain_alt(_CLAUSE_WORDS) + r")(?![\w'’-]))"
    r"|;\s+(?P<semi>)(?=\S)"
    r"|\s[–—]\s+(?P<dash>)(?=\w)"
    r"|\s(?P<bare>(?:because|since|so that|although|whereas|unless)(?![\w'’-]))",
    re.IGNORECASE,
)
_clause_text = st.lists(
    st.sampled_from([*_CLAUSE_WORDS, "BUT", "So That", "x", "we act", " ", "  ", "\n", ",", ";", " -", " –", "—", "-",
                     "’", "1", "ſince", "\u00a0"]),
    max_size=14,
).map("".join)


@settings(max_examples=400)
@given(_clause_text)
def test_clause_split_matches_its_plain_formulation(text):
    """CLAUSE_SPLIT finds the same boundaries with the same groups as the plain pattern with re.IGNORECASE."""
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert found(lx.CLAUSE_SPLIT) == found(_CLAUSE_PLAIN)


def _plain_vectors(texts: list[str]) -> tuple[list[dict[str, float]], list[float]]:
    """TF-IDF as first written: Counter, then (1 + log tf) * idf, then the norms."""
    counts = [Counter(tokens(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(texts)
    idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
    vectors = [{w: (1 + math.log(tf)) * idf[w] for w, tf in c.items()} for c in counts]
    return vectors, [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in vectors]


_units = st.lists(
    st.lists(st.sampled_from(["tree", "trees", "shade", "water", "cost", "costs", "the", "city", "plant", "and", "42"]),
             max_size=12).map(" ".join),
    max_size=8,
)


@given(_units)
def test_vectors_have_the_floats_of_the_plain_computation(texts):
    """Weights, norms, cosines and centralities are those of the Counter-based computation, to the last bit."""
    vec = Vectors(texts)
    vectors, norms = _plain_vectors(texts)
    assert [list(v.items()) for v in vec._vectors] == [list(v.items()) for v in vectors]
    assert vec._norms == norms
    for i in range(len(texts)):
        for j in range(len(texts)):
            a, b = vectors[i], vectors[j]
            if len(a) > len(b):
                a, b = b, a
            assert vec.cosine(i, j) == sum(v * b.get(w, 0.0) for w, v in a.items()) / (norms[i] * norms[j])


_INLINE_PLAIN = re.compile(r"\bprint\s+this\s+(?:post|page|article)\b", re.IGNORECASE)
_inline_text = st.lists(
    st.sampled_from(["print", "PRINT", "Print", "this", "post", "page", "article", "x", "p", " ", "\t", "\n", ".", "İ", "ſ"]),
    max_size=12,
).map("".join)


@given(_inline_text, st.integers(0, 5))
def test_inline_furniture_pattern_matches_its_plain_formulation(text, start):
    """The "Print This Post" pattern, written to skip to each "p", finds what the plain pattern with re.IGNORECASE finds."""
    assert [m.span() for m in _INLINE_FURNITURE.finditer(text, start)] == [m.span() for m in _INLINE_PLAIN.finditer(text, start)]


_date_text = st.lists(
    st.sampled_from(["1", "08", "2016", "\u0663", "jan", "Sept.", "DEC", "december", "mayor", "ſep", "am", "P.M.", "pm.",
                     "m", " ", "  ", "\n", ",", ".", "-", "/", ":", "!", "”", "x", "the"]),
    max_size=14,
).map("".join)


@settings(max_examples=500)
@given(st.one_of(_date_text, st.from_regex(_DATE), st.from_regex(_TRAILING_STAMP)))
def test_every_date_and_stamp_is_seen_by_its_cheap_guard(text):
    """A line the date pattern matches holds the date hint, and a line ending in a timestamp ends as the guard expects."""
    if _DATE.search(text):
        assert _DATE_HINT.search(text)
    stripped = text.strip()
    if stripped and _TRAILING_STAMP.search(stripped):
        assert stripped[-1].isdecimal() or stripped[-1] in "mM" or stripped[-2:] in ("m.", "M.")


class _PlainPhraseSet:
    """PhraseSet as first written: a dictionary of phrases by first word, tried at each word in turn."""

    def __init__(self, phrases: tuple[str, ...], blocked: frozenset[str] = frozenset()) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in {tuple(p.lower().replace("’", "'").split()) for p in phrases}:
            by_first.setdefault(p[0], []).append(p)
        self.by_first = {w: sorted(ps, key=len, reverse=True) for w, ps in by_first.items()}
        self.blocked = blocked

    def find(self, words: list[str]) -> str:
        for i, w in enumerate(words):
            candidates = self.by_first.get(w)
            if candidates is None or (i and words[i - 1] in self.blocked):
                continue
            for p in candidates:
                if len(p) == 1 or tuple(words[i:i + len(p)]) == p:
                    return " ".join(p)
        return ""


def _plain_evaluative(words: list[str]) -> str:
    """The evaluative finder as first written: each copula, its degree adverbs skipped, a predicate in the next four words."""
    predicates = _PlainPhraseSet(lx.EVALUATIVE_WORDS)
    for i, w in enumerate(words):
        if w not in lx._COPULAS:
            continue
        j = i + 1
        while j < len(words) and words[j] in lx._DEGREE:
            j += 1
        found = predicates.find(words[j:j + 4])
        if found and words[j:j + len(found.split())] == found.split():
            return " ".join(words[i:j]) + " " + found
    return ""


_LEXICON_WORDS = sorted({w for phrases in (lx.RECOMMEND, lx.REPORTED, lx.STANCE, lx.EVALUATIVE_WORDS) for p in phrases
                         for w in p.lower().replace("’", "'").split()} | lx._COPULAS | lx._DEGREE)
_words_of_text = st.lists(st.one_of(st.sampled_from(_LEXICON_WORDS), st.sampled_from(["x", "isolated", "thes", "nothing"])),
                          max_size=16)


@settings(max_examples=1000)
@given(_words_of_text)
@example(["is", "not", "to", "be"])
@example(["the", "need", "to", "act", "is", "not", "very", "fair"])
def test_phrase_sets_find_what_the_word_by_word_scan_finds(words):
    """Every PhraseSet of the lexicon, and the evaluative finder, return what the word-by-word scan returns."""
    for phrases, found in ((lx.RECOMMEND, lx.RECOMMEND_ANY), (lx.REPORTED, lx.REPORTED_ANY), (lx.STANCE, lx.STANCE_ANY)):
        blocked = frozenset({"the", "a", "no", "its", "their", "our", "his", "her", "this"}) if found is lx.RECOMMEND_ANY else frozenset()
        assert found.find(words) == _PlainPhraseSet(phrases, blocked).find(words)
    assert lx.EVALUATIVE_ANY.find(words) == _plain_evaluative(words)


@given(st.lists(st.lists(st.sampled_from(["a", "b", "c", "the", "ab"]), min_size=1, max_size=3).map(" ".join), min_size=1,
                max_size=6).map(tuple), st.lists(st.sampled_from(["a", "b", "c", "the", "ab", "x"]), max_size=10))
@example(("a",), ["the", "a", "b"])
@example(("a b", "b"), ["the", "a", "b"])
def test_any_phrase_set_finds_what_the_word_by_word_scan_finds(phrases, words):
    """A PhraseSet of any phrases, with a blocked word, finds the first, longest, unblocked phrase."""
    blocked = frozenset({"the"})
    assert lx.PhraseSet(phrases, blocked).find(words) == _PlainPhraseSet(phrases, blocked).find(words)
