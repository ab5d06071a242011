"""The ICCMA formats of abstract argumentation frameworks: ``apx`` and ``tgf``, both ways.

- **apx** (ASPARTIX; ICCMA 2015-2021): one fact per argument, ``arg(a).``, and
  per attack, ``att(a,b).``; ``%`` starts a comment.
- **tgf** (Trivial Graph Format; ICCMA 2015-2021): one argument per line (a
  name, optionally followed by a label), a line ``#``, then one attack per
  line, ``a b``.

:func:`read_apx` and :func:`read_tgf` give a :class:`~argmap.analysis.Framework`
(names as in the file, self-attacks kept), what ``argmap analyse x.apx``
labels. :func:`framework_to_map` makes a map of a framework, for the
``apx``/``tgf`` importers: one claim per argument, one attack per attack. A
map cannot hold a statement that attacks itself, so a self-attacking argument
``a`` becomes the cycle ``a -> a_self1 -> a_self2 -> a``, which gives ``a`` the
same label in every complete, grounded, preferred and stable labelling (it is
never in; it is out exactly when another attacker is in), reported as an
:class:`~argmap.ImportLossWarning` (``iccma.self_attack``); the exporters fold
such a cycle back into the self-attack. :func:`map_to_framework` is the
exporters' side: the map's projection (:func:`~argmap.analysis.project`),
with arguments named as they were in the file the map came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..errors import ExportWarning, FormatError, ImportLossWarning
from ..losses import Losses
from ..model import ArgumentMap, Attack, Document, Kind, Statement, is_valid_id
from .framework import Framework, project

__all__ = [
    "dumps_apx",
    "dumps_tgf",
    "framework_to_map",
    "loads_apx",
    "loads_tgf",
    "map_to_framework",
    "read_apx",
    "read_tgf",
    "write_apx",
    "write_tgf",
]

_FACT = re.compile(r"(arg|att)\s*\(\s*([^(),\s]+)\s*(?:,\s*([^(),\s]+)\s*)?\)\s*\.")
_COMMENT = re.compile(r"%[^\n]*")
_APX_NAME = re.compile(r"[^(),\s%]+")
_SELF = "iccma_self_attack"
_NAME = "iccma_name"


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return f"line {line}, column {col}"


def _check_text(text: str, fmt: str) -> None:
    if not isinstance(text, str):
        raise FormatError(f"{fmt}: expected text, got {type(text).__name__}")
    if "\x00" in text:
        raise FormatError(f"{fmt}: binary data (NUL bytes), not text")


def _parse_apx(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    _check_text(text, "apx")
    clean = _COMMENT.sub(lambda m: " " * len(m.group()), text.lstrip("\ufeff"))
    names: dict[str, None] = {}
    attacks: list[tuple[str, str, int]] = []
    pos = 0
    length = len(clean)
    while True:
        while pos < length and clean[pos].isspace():
            pos += 1
        if pos >= length:
            break
        m = _FACT.match(clean, pos)
        if m is None:
            snippet = clean[pos:pos + 20].split("\n")[0]
            raise FormatError(f"expected arg(NAME). or att(NAME,NAME)., got {snippet!r}",
                              where=_where(text, pos))
        kind, first, second = m.groups()
        if kind == "arg":
            if second is not None:
                raise FormatError(f"arg takes one name, got arg({first},{second})", where=_where(text, pos))
            names.setdefault(first, None)
        else:
            if second is None:
                raise FormatError(f"att takes two names, got att({first})", where=_where(text, pos))
            attacks.append((first, second, pos))
        pos = m.end()
    if not names:
        raise FormatError("apx: no arg(NAME). fact: not a framework")
    for a, b, at in attacks:
        for end in (a, b):
            if end not in names:
                raise FormatError(f"att({a},{b}): unknown argument {end!r} (no arg({end}).)", where=_where(text, at))
    return list(names), [(a, b) for a, b, _ in attacks]


def read_apx(text: str) -> Framework:
    """The framework an apx text describes (a :class:`~argmap.FormatError` naming the line for bad text).

    >>> read_apx("arg(a). arg(b).\\natt(a,b). % a comment")
    <Framework: 2 arguments, 1 attacks>
    """
    names, attacks = _parse_apx(text)
    return Framework(names, attacks)


def _parse_tgf(text: str) -> tuple[list[str], list[tuple[str, str]], dict[str, str]]:
    _check_text(text, "tgf")
    lines = text.lstrip("\ufeff").splitlines()
    try:
        split = next(i for i, line in enumerate(lines) if line.strip() == "#")
    except StopIteration:
        raise FormatError("tgf: no line '#' between the arguments and the attacks") from None
    names: dict[str, None] = {}
    labels: dict[str, str] = {}
    for no, line in enumerate(lines[:split], start=1):
        parts = line.split(None, 1)
        if not parts:
            continue
        name = parts[0]
        label = parts[1].strip() if len(parts) > 1 else ""
        if name in names and labels.get(name, "") != label:
            raise FormatError(f"argument {name!r} is listed twice with different labels", where=f"line {no}")
        names.setdefault(name, None)
        if label:
            labels[name] = label
    if not names:
        raise FormatError("tgf: no argument before the line '#': not a framework")
    attacks: list[tuple[str, str]] = []
    for no, line in enumerate(lines[split + 1:], start=split + 2):
        parts = line.split()
        if not parts:
            continue
        if len(parts) < 2:
            raise FormatError(f"an attack is two names, got {line.strip()!r}", where=f"line {no}")
        if len(parts) > 2:
            raise FormatError(f"an attack is two names (attack labels are not read), got {line.strip()!r}",
                              where=f"line {no}")
        for end in parts:
            if end not in names:
                raise FormatError(f"unknown argument {end!r} (not listed before '#')", where=f"line {no}")
        attacks.append((parts[0], parts[1]))
    return list(names), attacks, labels


def read_tgf(text: str) -> Framework:
    """The framework a tgf text describes (labels after a name are ignored here; the importer keeps them).

    >>> read_tgf("a\\nb\\n#\\na b\\n")
    <Framework: 2 arguments, 1 attacks>
    """
    names, attacks, _ = _parse_tgf(text)
    return Framework(names, attacks)


def _apx_name(name: str) -> str:
    if not _APX_NAME.fullmatch(name):
        raise FormatError(f"argument {name!r} cannot be written in apx (no spaces, parentheses, commas or %)")
    return name


def write_apx(fw: Framework) -> str:
    """The framework as apx text: its ``arg`` facts, then its ``att`` facts, one per line.

    >>> print(write_apx(Framework(["a", "b"], [("a", "b")])), end="")
    arg(a).
    arg(b).
    att(a,b).
    """
    lines = [f"arg({_apx_name(a)})." for a in fw.arguments]
    names = fw.arguments
    lines += [f"att({names[a]},{names[b]})." for a, b in fw.edges]
    return "\n".join(lines) + "\n"


def write_tgf(fw: Framework, labels: Mapping[str, str] | None = None) -> str:
    """The framework as tgf text; *labels* (one line each) follow the names they belong to."""
    out = []
    for a in fw.arguments:
        if not a or any(c.isspace() for c in a) or a == "#":
            raise FormatError(f"argument {a!r} cannot be written in tgf (a name has no white space)")
        label = (labels or {}).get(a)
        out.append(f"{a} {label}" if label else a)
    out.append("#")
    names = fw.arguments
    out += [f"{names[a]} {names[b]}" for a, b in fw.edges]
    return "\n".join(out) + "\n"


# -- frameworks as maps, and back -------------------------------------------------------------------


def _fresh(base: str, taken: set[str]) -> str:
    name, k = base, 1
    while name in taken or not is_valid_id(name):
        k += 1
        name = f"{base}_{k}"
    taken.add(name)
    return name


def _safe_id(name: str) -> str:
    base = re.sub(r"\W", "_", name, flags=re.ASCII)[:56] or "a"
    if base[0].isdigit():
        base = "a" + base
    if not is_valid_id(base):
        base = "a_" + base
    return base


def framework_to_map(fw: Framework, labels: Mapping[str, str] | None = None, *, fmt: str = "iccma") -> ArgumentMap:
    """A map of a framework: one claim per argument (its text the tgf label, else its name; its id the
    name where that is a valid id), one attack per attack, self-attacks as three-cycles (reported)."""
    taken: set[str] = set()
    ids: dict[str, str] = {}
    for name in fw.arguments:  # names that are ids keep them; the others get fresh ones after
        if is_valid_id(name) and name not in taken:
            ids[name] = name
            taken.add(name)
    for name in fw.arguments:
        if name not in ids:
            ids[name] = _fresh(_safe_id(name), taken)
    statements = []
    for name in fw.arguments:
        meta = {} if ids[name] == name else {_NAME: name}
        text = (labels or {}).get(name) or name
        statements.append(Statement(id=ids[name], text=text, kind=Kind.CLAIM, metadata=meta))
    pairs: list[tuple[str, str]] = []
    losses = Losses(ImportLossWarning)
    names = fw.arguments
    for a, b in fw.edges:
        if a == b:
            sid = ids[names[a]]
            g1 = _fresh(f"{sid}_self1", taken)
            g2 = _fresh(f"{sid}_self2", taken)
            for g, k in ((g1, 1), (g2, 2)):
                statements.append(Statement(id=g, text=f"{names[a]} attacks itself ({k} of 2)", kind=Kind.CLAIM,
                                            metadata={_SELF: sid}))
            pairs += [(sid, g1), (g1, g2), (g2, sid)]
            losses.add(f"{fmt}.self_attack", names[a])
        else:
            pairs.append((ids[names[a]], ids[names[b]]))
    relations = []
    k = 0
    for source, target in pairs:
        k += 1
        rid = f"r{k}"
        while rid in taken:
            k += 1
            rid = f"r{k}"
        relations.append(Attack(id=rid, attackers=(source,), target=target))
    losses.report({f"{fmt}.self_attack": "a map cannot hold a statement that attacks itself: each is a cycle "
                   "of three statements with the same labels under every semantics (docs/analysis.md)"},
                  stacklevel=2)
    return ArgumentMap(statements=statements, relations=relations, document=Document())


def _is_cycle(amap: ArgumentMap, fw: Framework, owner: str, g1: str, g2: str) -> bool:
    """Whether owner -> g1 -> g2 -> owner are plain attacks and g1, g2 take part in nothing else."""
    def only(rels: tuple, source: str, target: str) -> bool:
        return (len(rels) == 1 and isinstance(rels[0], Attack) and rels[0].attackers == (source,)
                and rels[0].target == target and fw.holder(rels[0].id) == source)

    return (only(amap.relations_to(g1), owner, g1) and only(amap.relations_from(g1), g1, g2)
            and only(amap.relations_to(g2), g1, g2) and only(amap.relations_from(g2), g2, owner))


def map_to_framework(amap: ArgumentMap, *, fmt: str = "apx", texts: bool = False) -> Framework:
    """The map's framework for writing: its projection, with the three-cycles that stood for
    self-attacks folded back, and arguments named as in the file the map was read from. What the
    format cannot carry is reported with an :class:`~argmap.ExportWarning` per kind of loss
    (*texts*: the format carries each statement's text on its line, as tgf labels do)."""
    fw = project(amap)
    losses = Losses(ExportWarning)
    # fold back the cycles a -> g1 -> g2 -> a that stood for a self-attack
    gone: set[str] = set()
    selfs: list[str] = []
    by_owner: dict[str, list[str]] = {}
    for st in amap.statements:
        owner = st.metadata.get(_SELF)
        if isinstance(owner, str):
            by_owner.setdefault(owner, []).append(st.id)
    for owner, members in by_owner.items():
        if len(members) == 2 and owner in amap and _is_cycle(amap, fw, owner, *members):
            gone.update(members)
            selfs.append(owner)
    rename = {st.id: st.metadata[_NAME] for st in amap.statements
              if isinstance(st.metadata.get(_NAME), str) and st.id not in gone}
    arguments = [rename.get(a, a) for a in fw.arguments if a not in gone]
    attacks = [(rename.get(a, a), rename.get(b, b)) for a, b in fw.attacks if a not in gone and b not in gone]
    attacks += [(rename.get(o, o), rename.get(o, o)) for o in selfs]
    if len(set(arguments)) != len(arguments):
        raise FormatError("two arguments would have the same name (iccma_name metadata clashes with an id)")
    for st in amap.statements:
        if st.id in gone:
            continue
        if st.text != rename.get(st.id, st.id) and (not texts or " ".join(st.text.split()) != st.text):
            losses.add(f"{fmt}.text", st.id)
        if st.kind is not Kind.CLAIM:
            losses.add(f"{fmt}.kind", st.id)
        if st.main:
            losses.add(f"{fmt}.main", st.id)
        if st.spans:
            losses.add(f"{fmt}.spans", st.id)
        if st.provenance is not None or st.tags or (st.metadata and set(st.metadata) - {_NAME, _SELF}):
            losses.add(f"{fmt}.extras", st.id)
    for rel in amap.relations:
        if not isinstance(rel, Attack):
            losses.add(f"{fmt}.support", rel.id)
        elif len(rel.attackers) > 1 or fw.holder(rel.id) == rel.id:
            losses.add(f"{fmt}.attack", rel.id)
        if rel.provenance is not None or rel.metadata:
            losses.add(f"{fmt}.extras", rel.id)
    doc = amap.document
    if doc.text or doc.title or doc.author or doc.source or doc.metadata or amap.metadata:
        losses.add(f"{fmt}.document")
    losses.report({
        f"{fmt}.text": ("statement texts are carried on one line, white space collapsed" if texts
                        else "statement texts are not carried (only names)"),
        f"{fmt}.kind": "statement kinds are not carried (every argument reads back as a claim)",
        f"{fmt}.main": "the main claim is not carried",
        f"{fmt}.spans": "spans into the document are not carried",
        f"{fmt}.extras": "provenance, tags and metadata are not carried",
        f"{fmt}.support": "supports are written as the auxiliary arguments of the projection (docs/analysis.md)",
        f"{fmt}.attack": "attacks with several attackers, or attacked themselves, are written as auxiliary "
                         "arguments of the projection",
        f"{fmt}.document": "the document (text, title, metadata) is not carried",
    }, stacklevel=2)
    roles = {rename.get(a, a): fw.role(a) for a in fw.arguments if a not in gone}
    return Framework(arguments, attacks, roles)


# -- what the importers and exporters of the built-in plugin ``argmap.iccma`` call ---------------------


def loads_apx(text: str) -> ArgumentMap:
    """An apx text as a map (:func:`framework_to_map`)."""
    return framework_to_map(read_apx(text), fmt="apx")


def loads_tgf(text: str) -> ArgumentMap:
    """A tgf text as a map; a label after a name becomes the statement's text."""
    names, attacks, labels = _parse_tgf(text)
    return framework_to_map(Framework(names, attacks), labels, fmt="tgf")


def dumps_apx(amap: ArgumentMap) -> str:
    """The map's framework (its projection) as apx text."""
    return write_apx(map_to_framework(amap, fmt="apx"))


def dumps_tgf(amap: ArgumentMap, labels: bool = False) -> str:
    """The map's framework (its projection) as tgf text; with *labels*, each statement's text
    (on one line) follows its name."""
    fw = map_to_framework(amap, fmt="tgf", texts=labels)
    texts: dict[str, str] = {}
    if labels:
        back = {st.metadata.get(_NAME, st.id): st for st in amap.statements}
        for name in fw.arguments:
            st = back.get(name)
            if st is not None and fw.role(name)[0] == "statement":
                texts[name] = " ".join(st.text.split())
    return write_tgf(fw, texts)
