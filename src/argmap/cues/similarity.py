"""Word overlap between units: a small, pure-Python TF-IDF cosine.

Tokens are lower-cased words with a crude suffix stripper (so that "welcome"
and "welcomed", "engagement" and "engaging" meet), stop words left out. The
inverse document frequency is taken over the units of the one document being
mapped, smoothed so that a word in every unit still counts a little.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from collections.abc import Sequence
from itertools import repeat
from operator import mul

__all__ = ["Vectors", "stem", "tokens"]

_TOKEN = re.compile(r"[a-z][a-z0-9]+|\d+")
STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can cannot could did do does doing don't down during each even few for from further
    had has have having he her here hers herself him himself his how however i if in into is isn't it its itself
    just let like made make many may me might more most much must my myself no nor not now of off on once only or
    other ought our ours ourselves out over own per quite rather really said same say says shall she should since
    so some still such than that the their theirs them themselves then there these they this those though through
    thus therefore hence to too under until up upon us very via was we were what when where whether which while
    who whom whose why will with within without would yet you your yours yourself yourselves one ones also
    moreover furthermore besides indeed yes well way get got""".split()
)
_SUFFIXES = ("ational", "ization", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ities", "ity",
             "ies", "ied", "ed", "es", "ly", "er", "s", "e")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """Strip one common English suffix, keeping at least four letters of stem."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_STEMS: dict[str, str] = {}
"""Each word seen, to its stem or to "" for a stop word (a plain dict: cheaper to ask than lru_cache)."""
_STEMS_MAX = 1 << 16


def tokens(text: str) -> list[str]:
    """The content-word stems of a text."""
    found = _TOKEN.findall(text.lower())
    stems = _STEMS
    try:
        return [s for s in map(stems.__getitem__, found) if s]
    except KeyError:  # a word not seen before: fill the table, then answer
        if len(stems) > _STEMS_MAX:
            stems.clear()
        for w in found:
            if w not in stems:
                stems[w] = "" if w in STOP_WORDS else stem(w)
        return [s for s in map(stems.__getitem__, found) if s]


class Vectors:
    """TF-IDF vectors of a sequence of texts, with cosine similarity between them."""

    __slots__ = ("_vectors", "_norms")

    def __init__(self, texts: Sequence[str]) -> None:
        # Term counts in first-occurrence order (as a Counter would have them), and document
        # frequencies; the floats are computed by the same operations in the same order as
        # ``(1 + log(tf)) * idf``, so every weight, norm and cosine is the same to the last bit.
        counts: list[dict[str, int]] = []
        repeated: list[bool] = []
        df: dict[str, int] = {}
        df_get = df.get
        for t in texts:
            toks = tokens(t)
            c = dict.fromkeys(toks, 1)
            if len(c) != len(toks):  # a repeated word: count it
                c = dict.fromkeys(c, 0)
                for w in toks:
                    c[w] += 1
            counts.append(c)
            repeated.append(len(c) != len(toks))
            for w in c:
                df[w] = df_get(w, 0) + 1
        n = len(texts)
        by_df: dict[int, float] = {}
        idf: dict[str, float] = {}
        for w, d in df.items():
            v = by_df.get(d)
            if v is None:
                v = by_df[d] = math.log((1 + n) / (1 + d)) + 1.0
            idf[w] = v
        log = math.log
        vectors: list[dict[str, float]] = []
        for c, counted in zip(counts, repeated):
            if counted:
                vectors.append({w: (1 + log(tf)) * idf[w] for w, tf in c.items()})
            else:  # every tf is 1, and (1 + log(1)) * idf is idf exactly
                vectors.append(dict(zip(c, map(idf.__getitem__, c))))
        self._vectors = vectors
        sqrt = math.sqrt
        self._norms = [sqrt(sum(map(mul, vals, vals))) or 1.0 for vals in (vec.values() for vec in vectors)]

    def centrality(self) -> list[float]:
        """For each text, its mean cosine with all the other texts (in linear time)."""
        n = len(self._vectors)
        if n < 2:
            return [0.0] * n
        total: dict[str, float] = {}
        get = total.get
        for vec, norm in zip(self._vectors, self._norms):
            for w, v in vec.items():
                total[w] = get(w, 0.0) + v / norm
        out = []
        weight = total.__getitem__
        for vec, norm in zip(self._vectors, self._norms):
            dot = sum(map(mul, vec.values(), map(weight, vec))) / norm
            self_sim = 1.0 if vec else 0.0
            out.append(max(0.0, dot - self_sim) / (n - 1))
        return out

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of texts *i* and *j*, in [0, 1]."""
        a, b = self._vectors[i], self._vectors[j]
        if len(a) > len(b):
            a, b = b, a
        dot = sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))
        return dot / (self._norms[i] * self._norms[j])
