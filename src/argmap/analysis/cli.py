"""``argmap analyse``, ``argmap lint`` and ``argmap diff``: the analysis commands.

The top-level ``argmap`` command hands each of them its arguments
(:func:`analyse`, :func:`lint`, :func:`diff`, each ``(argv, registry) -> exit
status``). User errors are raised as :class:`~argmap.ArgmapError`, which the
caller prints as one line (status 1); a malformed command prints its usage and
returns 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import PurePath
from typing import TYPE_CHECKING

from .._io import decode_text, read_input_bytes, write_atomic
from ..errors import FormatError, InputError, ValidationError
from ..model import ArgumentMap
from .diff import diff as _diff
from .framework import Framework
from .iccma import read_apx, read_tgf, write_apx, write_tgf
from .lint import RULES, to_json, to_text
from .lint import lint as _lint
from .results import analyse as _analyse
from .semantics import DEFAULT_BUDGET, DEFAULT_LIMIT, SEMANTICS, credulous, labellings, sceptical

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Registry

__all__ = ["analyse", "diff", "lint"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of exiting on a usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)


def _run(parser: _Parser, argv: list[str]) -> argparse.Namespace | int:
    try:
        return parser.parse_args(argv)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)


def _text(path: str) -> str:
    if path == "-":
        return decode_text(sys.stdin.buffer.read(), "<stdin>")
    return decode_text(read_input_bytes(path), path)


def _label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _read_map(path: str, registry: Registry | None, fmt: str | None) -> ArgumentMap:
    """Read a map file through the registry's importers (by suffix and sniffing, or *fmt*)."""
    if registry is None:
        from ..plugins import load_registry

        registry = load_registry()
    text = _text(path)
    if fmt is None:
        probe = "stdin.json" if path == "-" else path
        found = registry.importer_for(probe, text)
        if found is None:
            known = ", ".join(sorted({s for imp in registry.importers.values() for s in imp.suffixes})) or "none"
            raise InputError(f"cannot tell the map format (known suffixes: {known}); give --from FORMAT",
                             where=_label(path))
        fmt = found.name
    importer = registry.importer(fmt)
    try:
        return importer(text)
    except (FormatError, ValidationError) as exc:
        where = f"{_label(path)}: {exc.where}" if exc.where else _label(path)
        raise FormatError(exc.message, where=where) from None


def _iccma_kind(path: str, fmt: str | None) -> str | None:
    if fmt in ("apx", "tgf"):
        return fmt
    if fmt is None and path != "-":
        suffix = PurePath(path).suffix.lower()
        if suffix in (".apx", ".tgf"):
            return suffix[1:]
    return None


def _read_framework(path: str, kind: str) -> Framework:
    text = _text(path)
    try:
        return read_apx(text) if kind == "apx" else read_tgf(text)
    except FormatError as exc:
        where = f"{_label(path)}: {exc.where}" if exc.where else _label(path)
        raise FormatError(exc.message, where=where) from None


# -- analyse ------------------------------------------------------------------------------------------


def _analyse_parser() -> _Parser:
    p = _Parser(
        prog="argmap analyse",
        description="Label every statement of a map in (accepted), out (rejected) or undec (undecided) under "
        "Dung's grounded, complete, preferred or stable semantics, reading each support as necessary support "
        "(a conclusion stands only if one of its reasons stands) and each undercut as an attack on the "
        "inference (docs/analysis.md). Text for people says why each objection is in or out; --format json "
        "is for programs. An ICCMA framework (.apx, .tgf) is labelled as it is.",
    )
    p.add_argument("map", metavar="MAP", help="a map file (argmap JSON or any format an importer reads; .apx and "
                   ".tgf frameworks too), or - for standard input")
    p.add_argument("-s", "--semantics", choices=SEMANTICS, help="default: grounded (preferred with --accept)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.add_argument("--accept", metavar="ID", help="only say whether this statement is credulously (in some "
                   "labelling) and sceptically (in every labelling) accepted; default semantics for it: preferred "
                   "unless -s is given")
    p.add_argument("--framework", choices=("apx", "tgf"), help="print the map's abstract framework (its "
                   "projection) in this ICCMA format instead of labels")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="read MAP as this format (default: from "
                   "its suffix and content)")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N", help="most labellings to list "
                   f"before giving up with an error (default {DEFAULT_LIMIT})")
    p.add_argument("--budget", type=int, default=DEFAULT_BUDGET, metavar="STEPS", help="most search steps per "
                   f"question before giving up with an error (default {DEFAULT_BUDGET})")
    return p


def _framework_output(fw: Framework, args: argparse.Namespace, semantics: str) -> str:
    import json

    labs = labellings(fw, semantics, limit=args.limit, budget=args.budget)
    if args.format == "json":
        data: dict[str, object] = ({"semantics": semantics, "labels": labs[0]} if semantics == "grounded"
                                   else {"semantics": semantics, "labellings": labs})
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out = [f"{semantics} semantics: {len(fw.arguments)} arguments, {len(fw.edges)} attacks, "
           f"{len(labs)} labelling{'s' * (len(labs) != 1)}"]
    for k, lab in enumerate(labs):
        if len(labs) > 1:
            out.append(f"labelling {k + 1}:")
        for word in ("in", "out", "undec"):
            names = [a for a, v in lab.items() if v == word]
            out.append(f"  {word}: {', '.join(names) if names else '-'}")
    return "\n".join(out) + "\n"


def analyse(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap analyse MAP [-s SEMANTICS] [--format text|json] [--accept ID] [--framework apx|tgf]``."""
    args = _run(_analyse_parser(), argv)
    if isinstance(args, int):
        return args
    kind = _iccma_kind(args.map, args.from_format)
    if kind is not None:
        fw = _read_framework(args.map, kind)
        amap = None
    else:
        amap = _read_map(args.map, registry, args.from_format)
        from .framework import project

        fw = project(amap)
    if args.framework:
        sys.stdout.write(write_apx(fw) if args.framework == "apx" else write_tgf(fw))
        return 0
    if args.accept is not None:
        semantics = args.semantics or "preferred"
        if amap is not None:
            amap.statement(args.accept)  # an UnknownIdError names a missing statement
        cred = credulous(fw, args.accept, semantics, budget=args.budget)
        scep = sceptical(fw, args.accept, semantics, budget=args.budget)
        if args.format == "json":
            import json

            sys.stdout.write(json.dumps({"semantics": semantics, "statement": args.accept, "credulous": cred,
                                         "sceptical": scep}, indent=2) + "\n")
        else:
            yes = {True: "yes", False: "no"}
            sys.stdout.write(f"{args.accept} under {semantics} semantics: credulously accepted (in some labelling): "
                             f"{yes[cred]}; sceptically accepted (in every labelling): {yes[scep]}\n")
        return 0
    semantics = args.semantics or "grounded"
    if amap is None:
        sys.stdout.write(_framework_output(fw, args, semantics))
        return 0
    result = _analyse(amap, semantics, limit=args.limit, budget=args.budget)
    sys.stdout.write(result.to_json() if args.format == "json" else result.to_text())
    return 0


# -- lint ---------------------------------------------------------------------------------------------


def _lint_parser() -> _Parser:
    rules = "; ".join(f"{rule} ({severity})" for rule, (severity, _) in RULES.items())
    p = _Parser(
        prog="argmap lint",
        description="Check a map as a teacher of argument mapping would: each finding has a stable rule id, a "
        "severity and a message naming the statements. Exit status 1 when an error is found (or a warning, "
        f"with --fail-on warning), so it can guard maps in CI. Rules: {rules}.",
    )
    p.add_argument("maps", metavar="MAP", nargs="+", help="map files (any format an importer reads), or -")
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.add_argument("--ignore", action="append", default=[], metavar="RULE", choices=list(RULES),
                   help="skip a rule (repeatable)")
    p.add_argument("--fail-on", choices=("error", "warning"), default="error",
                   help="the least severity that makes the exit status 1 (default: error)")
    p.add_argument("--from", dest="from_format", metavar="FORMAT", help="read MAP as this format")
    return p


def lint(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap lint MAP... [--format text|json] [--ignore RULE] [--fail-on error|warning]``."""
    args = _run(_lint_parser(), argv)
    if isinstance(args, int):
        return args
    failing = {"error"} if args.fail_on == "error" else {"error", "warning"}
    status = 0
    outputs = []
    for path in args.maps:
        findings = _lint(_read_map(path, registry, args.from_format), ignore=args.ignore)
        if any(f.severity in failing for f in findings):
            status = 1
        if args.format == "json":
            outputs.append(to_json(findings) if len(args.maps) == 1 else
                           f'{{"map": {__import__("json").dumps(path)}, "result": {to_json(findings).strip()}}}')
        else:
            outputs.append(to_text(findings, _label(path)))
    if args.format == "json" and len(args.maps) > 1:
        sys.stdout.write("[\n" + ",\n".join(outputs) + "\n]\n")
    else:
        sys.stdout.write("".join(outputs))
    return status


# -- diff ---------------------------------------------------------------------------------------------


def _diff_parser() -> _Parser:
    p = _Parser(
        prog="argmap diff",
        description="Compare two maps of the same document: statements are aligned by span overlap where both "
        "maps have spans into the same text, by their words otherwise; then report the statements only in one "
        "map, changed kinds and words, relations only in one map or of another type, and a changed main claim. "
        "--diagram draws map B with what changed in colour.",
    )
    p.add_argument("a", metavar="MAP_A", help="the first map (any format an importer reads)")
    p.add_argument("b", metavar="MAP_B", help="the second map")
    p.add_argument("--format", choices=("text", "json"), default="text", help="default: text")
    p.add_argument("--diagram", metavar="OUT", help="also draw the differences: OUT.svg, .png, .pdf or .dot")
    p.add_argument("--exit-code", action="store_true", help="exit with status 1 when the maps differ (as git diff "
                   "--exit-code)")
    return p


def diff(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap diff MAP_A MAP_B [--format text|json] [--diagram OUT] [--exit-code]``."""
    args = _run(_diff_parser(), argv)
    if isinstance(args, int):
        return args
    if args.a == "-" and args.b == "-":
        raise InputError("only one of MAP_A and MAP_B can be standard input")
    out_format = None
    if args.diagram:
        out_format = PurePath(args.diagram).suffix.lower().lstrip(".")
        if out_format not in ("svg", "png", "pdf", "dot"):
            raise InputError("the diagram's suffix must be .svg, .png, .pdf or .dot", where=args.diagram)
        if out_format != "dot":
            from ..diagram import find_renderer

            find_renderer(out_format)  # fail before any work when Graphviz is missing
    a = _read_map(args.a, registry, None)
    b = _read_map(args.b, registry, None)
    result = _diff(a, b)
    if args.diagram:
        source = result.to_dot(_label(args.a), _label(args.b))
        if out_format == "dot":
            data = source.encode("utf-8")
        else:
            from ..diagram import render_dot

            data = render_dot(source, out_format or "svg", title=f"{_label(args.a)} -> {_label(args.b)}")
        write_atomic(args.diagram, data)
    sys.stdout.write(result.to_json() if args.format == "json" else result.to_text(_label(args.a), _label(args.b)))
    return 1 if args.exit_code and not result.same else 0



