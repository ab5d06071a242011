"""The exceptions argmap raises for user error.

Every error a user can cause (bad input, a bad map, an unknown plugin, a
missing renderer) is an :class:`ArgmapError`. Its ``str()`` is one line that
says what is wrong and where, so the command line can print it as it is.
"""

from __future__ import annotations

__all__ = [
    "ArgmapError",
    "ExportWarning",
    "ImportLossWarning",
    "LayoutWarning",
    "LossWarning",
    "FormatError",
    "InputError",
    "OptionError",
    "PluginError",
    "RenderError",
    "UnknownIdError",
    "UnknownPluginError",
    "ValidationError",
]


class ArgmapError(Exception):
    """Base class of every error argmap raises for bad input or set-up."""

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.message = message
        self.where = where
        super().__init__(f"{where}: {message}" if where else message)


class ValidationError(ArgmapError, ValueError):
    """A map, statement or relation breaks a rule of the model.

    ``where`` names the place, for example ``relations[3].to``; for an error
    in one object's field, ``field`` names that field (``"kind"``).
    """

    field: str | None = None


class FormatError(ArgmapError, ValueError):
    """A file in a known format (argmap JSON, ...) cannot be read.

    ``where`` names the field at fault, for example ``statements[2].kind``.
    """


class InputError(ArgmapError, OSError):
    """An input file is missing, a directory, empty or not text."""


class LossError(ArgmapError):
    """``--strict`` (or a caller) refused a conversion that would lose something."""


class PluginError(ArgmapError):
    """A plugin misbehaved: a name clash, a bad registration, a failing hook."""


class OptionError(ArgmapError, ValueError):
    """An exporter was given an option it does not declare, or a bad value for one."""


class UnknownPluginError(PluginError, LookupError):
    """No extractor, importer or exporter of the requested name is registered."""


class UnknownIdError(ArgmapError, LookupError):
    """A map was asked for a statement or relation it does not hold."""


class RenderError(ArgmapError):
    """Graphviz is missing, cannot produce the format, or rejected the input."""


class LossWarning(UserWarning):
    """Something of a map or a file could not be carried across a format, and this says what.

    ``code`` is a stable name for the kind of loss (``aif.node.L``,
    ``argdown.attack_on_attack``, ...), ``count`` how many items it hit and
    ``ids`` the first few of them; the command line prints one line per
    warning, ``--strict`` turns any into an error, and ``--loss-report FILE``
    writes them as JSON. Warnings made with a message alone have no code.
    """

    def __init__(self, message: str, *, code: str | None = None, count: int | None = None,
                 ids: tuple[str, ...] | list[str] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.count = count
        self.ids = tuple(ids)

    def as_dict(self) -> dict[str, object]:
        """``{code, count, ids, message}``, as ``--loss-report`` writes it."""
        return {"code": self.code, "count": self.count, "ids": list(self.ids), "message": self.message}


class ExportWarning(LossWarning):
    """An exporter could not carry something of the map and says what."""


class ImportLossWarning(LossWarning):
    """An importer could not carry something of the file into the map and says what.

    (Not named ``ImportWarning``, which would hide Python's own warning of that name.)
    """


class LayoutWarning(UserWarning):
    """A diagram is big enough that laying it out takes long; says how to draw part of it.

    Given before Graphviz starts (see :mod:`argmap.diagram.render`); not a loss, so ``--strict``
    does not refuse it, and the command line prints it at once rather than when the command ends.
    """
