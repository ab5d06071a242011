"""Many inputs at once: a corpus of texts mapped in a process pool or on a Dask cluster.

:func:`extract_many` is the Python face; ``argmap extract INPUT... -o OUTDIR/`` and
``argmap render INPUT... -o OUTDIR/`` (in :mod:`argmap.cli`) are the command line's. Both go the same
way:

1. **Collect** the inputs (:func:`collect`): each is a file, a folder (its text files, recursively:
   :data:`TEXT_SUFFIXES`, hidden files and folders left out) or a glob pattern; files in input order,
   a folder's and a pattern's in sorted order, each file once.
2. **Plan** the outputs (:func:`plan`): one per input, at the input's path relative to the folder
   (or the pattern's fixed part) it was found under, with the exporter's suffix; two inputs that
   would share an output are refused before any work.
3. **Run** one :class:`Task` on every input: in this process (``jobs=1``), in a process pool (files
   grouped into chunks of about the same size, each worker building the plugin registry once), or on
   Dask (inputs partitioned into bins balanced by bytes). A worker reads, maps, exports and writes
   its own outputs (whole or not at all), and sends back a small :class:`Result` per input: a bad
   input is a result with an error, never the end of the batch.

Paths may be fsspec URLs (``s3://bucket/corpus/``, ``file:///data/``) where fsspec is installed (it
comes with dask); on a cluster every worker must reach every input and output path.
"""

from __future__ import annotations

import concurrent.futures as cf
import glob
import heapq
import json
import multiprocessing
import os
import re
import signal
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal

import attrs

from . import errors
from ._io import decode_text, read_input_bytes, read_limited, show_path, write_atomic
from .errors import ArgmapError, InputError, LossError, LossWarning
from .formats.json import dumps, loads
from .model import ArgumentMap, Document

__all__ = [
    "TEXT_SUFFIXES",
    "Item",
    "Progress",
    "Result",
    "Task",
    "collect",
    "default_jobs",
    "extract_many",
    "plan",
    "run",
]

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
"""The files a folder given as input contributes: prose, by suffix (case-insensitive)."""

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(path: str) -> bool:
    """Whether *path* is an fsspec URL (``s3://...``, ``file://...``) rather than a local path."""
    return bool(_URL.match(path))


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# -- what to do ---------------------------------------------------------------------------------------


@attrs.frozen
class Item:
    """One input of a batch: ``path`` as the user named it (and as the map's document source),
    ``location`` what a worker opens (an absolute path or a URL), ``output`` where its output goes
    (None when the result comes back instead), ``size`` in bytes, ``index`` its place in input order."""

    index: int
    path: str
    location: str
    size: int = 0
    output: str | None = None


@attrs.frozen
class Task:
    """What a worker does with each input; plain names and text only, so it travels to any worker.

    ``exporter`` None: the map itself comes back. ``jsonl``: the map's JSON comes back as one line.
    Otherwise the exporter's output is written to the item's output. ``options`` and
    ``import_options`` are command-line text (``NAME=VALUE`` pairs), parsed by each worker.
    """

    extractor: str | None = None
    exporter: str | None = None
    options: tuple[tuple[str, str], ...] = ()
    import_options: tuple[tuple[str, str], ...] = ()
    prose_only: bool = True
    jsonl: bool = False
    strict: bool = False
    max_input: int | None = None


@attrs.frozen
class Result:
    """What became of one input: its ``map`` (from :func:`extract_many`), the ``output`` written, or
    the ``error`` (an :class:`~argmap.ArgmapError` whose ``where`` is the input's path).

    ``index`` is the input's place in input order (results come as they finish); ``size`` is its
    size in bytes; ``warnings`` are the one-line warnings (losses, ...) of this input.
    """

    path: str
    index: int
    size: int = 0
    map: ArgumentMap | None = None
    output: str | None = None
    error: ArgmapError | None = None
    warnings: tuple[str, ...] = ()
    line: str | None = attrs.field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the input was mapped (and its output written)."""
        return self.error is None


# -- collecting inputs and planning outputs --------------------------------------------------------------


def _hidden(parts: Iterable[str]) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in parts)


def _fs(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError("reading URLs needs fsspec: pip install 'argmap[dask]'", where=show_path(url)) from None
    try:
        fs, path = url_to_fs(url)
    except (ValueError, ImportError) as exc:
        raise InputError(f"cannot open: {exc}", where=show_path(url)) from None
    return fs, path


def _url_of(fs: Any, path: str) -> str:
    return str(fs.unstrip_protocol(path))


def _collect_url(spec: str, suffixes: Sequence[str]) -> list[tuple[str, str, int]]:
    fs, root = _fs(spec)
    if glob.has_magic(root):
        base = root.split("*")[0].split("?")[0].split("[")[0].rpartition("/")[0]
        found = [(p, info) for p, info in fs.glob(root, detail=True).items() if info.get("type") == "file"]
    elif fs.isdir(root):
        base = root.rstrip("/")
        found = [(p, info) for p, info in fs.find(root, detail=True).items()
                 if PurePosixPath(p).suffix.lower() in suffixes
                 and not _hidden(PurePosixPath(p).relative_to(base).parts)]
    elif fs.exists(root):
        info = fs.info(root)
        return [(spec, PurePosixPath(root).name, int(info.get("size") or 0))]
    else:
        raise InputError("no such file or folder", where=show_path(spec))
    if not found:
        raise InputError("no text file matches" if glob.has_magic(root) else "no text files in this folder",
                         where=show_path(spec))
    out = []
    for p, info in sorted(found):
        rel = PurePosixPath(p).relative_to(base).as_posix() if base else p
        out.append((_url_of(fs, p), rel, int(info.get("size") or 0)))
    return out


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _collect_local(spec: str, suffixes: Sequence[str]) -> list[tuple[str, str, int]]:
    if os.path.isdir(spec):
        root = Path(spec)
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if not name.startswith(".") and os.path.splitext(name)[1].lower() in suffixes:
                    full = Path(dirpath) / name
                    found.append((full.relative_to(root).as_posix(), str(full)))
        if not found:
            raise InputError(f"no text files ({' '.join(suffixes)}) in this folder", where=show_path(spec))
        return [(path, rel, _size(path)) for rel, path in sorted(found)]
    if glob.has_magic(spec) and not os.path.exists(spec):
        matches = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
        if not matches:
            raise InputError("no file matches this pattern", where=show_path(spec))
        fixed = spec[: min(spec.index(c) for c in "*?[" if c in spec)]
        base = os.path.dirname(fixed) if not fixed.endswith(os.sep) else fixed
        return [(p, os.path.relpath(p, base or ".").replace(os.sep, "/"), _size(p)) for p in matches]
    return [(spec, os.path.basename(spec.rstrip(os.sep)) or spec, _size(spec))]


def collect(inputs: Iterable[str | os.PathLike[str]], *, suffixes: Sequence[str] = TEXT_SUFFIXES
            ) -> list[tuple[str, str, int]]:
    """The files the inputs name, in input order, each once: ``(path, relative path, size)``.

    A folder gives its files with one of *suffixes* (recursively, sorted, hidden ones left out),
    relative to itself; a glob pattern (``corpus/**/*.txt``) the files it matches (sorted), relative
    to its fixed part; a file itself (its name). A folder with no text file, a pattern that matches
    nothing or a missing path is an :class:`~argmap.InputError`.
    """
    out: list[tuple[str, str, int]] = []
    seen: set[str] = set()
    for spec in inputs:
        text = os.fspath(spec)
        if text == "-":
            raise InputError("standard input cannot be one of several inputs", where="<stdin>")
        found = _collect_url(text, suffixes) if is_url(text) else _collect_local(text, suffixes)
        for path, rel, size in found:
            key = path if is_url(path) else os.path.abspath(path)
            if key not in seen:
                seen.add(key)
                out.append((path, rel, size))
    return out


def _join(folder: str, rel: str) -> str:
    if is_url(folder):
        return folder.rstrip("/") + "/" + rel
    return os.path.join(folder, *rel.split("/"))


def plan(found: Sequence[tuple[str, str, int]], outdir: str | None, suffix: str | None, *,
         absolute: bool = False) -> list[Item]:
    """One :class:`Item` per input; with *outdir*, its output at the input's relative path with its
    suffix replaced by *suffix*. Two inputs with the same output are an :class:`~argmap.InputError`.
    ``absolute`` makes local locations and outputs absolute (for workers elsewhere)."""
    items: list[Item] = []
    owners: dict[str, str] = {}
    for index, (path, rel, size) in enumerate(found):
        location = path if is_url(path) or not absolute else os.path.abspath(path)
        output = None
        if outdir is not None and suffix is not None:
            stem, _ = os.path.splitext(rel)
            output = _join(outdir, stem + suffix)
            if absolute and not is_url(output):
                output = os.path.abspath(output)
            key = output if is_url(output) else os.path.normcase(os.path.abspath(output))
            if key in owners:
                raise InputError(f"{show_path(owners[key])} and {show_path(path)} would both be written to "
                                 f"{show_path(output)}; rename one or map them separately")
            owners[key] = path
        items.append(Item(index=index, path=path, location=location, size=size, output=output))
    return items


def exists(path: str) -> bool:
    """Whether an output exists already (a local path or a URL)."""
    if is_url(path):
        fs, inner = _fs(path)
        return bool(fs.exists(inner))
    return os.path.exists(path)


# -- the work on one input (in whichever process runs it) ---------------------------------------------

_WORKER: dict[str, Any] = {"registry": None}


def _init_worker(registry: Any) -> None:
    """A pool worker: the registry it was handed (or none: it builds its own once), and Ctrl-C left
    to the parent, which stops the batch between chunks."""
    _WORKER["registry"] = registry
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _registry(given: Any = None) -> Any:
    if given is not None:
        return given
    if _WORKER["registry"] is None:
        from .plugins import get_registry

        _WORKER["registry"] = get_registry()
    return _WORKER["registry"]


def _read(item: Item, limit: int | None) -> bytes:
    if not is_url(item.location):
        return read_input_bytes(item.location, limit=limit)
    where = show_path(item.path)
    try:
        import fsspec

        with fsspec.open(item.location, "rb") as handle:
            return read_limited(handle, where, limit=limit)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError("no such file", where=where) from None
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(f"cannot read: {exc}", where=where) from None


def write_output(path: str, data: bytes) -> None:
    """Write an output whole: :func:`argmap._io.write_atomic` for a local path (making its folder),
    fsspec for a URL (object stores keep an object whole; others write in place)."""
    if is_url(path):
        fs, inner = _fs(path)
        try:
            parent = inner.rpartition("/")[0]
            if parent:
                fs.makedirs(parent, exist_ok=True)
            with fs.open(inner, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise InputError(f"cannot write: {exc}", where=show_path(path)) from None
        return
    parent = os.path.dirname(path)
    if parent:
        try:
            os.makedirs(parent, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot make the folder: {exc.strerror or exc}", where=show_path(parent)) from None
    write_atomic(path, data)


def _one(item: Item, task: Task, registry: Any) -> Result:
    """Read, map, export and write one input; every failure becomes the result's error."""
    where = show_path(item.path)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            text = decode_text(_read(item, task.max_input), where)
            amap = _map(item, text, task, registry)
            out: str | bytes | None = None
            if task.exporter is not None:
                exporter = registry.exporter(task.exporter)
                out = exporter(amap, **exporter.parse_options(dict(task.options)))
        losses = [str(w.message) for w in caught if isinstance(w.message, LossWarning)]
        if losses and task.strict:
            more = f" (and {len(losses) - 1} more)" if len(losses) > 1 else ""
            raise LossError(f"--strict: {losses[0]}{more}; nothing written", where=where)
        notes = tuple(str(w.message) for w in caught)
        if out is None:
            return Result(item.path, item.index, item.size, map=amap, warnings=notes)
        if task.jsonl:
            line = json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":"))
            return Result(item.path, item.index, item.size, warnings=notes, line=line)
        data = out if isinstance(out, bytes) else out.encode("utf-8", "surrogateescape")
        if item.output is None:  # pragma: no cover - plan() gives every exported item an output
            raise InputError("no output planned", where=where)
        write_output(item.output, data)
        return Result(item.path, item.index, item.size, output=item.output, warnings=notes)
    except ArgmapError as exc:
        error = exc if exc.where else type(exc)(exc.message, where=where)
        return Result(item.path, item.index, item.size, error=error)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
        first = str(exc).splitlines()[0] if str(exc) else ""
        return Result(item.path, item.index, item.size,
                      error=ArgmapError(f"failed: {type(exc).__name__}{': ' + first if first else ''}", where=where))


def _map(item: Item, text: str, task: Task, registry: Any) -> ArgumentMap:
    where = show_path(item.path)
    importer = registry.importer_for(item.path, text)
    if importer is not None:
        if task.prose_only:
            raise InputError("is a map file; extract reads prose (use convert or render)", where=where)
        options = importer.parse_options(dict(task.import_options))
        return importer.read(text, item.path, **options)  # type: ignore[no-any-return]
    if task.import_options:
        raise InputError("is read as prose; -I options are for importers of map files", where=where)
    extractor = registry.extractor(task.extractor)
    return extractor(Document(text=text, source=item.path))  # type: ignore[no-any-return]


def _portable(result: Result) -> tuple[Any, ...]:
    """A result as plain values for the trip back from a worker (an ArgmapError's ``where`` does
    not survive pickling)."""
    error = None
    if result.error is not None:
        error = (type(result.error).__name__, result.error.message, result.error.where)
    text = None if result.map is None else dumps(result.map)  # a map does not pickle; its JSON is lossless
    return (result.path, result.index, result.size, text, result.output, error, result.warnings, result.line)


def _unportable(values: tuple[Any, ...]) -> Result:
    path, index, size, text, output, error, notes, line = values
    amap = None if text is None else loads(text)
    exc = None
    if error is not None:
        name, message, where = error
        cls = getattr(errors, name, ArgmapError)
        if not (isinstance(cls, type) and issubclass(cls, ArgmapError)):  # pragma: no cover - defensive
            cls = ArgmapError
        exc = cls(message, where=where)
    return Result(path, index, size, map=amap, output=output, error=exc, warnings=notes, line=line)


def run_chunk(items: Sequence[Item], task: Task, registry: Any = None) -> list[tuple[Any, ...]]:
    """Run *task* on each item in turn, in the process this is called in (a pool worker, a Dask
    worker); the results as plain values."""
    reg = _registry(registry)
    return [_portable(_one(item, task, reg)) for item in items]


# -- running a batch ------------------------------------------------------------------------------------


def _chunks(items: Sequence[Item], jobs: int) -> list[list[Item]]:
    """Consecutive items grouped so that small files travel together: about eight chunks per worker,
    at most 256 KB and 16 files each (a big file is a chunk of its own), so that progress and Ctrl-C
    are never far behind."""
    total = sum(item.size for item in items)
    target = min(256 << 10, max(16 << 10, total // (jobs * 8) if jobs else total))
    chunks: list[list[Item]] = []
    current: list[Item] = []
    weight = 0
    for item in items:
        if current and (weight + item.size > target or len(current) >= 16):
            chunks.append(current)
            current, weight = [], 0
        current.append(item)
        weight += item.size
    if current:
        chunks.append(current)
    return chunks


def bins(items: Sequence[Item], count: int) -> list[list[Item]]:
    """The items in at most *count* bins of about the same number of bytes (the largest first, each
    into the lightest bin); each bin in input order, the heaviest bin first."""
    count = max(1, min(count, len(items)))
    heap: list[tuple[int, int]] = [(0, k) for k in range(count)]
    out: list[list[Item]] = [[] for _ in range(count)]
    for item in sorted(items, key=lambda i: (-i.size, i.index)):
        weight, k = heapq.heappop(heap)
        out[k].append(item)
        heapq.heappush(heap, (weight + max(item.size, 1), k))
    filled = [sorted(b, key=lambda i: i.index) for b in out if b]
    return sorted(filled, key=lambda b: -sum(i.size for i in b))


def _pool_context(registry: Any) -> tuple[Any, Any]:
    """The multiprocessing context and what to hand each worker: where processes fork, the parent's
    registry (nothing is pickled); elsewhere a registry the caller gave must pickle, and the default
    one is built by each worker."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and sys.platform == "linux":
        return multiprocessing.get_context("fork"), registry
    if registry is None:
        return multiprocessing.get_context(), None
    return multiprocessing.get_context(), registry  # pragma: no cover - spawn platforms: must pickle


def _chunk_results(future: Any) -> Iterator[Result]:
    try:
        values = future.result()
    except cf.process.BrokenProcessPool as exc:
        raise ArgmapError(f"a worker process died ({exc}); run again with --jobs 1 to see which input") from None
    for v in values:
        yield _unportable(v)


def _run_pool(items: Sequence[Item], task: Task, jobs: int, registry: Any) -> Iterator[Result]:
    chunks = _chunks(items, jobs)
    if len(chunks) == 1:  # one chunk: a pool would only add its start-up
        reg = _registry(registry)
        for item in items:
            yield _one(item, task, reg)
        return
    context, handed = _pool_context(registry)
    executor = cf.ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=context,
                                      initializer=_init_worker, initargs=(handed,))
    futures = []
    seen: set[Any] = set()
    pending: list[Result] = []
    try:
        futures = [executor.submit(run_chunk, chunk, task) for chunk in chunks]
        for future in cf.as_completed(futures):
            seen.add(future)
            pending = list(_chunk_results(future))
            while pending:
                yield pending.pop(0)
    except KeyboardInterrupt:
        # Ctrl-C: the chunks not started are dropped; those running finish (their outputs are written
        # whole) and are reported, so that the summary counts every output on disk.
        for future in futures:
            future.cancel()
        yield from pending
        for future in futures:
            if future not in seen and not future.cancelled():
                cf.wait([future])
                yield from _chunk_results(future)
        raise
    finally:
        # Ctrl-C, an error or a caller that stops early: drop the chunks not started, let the running
        # ones finish (each output is written whole), then go.
        executor.shutdown(wait=True, cancel_futures=True)


def _run_dask(items: Sequence[Item], task: Task, client: Any, registry: Any) -> Iterator[Result]:
    from distributed import as_completed

    workers = len(client.scheduler_info().get("workers", {})) or 1
    futures = [client.submit(run_chunk, b, task, registry, pure=False) for b in bins(items, workers * 4)]
    try:
        for future in as_completed(futures):
            for v in future.result():
                yield _unportable(v)
    finally:
        client.cancel([f for f in futures if not f.done()])


def run(items: Sequence[Item], task: Task, *, jobs: int | None = None, client: Any = None,
        registry: Any = None) -> Iterator[Result]:
    """Run *task* on *items*; the results as they finish (see :class:`Result`). ``jobs=1`` runs in
    this process; more, in a process pool; a Dask ``client``, on its cluster. *registry* None is the
    default plugins (built once per worker)."""
    if not items:
        return
    if client is not None:
        yield from _run_dask(items, task, client, registry)
        return
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise ArgmapError(f"jobs must be 1 or more, got {jobs}")
    if jobs == 1 or len(items) == 1:
        reg = _registry(registry)
        for item in items:
            yield _one(item, task, reg)
        return
    yield from _run_pool(items, task, jobs, registry)


# -- Dask -------------------------------------------------------------------------------------------------


def need_dask() -> None:
    """An :class:`~argmap.ArgmapError` of one line when dask.distributed is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ArgmapError("--dask needs dask.distributed: pip install 'argmap[dask]'") from None


def dask_client(address: str, *, workers: int | None = None) -> tuple[Any, Callable[[], None]]:
    """A client of the scheduler at *address*, or of a new LocalCluster (``"local"``: one worker
    process per core, one thread each); with the function that closes what was opened."""
    need_dask()
    import logging

    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise ArgmapError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    return client, client.close


# -- the Python API ------------------------------------------------------------------------------------------


OnError = Literal["report", "raise"] | Callable[[Result], Any]


def extract_many(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    jobs: int | None = None,
    on_error: OnError = "report",
    extractor: str | None = None,
    client: Any = None,
    registry: Any = None,
) -> Iterator[Result]:
    """Map many texts; yield a :class:`Result` for each as it finishes (``result.index`` is its place
    in input order).

    ``paths``: files, folders (their :data:`TEXT_SUFFIXES` files, recursively) or glob patterns, or
    fsspec URLs. ``jobs``: worker processes (default: the cores; 1 maps in this process).
    ``on_error``: ``"report"`` yields a failed input as a result with its ``error``; ``"raise"``
    raises that error (stopping the batch); a callable is called with the failed result, which is
    then not yielded. ``extractor``: its name (default: the built-in one). ``client``: a
    ``distributed.Client`` to map on its cluster instead of a local pool (inputs in bins balanced by
    bytes). ``registry``: plugins other than the installed ones.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    if on_error not in ("report", "raise") and not callable(on_error):
        raise ArgmapError(f"on_error must be 'report', 'raise' or a callable, got {on_error!r}")
    if client is not None:
        need_dask()
    items = plan(collect(paths), None, None, absolute=client is not None)
    results = run(items, Task(extractor=extractor), jobs=jobs, client=client, registry=registry)
    try:
        for result in results:
            if result.error is not None and on_error == "raise":
                raise result.error
            if result.error is not None and callable(on_error):
                on_error(result)
                continue
            yield result
    finally:
        close = getattr(results, "close", None)
        if close is not None:
            close()


# -- progress -------------------------------------------------------------------------------------------


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class Progress:
    """A progress line on standard error: files done/total, MB done/total, files/s, MB/s, ETA.

    On a terminal the line is redrawn in place at most ten times a second; elsewhere (``--progress``
    on a pipe or a file) a full line is printed at most once a second. ``note`` prints a line (an
    error) above the bar.
    """

    def __init__(self, files: int, size: int, *, stream: IO[str] | None = None, enabled: bool = True,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.files, self.size = files, size
        self.done = self.bytes = self.failed = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = enabled and bool(getattr(self.stream, "isatty", lambda: False)())
        self.clock = clock
        self.start = clock()
        self.last = -1e9
        self.width = 0
        self.drawn = -1

    def line(self) -> str:
        """The progress line as it stands."""
        elapsed = max(self.clock() - self.start, 1e-9)
        mb, total_mb = self.bytes / 1e6, self.size / 1e6
        rate, mb_rate = self.done / elapsed, mb / elapsed
        if self.done >= self.files:
            eta = "done"
        elif self.bytes > 0 and elapsed > 0.5:
            eta = "ETA " + _duration((self.size - self.bytes) / (self.bytes / elapsed))
        else:
            eta = "ETA ?"
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"argmap: {self.done}/{self.files} files, {mb:.1f}/{total_mb:.1f} MB, "
                f"{rate:.1f} files/s, {mb_rate:.2f} MB/s, {eta}{failed}")

    def advance(self, size: int, *, failed: bool = False) -> None:
        """One more input done (of *size* bytes)."""
        self.done += 1
        self.bytes += size
        self.failed += failed
        self.draw()

    def draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if not force and now - self.last < (0.1 if self.tty else 1.0) and self.done < self.files:
            return
        self.last = now
        self.drawn = self.done
        text = self.line()
        if self.tty:
            self.stream.write("\r" + text + " " * max(0, self.width - len(text)))
            self.width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        """Print *message* as a line of its own (above the bar on a terminal)."""
        if self.tty and self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.width = 0
        self.stream.write(message + "\n")
        self.stream.flush()
        if self.tty:
            self.draw(force=True)

    def close(self) -> None:
        """End the bar: its last state stays on its own line."""
        if not self.enabled:
            return
        if self.tty:
            self.draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
        elif self.drawn != self.done:
            self.draw(force=True)
