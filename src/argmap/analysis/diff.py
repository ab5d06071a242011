"""What differs between two maps of the same document: :func:`diff` and :class:`MapDiff`.

Statements are aligned one to one by :func:`argmap.evaluation.align.align_statements`
(the same alignment the evaluation harness uses): the same spans or the same
words first, then by token overlap (token F1 at least 0.5), by span positions
where both maps have spans into the same text, by words otherwise. Relations
are compared through that alignment: a support of A is in B when B has a
support from the aligned premises to the aligned conclusion (an undercut: on the
aligned relation).
"""

from __future__ import annotations

import json
from typing import Any

import attrs

from ..diagram.quoting import quote
from ..evaluation.align import THRESHOLD, align_statements
from ..model import ArgumentMap, Attack, Relation, Statement, Support
from ..text import wrap

__all__ = ["MapDiff", "diff"]


def _clip(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _relation_keys(amap: ArgumentMap, rename: dict[str, str | None]) -> dict[str, Any]:
    """A key per relation that names what it connects through *rename* (``None``: the key is unique)."""
    keys: dict[str, Any] = {}
    busy: set[str] = set()

    def key(rel: Relation) -> Any:
        if rel.id in keys:
            return keys[rel.id]
        if rel.id in busy:  # attacks on attacks in a circle
            return ("cycle", rel.id, id(amap))
        busy.add(rel.id)
        sources = [rename.get(s) for s in rel.sources]
        target_item = amap.get(rel.target)
        if isinstance(target_item, Statement):
            target: Any = rename.get(rel.target)
        else:
            target = key(target_item)
        if any(s is None for s in sources) or target is None:
            k: Any = ("unmatched", rel.id, id(amap))
        else:
            k = (frozenset(sources), target)
        busy.discard(rel.id)
        keys[rel.id] = k
        return k

    for rel in amap.relations:
        key(rel)
    return keys


def _type(rel: Relation) -> str:
    return "support" if isinstance(rel, Support) else "attack"


@attrs.frozen
class MapDiff:
    """The differences between map *a* and map *b*.

    - ``pairs``: aligned statements, ``(a id, b id, token F1)``; ``by``: ``"spans"``,
      ``"text"`` or ``"spans and text"``, how they were compared;
    - ``only_a`` / ``only_b``: statement ids in one map only;
    - ``kind_changed``: ``(a id, b id, a kind, b kind)``; ``text_changed``: ``(a id, b id)``;
    - ``relations_only_a`` / ``relations_only_b``: relation ids in one map only;
      ``relations_retyped``: ``(a id, b id)``, the same statements now supporting instead of
      attacking, or the reverse;
    - ``main_a`` / ``main_b``: the main claims; ``main_changed``: the aligned main claims differ.
    """

    a: ArgumentMap
    b: ArgumentMap
    pairs: tuple[tuple[str, str, float], ...]
    by: str
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    kind_changed: tuple[tuple[str, str, str, str], ...]
    text_changed: tuple[tuple[str, str], ...]
    relations_only_a: tuple[str, ...]
    relations_only_b: tuple[str, ...]
    relations_retyped: tuple[tuple[str, str], ...]
    main_a: tuple[str, ...]
    main_b: tuple[str, ...]
    main_changed: bool

    @property
    def same(self) -> bool:
        """True when nothing differs (statements, kinds, texts, relations, main claim)."""
        return not (self.only_a or self.only_b or self.kind_changed or self.text_changed or self.relations_only_a
                    or self.relations_only_b or self.relations_retyped or self.main_changed)

    def to_dict(self) -> dict[str, Any]:
        """The differences as plain data (what ``--format json`` prints)."""
        a, b = self.a, self.b

        def st(amap: ArgumentMap, sid: str) -> dict[str, Any]:
            s = amap.statement(sid)
            return {"id": s.id, "kind": s.kind.value, "text": s.text}

        def rel(amap: ArgumentMap, rid: str) -> dict[str, Any]:
            r = amap.relation(rid)
            return {"id": r.id, "type": _type(r), "from": list(r.sources), "to": r.target}

        return {
            "aligned_by": self.by,
            "aligned": [{"a": x, "b": y, "f1": round(f, 3)} for x, y, f in self.pairs],
            "statements": {
                "only_a": [st(a, x) for x in self.only_a],
                "only_b": [st(b, x) for x in self.only_b],
                "kind_changed": [{"a": x, "b": y, "from": k1, "to": k2} for x, y, k1, k2 in self.kind_changed],
                "text_changed": [{"a": x, "b": y, "from": a.statement(x).text, "to": b.statement(y).text}
                                 for x, y in self.text_changed],
            },
            "relations": {
                "only_a": [rel(a, x) for x in self.relations_only_a],
                "only_b": [rel(b, x) for x in self.relations_only_b],
                "type_changed": [{"a": x, "b": y, "from": _type(a.relation(x)), "to": _type(b.relation(y))}
                                 for x, y in self.relations_retyped],
            },
            "main": {"a": list(self.main_a), "b": list(self.main_b), "changed": self.main_changed},
            "same": self.same,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def _relation_text(self, amap: ArgumentMap, rid: str) -> str:
        r = amap.relation(rid)
        verb = ("support" if len(r.sources) > 1 else "supports") if isinstance(r, Support) else (
            "attack" if len(r.sources) > 1 else "attacks")
        return f"{rid}: {' + '.join(r.sources)} {verb} {r.target}"

    def to_text(self, name_a: str = "a", name_b: str = "b") -> str:
        """For people: what is only in one map, what changed kind or words, the relations, the main claim."""
        a, b = self.a, self.b
        out = [f"--- {name_a}: {len(a.statements)} statements, {len(a.relations)} relations",
               f"+++ {name_b}: {len(b.statements)} statements, {len(b.relations)} relations",
               f"{len(self.pairs)} statements aligned (by {self.by})"]
        if self.main_changed:
            out.append(f"main claim changed: {', '.join(self.main_a) or 'none'} -> {', '.join(self.main_b) or 'none'}")
        else:
            out.append(f"main claim unchanged: {', '.join(self.main_a) or 'none'} -> {', '.join(self.main_b) or 'none'}")
        if self.same:
            out.append("no differences")
            return "\n".join(out) + "\n"

        def block(title: str, lines: list[str]) -> None:
            if lines:
                out.append(f"{title} ({len(lines)}):")
                out.extend(lines)

        block(f"statements only in {name_a}",
              [f"  - {x} [{a.statement(x).kind.value}] {_clip(a.statement(x).text)}" for x in self.only_a])
        block(f"statements only in {name_b}",
              [f"  + {x} [{b.statement(x).kind.value}] {_clip(b.statement(x).text)}" for x in self.only_b])
        block("kind changed", [f"  ~ {x} -> {y}: {k1} -> {k2}  {_clip(b.statement(y).text, 50)}"
                               for x, y, k1, k2 in self.kind_changed])
        block("text changed", [f"  ~ {x} -> {y}: {_clip(a.statement(x).text, 40)!r} -> "
                               f"{_clip(b.statement(y).text, 40)!r}" for x, y in self.text_changed])
        block(f"relations only in {name_a}", [f"  - {self._relation_text(a, x)}" for x in self.relations_only_a])
        block(f"relations only in {name_b}", [f"  + {self._relation_text(b, x)}" for x in self.relations_only_b])
        block("relation type changed", [f"  ~ {self._relation_text(a, x)} -> {self._relation_text(b, y)}"
                                        for x, y in self.relations_retyped])
        return "\n".join(out) + "\n"

    def to_dot(self, name_a: str = "a", name_b: str = "b") -> str:
        """A Graphviz diagram of map *b* with map *a*'s statements and relations that *b* lacks drawn
        in, coloured by what changed (green: only in b; red, dashed: only in a; orange: kind changed;
        blue: words changed; a double border: a main claim that changed)."""
        return _diff_dot(self, name_a, name_b)


_COLOURS = {"added": "#1a9850", "removed": "#d73027", "kind": "#f46d43", "text": "#4575b4", "same": "#6b6b6b"}


def _diff_dot(d: MapDiff, name_a: str, name_b: str) -> str:
    a, b = d.a, d.b
    to_b = {x: y for x, y, _ in d.pairs}
    ghost: dict[str, str] = {}
    taken = {s.id for s in b.statements} | {r.id for r in b.relations}
    for x in [*d.only_a, *d.relations_only_a]:
        name = f"a_{x}"
        while name in taken:
            name += "_"
        taken.add(name)
        ghost[x] = name
    kind_changed = {y for _, y, _, _ in d.kind_changed}
    text_changed = {y for _, y in d.text_changed}
    main_changed = set(d.main_b) | {ghost.get(x, to_b.get(x, x)) for x in d.main_a} if d.main_changed else set()
    out = ["digraph argmap_diff {",
           '  graph [rankdir=BT, newrank=true, nodesep=0.3, ranksep=0.45, fontname="Helvetica,Arial,sans-serif", '
           "pad=0.2, labelloc=t, fontsize=14, label="
           + quote(f"{name_a} -> {name_b}", where="diff title") + "];",
           '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica,Arial,sans-serif", '
           'fontsize=10, penwidth=1.4];',
           '  edge [penwidth=1.4, arrowsize=0.8];']

    def node(name: str, st: Statement, status: str) -> None:
        colour = _COLOURS[status]
        lines = [f"{st.id} [{st.kind.value}]" + (" MAIN" if st.main else ""), *wrap(_clip(st.text, 120), 28)]
        style = '"rounded,filled,dashed"' if status == "removed" else '"rounded,filled"'
        extra = ", peripheries=2" if name in main_changed else ""
        out.append(f"  {name} [label={quote(lines, where=st.id)}, color=\"{colour}\", fontcolor=\"{colour}\", "
                   f"style={style}, penwidth={1.4 if status == 'same' else 2.6}{extra}];")

    for st in b.statements:
        status = ("added" if st.id in d.only_b else "kind" if st.id in kind_changed
                  else "text" if st.id in text_changed else "same")
        node(st.id, st, status)
    for x in d.only_a:
        node(ghost[x], a.statement(x), "removed")

    def end(amap: ArgumentMap, ref: str) -> str:
        if amap is a:
            return ghost.get(ref) or to_b.get(ref) or _rel_b.get(ref, ref)
        return ref

    _rel_b: dict[str, str] = {}
    keys_a = _relation_keys(a, {x: y for x, y, _ in d.pairs})
    keys_b = _relation_keys(b, {s.id: s.id for s in b.statements})
    by_key_b: dict[Any, str] = {}
    for r in b.relations:
        by_key_b.setdefault(keys_b[r.id], r.id)
    for r in a.relations:
        if r.id not in ghost and keys_a[r.id] in by_key_b:
            _rel_b[r.id] = by_key_b[keys_a[r.id]]
    retyped_b = {y for _, y in d.relations_retyped}
    edges: list[tuple[str, Relation, str, ArgumentMap]] = [
        (r.id, r, "added" if r.id in d.relations_only_b else "kind" if r.id in retyped_b else "same", b)
        for r in b.relations]
    edges += [(ghost[x], a.relation(x), "removed", a) for x in d.relations_only_a]
    targeted = {end(m, r.target) for _, r, _, m in edges}
    for name, r, status, amap in edges:
        colour = _COLOURS[status]
        dashed = isinstance(r, Attack) or status == "removed"
        style = f'color="{colour}", style={"dashed" if dashed else "solid"}, ' + (
            "arrowhead=tee" if isinstance(r, Attack) else "arrowhead=normal")
        width = "" if status == "same" else ", penwidth=2.6"
        sources = [end(amap, s) for s in r.sources]
        target = end(amap, r.target)
        tip = quote(f"{r.id} ({'support' if isinstance(r, Support) else 'attack'}, {status})", where=r.id)
        if len(sources) > 1 or name in targeted:
            out.append(f'  {name} [shape=point, width=0.1, height=0.1, color="{colour}", label="", tooltip={tip}];')
            for s in sources:
                out.append(f"  {s} -> {name} [{style}, arrowhead=none{width}, tooltip={tip}];")
            out.append(f"  {name} -> {target} [{style}{width}, tooltip={tip}];")
        else:
            out.append(f"  {sources[0]} -> {target} [{style}{width}, tooltip={tip}];")
    legend = " | ".join(f"{k}: {v}" for k, v in (("green", f"only in {name_b}"), ("red, dashed", f"only in {name_a}"),
                                                    ("orange", "kind or type changed"), ("blue", "words changed")))
    out.append(f"  legend [shape=plaintext, style=\"\", fontsize=9, label={quote(legend, where='legend')}];")
    out.append("}")
    return "\n".join(out) + "\n"


def diff(a: ArgumentMap, b: ArgumentMap, *, threshold: float = THRESHOLD) -> MapDiff:
    """What differs between *a* and *b*, two maps of the same document (see :class:`MapDiff`).

    >>> import argmap
    >>> b1 = argmap.MapBuilder()
    >>> t = b1.claim("Cities should plant trees.", main=True)
    >>> _ = b1.support(t, b1.premise("Trees cool streets."))
    >>> b2 = argmap.MapBuilder()
    >>> t = b2.claim("Cities should plant trees.", main=True)
    >>> _ = b2.attack(t, b2.objection("Trees cool streets."))
    >>> d = diff(b1.build(), b2.build())
    >>> d.kind_changed, d.relations_retyped
    ((('s2', 's2', 'premise', 'objection'),), (('r1', 'r1'),))
    """
    same_doc = bool(a.document.text) and a.document.text == b.document.text
    by_spans = same_doc and any(s.spans for s in a.statements) and any(s.spans for s in b.statements)
    all_spans = by_spans and all(s.spans for s in (*a.statements, *b.statements))
    by = "spans" if all_spans else "spans and text" if by_spans else "text"
    alignment = align_statements(a.statements, b.statements, document_a=a.document.text,
                                 document_b=b.document.text, threshold=threshold)
    sa, sb = a.statements, b.statements
    pairs = tuple((sa[i].id, sb[j].id, f) for i, j, f in alignment.pairs)
    to_b = {x: y for x, y, _ in pairs}
    matched_b = set(to_b.values())
    only_a = tuple(s.id for s in sa if s.id not in to_b)
    only_b = tuple(s.id for s in sb if s.id not in matched_b)
    kind_changed = tuple((x, y, a.statement(x).kind.value, b.statement(y).kind.value) for x, y, _ in pairs
                         if a.statement(x).kind is not b.statement(y).kind)
    text_changed = tuple((x, y) for x, y, _ in pairs
                         if " ".join(a.statement(x).text.split()) != " ".join(b.statement(y).text.split()))
    keys_a = _relation_keys(a, dict(to_b))
    keys_b = _relation_keys(b, {s.id: s.id for s in sb})
    waiting: dict[Any, list[str]] = {}
    for r in b.relations:
        waiting.setdefault((_type(r), keys_b[r.id]), []).append(r.id)
    rel_only_a: list[str] = []
    for r in a.relations:
        found = waiting.get((_type(r), keys_a[r.id]))
        if found:
            found.pop(0)
        else:
            rel_only_a.append(r.id)
    left_b = {rid for ids in waiting.values() for rid in ids}
    rel_only_b = [r.id for r in b.relations if r.id in left_b]
    retyped: list[tuple[str, str]] = []
    for x in list(rel_only_a):
        ka = keys_a[x]
        for y in rel_only_b:
            if keys_b[y] == ka and _type(b.relation(y)) != _type(a.relation(x)):
                retyped.append((x, y))
                rel_only_a.remove(x)
                rel_only_b.remove(y)
                break
    main_a = tuple(s.id for s in a.main_claims)
    main_b = tuple(s.id for s in b.main_claims)
    main_changed = {to_b.get(x) for x in main_a} != set(main_b)
    return MapDiff(a=a, b=b, pairs=pairs, by=by, only_a=only_a, only_b=only_b, kind_changed=kind_changed,
                   text_changed=text_changed, relations_only_a=tuple(rel_only_a), relations_only_b=tuple(rel_only_b),
                   relations_retyped=tuple(retyped), main_a=main_a, main_b=main_b, main_changed=main_changed)
