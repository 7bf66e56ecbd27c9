"""Byte budgets of the built site, as a reader's first visit meets them (issue 15). Sizes, never
timings: these hold on any machine.

A first visit is counted as GitHub Pages serves it, gzipped (text at level 6; the font as is):
the page's HTML, every stylesheet and script it links, the search worker Material starts, the
math font when the page shows math, its images, and its language's search index (fetched on
the first sign of a search since issue 15, counted anyway so that searching right away stays
within budget). The Lighthouse table (mobile, simulated slow 4G) that goes with these budgets is
in the closing notes of issue 15; timings are not tests.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from fontTools.ttLib import TTFont

from lacourse_site import mathfont

# Budgets, with the size measured when they were set (2026-12, content still moving) in brackets.
FIRST_VISIT_BUDGET = 300_000  # any page, index included [heaviest: lab 02, ~270 KB: its figures]
PAGE_HTML_GZIP_BUDGET = 140_000  # one page's HTML, gzipped [lab 02 ~111 KB; theory pages 35-50 KB]
SEARCH_INDEX_GZIP_BUDGET = 90_000  # each language's index [~65 KB; 160 KB before issue 15]
MATH_FONT_BUDGET = 40_000  # the subset math font [~24 KB; the whole font is 270 KB]
NOTEBOOK_CSS_BUDGET = 30_000  # raw CSS a notebook page carries [~12.5 KB; 595 KB before issue 15]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


@cache
def asset_bytes(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if path.suffix in {".woff", ".woff2", ".png", ".jpg", ".webp"} else gz(data)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def local_file(site: Path, page: Path, url: str) -> Path | None:
    """The file a page's relative (or site-absolute) URL names, if it is in the site."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        return None
    page_url = "/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(page_url, parts.path)).path.lstrip("/")
    file = site / target
    if file.is_dir() or target.endswith("/") or not target:
        file = file / "index.html"
    return file if file.is_file() else None


def first_visit(site: Path, page: Path) -> dict[str, int]:
    html = page.read_text(encoding="utf-8")
    parts = {"html": gz(html.encode())}
    urls = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    urls += re.findall(r'<script[^>]+src="([^"]+)"', html)
    urls += re.findall(r'<img[^>]+src="([^"]+)"', html)
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html,
                                  re.DOTALL).group(1))
    urls.append(config["search"])  # the search worker, which Material starts on every page
    for url in urls:
        file = local_file(site, page, url)
        assert file is not None, f"{page}: {url} is not in the site"
        parts[file.relative_to(site).as_posix()] = asset_bytes(file)
    if "<math" in html:
        parts["math font"] = asset_bytes(site / mathfont.SITE_PATH)
    language_root = site / "es" if page.relative_to(site).parts[0] == "es" else site
    parts["search index"] = asset_bytes(language_root / "search" / "search_index.json")
    return parts


def test_every_first_visit_is_within_budget(site_build):
    site = site_build.site
    totals = {page.relative_to(site).as_posix(): first_visit(site, page) for page in pages(site)}
    heaviest = max(totals, key=lambda p: sum(totals[p].values()))
    print(f"\nheaviest first visit: {heaviest} {sum(totals[heaviest].values()):,} bytes gzipped:")
    for part, size in sorted(totals[heaviest].items(), key=lambda kv: -kv[1]):
        print(f"  {size:9,d}  {part}")
    over = {page: sum(parts.values()) for page, parts in totals.items() if sum(parts.values()) > FIRST_VISIT_BUDGET}
    assert over == {}, over
    html_over = {page: parts["html"] for page, parts in totals.items() if parts["html"] > PAGE_HTML_GZIP_BUDGET}
    assert html_over == {}, html_over


def test_search_index_is_small_per_language_and_holds_each_page_once(site_build):
    site = site_build.site
    indexes = {"en": site / "search" / "search_index.json", "es": site / "es" / "search" / "search_index.json"}
    for language, path in indexes.items():
        assert asset_bytes(path) <= SEARCH_INDEX_GZIP_BUDGET, (language, asset_bytes(path))
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
        locations = [doc["location"] for doc in docs]
        assert len(locations) == len(set(locations)), f"{language}: an entry twice"
        # notebook pages repeat their lab page's text: only the lab page is indexed
        assert not [loc for loc in locations if "/notebook/" in f"/{loc}"], language
        assert not [loc for loc in locations if loc.startswith("es/")], f"{language}: another language's pages"
        pages_indexed = {loc.split("#")[0] for loc in locations}
        assert {"theory/00-why-linear-algebra/", "labs/02-svd-compression/"} <= pages_indexed, language
        text = " ".join(doc["text"] for doc in docs)
        # what is left out: figures, MathML, code blocks; prose and inline code stay
        assert "<svg" not in text and "<math" not in text and "<pre>" not in text
        assert "<code>" in text


def test_math_font_is_a_small_subset_that_draws_every_formula(site_build):
    site = site_build.site
    font_path = site / mathfont.SITE_PATH
    assert font_path.stat().st_size <= MATH_FONT_BUDGET, font_path.stat().st_size
    assert not list(site.rglob("*.woff2")), "the whole font must not be published"
    cmap = TTFont(font_path).getBestCmap()
    used: set[str] = set()
    for page in site.rglob("*.html"):
        used |= mathfont.characters(page.read_text(encoding="utf-8"))
    # what the whole font draws, the subset draws (ñ, ú, ¯ in \text{} are not in Noto Sans Math
    # at all: the browser takes them from the page's font, as it did with the whole font)
    whole = TTFont(mathfont.SOURCE).getBestCmap()
    missing = sorted(f"U+{ord(c):04X} {c}" for c in used if ord(c) in whole and ord(c) not in cmap)
    assert missing == [], missing
    assert len(used) > 50 and "\u2211" in used  # it did look: sums, Greek, italic letters...
    assert "\U0001d465" in used and ord("\U0001d465") in cmap  # italic x, as MathML draws <mi>x</mi>
    # the MATH table (large operators, stretchy delimiters) is kept
    assert "MATH" in TTFont(font_path)


def test_math_font_is_linked_from_the_stylesheet_and_subset_deterministically():
    css = (Path(__file__).resolve().parent.parent / "docs" / "assets" / "course.css").read_text(encoding="utf-8")
    assert f'url("{mathfont.SITE_PATH.removeprefix("assets/")}")' in css
    chars = set("x\u2211\u2016\u03c3(")
    mathfont._made.clear()
    first = mathfont.subset_font(chars)
    mathfont._made.clear()
    assert mathfont.subset_font(chars) == first  # two builds write the same bytes


def test_notebook_pages_carry_only_the_css_they_use(site_build):
    site = site_build.site
    notebook_pages = sorted(site.rglob("notebook/index.html"))
    assert len(notebook_pages) >= 8  # four labs, two languages
    for page in notebook_pages:
        html = page.read_text(encoding="utf-8")
        styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
        css = "".join(styles)
        assert len(css.encode()) <= NOTEBOOK_CSS_BUDGET, (page, len(css))
        assert "jupyter-" not in " ".join(re.findall(r'<link[^>]+stylesheet[^>]+>', html))
        # what a notebook shows is still styled: cells, prompts hidden, highlighted code
        assert ".jp-Cell" in css and ".highlight-ipynb" in css, page
        assert ".jp-Dialog" not in css and ".lm-Menu" not in css, page  # JupyterLab's UI is not
