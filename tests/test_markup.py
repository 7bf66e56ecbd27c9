"""Markup of the built site (no browser needed): what the Nu validator and axe-core flagged once
stays fixed. Unique ids on every page, MathML 3 `displaystyle`, no unused markdown-exec assets,
no unlabelled checkbox in content, and one not-found page per language."""

from __future__ import annotations

from collections import Counter

from bs4 import BeautifulSoup

from conftest import DOCS, LANGUAGES


def soups(site):
    for page in sorted(site.rglob("*.html")):
        yield page.relative_to(site).as_posix(), BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_no_page_repeats_an_id(site_build):
    """Executed blocks each render in their own Markdown instance and matplotlib reuses ids in
    every figure: lacourse_site.site numbers figure ids per page, and code lines carry no anchors."""
    repeated = {}
    for page, soup in soups(site_build.site):
        counts = Counter(tag["id"] for tag in soup.find_all(id=True))
        if dupes := sorted(i for i, n in counts.items() if n > 1):
            repeated[page] = dupes[:10]
    assert repeated == {}


def test_figures_keep_their_internal_references(site_build):
    """Renamed ids are still what each figure's clip paths and markers point at."""
    checked = 0
    for page, soup in soups(site_build.site):
        for svg in soup.select("div.exec svg"):
            ids = {tag["id"] for tag in svg.find_all(id=True)} | ({svg["id"]} if svg.get("id") else set())
            refs = {tag.get("xlink:href", tag.get("href", ""))[1:] for tag in svg.find_all("use")}
            refs |= {tag["clip-path"][5:-1] for tag in svg.find_all(attrs={"clip-path": True})}
            assert refs <= ids, (page, sorted(refs - ids)[:5])
            checked += 1
    assert checked >= 8


def test_displaystyle_and_scriptlevel_only_where_mathml3_allows_them(site_build):
    """math-core writes them on mfrac, mrow, mtable (MathML Core); lacourse_site.site moves them to mstyle."""
    for page, soup in soups(site_build.site):
        wrong = [tag.name for tag in soup.find_all(attrs={"displaystyle": True}) if tag.name not in {"math", "mstyle", "mtable"}]
        wrong += [tag.name for tag in soup.find_all(attrs={"scriptlevel": True}) if tag.name != "mstyle"]
        assert wrong == [], page


def test_no_unused_markdown_exec_assets(site_build):
    assert not list(site_build.site.rglob("_markdown_exec_*"))
    for page, soup in soups(site_build.site):
        assets = [tag.get("src") or tag.get("href") for tag in soup.select("script[src], link[href]")]
        assert not [a for a in assets if "_markdown_exec" in a], page
        assert len(assets) == len(set(assets)), page  # nothing loaded twice


def test_no_unlabelled_checkbox_in_content(site_build):
    for page, soup in soups(site_build.site):
        for box in soup.select("article input[type=checkbox]"):
            label = box.find_parent("label")
            assert box.get("aria-label") or (label and label.get_text(strip=True)), (page, str(box))


def test_each_language_has_its_own_not_found_page(site_build):
    site = site_build.site
    for language, path, heading, home in (("en", "404.html", "Page not found", "/"),
                                          ("es", "es/404.html", "Página no encontrada", "/es/")):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == language
        assert soup.select_one("article h1").get_text() == heading
        menu = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        assert menu == {"en": "/", "es": "/es/"}, path  # each language's home, not some page's twin
        assert soup.select_one("article a")["href"] == home
        nav = soup.select_one("nav.md-nav--primary").get_text()
        assert ("Teoría" in nav) == (language == "es") and ("Theory" in nav) == (language == "en")
    assert set(LANGUAGES) == {"en", "es"}


def test_text_never_follows_a_closing_code_fence_directly():
    """Prose glued to a block's closing fence (no blank line) is rendered with a stray `</p>`
    (the Nu validator's "No p element in scope"): keep a blank line after every block."""
    glued = []
    for page in sorted(DOCS.rglob("*.md")):
        lines = page.read_text(encoding="utf-8").splitlines()
        inside = False
        for number, (line, following) in enumerate(zip(lines, lines[1:] + [""]), start=1):
            if line.strip().startswith("```"):
                inside = not inside
                if not inside and following.strip() and not following.strip().startswith(("```", "!!!", "???")):
                    glued.append(f"{page.relative_to(DOCS)}:{number + 1}")
    assert glued == []


def test_material_palette_does_not_restyle_every_element_at_load(site_build):
    """lacourse_site.site.no_restyle_while_switching: Material's `[data-md-color-switching] *`
    rule is gone from the built palette stylesheet, and both colour schemes are still there."""
    (stylesheet,) = (site_build.site / "assets" / "stylesheets").glob("palette.*.min.css")
    text = stylesheet.read_text(encoding="utf-8")
    assert "data-md-color-switching" not in text
    assert '[data-md-color-scheme=slate]' in text.replace('"', "") and "--md-default-bg-color" in text

