"""The site build itself: strict, each block run once, both languages identical, nothing fetched
from elsewhere, one search index per language, math typeset, and deterministic."""

from __future__ import annotations

import json
import os
import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, LANGUAGES, ROOT, mkdocs_build
from lacourse_site.site import snippet_includes


def html_pages(site):
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def included_snippets() -> Counter:
    """How many blocks include each snippet, in one language."""
    return Counter(
        path for page in (DOCS / "en").rglob("*.md") for path in snippet_includes(page.read_text(encoding="utf-8"))
    )


def exec_blocks(page):
    """(snippet, code and output) for each executed block of a built page, alt text set aside."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    blocks = []
    for div in soup.select("div.exec"):
        for svg in div.find_all("svg"):
            del svg["aria-label"]
        blocks.append((div["data-snippet"], [str(x) for x in div.find_all(["pre", "svg"])]))
    return blocks


def test_strict_build_passes_without_warnings(site_build):
    assert "WARNING" not in site_build.log
    assert (site_build.site / "index.html").exists() and (site_build.site / "es" / "index.html").exists()


def test_each_block_runs_exactly_once_per_build(site_build):
    runs = Counter(e["snippet"] for e in site_build.events if e["event"] == "run")
    reuses = Counter(e["snippet"] for e in site_build.events if e["event"] == "reused")
    ahead = {e["snippet"] for e in site_build.events if e["event"] == "run" and e["ahead"]}
    expected = included_snippets()
    assert runs == Counter(dict.fromkeys(expected, 1))  # once, whatever the number of languages
    # every other block in either language got that run's output (every block, for one run
    # ahead of the pages)
    assert reuses == Counter({s: n * len(LANGUAGES) - (s not in ahead) for s, n in expected.items()})


def test_blocks_run_ahead_in_parallel_except_on_pages_that_time_something(site_build):
    """Pages whose blocks time nothing have them run ahead, in parallel; a page with a timed
    (volatile) block runs all its blocks itself, in order, on a machine left quiet."""
    timed_pages = {page for page in DOCS.rglob("*.md") if 'volatile="' in page.read_text(encoding="utf-8")}
    assert timed_pages, "no page times anything: the rule below checks nothing"
    timed = {s for page in timed_pages for s in snippet_includes(page.read_text(encoding="utf-8"))}
    runs = [e for e in site_build.events if e["event"] == "run"]
    if (os.cpu_count() or 1) > 1:
        assert {e["snippet"] for e in runs if e["ahead"]} == {e["snippet"] for e in runs} - timed
    assert not any(e["ahead"] for e in runs if e["snippet"] in timed)
    assert "ahead of the pages" in site_build.log


def test_english_and_spanish_show_identical_code_and_output(site_build):
    for page in html_pages(site_build.site):
        relative = page.relative_to(site_build.site)
        if relative.parts[0] == "es":
            continue
        english, spanish = exec_blocks(page), exec_blocks(site_build.site / "es" / relative)
        assert english == spanish, relative
        if relative.parts[0] == "labs" and relative.parent.name == "notebook":
            continue  # a generated lab notebook page: tests/labs/test_notebooks.py checks those
        source = "/".join(relative.parent.parts) + ".md" if relative.parent.parts else "index.md"
        assert [s for s, _ in english] == snippet_includes((DOCS / "en" / source).read_text())


def test_no_block_shipped_a_traceback(site_build):
    for page in html_pages(site_build.site):
        assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8"), page


def test_nothing_is_requested_from_another_host(site_build):
    # canonical and hreflang <link>s name pages, they don't load anything
    outside = re.compile(r'<(?:script|link|img|iframe|source)\b(?![^>]*rel="(?:canonical|alternate)")'
                         r'[^>]*\b(?:src|href)="(?:https?:)?//', re.I)
    for page in html_pages(site_build.site):
        text = page.read_text(encoding="utf-8")
        assert outside.findall(text) == [], page
        assert "fonts.googleapis" not in text and "cdn.jsdelivr" not in text and "mathjax" not in text.lower()


def test_math_is_typeset_at_build_time(site_build):
    page = (site_build.site / "theory" / "00-why-linear-algebra" / "index.html").read_text(encoding="utf-8")
    assert 'class="arithmatex"' not in page
    assert page.count("<math") >= 10 and '<math data-latex' in page and 'display="block"' in page


def test_each_language_has_its_own_search_index(site_build):
    for language, root in (("en", site_build.site), ("es", site_build.site / "es")):
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language]
        titles = {doc["title"] for doc in index["docs"]}
        assert ("Shapes are types" in titles) == (language == "en")
        assert ("Las formas son tipos" in titles) == (language == "es")


def test_spanish_pages_are_marked_spanish(site_build):
    page = (site_build.site / "es" / "theory" / "00-why-linear-algebra" / "index.html").read_text()
    assert '<html lang="es"' in page
    assert 'hreflang="en"' in page  # the language switcher reaches the English twin


@pytest.fixture(scope="module")
def second_build(tmp_path_factory):
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("again") / "site")
    assert build.returncode == 0, build.log
    return build


def test_two_builds_differ_only_in_volatile_output(site_build, second_build):
    def stable(page):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for volatile in soup.select("div.exec[data-volatile]"):
            volatile.clear()
        return str(soup)

    pages = html_pages(site_build.site)
    assert pages
    for page in pages:
        twin = second_build.site / page.relative_to(site_build.site)
        assert stable(page) == stable(twin), page.relative_to(site_build.site)


def test_language_menu_leads_to_the_same_page_in_the_other_language(site_build):
    for page in html_pages(site_build.site):
        relative = page.relative_to(site_build.site)
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        english = relative if relative.parts[0] != "es" else relative.relative_to("es")
        for language, href in links.items():
            # "/es/" style links are relative to the site root (site_url is unset in tests)
            base = site_build.site if href.startswith("/") else page.parent
            target = (base / href.lstrip("/")).resolve() / "index.html"
            expected = site_build.site / ("es" if language == "es" else "") / english
            assert target == expected.resolve(), (relative, language, href)


def test_every_figure_is_inline_svg_with_alt_text(site_build):
    figures = 0
    for page in html_pages(site_build.site):
        text = page.read_text(encoding="utf-8")
        assert "&lt;svg" not in text, page
        soup = BeautifulSoup(text, "html.parser")
        for svg in soup.select("div.exec svg"):
            figures += 1
            assert svg.get("role") == "img" and len(svg.get("aria-label", "")) > 20, page
    assert figures >= 2 * 4  # theory 02-04 draw figures, in both languages
