"""88 characters: the width the site shows without horizontal scrolling at 1280 px
(docs/assets/course.css). Every line of an included snippet and every printed output line fits."""

from __future__ import annotations

from bs4 import BeautifulSoup

from conftest import DOCS, SNIPPETS
from lacourse_site.site import snippet_includes

WIDTH = 88


def included_snippets() -> set[str]:
    return {
        path
        for page in DOCS.rglob("*.md")
        for path in snippet_includes(page.read_text(encoding="utf-8"), page.name)
    }


def test_every_snippet_line_fits():
    snippets = included_snippets()
    assert len(snippets) > 40
    too_wide = {
        path: [n for n, line in enumerate((SNIPPETS / path).read_text(encoding="utf-8").splitlines(), 1)
               if len(line) > WIDTH]
        for path in sorted(snippets)
    }
    assert {path: lines for path, lines in too_wide.items() if lines} == {}, f"lines over {WIDTH} characters"


def test_every_printed_line_fits(site_build):
    too_wide: dict[str, int] = {}
    blocks = 0
    for page in site_build.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for div in soup.select("div.exec"):
            for pre in div.select(".output pre"):
                blocks += 1
                widest = max((len(line) for line in pre.get_text().splitlines()), default=0)
                if widest > WIDTH:
                    too_wide[div["data-snippet"]] = max(widest, too_wide.get(div["data-snippet"], 0))
    assert blocks > 40
    assert too_wide == {}, f"printed lines over {WIDTH} characters (snippet: widest line)"


def test_machine_stamp_fits_even_on_a_long_cpu_name(capsys):
    from lacourse.stamp import print_stamp, stamp_lines

    long = {"cpu": "Intel(R) Xeon(R) Platinum 8488C CPU @ 2.40GHz with a very long model name indeed",
            "cores": "192", "python": "3.13.11", "numpy": "2.4.6", "date": "2026-11-25",
            "blas": "openblas 0.3.31.188.0 (SapphireRapids), 192 threads, and more words than fit"}
    lines = stamp_lines(long)
    assert len(lines) == 2 and all(len(line) <= WIDTH for line in lines), lines
    assert lines[0].startswith("measured on Intel(R) Xeon(R)") and "192 cores" in lines[0]
    print_stamp()
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and all(len(line) <= WIDTH for line in printed), printed
