"""Regenerate the HTML view's live example and its screenshots for the docs.

    .venv/bin/python tools/make_screenshots.py [--out docs]

writes docs/examples/japan-russia-reset.html (the op-ed's page, from
seeds/japan-russia-reset.map.json) and docs/images/html/{desktop,desktop-selected,phone}.png,
taken in headless Chromium (Debian's /usr/bin/chromium, or $ARGMAP_CHROMIUM, driven by Playwright:
bash test.sh installs both through tools/setup-browser.sh). tests/test_html.py takes the same
screenshots with :func:`shoot` into a temporary folder on every run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# (file name, viewport width, height, device scale, select a passage first)
SHOTS = (
    ("desktop.png", 1440, 900, 1, False),
    ("desktop-selected.png", 1440, 900, 1, True),
    ("phone.png", 375, 812, 2, True),
)


def shoot(browser, page: Path, out: Path, statement: str) -> list[Path]:
    """Screenshots of *page* into *out*: as it opens at desktop width, and with *statement* selected
    (its passage clicked) at desktop and phone width. Returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, width, height, scale, select in SHOTS:
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale,
                                      reduced_motion="reduce")
        try:
            tab = context.new_page()
            tab.goto(page.resolve().as_uri())
            tab.wait_for_selector("html[data-argmap-ready]", state="attached")
            if select:
                mark = tab.locator(f'mark.m[data-ids~="{statement}"]').first
                mark.scroll_into_view_if_needed()
                mark.click()
                tab.mouse.move(0, 0)  # no hover left on the passage
            tab.wait_for_timeout(150)
            tab.screenshot(path=str(out / name))
            written.append(out / name)
        finally:
            context.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    args = parser.parse_args(argv)

    import argmap
    from argmap.diagram.html import to_html

    amap = argmap.load(ROOT / "seeds" / "japan-russia-reset.map.json")
    example = args.out / "examples" / "japan-russia-reset.html"
    example.parent.mkdir(parents=True, exist_ok=True)
    example.write_text(to_html(amap), encoding="utf-8")
    print(f"wrote {example.relative_to(ROOT) if example.is_relative_to(ROOT) else example}")

    from playwright.sync_api import sync_playwright

    objection = next(s for s in amap.by_kind("objection") if amap.objections_to(s.id))
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        try:
            for path in shoot(browser, example, args.out / "images" / "html", objection.id):
                print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
