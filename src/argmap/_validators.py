"""attrs' validators, wrapped once so that every bad field is one error type.

The model and the diagram options check their fields with attrs' own
validators (``instance_of``, ``optional``, ``in_``, ``ge``, ...). Wrapped by
:func:`checked`, any failure becomes a :class:`~argmap.ValidationError` whose
``where`` names ``Class.field`` and whose message says what was expected and
what came, in one line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from .errors import ValidationError

__all__ = ["checked", "field_error", "in_unit_interval", "not_blank", "whole_number", "not_bool"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def field_error(cls: str, field: str, message: str) -> ValidationError:
    """A :class:`ValidationError` for ``cls.field``."""
    err = ValidationError(message, where=f"{cls}.{field}")
    err.field = field
    return err


_NAMES = {str: "a string", bool: "true or false", int: "a whole number", float: "a number"}


def _type_names(types: Any) -> str:
    if isinstance(types, tuple):
        if set(types) == {int, float}:
            return "a number"
        return " or ".join(_type_names(t) for t in types)
    return _NAMES.get(types) or f"a {getattr(types, '__name__', types)}"


def _clip(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def _message(exc: Exception, attribute: attrs.Attribute[Any]) -> str:
    args = exc.args
    # instance_of: TypeError(message, attribute, expected type(s), value)
    if isinstance(exc, TypeError) and len(args) == 4 and isinstance(args[1], attrs.Attribute):
        value = args[3]
        return f"expected {_type_names(args[2])}, got {type(value).__name__}"
    # in_: ValueError(message, attribute, options, value)
    if isinstance(exc, ValueError) and len(args) == 4 and isinstance(args[1], attrs.Attribute):
        options = args[2]
        if isinstance(options, (list, tuple, set, frozenset, dict)):
            shown = ", ".join(str(o) for o in options)
            return f"expected one of {shown}, got {_clip(args[3])}"
    text = str(args[0]) if args else str(exc)
    prefix = f"'{attribute.name}' "
    return text[len(prefix):] if text.startswith(prefix) else text


def checked(*validators: Validator) -> Validator:
    """One validator that runs *validators* in turn and reports any failure as
    a :class:`ValidationError` naming ``Class.field``."""
    inner = validators[0] if len(validators) == 1 else attrs.validators.and_(*validators)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            inner(instance, attribute, value)
        except ValidationError:
            raise
        except (TypeError, ValueError) as exc:
            raise field_error(type(instance).__name__, attribute.name, _message(exc, attribute)) from None

    return check


def not_blank(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """Text that is not empty or only white space."""
    if not value.strip():
        raise ValueError("empty text")


def not_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A number that is not ``True``/``False`` (which Python counts as integers)."""
    if isinstance(value, bool):
        raise TypeError(f"expected a number, got {value!r}")


def in_unit_interval(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A number in [0, 1] (not ``True``/``False``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"a {attribute.name} is a number in [0, 1], got {value!r}")


def whole_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ``int`` >= 0 (not ``True``/``False``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a whole number >= 0, got {value!r}")
