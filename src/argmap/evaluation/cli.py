"""``argmap evaluate``: the harness's command line.

:func:`main` parses ``argmap evaluate CORPUS [CORPUS ...] [--table] [--mode ...] [-e EXTRACTOR |
--baseline NAME] [--format ...] [--per-text] [--calibration [--bins N]]``. With one corpus (and no
``--table``) it prints the report of one system (:func:`~argmap.evaluation.evaluate_corpus`); with
several corpora, or ``--table``, the cross-corpus table of the first-unit baseline, the chain
baseline and the extractor (:func:`~argmap.evaluation.table.cross_corpus`). ``--calibration``
adds the reliability table of the thesis confidence on each corpus. The top-level ``argmap``
command hands ``evaluate`` to it.
"""

from __future__ import annotations

import argparse
import codecs
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import ArgmapError
from .baselines import BASELINES
from .calibration import reliability, thesis_pairs
from .corpus import NoGoldError, load_gold
from .report import Report
from .run import MODES, evaluate_corpus
from .table import cross_corpus

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Extractor, Registry

__all__ = ["main"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argument parser that raises instead of printing usage and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise _UsageError(message)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            sys.stderr.write(message)
        raise SystemExit(status)


def _parser() -> _Parser:
    parser = _Parser(
        prog="argmap evaluate",
        description="Score an extractor (or a baseline) against gold argument maps: an arg-microtexts "
        "folder (XML) or a folder of AIF-JSON maps with their texts (nodesetN.json + nodesetN.txt). "
        "Levels as Peldszus & Stede 2015: cc, ro, fu, at macro-F1, segmentation P/R, and the share of "
        "texts whose central claim was found (token F1 >= 0.5). Several corpora (or --table): one "
        "table of the first-unit baseline, the chain baseline and the extractor on each.",
    )
    parser.add_argument(
        "corpus",
        metavar="CORPUS",
        nargs="+",
        help="a corpus folder (e.g. arg-microtexts-part1, aif-araucaria)",
    )
    parser.add_argument(
        "--table",
        action="store_true",
        help="the cross-corpus table even for one corpus (the default for several)",
    )
    parser.add_argument(
        "--mode", choices=("end-to-end", "given-units", "both"), default="both", help="default: both"
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "-e", "--extractor", metavar="EXTRACTOR", help="an installed extractor (default: the default one)"
    )
    who.add_argument(
        "--baseline", choices=sorted(BASELINES), help="score a built-in baseline instead (one corpus)"
    )
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="default: text"
    )
    parser.add_argument(
        "--per-text",
        action="store_true",
        help="with --format json: also each text's scores (to find the bad ones)",
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        metavar="ENC",
        help="the encoding of AIF sidecar texts (default: utf-8; some AIFdb texts are cp1252)",
    )
    parser.add_argument(
        "--calibration",
        action="store_true",
        help="also the reliability table of the thesis confidence per corpus (end-to-end unless only given units run)",
    )
    parser.add_argument(
        "--bins", type=int, default=10, metavar="N", help="bins of the reliability table (default: 10)"
    )
    return parser


def _calibration(reports: list[Report], bins: int) -> list[tuple[str, Any, int]]:
    """Per report (end-to-end mode, else the one mode run): its title, its reliability table and the texts without a confidence."""
    out = []
    for report in reports:
        # End-to-end where it ran, else the mode that did (given units only).
        for m in [m for m in report.modes if m.mode == "end-to-end"] or list(report.modes[:1]):
            pairs, missing = thesis_pairs(m.texts)
            title = f"thesis confidence of {report.extractor} on {Path(report.corpus).name} ({m.mode})"
            out.append((title, reliability(pairs, bins), missing))
    return out


def _calibration_text(items: list[tuple[str, Any, int]], markdown: bool) -> str:
    parts = []
    for title, table, missing in items:
        text = table.to_markdown(f"**{title}**") if markdown else table.to_text(title)
        if missing:
            text += f"{'- ' if markdown else 'note: '}{missing} text(s) with no thesis confidence left out\n"
        parts.append(text)
    return "\n".join(parts)


def _extractor(args: argparse.Namespace, registry: Registry | None) -> Extractor:
    if args.baseline:
        return BASELINES[args.baseline]()
    if registry is None:
        from ..plugins import load_registry

        registry = load_registry()
    return registry.extractor(args.extractor)


def main(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap evaluate CORPUS [CORPUS ...] [--table] [--mode ...] [-e EXTRACTOR | --baseline NAME]
    [--format ...] [--per-text] [--encoding ENC] [--calibration [--bins N]]``.

    Prints the report (one corpus) or the cross-corpus table (several, or ``--table``) on stdout
    and returns 0. On bad arguments, or a folder with no usable gold map, it prints one line on
    stderr and returns 2; on a missing folder or an extractor error, one line and 1.
    """
    try:
        args = _parser().parse_args(argv)
        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise _UsageError(f"argument --encoding: unknown encoding {args.encoding!r}") from None
        if args.bins < 1:
            raise _UsageError(f"argument --bins: expected at least 1, got {args.bins}")
        table_mode = args.table or len(args.corpus) > 1
        if table_mode and args.baseline:
            raise _UsageError("argument --baseline: not with several corpora or --table (the table shows both baselines)")
        if table_mode and args.per_text:
            raise _UsageError("argument --per-text: only for one corpus without --table")
    except _UsageError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    modes: list[str] = list(MODES) if args.mode == "both" else [args.mode]
    try:
        corpora = [load_gold(c, encoding=args.encoding) for c in args.corpus]
        extractor = _extractor(args, registry)
        if table_mode:
            systems = [BASELINES["first"](), BASELINES["chain"](), extractor]
            table = cross_corpus(corpora, systems, modes)
            reports = [r for r in table.reports if r.extractor == extractor.name]
            out = table.to_json() if args.format == "json" else (
                table.to_markdown() if args.format == "markdown" else table.to_text())
        else:
            notes: list[str] = []
            if args.mode == "both" and extractor.extract_units is None:
                modes = ["end-to-end"]
                notes.append(f"extractor {extractor.name!r} has no extract_units: given-units mode skipped")
            report = evaluate_corpus(corpora[0], extractor, modes)
            report = attrs.evolve(report, corpus=args.corpus[0], notes=report.notes + tuple(notes))
            reports = [report]
            out = report.to_json(per_text=args.per_text) if args.format == "json" else (
                report.to_markdown() if args.format == "markdown" else report.to_text())
    except NoGoldError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 2
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    if args.calibration:
        items = _calibration(reports, args.bins)
        if args.format == "json":
            data = json.loads(out)
            data["calibration"] = [
                {"title": title, **table.as_dict(), "n_without_confidence": missing}
                for title, table, missing in items
            ]
            out = json.dumps(data, indent=2) + "\n"
        else:
            out += "\n" + _calibration_text(items, args.format == "markdown")
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
