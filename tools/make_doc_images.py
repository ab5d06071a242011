"""Regenerate the pictures in docs/images from the maps in seeds/ (run from the repository root).

    .venv/bin/python tools/make_doc_images.py
"""

from __future__ import annotations

from pathlib import Path

import argmap

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"

PICTURES = {
    "japan-russia-reset-core": ROOT / "seeds" / "japan-russia-reset.core.json",
}


def main() -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, source in PICTURES.items():
        amap = argmap.load(source)
        for fmt in ("svg", "png"):
            (IMAGES / f"{name}.{fmt}").write_bytes(argmap.render(amap, fmt))
            print(f"wrote docs/images/{name}.{fmt}")


if __name__ == "__main__":
    main()
