"""Benchmark of the interchange formats on the 112 microtext maps (run by hand, not a test).

    .venv/bin/python bench/bench_interchange.py --format sadface [--repeat 5] [--corpus PATH]

One function per format (``FORMATS``), each timing the export of every map of arg-microtexts part 1
(read in place: $ARGMAP_MICROTEXT_CORPUS or ../shared/corpora/arg-microtexts-part1) and the import of
those exports back into maps, against floors measured in the same run on the same data: the standard
library's ``json.dumps`` of the format's own data (what any writer of that JSON must at least do) and
``json.loads`` of the exported texts (what any reader must at least do). Best of --repeat runs with
:func:`time.perf_counter`, a :func:`gc.collect` before each. The result is a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
Row = tuple[str, float, str, float]  # (what, seconds, floor, floor seconds)


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus_maps(corpus: Path) -> list:
    from argmap.formats.microtext import load_path

    files = sorted((corpus / "corpus" / "en").glob("*.xml"))
    if not files:
        sys.exit(f"no microtext XML files in {corpus / 'corpus' / 'en'}")
    return [load_path(p) for p in files]


# -- one function per format ---------------------------------------------------------------------------


def sadface(maps: list, repeat: int) -> list[Row]:
    """SADFace (argmap.formats.sadface): dumps of every map, loads of every export."""
    from argmap.formats.sadface import dumps, loads, map_to_dict

    texts = [dumps(m) for m in maps]
    assert [loads(t) for t in texts] == maps, "the round trip is not exact"
    data = [map_to_dict(m) for m in maps]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an import that warns would be a loss: refuse to time it
        export = best(lambda: [dumps(m) for m in maps], repeat)
        floor_out = best(lambda: [json.dumps(d, indent=4, sort_keys=True, ensure_ascii=False) for d in data], repeat)
        back = best(lambda: [loads(t) for t in texts], repeat)
        floor_in = best(lambda: [json.loads(t) for t in texts], repeat)
    size = sum(len(t.encode("utf-8")) for t in texts)
    return [
        (f"export {len(maps)} maps to SADFace ({size / 1e6:.2f} MB)", export,
         "json.dumps of the same SADFace data (indent 4, sorted keys)", floor_out),
        (f"import the {len(maps)} SADFace texts back", back, "json.loads of the same texts", floor_in),
    ]


def aif(maps: list, repeat: int) -> list[Row]:
    """AIF-JSON (argmap.formats.aif): import of all of AraucariaDB (662 nodesets with their .txt, read into
    memory first: the time is the parsing and mapping, not the disk) against json.loads of the same files; export
    of the microtext maps against json.dumps of the AIF data the exporter writes; import of those exports back."""
    from argmap.formats.aif import dumps, loads, to_dict

    folder = Path(os.environ.get("ARGMAP_AIF_ARAUCARIA") or ROOT.parent / "shared" / "corpora" / "aif-araucaria")
    files = sorted(folder.glob("nodeset*.json"))
    if not files:
        sys.exit(f"no AIF nodesets in {folder} (set ARGMAP_AIF_ARAUCARIA)")
    sources = [(p.read_text(encoding="utf-8"), p.with_suffix(".txt").read_text(encoding="utf-8")) for p in files]
    texts = [dumps(m) for m in maps]
    assert [loads(t) for t in texts] == maps, "the round trip is not exact"
    data = [to_dict(m) for m in maps]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # AraucariaDB's losses (locutions, reconstructed premises) are expected
        araucaria = best(lambda: [loads(t, document=d) for t, d in sources], repeat)
    floor_araucaria = best(lambda: [json.loads(t) for t, _ in sources], repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an export or import that warns would be a loss: refuse to time it
        export = best(lambda: [dumps(m) for m in maps], repeat)
        floor_out = best(lambda: [json.dumps(d, ensure_ascii=False) for d in data], repeat)
        back = best(lambda: [loads(t) for t in texts], repeat)
        floor_in = best(lambda: [json.loads(t) for t in texts], repeat)
    size_in = sum(len(t.encode("utf-8")) for t, _ in sources)
    size = sum(len(t.encode("utf-8")) for t in texts)
    return [
        (f"import all {len(files)} AraucariaDB nodesets with their text ({size_in / 1e6:.2f} MB)", araucaria,
         "json.loads of the same files", floor_araucaria),
        (f"export {len(maps)} maps to AIF with the extension ({size / 1e6:.2f} MB)", export,
         "json.dumps of the same AIF data", floor_out),
        (f"import the {len(maps)} AIF texts back", back, "json.loads of the same texts", floor_in),
    ]


def argdown(maps: list, repeat: int) -> list[Row]:
    """Argdown (argmap.formats.argdown): export of every map to .argdown text against json.dumps of the same
    maps' argmap/1 dicts; the real Argdown 1.7.5 parsing all the exports in one Node process (tests/
    argdown_parse_many.js, wall clock with Node's start-up) against that process loading @argdown/node and
    parsing nothing; the import of Argdown's JSON for them (map_from_argdown) against json.loads of that JSON."""
    import shutil
    import subprocess
    import tempfile

    from argmap.formats.argdown import dumps, map_from_argdown
    from argmap.formats.json import map_to_dict

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # attacks on attacks and linked attacks: drawn differently, kept in data
        texts = [dumps(m) for m in maps]
        export = best(lambda: [dumps(m) for m in maps], repeat)
    data = [map_to_dict(m) for m in maps]
    floor_out = best(lambda: [json.dumps(d, ensure_ascii=False) for d in data], repeat)
    size = sum(len(t.encode("utf-8")) for t in texts)
    rows: list[Row] = [(f"export {len(maps)} maps to Argdown ({size / 1e6:.2f} MB)", export,
                        "json.dumps of the same maps' argmap/1 dicts", floor_out)]
    modules = Path(os.environ.get("ARGMAP_INTEROP") or ROOT / ".interop") / "node" / "node_modules"
    node = shutil.which("node")
    if node is None or not (modules / "@argdown" / "node").is_dir():
        print(f"(the real Argdown is not installed in {modules}: tools/setup-interop.sh; its rows are left out)\n")
        return rows
    script = ROOT / "tests" / "argdown_parse_many.js"
    env = {**os.environ, "NODE_PATH": str(modules)}
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"m{i:03d}.argdown"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))

        def parse(files: list[str]) -> str:
            return subprocess.run([node, str(script), *files], capture_output=True, text=True, env=env,
                                  input="", check=True).stdout

        out = parse(paths)
        results = [json.loads(line) for line in out.splitlines()]
        assert all(not r["errors"] and r["exception"] is None for r in results), "Argdown rejected an export"
        argdown_json = [json.dumps(r["json"]) for r in results]
        parse_time = best(lambda: parse(paths), repeat)
        start_up = best(lambda: parse([]), repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an import that warns would be a loss: refuse to time it
        assert [map_from_argdown(json.loads(t)) for t in argdown_json] == maps, "the round trip is not exact"
        back = best(lambda: [map_from_argdown(json.loads(t)) for t in argdown_json], repeat)
    floor_in = best(lambda: [json.loads(t) for t in argdown_json], repeat)
    json_size = sum(len(t.encode("utf-8")) for t in argdown_json)
    return rows + [
        (f"the real Argdown parses the {len(maps)} exports (one Node process, wall clock)", parse_time,
         "the same process loading @argdown/node, parsing nothing", start_up),
        (f"import Argdown's JSON for them back ({json_size / 1e6:.2f} MB)", back, "json.loads of the same JSON",
         floor_in),
    ]


FORMATS: dict[str, Callable[[list, int], list[Row]]] = {"aif": aif, "argdown": argdown, "sadface": sadface}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--format", choices=sorted(FORMATS), action="append",
                        help="the format to measure (repeatable; default: all)")
    parser.add_argument("--repeat", type=int, default=5)
    default = os.environ.get("ARGMAP_MICROTEXT_CORPUS") or ROOT.parent / "shared" / "corpora" / "arg-microtexts-part1"
    parser.add_argument("--corpus", type=Path, default=Path(default))
    args = parser.parse_args(argv)
    maps = corpus_maps(args.corpus)
    print(f"Python {platform.python_version()} on {platform.machine()}; {len(maps)} microtext maps from "
          f"{args.corpus}; best of {args.repeat}\n")
    print("| format | what | time (ms) | floor | floor (ms) | ratio |")
    print("|---|---|---:|---|---:|---:|")
    for name in args.format or sorted(FORMATS):
        for what, seconds, floor, floor_seconds in FORMATS[name](maps, args.repeat):
            print(f"| {name} | {what} | {seconds * 1000:.1f} | {floor} | {floor_seconds * 1000:.1f} "
                  f"| {seconds / floor_seconds:.1f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
