"""attrs' validators, with their errors turned into one type once, per class.

The model and the diagram options check their fields with attrs' own
validators (``instance_of``, ``optional``, ``in_``, ``and_``) and the few this
module adds (:func:`text`, :func:`in_unit_interval`, :func:`whole_number`).
A class decorated with :func:`validated` turns whatever any of them raises
into a :class:`~argmap.ValidationError` whose ``where`` names ``Class.field``
and whose message says, in one line, what was expected and what came.

The conversion happens once per object (around ``__init__``), not once per
field: validation runs for every statement of a 100,000-statement map, and a
wrapper around each validator would cost a call per field.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, TypeVar

import attrs

from .errors import ValidationError

__all__ = ["FieldName", "field_error", "in_unit_interval", "text", "validated", "whole_number"]

C = TypeVar("C", bound=type)


class FieldName(str):
    """The field a converter's error is about, given as ``ValueError(message, FieldName("metadata"))``:
    converters get no attrs Attribute, and one converter may serve several classes, whose
    :func:`validated` wrapper then names the class."""


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
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"


def _as_field_error(exc: Exception, cls: str) -> ValidationError | None:
    """The ValidationError for an error a validator raised, or None for any other error."""
    args = exc.args
    if len(args) < 2 or not isinstance(args[1], (attrs.Attribute, FieldName)):
        return None
    if isinstance(args[1], FieldName):
        return field_error(cls, str(args[1]), str(args[0]))
    attribute = args[1]
    if isinstance(exc, TypeError) and len(args) == 4:  # instance_of: (message, attribute, type(s), value)
        message = f"expected {_type_names(args[2])}, got {type(args[3]).__name__}"
    elif isinstance(exc, ValueError) and len(args) == 4 and isinstance(args[2], (list, tuple, set, frozenset, dict)):
        message = f"expected one of {', '.join(str(o) for o in args[2])}, got {_clip(args[3])}"  # in_
    else:
        message = str(args[0])
        prefix = f"'{attribute.name}' "
        if message.startswith(prefix):
            message = message[len(prefix):]
    return field_error(cls, attribute.name, message)


def validated(cls: C) -> C:
    """Make every error a field validator of *cls* raises a :class:`ValidationError` naming ``Class.field``.

    Apply it above ``@attrs.frozen``. Errors that do not come from a field
    validator (a wrong argument, a converter's own ValidationError) pass
    through unchanged.
    """
    init = getattr(cls, "__init__")
    name = cls.__name__
    # The wrapper takes the same parameters as attrs' generated __init__ and passes them on by
    # position: forwarding *args/**kwargs would cost a tuple and a dict for every object made.
    params = list(inspect.signature(init).parameters.values())[1:]
    defaults = {f"_d{i}": p.default for i, p in enumerate(params) if p.default is not inspect.Parameter.empty}
    signature, names = [], []
    for i, param in enumerate(params):
        if param.kind not in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY):
            raise TypeError(f"@validated cannot wrap {name}.__init__ (parameter {param.name!r})")
        if param.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in signature:
            signature.append("*")
        signature.append(param.name + (f"=_d{i}" if f"_d{i}" in defaults else ""))
        names.append(param.name)
    source = (
        f"def __init__(self, {', '.join(signature)}):\n"
        f"    try:\n"
        f"        _init(self, {', '.join(names)})\n"
        f"    except (TypeError, ValueError) as exc:\n"
        f"        _convert(exc)\n"
    )

    def convert(exc: Exception) -> None:
        if not isinstance(exc, ValidationError):
            err = _as_field_error(exc, name)
            if err is not None:
                raise err from None
        raise exc

    namespace: dict[str, Any] = {"_init": init, "_convert": convert, **defaults}
    exec(source, namespace)  # noqa: S102 - code made here from the class's own signature
    wrapper = namespace["__init__"]
    functools.update_wrapper(wrapper, init)
    setattr(cls, "__init__", wrapper)
    return cls


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string that is not empty or only white space."""
    if type(value) is not str and not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}", attribute)
    if not value.strip():
        raise ValueError("empty text", attribute)


def in_unit_interval(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A number in [0, 1] (not ``True``/``False``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError(f"a {attribute.name} is a number in [0, 1], got {value!r}", attribute)


def whole_number(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An ``int`` >= 0 (not ``True``/``False``)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a whole number >= 0, got {value!r}", attribute)
