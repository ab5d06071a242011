"""Reading inputs and writing outputs: one clear error line, whole files only.

- Inputs are read whole, up to a size limit (:data:`MAX_INPUT_BYTES`, raised
  with the ``ARGMAP_MAX_INPUT`` environment variable or ``--max-input``), so an
  endless input (``/dev/zero``, a pipe that never ends) is refused, not read
  until memory runs out.
- Outputs to a regular file are written to a temporary file beside it and
  renamed into place: whole or not at all. The target is honoured: a
  read-only file is refused, the mode of a file that is replaced is kept, and
  a named pipe, a device or standard output is written straight into (a
  rename would replace ``/dev/null`` by a regular file).
- File names in messages are quoted when they hold anything unusual, so a
  name with a newline cannot split the one-line error in two.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from collections.abc import Callable
from typing import Any, BinaryIO

from .errors import InputError

__all__ = ["MAX_INPUT_BYTES", "decode_text", "max_input_bytes", "read_input_bytes", "show_path", "write_atomic"]

MAX_INPUT_BYTES = 256 * 1024 * 1024
"""The largest input argmap reads unless told otherwise (256 MiB)."""


def max_input_bytes() -> int:
    """The input size limit: ``ARGMAP_MAX_INPUT`` (bytes, or with a K/M/G suffix) or :data:`MAX_INPUT_BYTES`."""
    value = os.environ.get("ARGMAP_MAX_INPUT")
    if not value:
        return MAX_INPUT_BYTES
    return parse_size(value, "ARGMAP_MAX_INPUT")


def parse_size(value: str, what: str) -> int:
    """``"1048576"``, ``"512K"``, ``"64M"`` or ``"2G"`` as a number of bytes."""
    text = value.strip().upper().removesuffix("B")
    factor = 1
    if text[-1:] in ("K", "M", "G"):
        factor = 1024 ** ("KMG".index(text[-1]) + 1)
        text = text[:-1]
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number <= 0:
        raise InputError(f"expected a size such as 64M or 1048576, got {value!r}", where=what)
    return number * factor


def show_path(path: str | os.PathLike[str]) -> str:
    """A file name as shown in a message: as it is when plain, quoted (``repr``) when it holds control
    characters, quotes or leading/trailing spaces.

    >>> show_path("essay.txt"), show_path("bad\\nname.txt")
    ('essay.txt', "'bad\\\\nname.txt'")
    """
    text = os.fspath(path)
    if text.isprintable() and text.strip() == text and "'" not in text and '"' not in text:
        return text
    return repr(text)


def read_limited(handle: BinaryIO, where: str, *, limit: int | None = None) -> bytes:
    """Read an open input whole: at most *limit* bytes (the --max-input limit by default), not empty."""
    limit = max_input_bytes() if limit is None else limit
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(
            f"input larger than {limit:,} bytes; raise the limit with --max-input SIZE (or ARGMAP_MAX_INPUT)",
            where=where,
        )
    if not data or data.isspace():
        raise InputError("empty input", where=where)
    return bytes(data)


def read_input_bytes(path: str | Path, *, limit: int | None = None) -> bytes:
    """Read a whole input file (at most *limit* bytes), turning every OS failure into one InputError line.

    ``-`` reads standard input.
    """
    if str(path) == "-":
        return read_limited(sys.stdin.buffer, "<stdin>", limit=limit)
    where = show_path(path)
    try:
        with open(path, "rb") as handle:
            return read_limited(handle, where, limit=limit)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file", where=where) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where=where) from None
    except PermissionError:
        raise InputError("permission denied", where=where) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=where) from None


def decode_text(data: bytes, where: str, *, encoding: str = "utf-8") -> str:
    """Decode input bytes as text, refusing binary data with one clear line."""
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not text", where=where)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not {encoding} text (bad byte at offset {exc.start})", where=where) from None
    except LookupError:
        raise InputError(f"unknown text encoding {encoding!r}", where=where) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text or text.isspace():
        raise InputError("empty input", where=where)
    return text


Producer = Callable[[Callable[[bytes], Any]], None]
"""Writes its bytes in pieces through the function it is given (see :func:`write_atomic`)."""


def _whole(data: bytes | Producer) -> bytes:
    if isinstance(data, bytes):
        return data
    pieces: list[bytes] = []
    data(pieces.append)
    return b"".join(pieces)


def write_atomic(path: str | Path, data: bytes | Producer) -> None:
    """Write *data* to *path* whole or not at all, honouring what *path* is.

    *data* is bytes, or a function that writes them in pieces through the
    function it is given: a regular file then gets each piece as it is made
    (into the temporary file, which an exception in the middle removes);
    standard output, pipes and devices get the whole once it is made.

    ``-`` writes to standard output. A named pipe, a character device (such as
    ``/dev/null``) or a socket is written straight into. A regular file is
    written through a temporary file renamed into place; a file that exists
    keeps its mode, and a read-only one is refused. A name ending in a path
    separator means a folder, and a file is never written in its place.
    """
    if str(path) == "-":
        _write_all(sys.stdout.buffer, _whole(data))
        return
    text = os.fspath(path)
    where = show_path(text)
    if text.endswith(("/", os.sep)):
        raise InputError("is a folder name (it ends in a slash); give a file name", where=where)
    target = Path(text)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=where) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a directory; give a file name", where=where)
        if not stat.S_ISREG(info.st_mode):  # a pipe, a device, a socket: write into it, do not replace it
            _write_into(target, _whole(data), where)
            return
        if not os.access(target, os.W_OK) or not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise InputError("is read-only; not replaced", where=where)
    directory = target.parent if str(target.parent) else Path(".")
    import tempfile  # here, not at the top: it costs `import argmap` about 5 ms (shutil, random, ...)

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise InputError("no such directory", where=show_path(directory)) from None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=where) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle.write)
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        _silent_unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror or exc}", where=where) from None
    except BaseException:
        _silent_unlink(tmp)
        raise


def _write_all(out: BinaryIO, data: bytes) -> None:
    """Write all of *data*: with PYTHONUNBUFFERED (or ``python -u``) standard output is a raw file
    whose ``write`` may take only part of the data (a full pipe), and says so by its return value."""
    view = memoryview(data)
    while view:
        written = out.write(view)
        if written is None:  # pragma: no cover - a non-blocking stream that is full
            continue
        view = view[written:]
    out.flush()


def _write_into(target: Path, data: bytes, where: str) -> None:
    try:
        with open(target, "wb") as handle:
            handle.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=where) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _silent_unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
