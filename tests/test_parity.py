"""English and Spanish are one course: the same pages, running the same snippets in the same order."""

from __future__ import annotations

import pytest

from conftest import DOCS, LANGUAGES, SNIPPETS
from lacourse_site.site import snippet_includes


def pages(language: str) -> set[str]:
    return {p.relative_to(DOCS / language).as_posix() for p in (DOCS / language).rglob("*.md")}


def test_every_page_exists_in_both_languages():
    english, spanish = pages("en"), pages("es")
    assert english == spanish, f"only in en: {english - spanish}; only in es: {spanish - english}"


@pytest.mark.parametrize("page", sorted(pages("en")))
def test_both_languages_run_the_same_snippets_in_the_same_order(page):
    english, spanish = (snippet_includes((DOCS / lang / page).read_text(encoding="utf-8"), page) for lang in LANGUAGES)
    assert english == spanish


def test_every_snippet_is_shown_on_some_page():
    shown = {path for page in pages("en") for path in snippet_includes((DOCS / "en" / page).read_text(), page)}
    on_disk = {p.relative_to(SNIPPETS).as_posix() for p in SNIPPETS.rglob("*.py") if "lacourse" not in p.parts}
    assert on_disk - shown == set(), "snippets no page includes"
