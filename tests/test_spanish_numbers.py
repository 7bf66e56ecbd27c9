"""One number convention in Spanish prose: a decimal point, as the code output prints, and
thousands grouped in threes by a no-break space (U+00A0) from five digits up; in math, by `\\,`.
English pages keep `29,491,200`."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS
from test_glossary import prose

NBSP = "\u00a0"
MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.DOTALL)
PAGES = sorted(p.relative_to(DOCS / "es").as_posix() for p in (DOCS / "es").rglob("*.md"))


def words_and_math(page: str) -> tuple[str, list[str]]:
    """The Spanish page's prose without its math, links' targets, anchors and HTML tags; and its math."""
    text = prose((DOCS / "es" / page).read_text(encoding="utf-8"))
    math = [m.group(1) or m.group(2) for m in MATH.finditer(text)]
    text = MATH.sub(" ", text)
    # quiz blanks hold the answer a reader may type in any grouping; the page shows no such number
    text = re.sub(r"\[\[.*?\]\]|\]\([^)]*\)|\{[^}]*\}|<[^>]*>", " ", text)
    return text, math


def numbers(text: str, group: str) -> list[str]:
    """Every number in `text`, with its digit groups joined by `group`, commas and dots."""
    return re.findall(rf"(?<![\w.])\d+(?:(?:{re.escape(group)}|[,.])\d+)*", text)


def problems(number: str, group: str) -> list[str]:
    if re.search(r"\d,\d", number):
        return ["a comma between digits (decimal point, and a space for thousands)"]
    if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", number):
        return ["a dot as thousands separator"]
    integer = number.split(".")[0]
    digits = integer.replace(group, "")
    if len(digits) >= 5 and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", integer):
        return ["five or more digits not grouped in threes"]
    if len(digits) == 4 and group in integer:
        return ["a four-digit number grouped"]
    return []


@pytest.mark.parametrize("page", PAGES)
def test_spanish_prose_writes_numbers_one_way(page):
    text, math = words_and_math(page)
    bad = [f"{n!r}: {why}" for n in numbers(text, NBSP) for why in problems(n, NBSP)]
    bad += [f"{n!r} in math: {why}" for m in math for n in numbers(m, r"\,") for why in problems(n, r"\,")]
    # a group separated by an ordinary or thin space is not one number to a screen reader or a line break
    bad += [f"{m.group(0)!r}: group thousands with U+00A0" for m in re.finditer(r"\d[ \u2009\u202f]\d{3}\b", text)]
    assert not bad, f"{page}:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    "number, ok",
    [("29\u00a0491\u00a0200", True), ("24\u00a0576", True), ("4096", True), ("1.33", True), ("0.5", True),
     ("29,491,200", False), ("1,33", False), ("38400", False), ("4\u00a0096", False), ("1.234.567", False)],
)
def test_the_number_rule_itself(number, ok):
    assert (problems(number, NBSP) == []) == ok
