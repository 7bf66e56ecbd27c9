"""The built site as a reader's browser sees it (Debian's Chromium, driven by Playwright).

Every page found in the built site, both languages, notebook pages included, is loaded once and
checked: no console error, no failed or outside request, language switcher lands on the twin,
math is MathML in the site's math font, figures have alt text, executed output is there, no
duplicate id, no code line cut off at 1280 px, and axe-core finds nothing serious in light or dark.
A deploy-style build served under a sub-path (absolute URLs, repository links) is loaded too.
"""

from __future__ import annotations

import concurrent.futures
import json
import re
from urllib.parse import urlsplit

import pytest

from browser_support import AXE, CHROMIUM, CHROMIUM_ARGS, page_paths, require_browser, serve, twin
from conftest import ROOT, mkdocs_build


# First visit of one page: its HTML plus the CSS, JS, fonts and images it loads (search index
# excluded: the search worker fetches it). Material's CSS + JS are ~265 KB, the math font 264 KiB,
# the heaviest page's HTML ~345 KB. Notebook pages carry ~590 KB of mkdocs-jupyter's inline
# JupyterLab CSS: a known excess with its own budget until they shed it (tests/test_links_and_weight.py).
FIRST_VISIT_BUDGET = 1_000_000
NOTEBOOK_FIRST_VISIT_BUDGET = 1_500_000
WIDTH, HEIGHT = 1280, 900

# Blocks off screen skip their styling and layout until a reader scrolls near them
# (content-visibility in course.css). Before anything is measured or axe reads colours, every
# block is drawn, as it is once a reader reaches it.
DRAW_ALL = """() => {
  if (document.getElementById("drawn-for-checks")) return;
  const drawn = document.createElement("style");
  drawn.id = "drawn-for-checks";
  drawn.textContent = "* { content-visibility: visible !important; }";
  document.head.append(drawn);
}"""

# Runs in the page: what a reader would notice, gathered in one round trip.
INSPECT = """() => {
  const main = document.querySelector("article.md-content__inner") || document.body;
  const ids = {};
  for (const el of document.querySelectorAll("[id]")) ids[el.id] = (ids[el.id] || 0) + 1;
  const text = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
    acceptNode: n => n.parentElement.closest("pre, code, script, style, math, svg")
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT });
  while (walker.nextNode()) text.push(walker.currentNode.nodeValue);
  const cut = [];
  for (const code of main.querySelectorAll("pre > code")) {
    if (code.scrollWidth > code.clientWidth + 1) {
      const exec = code.closest("div.exec");
      cut.push((exec ? exec.dataset.snippet : code.textContent.slice(0, 40)) +
               ` (${code.scrollWidth} > ${code.clientWidth} px)`);
    }
  }
  const noOutput = [...main.querySelectorAll("div.exec")].filter(div =>
    !div.querySelector("svg") && !(div.querySelector(".output pre") || {}).textContent?.trim()
  ).map(div => div.dataset.snippet);
  const figures = [...main.querySelectorAll("div.exec svg, img")].filter(el =>
    el.tagName === "IMG" ? !(el.getAttribute("alt") || "").trim()
      : el.getAttribute("role") !== "img" || (el.getAttribute("aria-label") || "").trim().length < 10
  ).map(el => el.outerHTML.slice(0, 80));
  const mathFont = [...document.fonts].find(f => f.family.replace(/"/g, "") === "Noto Sans Math");
  return {
    lang: document.documentElement.lang,
    duplicateIds: Object.entries(ids).filter(([, n]) => n > 1).map(([id, n]) => `${id} x${n}`),
    rawTex: text.join(" ").match(/\\\\[()\\[\\]]|\\$\\$|\\\\(frac|sum|mathbf|sqrt|top)\\b/g) || [],
    maths: main.querySelectorAll("math").length,
    mathFont: mathFont ? mathFont.status : "absent",
    cut, noOutput, figures,
    execs: main.querySelectorAll("div.exec").length,
    bytes: [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")]
      .filter(e => !e.name.includes("search_index"))
      .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0),
  };
}"""

# axe-core's run time grows with the page's node count, and highlighted code is thousands of
# spans of a few kinds: before axe runs (after every other check), each kind of token keeps one
# span and the others become plain text, and figure drawings (role="img", named by aria-label,
# so their insides are presentational) are emptied. Colours depend on the token's class, not
# on the page, so nothing axe could find is lost; a long page drops from ~10 s to under 1 s.
THIN = """() => {
  const kept = new Set();
  for (const span of document.querySelectorAll("pre span[class]")) {
    const kind = (span.closest(".highlight-ipynb") ? "nb " : "") + span.className;
    if (kept.has(kind) || !span.textContent.trim()) span.replaceWith(span.textContent);
    else kept.add(kind);
  }
  for (const svg of document.querySelectorAll("svg[role=img]")) svg.replaceChildren();
}"""

AXE_RUN = """async (rules) => {
  const options = {resultTypes: ["violations"]};
  if (rules) options.runOnly = {type: "rule", values: rules};
  const result = await axe.run(document, options);
  return result.violations
    .filter(v => v.impact === "serious" || v.impact === "critical")
    .map(v => `${v.id} (${v.impact}): ` + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")
              + (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""));
}"""
# In dark only colours change: the colour rules again, after Material's palette toggle.
DARK_RULES = ["color-contrast", "link-in-text-block"]


class Reader:
    """One Chromium tab, reused for every page, that records what goes wrong while it loads."""

    def __init__(self, page, origin: str):
        self.page, self.origin, self.problems = page, origin, []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status} {r.url}"))
        page.route("**/*", self._only_this_host)

    def _only_this_host(self, route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or url.startswith(self.origin + "/"):
            return route.continue_()
        self.problems.append(f"request to another host: {url}")
        return route.abort()

    def open(self, url: str) -> list[str]:
        """Load `url`; what went wrong while it loaded (a copy: later problems keep accruing)."""
        self.problems = []
        self.page.goto(url, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        return list(self.problems)


@pytest.fixture(scope="module", autouse=True)
def browser_available():
    """Skip (or, in CI, fail) before anything is built for a browser that is not there."""
    require_browser()


@pytest.fixture(scope="module")
def chromium():
    sync_playwright = require_browser()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def local_site(site_build):
    with serve(site_build.site) as origin:
        yield site_build.site, origin


def new_reader(chromium, origin):
    context = chromium.new_context(viewport={"width": WIDTH, "height": HEIGHT}, color_scheme="light")
    context.add_init_script(path=str(AXE))  # registered once, not sent again with every page
    page = context.new_page()
    page.context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    return Reader(page, origin)


def switch_language(reader: Reader, language: str) -> str:
    page = reader.page
    page.hover(".md-header__option .md-select")
    with page.expect_navigation(wait_until="load"):
        page.click(f".md-select__link[hreflang='{language}']")
    return page.url


# A toggle plays Material's short colour transitions (lacourse_site.site.no_restyle_while_switching):
# colours are checked once they have settled, as a reader sees them.
SETTLED = """() => Promise.race([
  Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished)),
  new Promise(done => setTimeout(done, 3000)),
]).then(() => true)"""


def set_scheme(reader: Reader, scheme: str) -> None:
    """Click Material's palette toggle until the page shows `scheme` (default or slate)."""
    page = reader.page
    for _ in range(2):
        if page.evaluate("document.body.dataset.mdColorScheme") == scheme:
            break
        page.locator("form[data-md-component=palette] label.md-header__button:visible").first.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    page.evaluate(SETTLED)


def check_page(reader: Reader, path: str, report: dict) -> list[str]:
    """Everything about the page now loaded in `reader`; returns what is wrong."""
    page, wrong = reader.page, []
    page.evaluate(DRAW_ALL)
    seen = page.evaluate(INSPECT)
    report[path] = seen["bytes"]
    expected_lang = "es" if path.startswith("es/") else "en"
    if seen["lang"] != expected_lang:
        wrong.append(f'<html lang="{seen["lang"]}">, expected {expected_lang}')
    for key, label in (("duplicateIds", "duplicate ids"), ("rawTex", "raw TeX in the text"),
                       ("cut", "code lines cut off at 1280 px"), ("noOutput", "executed blocks without output"),
                       ("figures", "figures without alt text")):
        if seen[key]:
            wrong.append(f"{label}: {seen[key][:8]}")
    if seen["maths"] and seen["mathFont"] != "loaded":
        wrong.append(f"math shown without the site's math font (Noto Sans Math {seen['mathFont']})")
    budget = NOTEBOOK_FIRST_VISIT_BUDGET if "/notebook/" in f"/{path}" else FIRST_VISIT_BUDGET
    if seen["bytes"] > budget:
        wrong.append(f"first visit {seen['bytes']:,} bytes > budget {budget:,}")
    wrong += run_axe(reader)
    return wrong


def run_axe(reader: Reader) -> list[str]:
    """Serious or critical axe-core violations, light then dark (Material's palette toggle)."""
    page = reader.page
    page.evaluate(DRAW_ALL)
    page.evaluate(THIN)
    set_scheme(reader, "default")  # Material remembers the last choice across pages
    found = [f"axe, light: {v}" for v in page.evaluate(AXE_RUN, None)]
    set_scheme(reader, "slate")
    found += [f"axe, dark: {v}" for v in page.evaluate(AXE_RUN, DARK_RULES)]
    set_scheme(reader, "default")
    return found


def visit_pairs(origin: str, english: list[str]) -> tuple[dict, dict]:
    """Each English page, then the language menu to its Spanish twin, then back: every page is
    checked, and the menu is clicked in both directions. Runs in its own thread and browser."""
    sync_playwright = require_browser()
    failures, report = {}, {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        reader = new_reader(browser, origin)
        for path in english:
            reader.open(f"{origin}/{path}")
            wrong = check_page(reader, path, report)
            problems, reader.problems = reader.problems + wrong, []  # while loaded and used, then checks
            landed = switch_language(reader, "es")
            problems_es = [f"language menu (es) landed on {landed}"] if landed != f"{origin}/{twin(path)}" else []
            problems_es += check_page(reader, twin(path), report)
            back = switch_language(reader, "en")
            if back != f"{origin}/{path}":
                problems_es.append(f"language menu (en) landed on {back}")
            problems_es += reader.problems  # what went wrong while the twin was loaded and used
            failures.update({key: found for key, found in ((path or "/", problems), (twin(path), problems_es)) if found})
        browser.close()
    return failures, report


def test_every_page_in_both_languages(local_site, tmp_path_factory):
    site, origin = local_site
    paths = page_paths(site)
    english = [p for p in paths if not p.startswith("es/")]
    assert len(english) >= 15 and sorted(map(twin, english)) == sorted(p for p in paths if p.startswith("es/"))
    require_browser()
    # Two browsers side by side (Playwright's sync API wants one per thread): the machine has 2 cores.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(visit_pairs, [origin] * 2, [english[0::2], english[1::2]]))
    failures = {key: found for part, _ in results for key, found in part.items()}
    report = {path: size for _, part in results for path, size in part.items()}
    heaviest = max(report, key=report.get)
    summary = tmp_path_factory.getbasetemp() / "first-visit-bytes.json"
    summary.write_text(json.dumps({"heaviest": heaviest, "bytes": report}, indent=1))
    print(f"\nheaviest first visit: /{heaviest} {report[heaviest]:,} bytes (all pages: {summary})")
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)


@pytest.mark.parametrize("language", ["en", "es"])
def test_search_answers_in_the_page_language(chromium, local_site, language):
    site, origin = local_site
    reader = new_reader(chromium, origin)
    prefix = "" if language == "en" else "es/"
    for path in (prefix, prefix + "theory/03-svd/"):  # the home page and a nested one
        assert reader.open(f"{origin}/{path}") == []
        page = reader.page
        page.click(".md-search__input")
        page.locator(".md-search__input").press_sequentially("svd", delay=40)
        page.wait_for_selector(".md-search-result__item")
        links = page.eval_on_selector_all(".md-search-result__link", "els => els.map(a => a.href)")
        assert links, path
        in_spanish = [urlsplit(link).path.startswith("/es/") for link in links]
        assert all(in_spanish) if language == "es" else not any(in_spanish), (path, links)
        titles = page.inner_text(".md-search-result__list")
        assert ("Descomposición" in titles or "SVD" in titles) if language == "es" else "SVD" in titles


def test_not_found_pages_speak_their_language(chromium, local_site):
    site, origin = local_site
    reader = new_reader(chromium, origin)
    for missing, language, heading in (("no/such/page/", "en", "Page not found"),
                                       ("es/no/existe/", "es", "Página no encontrada")):
        problems = reader.open(f"{origin}/{missing}")
        # the document itself is the one expected 404 (Chromium logs it as a console error too)
        assert [p for p in problems if "/no/" not in p and "404 (Not Found)" not in p] == [], problems
        page = reader.page
        assert page.evaluate("document.documentElement.lang") == language
        assert page.inner_text("article h1") == heading
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
        menu = page.eval_on_selector_all(".md-select__link", "els => els.map(a => [a.hreflang, a.href])")
        assert dict(menu) == {"en": f"{origin}/", "es": f"{origin}/es/"}
        assert run_axe(reader) == []


@pytest.fixture(scope="module")
def deploy_site(tmp_path_factory):
    """`mkdocs build` as the deploy workflow runs it: a site URL under a sub-path and a repository."""
    from browser_support import free_port

    port = free_port()
    root = tmp_path_factory.mktemp("deploy")
    build = mkdocs_build(ROOT, root / "sub", SITE_URL=f"http://127.0.0.1:{port}/sub/",
                         REPO_URL="https://github.com/example/linear-algebra-for-ml")
    assert build.returncode == 0, build.log
    with serve(root, port) as origin:
        yield root / "sub", f"{origin}/sub"


def test_deploy_build_under_a_sub_path(chromium, deploy_site):
    """No 404 (sitemap.xml beside hreflang links), no api.github.com call, absolute hreflang
    links, and the language menu still lands on the twin."""
    site, base = deploy_site
    reader = new_reader(chromium, base.rsplit("/sub", 1)[0])
    failures = {}
    for path in page_paths(site):
        problems = reader.open(f"{base}/{path}")
        page = reader.page
        hreflang = page.eval_on_selector_all("link[rel=alternate][hreflang]", "els => els.map(l => l.getAttribute('href'))")
        if sorted(hreflang) != sorted([f"{base}/{path}", f"{base}/{twin(path)}"]):
            problems.append(f"hreflang links {hreflang}")
        menu = dict(page.eval_on_selector_all(".md-select__link", "els => els.map(a => [a.hreflang, a.href])"))
        other = "en" if path.startswith("es/") else "es"
        if menu.get(other) != f"{base}/{twin(path)}":
            problems.append(f"language menu {menu}")
        snippets = page.eval_on_selector_all("div.exec a[href*='/blob/main/snippets/']", "els => els.map(a => a.href)")
        bad = [s for s in snippets if not re.fullmatch(r"https://github\.com/example/linear-algebra-for-ml/blob/main/snippets/.+\.py", s)]
        if bad or len(snippets) != page.locator("div.exec").count():
            problems.append(f"snippet links {bad or snippets}")
        if page.locator("a.md-source").count() == 0:  # in the header, and in the drawer
            problems.append("no repository link in the header")
        if problems:
            failures[path or "/"] = problems
    assert failures == {}, json.dumps(failures, indent=1, ensure_ascii=False)
    landed_on = reader.open(f"{base}/theory/03-svd/")
    switch_language(reader, "es")
    assert reader.page.url == f"{base}/es/theory/03-svd/" and reader.problems == [], landed_on
