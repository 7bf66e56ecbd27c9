"""The glossary fixes each term once, and the Spanish pages keep to it."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS

# Spanish variants the glossary decided against, and the term it uses instead.
RULED_OUT = {
    r"\bautovalor": "valor propio",
    r"\bautovector": "vector propio",
    r"\bproducto punto\b": "producto escalar",
    r"\btranspuesta": "traspuesta",
    r"\bincrustaci[oó]n": "embedding",
    r"\bbajo rango\b": "rango bajo",
    r"recuentos? de conjugaci": "matriz de conteos de conjugación",
    r"conteos de conjugaciones": "matriz de conteos de conjugación",
    r"matriz de conjugaciones": "matriz de conteos de conjugación",
    r"\bpaso hacia (?:delante|adelante|atr[aá]s)": "pasada hacia delante / hacia atrás",
    r"\bpuerta": "compuerta",
    r"formas con nombre": "formas cuyos ejes tienen nombre",
    r"\bhueco": "brecha (espectral)",
}


def prose(markdown: str) -> str:
    """The page without code blocks and inline code: the words a reader reads."""
    markdown = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    return re.sub(r"`[^`]*`", "", markdown)


def glossary_rows(language: str) -> list[str]:
    return [line for line in (DOCS / language / "glossary.md").read_text().splitlines() if line.startswith("| ")]


def test_both_glossaries_list_the_same_terms():
    english, spanish = glossary_rows("en"), glossary_rows("es")
    assert len(english) == len(spanish) > 20
    # row by row, the Spanish glossary is the English one with its first two columns swapped
    for en_row, es_row in zip(english[1:], spanish[1:]):
        en_cells, es_cells = en_row.split(" | "), es_row.split(" | ")
        assert en_cells[0].strip("| ") == es_cells[1].strip("| ")
        assert en_cells[1].strip("| ") == es_cells[0].strip("| ")


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS / "es").as_posix() for p in (DOCS / "es").rglob("*.md")))
def test_spanish_pages_use_the_glossary_terms(page):
    text = prose((DOCS / "es" / page).read_text(encoding="utf-8")).lower()
    for pattern, preferred in RULED_OUT.items():
        assert not re.search(pattern, text), f"{page}: use «{preferred}» ({pattern})"
