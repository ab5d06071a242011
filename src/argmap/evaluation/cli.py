"""``argmap evaluate``: the harness's command line.

:func:`main` parses ``argmap evaluate CORPUS [--mode ...] [-e EXTRACTOR |
--baseline chain] [--format ...] [--per-text]``, runs
:func:`~argmap.evaluation.evaluate_corpus` and prints the report; the
top-level ``argmap`` command hands ``evaluate`` to it.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import attrs

from ..errors import ArgmapError
from .baselines import BASELINES
from .corpus import find_corpus_files
from .run import MODES, evaluate_corpus

if TYPE_CHECKING:  # pragma: no cover
    from ..plugins import Registry

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
        description="Score an extractor (or a baseline) against the arg-microtexts gold "
        "(Peldszus & Stede 2015): cc, ro, fu, at macro-F1 and segmentation P/R, "
        "pooled and as the mean over the 50 standard folds.",
    )
    parser.add_argument("corpus", metavar="CORPUS", help="the corpus folder (e.g. arg-microtexts-part1)")
    parser.add_argument(
        "--mode", choices=("end-to-end", "given-units", "both"), default="both", help="default: both"
    )
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "-e", "--extractor", metavar="EXTRACTOR", help="an installed extractor (default: the default one)"
    )
    who.add_argument("--baseline", choices=sorted(BASELINES), help="score a built-in baseline instead")
    parser.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="default: text"
    )
    parser.add_argument(
        "--per-text",
        action="store_true",
        help="with --format json: also each text's scores (to find the bad ones)",
    )
    return parser


def main(argv: list[str], registry: Registry | None = None) -> int:
    """``argmap evaluate CORPUS [--mode ...] [-e EXTRACTOR | --baseline chain] [--format ...] [--per-text]``.

    Prints the report on stdout and returns 0; on bad arguments, a missing
    corpus or an extractor error, prints one line on stderr and returns 2
    (usage) or 1 (anything else).
    """
    try:
        args = _parser().parse_args(argv)
    except _UsageError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    try:
        find_corpus_files(args.corpus)
        if args.baseline:
            extractor = BASELINES[args.baseline]()
        else:
            if registry is None:
                from ..plugins import load_registry

                registry = load_registry()
            extractor = registry.extractor(args.extractor)
        notes: list[str] = []
        if args.mode == "both":
            modes: list[str] = list(MODES)
            if extractor.extract_units is None:
                modes = ["end-to-end"]
                notes.append(f"extractor {extractor.name!r} has no extract_units: given-units mode skipped")
        else:
            modes = [args.mode]
        report = evaluate_corpus(args.corpus, extractor, modes)
    except ArgmapError as exc:
        print(f"argmap: error: {exc}", file=sys.stderr)
        return 1
    if notes:
        report = attrs.evolve(report, notes=report.notes + tuple(notes))
    if args.format == "json":
        out = report.to_json(per_text=args.per_text)
    elif args.format == "markdown":
        out = report.to_markdown()
    else:
        out = report.to_text()
    sys.stdout.write(out)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
