"""The home page is the reader's way in: its map names every page by the page's own title, links
only to pages that exist, and tells how to run the code with the README's own commands."""

from __future__ import annotations

import re

import pytest
import yaml

from conftest import DOCS, LANGUAGES, ROOT

LINK = re.compile(r"\[([^\]]+)\]\(([^)#]+\.md)\)")


def nav_pages() -> list[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(re.search(r"^nav:\n(?:[ \t]+.*\n)+", config, re.MULTILINE).group(0))["nav"]

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from walk(value) if isinstance(value, list) else [value]

    return list(walk(nav))


def title(language: str, page: str) -> str:
    return (DOCS / language / page).read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_lists_every_page_by_its_own_title(language):
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    the_map = home[home.index("{ #the-map }"):]
    links = LINK.findall(the_map)
    assert {target for _, target in links} >= set(nav_pages()) - {"index.md"}
    for text, target in links:
        assert (DOCS / language / target).is_file(), target
        if not text.isdigit():  # "01", "02"… are short links in the exercises row
            assert text == title(language, target), (text, target)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_gives_the_readme_s_two_commands(language):
    home = (DOCS / language / "index.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.+?)\n```", readme)[:2]
    assert len(commands) == 2
    for command in commands:
        assert f"```bash\n{command}\n```" in home


def test_no_page_promises_what_does_not_exist():
    for language in LANGUAGES:
        home = (DOCS / language / "index.md").read_text(encoding="utf-8").lower()
        for promise in ("come next", "coming soon", "vendrán", "próximamente", "work in progress", "en preparación"):
            assert promise not in home
