"""Cue lexicons of the ``cues`` extractor: discourse markers and stance cues of English.

Every list here is a general lexicon of English argumentative prose (after the
connective classes of the Penn Discourse Treebank and the usual textbook lists
of argument indicators), never words of one particular text. Each list is
compiled once, at import, into a regular expression anchored where the cue
must stand: at the start of a unit (``*_LEAD``), anywhere in it, or between
two clauses of a sentence (``CLAUSE_SPLIT``).

Cue classes
-----------
``CAUSE``       the unit gives a reason for what precedes it ("because", "since", "after all")
``EXAMPLE``     the unit gives an example for what precedes it ("for example")
``ADDITION``    the unit adds another reason of the same side ("moreover", "besides")
``RESULT``      the unit concludes from what precedes it ("therefore", "so", "in short")
``CONTRAST``    the unit answers or turns against what precedes it ("but", "however", "nor")
``CONCESSION``  the unit grants or reports the opposing view ("admittedly", "critics say")
``RECOMMEND``   the unit says what should be done ("should", "must", "it is time to")
"""

from __future__ import annotations

import re

__all__ = [
    "ADDITION",
    "CAUSE",
    "CONCESSION",
    "CONTRAST",
    "EXAMPLE",
    "RESULT",
    "markers",
]


def _alt(words: tuple[str, ...], space: str = r"\s+") -> str:
    """A regex alternation of phrases that tries the longest first, spaces matching any whitespace.

    It is written as a trie ("as(?:\\s+long\\s+as|)|s(?:ince|o(?:\\s+that|))"), not as the list of
    phrases longest first ("as\\s+long\\s+as|so\\s+that|since|as|so"): the two match the same text
    in any pattern, as the phrases that can match at a position are prefixes of one another and
    both try them longest first (a node's longer continuations before it ends), but the regex
    engine compares each character once instead of once per phrase (several times faster with
    ``re.IGNORECASE``, whose literals cannot be skipped cheaply).
    """
    root: dict[str, dict] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def emit(node: dict[str, dict]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        if "" in node:  # the longer phrases first, then the one that ends here (the empty branch)
            return "(?:" + "|".join(branches) + "|)"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


# -- connectives at the start of a unit ---------------------------------------

CAUSE: tuple[str, ...] = (
    "because", "since", "as", "for", "given that", "seeing that", "seeing as", "in view of",
    "owing to", "due to", "considering", "considering that", "after all", "the reason is",
    "the reason being", "this is because", "that is because", "it is because", "inasmuch as",
    "insofar as", "on the grounds that", "not least because", "not only because", "only because",
    "simply because", "partly because", "largely because", "mainly because", "especially as",
    "especially since", "particularly as", "particularly since", "as long as",
)
"""Backward causal connectives: the unit they open is a reason for the unit before."""

EXAMPLE: tuple[str, ...] = (
    "for example", "for instance", "e.g.", "to illustrate", "as an example", "such as",
    "take for example", "consider", "as a case in point", "a case in point",
)
"""Exemplification markers: the unit they open supports the unit before by example."""

ADDITION: tuple[str, ...] = (
    "besides", "moreover", "furthermore", "in addition", "additionally", "also", "plus",
    "what is more", "what's more", "on top of that", "not only", "apart from that", "beyond that",
    "firstly", "secondly", "thirdly", "first of all", "second", "third", "finally", "lastly",
    "last but not least", "another", "likewise", "similarly", "equally", "in the same way", "and",
    "above all", "not to mention", "too", "indeed", "in fact", "even", "and also",
)
"""Additive connectives: another reason on the same side."""

RESULT: tuple[str, ...] = (
    "therefore", "thus", "hence", "so", "consequently", "as a result", "as a consequence",
    "accordingly", "for this reason", "for these reasons", "for that reason", "that is why",
    "this is why", "which is why", "that's why", "this means", "that means", "which means",
    "it follows that", "in short", "in conclusion", "to conclude", "to sum up", "in sum",
    "in summary", "all in all", "ultimately", "overall", "in the end", "all things considered",
    "on balance", "so that", "then", "this shows", "this proves", "which shows",
)
"""Forward (conclusive) connectives: the unit they open concludes from the unit before."""

CONTRAST: tuple[str, ...] = (
    "but", "however", "yet", "still", "nevertheless", "nonetheless", "even so", "on the other hand",
    "then again", "rather", "instead", "nor", "on the contrary", "in contrast", "by contrast",
    "that said", "having said that", "all the same", "whereas", "though", "and yet", "but still",
    "but then", "in reality", "actually", "regardless", "anyway", "notwithstanding",
    "at the same time", "even then", "neither", "not so", "quite the opposite", "far from it",
)
"""Adversative connectives: the author turns against or answers what precedes."""

CONCESSION: tuple[str, ...] = (
    "admittedly", "granted", "of course", "it is true that", "it's true that", "true", "yes",
    "sure", "to be sure", "naturally", "no doubt", "it may be true that", "it may be that",
    "it is correct that", "one could argue", "one might argue", "one could say", "one might say",
    "one could object", "one might object", "one may argue", "one may object", "you could argue",
    "you might argue", "you might think", "you may think", "it could be argued", "it might be argued",
    "it can be argued", "it is often said", "it is said", "it is argued", "it is often argued",
    "it is claimed", "it is sometimes said", "it is sometimes argued", "on the one hand",
    "some people", "some say", "some argue", "some claim", "some believe", "some think",
    "some would say", "some might say", "some may say", "some will say", "many people",
    "many say", "many argue", "many believe", "many think", "critics", "opponents", "sceptics",
    "skeptics", "detractors", "the argument that", "the objection that",
    "proponents", "supporters", "advocates", "although", "even though", "though", "while",
    "whilst", "despite", "in spite of", "even if", "granted that", "the counterargument",
    "one objection", "an objection", "it is objected", "people often say", "some may", "some might",
    "some would", "some could", "some will", "some find", "some feel", "some fear", "some object",
    "perhaps", "maybe", "it may well be", "it is conceivable", "it would be conceivable", "it is possible that",
    "many may", "many might", "many would", "others say", "others argue", "others may", "others might",
)
"""Concessive cues: the unit grants or reports a view the author goes on to answer."""

# Cues of a reported opposing view anywhere in a unit (not only at its start).
REPORTED: tuple[str, ...] = (
    "is seen as", "are seen as", "was seen as", "were seen as", "is viewed as", "are viewed as",
    "is viewed", "are viewed", "is regarded as", "are regarded as", "is considered", "are considered",
    "is perceived as", "are perceived as", "critics say", "critics argue", "critics claim",
    "opponents say", "opponents argue", "opponents claim", "sceptics say", "skeptics say",
    "some argue", "some say", "some claim", "some believe", "some people say", "some people think",
    "some people believe", "some people argue", "many believe", "many argue", "many people think",
    "many people believe", "it is often argued", "it is often said", "it is argued", "it is claimed",
    "is often said", "are often said", "could argue", "might argue", "may argue", "could object",
    "might object", "may object", "would argue", "would say", "might say", "may say", "could say",
    "will say", "would object", "objection", "counterargument", "argue that", "argues that",
    "claim that", "claims that", "urging", "urged", "warn", "warns", "warned", "insist", "insists",
)
"""Verbs and phrases that report someone else's view (a possible objection)."""

RECOMMEND: tuple[str, ...] = (
    "should", "shouldn't", "must", "mustn't", "ought to", "oughtn't", "need to", "needs to",
    "have to", "has to", "had better", "it is time to", "it's time to", "it is time for",
    "it's time for", "let us", "let's", "we need", "is necessary", "are necessary", "is essential",
    "is imperative", "is vital", "are essential", "is crucial", "would do well to", "would be wise",
    "would be better", "is advisable", "cannot afford", "can't afford", "must not", "should not",
    "ought not", "need not", "be required", "be banned",
    "be allowed", "be abolished", "be introduced", "be made compulsory", "no longer be",
)
"""Deontic cues: the unit says what someone should do."""

_COPULAS = frozenset({"is", "are", "was", "were", "be", "remains", "remain", "seems", "seem", "isn't", "aren't"})
_DEGREE = frozenset({"not", "simply", "clearly", "quite", "very", "most", "certainly", "therefore", "thus", "hence",
                     "only", "absolutely", "entirely", "definitely", "surely", "really", "also", "still", "highly"})
EVALUATIVE_WORDS: tuple[str, ...] = (
    "fair", "unfair", "right", "wrong", "just", "unjust", "justified", "unjustified", "desirable", "undesirable",
    "appropriate", "inappropriate", "acceptable", "unacceptable", "reasonable", "unreasonable", "sensible",
    "irresponsible", "responsible", "advisable", "wise", "unwise", "a good idea", "a bad idea", "the right",
    "the wrong", "out of the question", "not to be", "to be supported", "to be rejected", "to be welcomed",
    "legitimate", "illegitimate", "preferable", "absurd", "nonsense", "a mistake", "an error", "pointless",
    "worthwhile", "beneficial", "harmful", "necessary", "unnecessary", "essential", "indispensable",
    "in favour of", "in favor of", "against",
)
EVALUATIVE = EVALUATIVE_WORDS
"""Evaluative predicates: the unit judges something (a typical thesis)."""

STANCE: tuple[str, ...] = (
    "i think", "i believe", "i feel", "i am convinced", "i'm convinced", "in my opinion", "in my view",
    "my view is", "i would argue", "i argue", "i maintain", "i am sure", "i'm sure", "it is clear that",
    "it is quite clear that", "it is obvious that", "clearly", "i would say", "i am in favour", "i am in favor",
    "i support", "i oppose", "i reject", "we must conclude", "it seems to me", "to my mind",
    "i agree", "i disagree", "i strongly agree", "i strongly disagree", "i totally agree", "i completely agree",
    "i partly agree", "i strongly believe", "i firmly believe", "i truly believe", "i really believe",
    "i strongly feel", "i personally think", "i personally believe", "from my point of view",
    "in my point of view", "from my perspective", "my opinion is", "i am of the opinion", "as far as i am concerned",
    "i would like to argue", "i will argue", "i contend", "i hold that",
)
"""Author-stance markers: the author states their own position."""

IMPERATIVE_VERBS: tuple[str, ...] = (
    "let", "stop", "start", "think", "consider", "imagine", "remember", "look", "make", "take",
    "give", "vote", "support", "ban", "join", "keep", "leave", "do", "don't", "never", "always",
    "choose", "help", "try", "ask", "act", "end", "fight", "protect", "save", "reject", "accept",
    "avoid", "use", "stand", "raise", "cut", "spend", "invest", "tell", "put", "get", "go",
    "forget", "allow", "abolish", "introduce", "pay", "buy", "sign", "write", "call", "demand",
    "stay", "be", "please",
)
"""Verbs whose bare form opening a sentence marks an imperative."""

# -- compiled patterns ---------------------------------------------------------

_OPEN = r"^[\s\"'“‘(\[]*"  # a unit may open with quotes or brackets


def _lead(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_OPEN + r"(?:" + _alt(words) + r")(?![\w'’-])", re.IGNORECASE)


CAUSE_LEAD = _lead(CAUSE)
EXAMPLE_LEAD = _lead(EXAMPLE)
ADDITION_LEAD = _lead(ADDITION)
RESULT_LEAD = _lead(RESULT)
CONTRAST_LEAD = _lead(CONTRAST)
CONCESSION_LEAD = _lead(CONCESSION)

# A connective set off by commas a few words into a unit: "Tokyo, however, is ...".
_INNER = r"^[^,;:]{{1,40}},\s*(?:{})\s*(?:,|$)"
CONTRAST_INNER = re.compile(_INNER.format(_alt(("however", "though", "nevertheless", "nonetheless", "still", "yet", "in contrast", "by contrast", "on the other hand", "instead", "rather", "in fact", "actually", "meanwhile", "anyway"))), re.IGNORECASE)
RESULT_INNER = re.compile(_INNER.format(_alt(("therefore", "thus", "hence", "consequently", "then", "accordingly", "as a result", "in short", "in turn"))), re.IGNORECASE)
ADDITION_INNER = re.compile(_INNER.format(_alt(("moreover", "furthermore", "too", "also", "in addition", "besides", "likewise", "similarly"))), re.IGNORECASE)
EXAMPLE_INNER = re.compile(_INNER.format(_alt(("for example", "for instance", "e.g."))), re.IGNORECASE)
# "The impact however is large": an adversative a few words in, without commas.
CONTRAST_EARLY = re.compile(r"^(?:[\w'’-]+\s+){1,5}(?:however|nevertheless|nonetheless)\b", re.IGNORECASE)
CONCESSION_INNER = re.compile(_INNER.format(_alt(("of course", "admittedly", "granted", "to be sure", "it is true"))), re.IGNORECASE)

class PhraseSet:
    """A set of phrases found in the words of a text.

    ``find(words)`` takes the lower-cased words of a text and returns the
    first phrase found (or ``""``): the one that starts first, the longest
    of those that start there; ``blocked`` words just before a phrase veto
    it ("the need to" is not a recommendation). The words are joined by
    spaces and searched with one regular expression (a trie of the phrases,
    each a whole word sequence, a look-behind per blocked word): one pass
    in C instead of a dictionary look-up per word in Python.
    """

    __slots__ = ("_firsts", "_pattern")

    def __init__(self, phrases: tuple[str, ...], blocked: frozenset[str] = frozenset()) -> None:
        normal = {" ".join(p.lower().replace("’", "'").split()) for p in phrases}
        self._firsts = frozenset(p.split()[0] for p in normal)
        veto = "".join(f"(?<! {re.escape(b)} )" for b in sorted(blocked))
        self._pattern = re.compile(f" {veto}({_alt(tuple(normal), space=' ')})(?= )")

    def find(self, words: list[str]) -> str:
        if self._firsts.isdisjoint(words):  # most texts have none of the first words: answer at once
            return ""
        m = self._pattern.search(f" {' '.join(words)} ")
        return m.group(1) if m else ""


_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The lower-cased words of a text, apostrophes normalised ("don't", "let's")."""
    return _WORDS.findall(text.lower().replace("’", "'"))


# Conclusive adverbs anywhere: "X should therefore be Y".
RESULT_ANY = PhraseSet(("therefore", "thus", "hence", "consequently", "accordingly", "in short", "in conclusion",
                        "to sum up", "all in all"))
# Adversatives that close a unit: "... went anyway." "..., though."
_TAIL_WORDS = ("anyway", "anyhow", "regardless", "nonetheless", "nevertheless", "though", "all the same", "even so")
_TAIL_AFTER = ".!?\"'”’)"


class _AtEnd:
    """A pattern ``\\b(?:WORDS)`` + closing punctuation + ``$``, searched from near the end of the text only.

    What may follow the word (white space, one ``.!?``, closing quotes and brackets, white space)
    holds no letter, so a match can only start where the text less that tail ends, less the longest
    word: the same match as a search of the whole text (linear in its length, as it tries every
    word boundary), found in constant time.
    """

    __slots__ = ("_pattern", "_longest")

    def __init__(self, words: tuple[str, ...]) -> None:
        self._pattern = re.compile(r"\b(?:" + "|".join(words) + r")\s*[.!?]?[\"'”’)]*\s*$", re.IGNORECASE)
        self._longest = max(map(len, words))

    def search(self, text: str) -> re.Match[str] | None:
        # Where the word would end if the text matched: before white space, closing marks, white space.
        end = len(text.rstrip().rstrip(_TAIL_AFTER).rstrip())
        return self._pattern.search(text, max(0, end - self._longest))


CONTRAST_TAIL = _AtEnd(_TAIL_WORDS)
REPORTED_ANY = PhraseSet(REPORTED)


class _Evaluative:
    """Finds a copula, optional degree adverbs, then an evaluative predicate ("is therefore not fair").

    The degree adverbs are all skipped (a possessive repeat: the predicate is never looked for
    among them), and the predicate is one of four words at most; one regular expression over the
    words joined by spaces, as in :class:`PhraseSet`.
    """

    __slots__ = ("_pattern",)

    def __init__(self) -> None:
        predicates = tuple(p for p in {" ".join(e.lower().replace("’", "'").split()) for e in EVALUATIVE_WORDS}
                           if len(p.split()) <= 4)
        self._pattern = re.compile(
            f" ((?:{_alt(tuple(_COPULAS))})(?: (?:{_alt(tuple(_DEGREE))})(?= ))*+) ({_alt(predicates, space=' ')})(?= )"
        )

    def find(self, words: list[str]) -> str:
        if _COPULAS.isdisjoint(words):
            return ""
        m = self._pattern.search(f" {' '.join(words)} ")
        return f"{m.group(1)} {m.group(2)}" if m else ""


EVALUATIVE_ANY = _Evaluative()
STANCE_ANY = PhraseSet(STANCE)
RECOMMEND_ANY = PhraseSet(RECOMMEND, blocked=frozenset({"the", "a", "no", "its", "their", "our", "his", "her", "this"}))
IMPERATIVE_LEAD = re.compile(
    _OPEN + r"(?:" + _alt(IMPERATIVE_VERBS) + r")\s+(?:us|them|it|me|the|a|an|your|our|this|that|these|those|to|not|on|off|up|out|away|back|in|more|less|no|all|[a-z]+ly)\b",
    re.IGNORECASE,
)
# -- thesis evidence (see argmap.cues.thesis) -------------------------------------

STRONG_DEONTIC: tuple[str, ...] = (
    "should", "shouldn't", "should not", "must", "mustn't", "must not", "ought to", "ought not", "oughtn't",
    "it is time to", "it's time to", "it is time for", "it's time for", "had better",
    "would do well to", "be banned", "be abolished", "be allowed", "be introduced", "be made compulsory",
    "no longer be",
)
"""Deontic cues that state a recommendation outright (with an imperative opening a sentence, "Let us
..."); the others of :data:`RECOMMEND` ("need to", "have to", "is necessary") as often state a
requirement inside a reason."""

CONCLUSION_STRONG: tuple[str, ...] = (
    "therefore", "thus", "hence", "consequently", "accordingly", "as a consequence", "for this reason",
    "for these reasons", "for all these reasons", "for all of these reasons", "for that reason", "that is why",
    "this is why", "that's why", "in conclusion", "to conclude", "to sum up", "to summarize", "to summarise",
    "in sum", "in summary", "all in all", "all things considered", "on balance", "in short", "taking everything into account",
    "taking all this into account", "it follows that", "we must conclude", "so",
)
"""Conclusion markers that, opening a sentence, announce the author's conclusion; "then",
"ultimately", "overall", "in the end" and "this means" as often close a step inside the argument."""
WEAK_CONCLUSION: frozenset[str] = frozenset({
    "then", "ultimately", "overall", "in the end", "this means", "that means", "which means", "so that",
    "this shows", "which shows", "this proves", "as a result", "as a consequence",
})
"""Conclusive cues that close a step inside the argument at least as often as they state the thesis."""

STRONG_DEONTIC_ANY = PhraseSet(STRONG_DEONTIC, blocked=frozenset({"the", "a", "no", "its", "their", "our", "his", "her", "this"}))
_CONCLUSION_STRONG_LEAD = re.compile(_OPEN + r"(?:and\s+)?(?:" + _alt(CONCLUSION_STRONG) + r")(?![\w'’-])", re.IGNORECASE)
CONCLUSION_STRONG_ANY = PhraseSet(("therefore", "thus", "hence", "consequently", "accordingly"))
NORMATIVE_WORDS: frozenset[str] = frozenset({
    "fair", "unfair", "right", "wrong", "just", "unjust", "justified", "unjustified", "desirable", "undesirable",
    "appropriate", "inappropriate", "acceptable", "unacceptable", "reasonable", "unreasonable", "sensible",
    "irresponsible", "responsible", "advisable", "wise", "unwise", "a good idea", "a bad idea",
    "out of the question", "to be supported", "to be rejected", "to be welcomed", "legitimate",
    "illegitimate", "preferable", "a mistake",
})
"""The judgements of :data:`EVALUATIVE_WORDS` that say what ought to be ("is fair", "would be a mistake"),
as a recommendation does; the others ("beneficial", "harmful", "necessary") say what something does or
needs, as reasons often do. ("The right to X" is an entitlement, not a judgement: left out.)"""
SUBORDINATORS: frozenset[str] = frozenset({
    "that", "whether", "if", "when", "because", "since", "which", "who", "whom", "whose", "unless", "although",
})
"""Words that open a subordinate clause: a judgement after one is not the unit's own."""

# A clause that opens a sentence before its main clause: "If X, ...", "When X, ...", "Being X, ...".
OPENER_LEAD = re.compile(
    _OPEN + r"(?:(?:and|but|so|yet)\s+)?(?:" + _alt(("although", "though", "even though", "while", "whilst", "whereas",
    "despite", "in spite of", "even if", "if", "unless", "when", "whenever", "once", "as long as", "because", "since",
    "given that", "seeing that", "as", "being", "having", "after", "before", "considering", "regardless of",
    "irrespective of", "in view of", "due to", "owing to", "instead of", "rather than", "apart from")) + r")(?![\w'’-])",
    re.IGNORECASE,
)
# An answer opening a unit: "Yes, ...", "No. ...", "Of course not, ...".
ANSWER_LEAD = re.compile(_OPEN + r"(?:yes|no|not\s+at\s+all|(?:absolutely|certainly|of\s+course|definitely)\s+not)\s*[,.!;:–—-]", re.IGNORECASE)
# An answer that is all of its unit: "No." "Yes!"
ANSWER_ONLY = re.compile(_OPEN + r"(?:yes|no|not\s+at\s+all|(?:absolutely|certainly|of\s+course|definitely)\s+not)\s*[.!]*[\"'”’)]*\s*$", re.IGNORECASE)


def conclusion_lead(text: str) -> bool:
    """Whether a text opens with a strong conclusion marker ("Therefore", "In conclusion", "That is why")."""
    return bool(_CONCLUSION_STRONG_LEAD.match(text))


# Concessions that grant the point before the answer ("Yes, X. But Y"): the answer undercuts.
GRANTING_LEAD = re.compile(
    _OPEN + r"(?:" + _alt(("yes", "admittedly", "granted", "of course", "it is true", "it's true", "true", "sure", "to be sure", "naturally", "no doubt", "it may be true", "it may be that", "although", "though", "even though", "while", "whilst", "even if", "despite", "in spite of", "one could argue", "one might argue", "it could be argued", "you could argue", "on the one hand")) + r")(?![\w'’-])",
    re.IGNORECASE,
)
QUESTION = re.compile(r"\?[\"'”’)]*\s*$")
# Leading connectives that open a subordinate clause before the main clause: "Although X, Y".
SUBORDINATE_LEAD = re.compile(
    _OPEN + r"(?P<conj>" + _alt(("although", "though", "even though", "while", "whilst", "whereas", "despite the fact that", "in spite of the fact that", "even if", "despite", "in spite of", "because", "since", "given that", "seeing that")) + r")[\s,]",
    re.IGNORECASE,
)
# Clause boundaries inside a sentence; the new unit starts at group "cut". This matches exactly what
# "(?:,|;|\s[-–—])\s+(?P<cut>WORDS)|;\s+(?P<semi>)|\s[–—]\s+(?P<dash>)|\s(?P<bare>...)" (with case
# ignored) matches, but is written for the regex engine's fast paths: it opens with one character
# class, so that a search skips along the text to the next comma, semicolon or space; each branch
# after it opens with a character class (what was matched before it is checked by a look-behind),
# so that a branch that cannot match is skipped without being entered; case is ignored only
# around the words.
CLAUSE_SPLIT = re.compile(
    r"[,;\s](?:"
    r"(?:\s(?<=[,;]\s)\s*|[-–—](?<=\s[-–—])\s+)(?P<cut>(?i:"
    + _alt(("but", "yet", "whereas", "although", "though", "even though", "even if", "because", "since", "as", "so", "hence", "therefore", "thus", "which is why", "which means", "that is why", "and therefore", "and thus", "and so", "and hence", "and yet", "but also", "while", "whilst", "for", "and", "and this", "which", "unless", "then again", "otherwise", "and then", "and also"))
    + r")(?![\w'’-]))"
    r"|\s(?<=;\s)\s*(?P<semi>)(?=\S)"
    r"|[–—](?<=\s[–—])\s+(?P<dash>)(?=\w)"
    r"|(?<=\s)(?P<bare>(?i:because|since|so that|although|whereas|unless)(?![\w'’-]))"
    r")"
)
# A clause needs a subject: what may follow a clause-opening "and".
_SUBJECT = r"(?:it|they|he|she|we|i|you|one|this|that|there|these|those|the|a|an|many|most|some|several|few|all|both|each|every|everyone|everybody|nobody|no\s+one|nothing|no|its|their|our|my|your|his|her|others|people|thus|therefore|so|hence|moreover|furthermore|also|besides|yet|what|how|why|who|where|when|even|then|at|in|on|with|without|after|before|since|if|although|because)\b"
# What must (or must not) follow a clause-opening word for a cut there.
NOT_CLAUSE_AFTER = {
    "as": re.compile(r"\s+(?:well|such|of|for|to|in|with|opposed|part|if|though|much|many|far|soon|little|long|yet|a\s+result|a\s+consequence|an?\s+\w+\s*,|is|are|was|were|per|usual|always|ever|described|mentioned|shown|expected|good|bad|high|low|large|small)\b", re.IGNORECASE),
    "so": re.compile(r"\s+(?:far|much|many|long|few|little|called|on|forth|as|to\s+speak)\b", re.IGNORECASE),
    "for": re.compile(r"\s+(?!(?:it|they|he|she|we|i|you|this|that|there|these|those|one|nobody|everyone|people)\b)", re.IGNORECASE),
    "since": re.compile(r"\s+(?:\d|then\b|the\s+\w+\s+(?:of|in)\b|(?:january|february|march|april|may|june|july|august|september|october|november|december|last|early|the\s+early|the\s+late)\b)", re.IGNORECASE),
    "which": re.compile(r"\s+(?!(?:is|are|was|were|has|have|had|means|in\s+turn|would|will|could|can|may|might|must|should|leads|led|results|makes|made|shows|proves|also|then|ultimately|again|often|surely|certainly|of\s+course|increases|reduces|causes)\b)", re.IGNORECASE),
    "and": re.compile(r"\s+(?!" + _SUBJECT + r")", re.IGNORECASE),
    "while": re.compile(r"\s+(?:\w+ing\b|still\b|at\b|on\b|in\b)", re.IGNORECASE),
}


def markers() -> dict[str, tuple[str, ...]]:
    """The cue lexicons by class, for documentation and inspection."""
    return {
        "cause": CAUSE,
        "example": EXAMPLE,
        "addition": ADDITION,
        "result": RESULT,
        "contrast": CONTRAST,
        "concession": CONCESSION,
        "reported": REPORTED,
        "recommend": RECOMMEND,
        "evaluative": EVALUATIVE,
        "stance": STANCE,
        "imperative": IMPERATIVE_VERBS,
        "caution": CAUTION,
    }

CAUTION: tuple[str, ...] = (
    "be careful not to", "be careful to avoid", "take care not to", "must not forget", "should not forget",
    "must never forget", "must avoid", "should avoid", "must beware", "should beware", "beware of",
    "guard against", "be wary of", "be cautious", "must not lose sight", "should not lose sight",
    "not lose sight of", "must resist", "should resist", "must not be tempted", "should not be tempted",
)
"""Cautions: the author warns against a risk of their own course ("must be careful not to ...")."""

CAUTION_ANY = PhraseSet(CAUTION)

# "And, since Y, Z" / "And, given that Y, Z" opening a unit: a reason joined to the sentence before
# (the two are co-premises of one linked support).
LINKED_LEAD = re.compile(
    _OPEN + r"and\s*,?\s+(?:" + _alt(("since", "as", "because", "given", "given that", "in light of", "in view of",
                                      "considering", "seeing that", "with")) + r")(?![\w'’-])",
    re.IGNORECASE,
)
