"""Write the trainer's pack into build/trainer: each page as HTML (print styles) and, where the kit's Chromium is
installed, as a PDF printed by it (A4). Run through ``python3 kit.py trainer``.

The pages come from ``helpers.trainer`` (built from data/ only). Without Chromium the HTML pages are written and the
command says how to print them from any browser.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "trainer"


def pdf_pages(pdf: bytes) -> int:
    """How many pages a PDF has (its page objects)."""
    import re

    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def write(out: Path = OUT, pdf: bool = True, playwright=None) -> list[Path]:
    """Write every page (and its PDF when Chromium is there); return the files written.

    ``playwright``: a running Playwright to print with (the tests' session one); else one is started.
    """
    from helpers import trainer

    out.mkdir(parents=True, exist_ok=True)
    written = []
    pages = trainer.pack()
    for name, html in pages.items():
        path = out / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)
    if pdf:
        written += print_pdfs(out, pages, playwright)
    return written


def print_pdfs(out: Path, pages: dict[str, str], playwright=None) -> list[Path]:
    """Print each page to PDF with the kit's Chromium (nothing is fetched: the pages are self-contained)."""
    from tools import browser

    if not browser.CHROMIUM.exists():
        print(
            f"[kit] Chromium（{browser.CHROMIUM}）がないため、PDF は作りません。HTML をブラウザーで開いて印刷してください。"
        )
        return []
    written = []
    with browser.chromium(offline=True, playwright=playwright) as context:
        page = context.new_page()
        for name, html in pages.items():
            page.set_content(html, wait_until="load")
            path = out / f"{name}.pdf"
            path.write_bytes(page.pdf(format="A4", print_background=True, prefer_css_page_size=True))
            written.append(path)
        page.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-pdf", action="store_true", help="HTML only")
    args = parser.parse_args(argv)
    for path in write(pdf=not args.no_pdf):
        print(f"[kit] {path.relative_to(ROOT).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
