"""What the checks share: the types of plain-function components, and how failures show inputs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any


from ..formats.json import dumps
from ..model import ArgumentMap, Document

if TYPE_CHECKING:  # pragma: no cover - types only
    from hypothesis import settings as Settings
    from hypothesis.strategies import SearchStrategy

ExtractFn = Callable[[Document], ArgumentMap]


ExportFn = Callable[..., "str | bytes"]


LoadFn = Callable[[str], ArgumentMap]


_LIMIT = 300  # characters of an input shown in a failure message


def _unwrap(component: Any, cls: type[Any], attribute: str, what: str) -> tuple[str, Any]:
    """(a name for messages, the function) of a registered component or a plain function."""
    if isinstance(component, cls):
        return f"{what} {component.name!r}", getattr(component, attribute)
    if callable(component):
        return f"{what} {getattr(component, '__qualname__', repr(component))}", component
    raise TypeError(f"expected an argmap.{cls.__name__} or a function, got {component!r}")


def _show(text: str) -> str:
    """An input as shown in a failure message: its repr, clipped."""
    if len(text) <= _LIMIT:
        return repr(text)
    return f"{text[: _LIMIT // 2]!r} ... {text[-_LIMIT // 4 :]!r} ({len(text):,} characters)"


def _describe(amap: ArgumentMap) -> str:
    """A map as shown in a failure message: its argmap JSON, clipped."""
    text = dumps(amap)
    return text if len(text) <= 2000 else text[:2000] + f"... ({len(text):,} characters)"


def _settings(settings: Settings | None) -> Settings:
    from hypothesis import settings as Settings

    # The current profile's numbers, with no deadline: a first export may be slow. One failure is
    # reported, as a plain AssertionError, never a group of them.
    return Settings(settings if settings is not None else Settings(deadline=None), report_multiple_bugs=False)


def _maps(strategy: SearchStrategy[ArgumentMap] | None) -> SearchStrategy[ArgumentMap]:
    from ..strategies import argument_maps

    return strategy if strategy is not None else argument_maps()
