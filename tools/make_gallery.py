"""Regenerate the pictures of the README and of docs/gallery.md from the maps in seeds/.

Run from anywhere (needs Graphviz's dot, or graphviz-pure):

    .venv/bin/python tools/make_gallery.py

Each picture is drawn with the same options the gallery page shows as a command.
"""

from __future__ import annotations

import shlex
from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
OPED = "seeds/japan-russia-reset.map.json"
CORE = "seeds/japan-russia-reset.core.json"


def _first_objection_to_thesis(amap: argmap.ArgumentMap) -> str:
    thesis = amap.main_claims[0].id
    for attack in amap.objections_to(thesis):
        return attack.attackers[0]
    return thesis


# (file name, map, options, what it shows)
def pictures() -> list[tuple[str, str, dict, str]]:
    oped = argmap.load(ROOT / OPED)
    focus = _first_objection_to_thesis(oped)
    return [
        ("oped-default", OPED, {}, "The op-ed as the `cues` extractor maps it, default options: thesis on top."),
        ("oped-left", OPED, {"direction": "left"}, "`--direction left`: the thesis on the left, reasons to the right; "
         "tall rather than wide, good for long maps."),
        ("core-bottom", CORE, {"direction": "bottom"}, "`--direction bottom`: the thesis at the bottom, reasons above."),
        ("core-right", CORE, {"direction": "right"}, "`--direction right`: the thesis on the right."),
        ("core-print", CORE, {"theme": "print"}, "`--theme print`: greyscale; kinds differ by shade and border, "
         "support and attack by line style."),
        ("core-colorblind", CORE, {"theme": "colorblind"}, "`--theme colorblind`: the Okabe-Ito colours."),
        ("oped-kinds", OPED, {"kinds": "recommendation,objection,rebuttal"},
         "`--kinds recommendation,objection,rebuttal`: only the debate and what the author recommends."),
        ("oped-depth", OPED, {"depth": 1}, "`--depth 1`: the thesis and what directly supports or attacks it."),
        ("oped-focus", OPED, {"focus": focus}, f"`--focus {focus}`: one objection and what hangs from it."),
        ("oped-paragraphs", OPED, {"group_paragraphs": True},
         "`--group-paragraphs`: statements framed by the paragraph of the op-ed they come from."),
    ]


def _cli(name: str, source: str, options: dict) -> str:
    words = ["argmap", "render", source, "-o", f"{name}.png"]
    for key, value in options.items():
        flag = "--" + key.replace("_", "-")
        words += [flag] if value is True else [flag, str(value)]
    return shlex.join(words)


def main() -> None:
    (IMAGES / "gallery").mkdir(parents=True, exist_ok=True)
    for name, source in (("japan-russia-reset", OPED), ("japan-russia-reset-core", CORE)):
        amap = argmap.load(ROOT / source)
        for fmt in ("svg", "png"):
            (IMAGES / f"{name}.{fmt}").write_bytes(argmap.render(amap, fmt))
    page = [
        "# Gallery",
        "",
        "Every picture below is drawn from a map in `seeds/` by `tools/make_gallery.py`, with the options its",
        "command shows. The same options exist in Python: `argmap.render(amap, \"png\", direction=\"left\")`.",
        "See [diagrams.md](diagrams.md) for what each element of a diagram means.",
    ]
    for name, source, options, caption in pictures():
        amap = argmap.load(ROOT / source)
        (IMAGES / "gallery" / f"{name}.png").write_bytes(argmap.render(amap, "png", **options))
        page += ["", f"## {caption.split(':')[0].strip('`') if options else 'Default'}", "", caption, "",
                 "```console", f"$ {_cli(name, source, options)}", "```", "",
                 f"![{name}](images/gallery/{name}.png)"]
    (ROOT / "docs" / "gallery.md").write_text("\n".join(page) + "\n", encoding="utf-8")
    print(f"wrote {len(pictures())} gallery pictures, docs/gallery.md and the README pictures")


if __name__ == "__main__":
    main()
