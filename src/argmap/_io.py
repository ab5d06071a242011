"""Reading inputs and writing outputs: one clear error line, whole files only."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["decode_text", "read_input_bytes", "write_atomic"]


def read_input_bytes(path: str | Path) -> bytes:
    """Read a whole input file, turning every OS failure into one InputError line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", where=str(path)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(path)) from None
    if not data or data.isspace():
        raise InputError("empty input", where=str(path))
    return data


def decode_text(data: bytes, where: str, *, encoding: str = "utf-8") -> str:
    """Decode input bytes as text, refusing binary data with one clear line."""
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes), not text", where=where)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"not {encoding} text (bad byte at offset {exc.start})", where=where) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text or text.isspace():
        raise InputError("empty input", where=where)
    return text


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* whole or not at all (a temporary file renamed into place).

    ``-`` writes to standard output.
    """
    if str(path) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    path = Path(path)
    if path.is_dir():
        raise InputError("is a directory; give a file name", where=str(path))
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except FileNotFoundError:
        raise InputError("no such directory", where=str(directory)) from None
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        _silent_unlink(tmp)
        raise InputError(f"cannot write: {exc.strerror or exc}", where=str(path)) from None
    except BaseException:
        _silent_unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _silent_unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
