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
from collections import Counter
from collections.abc import Sequence

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


def tokens(text: str) -> list[str]:
    """The content-word stems of a text."""
    return [stem(w) for w in _TOKEN.findall(text.lower()) if w not in STOP_WORDS]


class Vectors:
    """TF-IDF vectors of a sequence of texts, with cosine similarity between them."""

    __slots__ = ("_vectors", "_norms")

    def __init__(self, texts: Sequence[str]) -> None:
        counts = [Counter(tokens(t)) for t in texts]
        df: Counter[str] = Counter()
        for c in counts:
            df.update(c.keys())
        n = len(texts)
        idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
        self._vectors = [{w: (1 + math.log(tf)) * idf[w] for w, tf in c.items()} for c in counts]
        self._norms = [math.sqrt(sum(v * v for v in vec.values())) or 1.0 for vec in self._vectors]

    def centrality(self) -> list[float]:
        """For each text, its mean cosine with all the other texts (in linear time)."""
        n = len(self._vectors)
        if n < 2:
            return [0.0] * n
        total: dict[str, float] = {}
        for vec, norm in zip(self._vectors, self._norms):
            for w, v in vec.items():
                total[w] = total.get(w, 0.0) + v / norm
        out = []
        for vec, norm in zip(self._vectors, self._norms):
            dot = sum(v * total.get(w, 0.0) for w, v in vec.items()) / norm
            self_sim = 1.0 if vec else 0.0
            out.append(max(0.0, dot - self_sim) / (n - 1))
        return out

    def cosine(self, i: int, j: int) -> float:
        """Cosine similarity of texts *i* and *j*, in [0, 1]."""
        a, b = self._vectors[i], self._vectors[j]
        if len(a) > len(b):
            a, b = b, a
        dot = sum(v * b.get(w, 0.0) for w, v in a.items())
        return dot / (self._norms[i] * self._norms[j])
