"""Every theory page has the shape of a lesson: it says what you will be able to do, ends with
a recap and "done when" checks, links to the next page, and shares its anchors across languages."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS, LANGUAGES

THEORY = sorted(p.name for p in (DOCS / "en" / "theory").glob("*.md"))
ANCHOR = re.compile(r"^#{2,3} .*\{ #([a-z0-9-]+) \}$", re.MULTILINE)


def read(language: str, name: str) -> str:
    return (DOCS / language / "theory" / name).read_text(encoding="utf-8")


def test_the_theory_pages_are_00_to_04():
    assert [name[:2] for name in THEORY] == ["00", "01", "02", "03", "04"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", THEORY)
def test_a_page_reads_like_a_lesson(language, name):
    text = read(language, name)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[0].startswith(f"# {name[:2]} · ")
    assert lines[1].startswith('!!! abstract "'), "opens with what you will be able to do"
    assert "{ #recap }" in text
    checks = text[text.index("!!! success"):]
    assert checks.count("- [ ]") >= 2, "done-when checks"
    position = THEORY.index(name)
    target = THEORY[position + 1] if position + 1 < len(THEORY) else "../glossary.md"
    assert lines[-1].endswith(f"]({target}).") and lines[-1].split(":")[0] in {"Next", "Siguiente"}


@pytest.mark.parametrize("name", THEORY)
def test_both_languages_share_section_anchors(name):
    english, spanish = (ANCHOR.findall(read(language, name)) for language in LANGUAGES)
    assert english == spanish and len(english) >= 4
