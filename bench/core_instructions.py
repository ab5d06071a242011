"""One core operation on a benchmark map, for counting its instructions with callgrind.

Instruction counts do not drift with the load of a shared machine. Each operation's count is the
difference between a run that does it once and a ``base`` run that stops just before it::

    for op in base build plain dumps json.dumps loads json.loads dot; do
      valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        .venv/bin/python bench/core_instructions.py 5000 $op 2>&1 | grep Collected
    done

Add ``--spans`` to give every statement a span. ``plain``, ``json.dumps`` and ``json.loads`` are the
floors (the plain-dict build, the standard library's JSON on the same data).
"""

from __future__ import annotations

import gc
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_core  # noqa: E402

import argmap  # noqa: E402
from argmap.formats.json import map_to_dict  # noqa: E402


def main() -> None:
    n, op = int(sys.argv[1]), sys.argv[2]
    spec = bench_core.make_spec(n)
    spans = bench_core.with_spans(spec) if "--spans" in sys.argv else None
    amap = bench_core.build_map(spec, spans)
    text = argmap.dumps(amap)
    data = map_to_dict(amap)
    argmap.to_dot(bench_core.build_map(bench_core.make_spec(50)))  # every lazy import done before
    gc.collect()
    ops = {
        "base": lambda: None,
        "build": lambda: bench_core.build_map(spec, spans),
        "plain": lambda: bench_core.build_plain(spec),
        "dumps": lambda: argmap.dumps(amap),
        "json.dumps": lambda: json.dumps(data, ensure_ascii=False),
        "loads": lambda: argmap.loads(text),
        "json.loads": lambda: json.loads(text),
        "dot": lambda: argmap.to_dot(amap),
    }
    ops[op]()


if __name__ == "__main__":
    main()
