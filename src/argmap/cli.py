"""The ``argmap`` command line.

::

    argmap extract INPUT [-e EXTRACTOR] [-o OUT]                 prose -> argmap JSON
    argmap extract INPUT... -o OUTDIR/|corpus.jsonl [--jobs N]   many texts (files, folders, globs)
    argmap render  INPUT [-e EXTRACTOR] [-f FORMAT] -o OUT        prose or map -> diagram (or any format)
    argmap render  INPUT... -o OUTDIR/ [-f FORMAT] [--jobs N]     many texts -> a folder of diagrams
    argmap convert INPUT [-t FORMAT] [-o OUT]                     map file -> another format
    argmap plugins [--json]                                       plugins and what they registered
    argmap evaluate CORPUS [...]                                  score an extractor on a corpus

One path serves ``extract``, ``render`` and ``convert``: pick the exporter
from the registry (by name or by the output's suffix) and check its options,
read the input (an importer for map files, an extractor for prose), export,
write. So an exporter from a plugin, and its options (``-O NAME=VALUE``),
work in every command that writes.

INPUT ``-`` reads standard input. Every failure a user can cause prints one
line on standard error and exits with status 1 (2 for a malformed command,
130 when interrupted); outputs are written whole or not at all.

``extract`` and ``render`` of several inputs (or of a folder, a glob, or into
a folder ``-o OUTDIR/`` or ``-o corpus.jsonl``) run as a batch
(:mod:`argmap.batch`): a bad input is one ``argmap: error:`` line and the
others are written; a summary line ends the run, and the status is 1 when
some input failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import PurePath
from typing import Any

from ._io import decode_text, parse_size, read_input_bytes, show_path, write_atomic
from .components import Exporter
from .errors import (
    ArgmapError,
    FormatError,
    InputError,
    LayoutWarning,
    LossError,
    LossWarning,
    OptionError,
    UnknownPluginError,
)
from .model import ArgumentMap, Document
from .plugins import Registry, load_registry

__all__ = ["main"]

PROSE_SUFFIXES = (".txt", ".text", ".md", ".markdown", "")
"""Input files with these suffixes are prose for an extractor."""

PROSE = "text"
"""The ``--from`` value that forces an input to be read as prose."""

DEFAULT_DIAGRAM = "svg"
"""What ``render`` writes when neither ``-f`` nor the output's suffix names a format."""

# The diagram exporters' options that have a flag of their own (a shorthand for -O NAME=VALUE).
_DIRECTIONS = ("top", "bottom", "left", "right")
_THEMES = ("default", "print", "colorblind")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (plus the usage) and status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"argmap: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    from importlib import metadata

    try:
        version = metadata.version("argmap")
    except metadata.PackageNotFoundError:  # pragma: no cover
        version = "unknown"
    parser = _Parser(prog="argmap", description="Argument maps: extract them from prose, draw and convert them.")
    parser.add_argument("--version", action="version", version=f"argmap {version}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("extract", help="map the argument of a prose text (prints argmap JSON)",
                       description="Map the argument of a prose text with an extractor plugin and write it as "
                       "argmap JSON.")
    p.add_argument("input", metavar="INPUT", nargs="+",
                   help="a text file, - for standard input, or (several) files, folders (their .txt .text .md "
                   ".markdown files, recursively) and glob patterns")
    p.add_argument("-e", "--extractor", help="extractor to use (default: the built-in one)")
    p.add_argument("-o", "--output", default="-", metavar="OUT",
                   help="output file (default: standard output); for several inputs a folder OUTDIR/ (one .json "
                   "per input, mirroring the folders) or a .jsonl file (one map per line, in input order)")
    p.add_argument("--title", help="the document's title")
    _add_loss_options(p)
    _add_batch_options(p)

    p = sub.add_parser("render", help="draw a diagram of a prose text or a map file",
                       description="Draw a diagram of a prose text (mapped by an extractor) or of a map file "
                       "(read by an importer). The output's suffix picks the exporter (.svg, .png, .pdf, .dot, "
                       "or any suffix a plugin's exporter claims); -f names one.")
    p.add_argument("input", metavar="INPUT", nargs="+",
                   help="a text or map file, - for standard input, or (several) files, folders (their .txt "
                   ".text .md .markdown files, recursively) and glob patterns")
    p.add_argument("-e", "--extractor", help="extractor for prose input (default: the built-in one)")
    p.add_argument("-f", "-t", "--format", metavar="FORMAT",
                   help="svg, png, pdf, dot or any exporter's name (default: from OUT's suffix, else svg)")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file, or - for standard output; for several inputs a folder OUTDIR/ (one "
                   "diagram per input, mirroring the folders, in the format -f names)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT",
                   help=f"read INPUT as this map format, or '{PROSE}' for prose (default: from the suffix)")
    p.add_argument("--title", help="the document's title (prose input)")
    _add_importer_options(p)
    _add_exporter_options(p)
    _add_loss_options(p)
    _add_batch_options(p)

    p = sub.add_parser("convert", help="convert a map file to another format",
                       description="Read a map file with an importer and write it with an exporter (-t, or the "
                       "output's suffix).")
    p.add_argument("input", metavar="INPUT", help="a map file, or - for standard input")
    p.add_argument("-t", "--to", metavar="FORMAT",
                   help="output format, an exporter name (default: from OUT's suffix, e.g. map.dot)")
    p.add_argument("-o", "--output", default="-", metavar="OUT", help="output file (default: standard output)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT",
                   help="read INPUT as this map format (default: from the suffix)")
    _add_importer_options(p)
    _add_exporter_options(p)
    _add_loss_options(p)

    p = sub.add_parser("plugins", help="list plugins and what each registered; `plugins new` scaffolds one",
                       description="List the installed plugins and what each registered (a table; --json for "
                       "programs), or, with `new`, create a plugin package to start from.")
    p.add_argument("--json", action="store_true", help="print JSON: plugins, versions, registrations, "
                   "each exporter's options, failures")
    psub = p.add_subparsers(dest="plugins_command", metavar="{new}", parser_class=_Parser)
    new = psub.add_parser("new", help="create a working plugin package to start from")
    new.add_argument("name", metavar="NAME", help="the plugin's name, e.g. argmap-shout")
    new.add_argument("--kind", required=True, choices=("extractor", "importer", "exporter"),
                     help="what the plugin registers")
    new.add_argument("--dir", default=".", metavar="DIR", help="where to create the package folder (default: .)")

    for name, (_, _, help_text) in _DELEGATED.items():  # parsed by their own modules (see _delegate)
        p = sub.add_parser(name, help=help_text, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER)
    return parser


def _size(value: str) -> int:
    try:
        return parse_size(value, "--max-input")
    except ArgmapError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def _add_loss_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-input", type=_size, metavar="SIZE",
                   help="the largest input read, e.g. 512M (default: 256M, or ARGMAP_MAX_INPUT)")
    g = p.add_argument_group("losses", "what a format cannot carry is reported as one `argmap: warning:` "
                             "line per kind of loss")
    g.add_argument("--strict", action="store_true", help="treat any loss as an error: status 1, nothing written")
    g.add_argument("--loss-report", metavar="FILE", help="also write the losses as JSON: [{code, count, ids, "
                   "message}, ...]")


def _add_batch_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("many inputs", "a bad input is reported (one line) and the others are written; "
                             "a summary ends the run; exit status 1 when some input failed")
    g.add_argument("--jobs", type=_jobs, metavar="N", help="worker processes (default: the cores; 1: in this process)")
    g.add_argument("--dask", metavar="ADDRESS",
                   help="map on a Dask cluster: its scheduler's address (tcp://host:8786), or 'local' for a "
                   "LocalCluster of one worker process per core (needs pip install 'argmap[dask]')")
    g.add_argument("--skip-existing", action="store_true",
                   help="leave out inputs whose output exists (to resume an interrupted run)")
    g.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress line on standard error (default: only when it is a terminal)")


def _jobs(value: str) -> int:
    number = _count(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def _add_importer_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-I", "--import-option", dest="import_options", action="append", default=[],
                   metavar="NAME=VALUE", type=_pair,
                   help="an option of the importer that reads INPUT (repeatable), e.g. -I text=nodeset1.txt")


def _add_exporter_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("exporter options", "passed to the exporter, which must declare them "
                             "(`argmap plugins --json` lists each exporter's options)")
    g.add_argument("-O", "--option", dest="options", action="append", default=[], metavar="NAME=VALUE",
                   type=_pair, help="an option of the exporter (repeatable)")
    g = p.add_argument_group("diagram options", "shorthands for -O NAME=VALUE of the diagram exporters "
                             "(svg, png, pdf, dot)")
    g.add_argument("--direction", choices=_DIRECTIONS, help="where the thesis sits (default: top)")
    g.add_argument("--theme", choices=_THEMES, help="colours: default, print (greyscale) or colorblind")
    g.add_argument("--kinds", metavar="KINDS", help="only these kinds, comma-separated (e.g. claim,premise)")
    g.add_argument("--depth", type=_count, metavar="N", help="only statements up to N steps from the thesis")
    g.add_argument("--focus", metavar="ID", help="only this statement and what hangs from it")
    g.add_argument("--group-paragraphs", action="store_true", default=None,
                   help="frame the statements of each source paragraph together")
    g.add_argument("--width", type=_count, metavar="N", help="characters per line of statement text (default: 30)")
    g.add_argument("--no-legend", dest="legend", action="store_false", default=None, help="leave out the legend")
    g.add_argument("--show-ids", action="store_true", default=None,
                   help="put each statement's id (what --focus takes) above its text")
    g.add_argument("--status", choices=("grounded", "complete", "preferred", "stable"),
                   help="mark each statement accepted, rejected or undecided (see argmap analyse)")


_SHORTHANDS = ("direction", "theme", "kinds", "depth", "focus", "group_paragraphs", "width", "legend", "show_ids", "status")


def _pair(value: str) -> tuple[str, str]:
    name, sep, text = value.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {value!r}")
    return name.strip().replace("-", "_"), text


def _option_text(args: argparse.Namespace) -> dict[str, str]:
    """The exporter options given on the command line, as text: -O pairs and the diagram shorthands."""
    given: dict[str, str] = {}
    for name in _SHORTHANDS:
        value = getattr(args, name, None)
        if value is not None:
            given[name] = str(value).lower() if isinstance(value, bool) else str(value)
    for name, text in getattr(args, "options", None) or ():
        if name in given:
            raise OptionError(f"option {name!r} is given twice")
        given[name] = text
    return given


def _count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 0, got {value!r}")
    return number


def main(argv: Sequence[str] | None = None, *, registry: Registry | None = None) -> int:
    """Run the command line; return the exit status.

    ``registry`` replaces the plugins found in the environment (for tests and
    embedding applications).
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] and argv[0] in _DELEGATED:
        return _delegate(argv[0], argv[1:], registry)
    args = _parser().parse_args(argv)
    args.registry_given = registry is not None  # a registry of the caller's own goes to batch workers too
    return _run(lambda reg: _COMMANDS[args.command](args, reg), registry)


def _run(command: Callable[[Registry], int], registry: Registry | None) -> int:
    """Run a command with the registry, the way every command runs: warnings printed as
    `argmap: warning:` lines, user errors as one `argmap: error:` line with status 1."""
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            status = command(registry if registry is not None else load_registry())
        for warning in caught:
            print(f"argmap: warning: {warning.message}", file=sys.stderr)
        return int(status)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("argmap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _broken_pipe()


def _broken_pipe() -> int:
    """The reader of standard output went away (``argmap ... | head -1``): stop quietly, non-zero,
    as Unix tools do, and keep Python from complaining when it flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout is not a real file
        pass
    return 1


# -- input --------------------------------------------------------------------


def _read_text(path: str, args: argparse.Namespace | None = None) -> str:
    limit = getattr(args, "max_input", None)
    return decode_text(read_input_bytes(path, limit=limit), _label(path))


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else show_path(path)


def _import(args: argparse.Namespace, registry: Registry, name: str, text: str, path: str) -> ArgumentMap:
    importer = registry.importer(name)
    options = importer.parse_options(dict(getattr(args, "import_options", None) or ()))
    return importer.read(text, path, **options)


def _no_import_options(args: argparse.Namespace, path: str) -> None:
    if getattr(args, "import_options", None):
        raise InputError("is read as prose; -I options are for importers of map files", where=_label(path))


def _read_input(args: argparse.Namespace, registry: Registry, *, prose_ok: bool) -> ArgumentMap:
    """Read INPUT as a map (through an importer) or as prose (through an extractor)."""
    path: str = args.input
    forced = getattr(args, "from_format", None)
    text = _read_text(path, args)
    if forced == PROSE:
        if not prose_ok:
            raise InputError("convert reads map files; use extract or render for prose", where=_label(path))
        _no_import_options(args, path)
        return _extract(args, registry, text, path)
    if forced:
        return _import(args, registry, forced, text, path)
    if path == "-":
        if text.lstrip().startswith("{"):
            found = registry.importer_for("stdin.json", text)
            return _import(args, registry, found.name if found else "json", text, path)
        if prose_ok:
            _no_import_options(args, path)
            return _extract(args, registry, text, path)
        raise InputError("cannot tell the format of standard input; give --from FORMAT", where="<stdin>")
    importer = registry.importer_for(path, text)
    if importer is not None:
        return _import(args, registry, importer.name, text, path)
    suffix = PurePath(path).suffix.lower()
    if prose_ok:
        _no_import_options(args, path)
        return _extract(args, registry, text, path)
    if suffix in PROSE_SUFFIXES:
        raise InputError("convert reads map files; use extract or render for prose", where=_label(path))
    known = ", ".join(sorted({s for imp in registry.importers.values() for s in imp.suffixes})) or "none"
    raise InputError(f"unknown map format {suffix!r} (known: {known}); give --from FORMAT", where=_label(path))


def _extract(args: argparse.Namespace, registry: Registry, text: str, path: str) -> ArgumentMap:
    extractor = registry.extractor(getattr(args, "extractor", None))
    document = Document(
        text=text,
        title=getattr(args, "title", None),
        source=None if path == "-" else path,
    )
    return extractor(document)


# -- commands -----------------------------------------------------------------


def _exporter_for_output(registry: Registry, output: str, default: str | None, flag: str) -> Exporter:
    """The exporter named by the output's suffix, else *default*, else an error asking for *flag*."""
    if output != "-":
        found = registry.exporter_for(output)
        if found is not None:
            return found
    if default is not None and (output == "-" or not PurePath(output).suffix):
        return registry.exporter(default)
    known = ", ".join(sorted(registry.exporters))
    suffix = PurePath(output).suffix if output != "-" else ""
    what = f"no exporter writes {suffix!r} files" if suffix else "cannot tell the output format"
    raise UnknownPluginError(f"{what}; give the format with {flag} FORMAT ({known})")


@contextlib.contextmanager
def _recording() -> Iterator[list[warnings.WarningMessage]]:
    """Record the warnings of a command's work, reported when it is done; a LayoutWarning (a long layout
    is about to start) is printed at once, as the one `argmap: warning:` line it is."""
    caught: list[warnings.WarningMessage] = []

    def show(message: Warning | str, category: type[Warning], filename: str, lineno: int,
             file: Any = None, line: str | None = None) -> None:
        if issubclass(category, LayoutWarning):
            print(f"argmap: warning: {message}", file=sys.stderr, flush=True)
        else:
            caught.append(warnings.WarningMessage(message, category, filename, lineno, file, line))

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        yield caught


def _write(
    args: argparse.Namespace, registry: Registry, exporter: Exporter, *, prose_ok: bool, prose_only: bool = False
) -> int:
    """The one path of every command that writes: check the exporter's options and that it
    can run, read the input (import or extract), export, write whole."""
    options = exporter.parse_options(_option_text(args))
    if exporter.preflight is not None:
        exporter.preflight()  # fail before any extraction work (e.g. Graphviz is missing)
    with _recording() as caught:
        if prose_only:
            path = args.input
            if path != "-" and registry.importer_for(path) is not None:
                raise InputError("is a map file; extract reads prose (use convert or render)", where=_label(path))
            amap = _extract(args, registry, _read_text(path, args), path)
        else:
            amap = _read_input(args, registry, prose_ok=prose_ok)
        out = exporter(amap, **options)
    losses = [w.message for w in caught if isinstance(w.message, LossWarning)]
    if losses and getattr(args, "strict", False):
        more = f" (and {len(losses) - 1} more)" if len(losses) > 1 else ""
        raise LossError(f"--strict: {losses[0]}{more}; nothing written")
    for warning in caught:  # to the command's own report (one `argmap: warning:` line each)
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    report = getattr(args, "loss_report", None)
    if report:
        entries = [loss.as_dict() for loss in losses]
        write_atomic(report, (json.dumps(entries, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    try:
        data = out if isinstance(out, bytes) else out.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end].encode("unicode_escape").decode("ascii")
        raise FormatError(f"the {exporter.name} output holds {bad}, which is not Unicode text; nothing written")
    write_atomic(args.output, data)
    return 0


def _cmd_extract(args: argparse.Namespace, registry: Registry) -> int:
    if _is_batch(args, jsonl_ok=True):
        return _batch(args, registry, registry.exporter("json"), prose_only=True)
    args.input = args.input[0]
    if _exists_skipped(args):
        return 0
    return _write(args, registry, registry.exporter("json"), prose_ok=True, prose_only=True)


def _cmd_render(args: argparse.Namespace, registry: Registry) -> int:
    if _is_batch(args, jsonl_ok=False):
        exporter = registry.exporter(args.format if args.format is not None else DEFAULT_DIAGRAM)
        return _batch(args, registry, exporter, prose_only=False)
    args.input = args.input[0]
    if args.format is not None:
        exporter = registry.exporter(args.format)
    else:
        exporter = _exporter_for_output(registry, args.output, DEFAULT_DIAGRAM, "-f")
    if _exists_skipped(args):
        return 0
    return _write(args, registry, exporter, prose_ok=True)


# -- many inputs ----------------------------------------------------------------


def _is_folder_name(output: str) -> bool:
    return output != "-" and (output.endswith(("/", os.sep)) or os.path.isdir(output))


def _is_batch(args: argparse.Namespace, *, jsonl_ok: bool) -> bool:
    """Whether the command is a batch: several inputs, a folder, a glob or a URL as input, a folder
    (or, for extract, a .jsonl file) as output, or --dask. One file into one file is not."""
    import glob

    from .batch import is_url

    inputs: list[str] = args.input
    if len(inputs) != 1 or args.dask:
        return True
    path = inputs[0]
    if path != "-" and (is_url(path) or os.path.isdir(path) or (glob.has_magic(path) and not os.path.exists(path))):
        return True
    output: str = args.output
    return _is_folder_name(output) or (jsonl_ok and output.lower().endswith(".jsonl"))


def _exists_skipped(args: argparse.Namespace) -> bool:
    """--skip-existing with one input: its output exists, so nothing is done (and that is said)."""
    if not args.skip_existing or args.output == "-" or not os.path.exists(args.output):
        return False
    print(f"argmap: skipped {_label(args.input)}: {show_path(args.output)} exists", file=sys.stderr)
    return True


class _JsonLines:
    """The maps of a batch as JSON Lines, in input order whatever the order they finish in: to
    standard output as they come, or to a temporary file renamed into place at the end."""

    def __init__(self, output: str) -> None:
        from .batch import is_url

        self.output = output
        self.pending: dict[int, str | None] = {}
        self.next = 0
        self.buffer: list[str] | None = [] if is_url(output) else None
        self.handle: Any = None
        self.tmp: str | None = None
        if output == "-" or self.buffer is not None:
            return
        import tempfile

        target = os.path.abspath(output)
        if os.path.isdir(target):
            raise InputError("is a directory; give a file name", where=show_path(output))
        try:
            fd, self.tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp",
                                            dir=os.path.dirname(target))
        except FileNotFoundError:
            raise InputError("no such directory", where=show_path(os.path.dirname(output) or ".")) from None
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", where=show_path(output)) from None
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def add(self, index: int, line: str | None) -> None:
        """The line of input *index* (None: it failed); lines are put out once all before are in."""
        self.pending[index] = line
        while self.next in self.pending:
            text = self.pending.pop(self.next)
            self.next += 1
            if text is None:
                continue
            if self.buffer is not None:
                self.buffer.append(text + "\n")
            elif self.handle is not None:
                self.handle.write(text + "\n")
            else:
                sys.stdout.write(text + "\n")
                sys.stdout.flush()

    def finish(self) -> None:
        from .batch import write_output

        if self.buffer is not None:
            write_output(self.output, "".join(self.buffer).encode("utf-8"))
        elif self.handle is not None and self.tmp is not None:
            self.handle.close()
            mask = os.umask(0)
            os.umask(mask)
            os.chmod(self.tmp, 0o666 & ~mask)
            os.replace(self.tmp, self.output)
            self.tmp = None

    def abort(self) -> None:
        if self.handle is not None:
            self.handle.close()
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def _batch(args: argparse.Namespace, registry: Registry, exporter: Exporter, *, prose_only: bool) -> int:
    """Many inputs: collect them, plan one output each, run them (in this process, a pool or on Dask),
    report each failure in one line and end with a summary; status 1 when some input failed."""
    from . import batch

    output: str = args.output
    jsonl = prose_only and (output == "-" or output.lower().endswith(".jsonl"))
    if getattr(args, "title", None) is not None:
        raise OptionError("--title names one document; give it with one input")
    if args.loss_report:
        raise OptionError("--loss-report is for one input; with several, the losses are printed per input")
    if not jsonl and not _is_folder_name(output) and not (batch.is_url(output) and output.endswith("/")):
        also = " or a .jsonl file" if prose_only else ""
        raise InputError(f"with several inputs, -o names a folder (end it with /){also}", where=_label(output))
    if jsonl and args.skip_existing:
        raise OptionError("--skip-existing needs an output folder (-o OUTDIR/)")
    options = _option_text(args)
    exporter.parse_options(options)  # a bad option fails here, before any work
    if exporter.preflight is not None:
        exporter.preflight()
    if args.dask:
        batch.need_dask()
    suffix = exporter.suffixes[0] if exporter.suffixes else f".{exporter.name}"
    items = batch.plan(batch.collect(args.input), None if jsonl else output, None if jsonl else suffix,
                       absolute=bool(args.dask))
    todo = [item for item in items if not (args.skip_existing and item.output and batch.exists(item.output))]
    skipped = len(items) - len(todo)
    task = batch.Task(extractor=args.extractor, exporter=exporter.name, options=tuple(options.items()),
                      import_options=tuple(getattr(args, "import_options", None) or ()), prose_only=prose_only,
                      jsonl=jsonl, strict=args.strict, max_input=args.max_input)
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = batch.Progress(len(todo), sum(item.size for item in todo), enabled=bool(show))
    sink = _JsonLines(output) if jsonl else None
    own = registry if getattr(args, "registry_given", False) else None
    written = failed = 0
    close: Callable[[], None] = lambda: None
    try:
        client = None
        if args.dask and todo:
            client, close = batch.dask_client(args.dask)
        for result in batch.run(todo, task, jobs=args.jobs, client=client, registry=own):
            for note in result.warnings:
                progress.note(f"argmap: warning: {_label(result.path)}: {note}")
            if result.error is not None:
                failed += 1
                progress.note(f"argmap: error: {result.error}")
            else:
                written += 1
            if sink is not None:
                sink.add(result.index, result.line)
            progress.advance(result.size, failed=result.error is not None)
        if sink is not None:
            sink.finish()
    except KeyboardInterrupt:
        if sink is not None:
            sink.abort()
        progress.close()
        print(f"argmap: written {written}, skipped {skipped}, failed {failed}, "
              f"not done {len(todo) - written - failed} (interrupted)", file=sys.stderr)
        raise
    except BaseException:
        if sink is not None:
            sink.abort()
        raise
    finally:
        close()
    progress.close()
    print(f"argmap: written {written}, skipped {skipped}, failed {failed}", file=sys.stderr)
    return 1 if failed else 0


def _cmd_convert(args: argparse.Namespace, registry: Registry) -> int:
    if args.to is not None:
        exporter = registry.exporter(args.to)
    else:
        exporter = _exporter_for_output(registry, args.output, None, "-t")
    return _write(args, registry, exporter, prose_ok=False)


def _cmd_plugins(args: argparse.Namespace, registry: Registry) -> int:
    if getattr(args, "plugins_command", None) == "new":
        from .scaffold import new_plugin

        path = new_plugin(args.name, args.kind, args.dir)
        print(f"argmap: created {path}: install it with: pip install -e {path}", file=sys.stderr)
        return 0
    if args.json:
        print(json.dumps(registry.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(_plugins_table(registry))
    return 0


def _plugins_table(registry: Registry) -> str:
    """The plugins as a short table for people: one line per plugin, then failures."""
    rows = [("PLUGIN", "VERSION", "REGISTERED")]
    failed = []
    for info in registry.plugins:
        if info.error is not None:
            failed.append(f"  {info.name}: {info.error}")
            continue
        parts = [f"{kind} {', '.join(names)}" for kind, names in (
            ("extractors", info.extractors), ("importers", info.importers), ("exporters", info.exporters)) if names]
        name = info.name + (" (built-in)" if info.builtin else "")
        rows.append((name, info.version or "-", "; ".join(parts) or "nothing"))
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    lines = [f"{a:<{widths[0]}}  {b:<{widths[1]}}  {c}" for a, b, c in rows]
    if failed:
        lines += ["", "failed to load:", *failed]
    if registry.clashes:
        lines += ["", "clashes (these names cannot be used):", *(f"  {m}" for m in registry.clashes.values())]
    lines += ["", "`argmap plugins --json` adds descriptions, suffixes and each exporter's options."]
    return "\n".join(lines)


_DELEGATED: dict[str, tuple[str, str, str]] = {
    "evaluate": ("argmap.evaluation.cli", "main", "score an extractor against an annotated corpus"),
    "analyse": ("argmap.analysis.cli", "analyse", "which statements stand: argumentation semantics"),
    "lint": ("argmap.analysis.cli", "lint", "check a map as a teacher of argument mapping would"),
    "diff": ("argmap.analysis.cli", "diff", "what differs between two maps of the same document"),
}
"""Commands whose parser and work live with their job: name -> (module, function, one-line help).
The function takes (argv, registry) and returns the exit status."""


def _delegate(command: str, argv: list[str], registry: Registry | None) -> int:
    import importlib

    module_name, function, _ = _DELEGATED[command]
    try:
        run = getattr(importlib.import_module(module_name), function)
    except (ImportError, AttributeError):
        print(f"argmap: error: the {command} command is not available in this installation", file=sys.stderr)
        return 1
    return _run(lambda reg: run(argv, reg), registry)


_COMMANDS = {
    "extract": _cmd_extract,
    "render": _cmd_render,
    "convert": _cmd_convert,
    "plugins": _cmd_plugins,
}
