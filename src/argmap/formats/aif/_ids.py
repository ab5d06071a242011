"""AIF nodeIDs to argmap ids: deterministic, valid, distinct.

AIF nodeIDs are strings of digits (AIFdb: ``"277"``), OVA's ``"2_164926129380455983"``,
integers (xAIF from AMF) or anything else (UUIDs). argmap ids are 1-64 ASCII letters,
digits and ``_``, not starting with a digit. The mapping:

- digits: a prefix by node type and the digits: I ``"277"`` -> ``i277``, RA -> ``ra281``,
  CA -> ``ca282``;
- other ids made of letters, digits and ``_``: ``n_`` and the id (``n_2_164926129380455983``);
- anything else, or too long: ``n_``, the id with each other character as ``_`` (cut to 40), ``_``
  and 10 hex digits of its SHA-1, so that ids that differ only there stay apart.

An id already taken (by an argmap extension object or an earlier node) gets ``_2``, ``_3``, ...
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["IdMaker", "node_key"]

_DIGITS = re.compile(r"[0-9]+")
_SAFE = re.compile(r"[A-Za-z0-9_]+")
_UNSAFE = re.compile(r"[^A-Za-z0-9_]")
_PREFIX = {"I": "i", "RA": "ra", "CA": "ca"}


def node_key(value: object) -> str | None:
    """A nodeID (or an edge's fromID/toID) as the string it is compared by, or None if it is neither a
    string nor a whole number."""
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _base(node_id: str, node_type: str) -> str:
    if _DIGITS.fullmatch(node_id) and len(node_id) <= 60:
        return _PREFIX.get(node_type, "n") + node_id
    if _SAFE.fullmatch(node_id) and len(node_id) <= 62:
        return "n_" + node_id
    digest = hashlib.sha1(node_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return f"n_{_UNSAFE.sub('_', node_id)[:40]}_{digest}"


class IdMaker:
    """Hands out argmap ids for nodeIDs, never the same twice (nor one in *taken*)."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken: set[str] = set(taken or ())

    def __call__(self, node_id: str, node_type: str) -> str:
        base = _base(node_id, node_type)
        candidate, n = base, 1
        while candidate in self.taken:
            n += 1
            suffix = f"_{n}"
            candidate = base[: 64 - len(suffix)] + suffix
        self.taken.add(candidate)
        return candidate
