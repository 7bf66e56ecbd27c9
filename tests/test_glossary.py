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
    # an entry of a tensor is an «elemento»; «entrada» means an input
    r"\bentradas? (?:de |del )?(?:\\\(|la matriz|las matrices|un tensor|el tensor|un vector|el vector|la diagonal|la vista)": "elemento",
    r"\b(?:cada|por|una) entrada\b(?! (?:de la red|del modelo|de la capa))": "elemento (una entrada es un input)",
    r"\bentrada a entrada\b": "elemento a elemento",
    r"\bentradas? (?:iguales|distintas|no nulas|negativas|positivas|extremas?|mayor|float32|\\\(\(|del resultado)": "elemento",
    r"\bla entrada mayor\b": "el elemento mayor",
    r"\bpunto de vista\b": "perspectiva («vista» es la de NumPy)",
    r"\b(?:part(?:ir|e|imos)|junt(?:ar|a|amos)) (?:en |las )?cabezas": "dividir en cabezas / fusionar las cabezas",
    r"\breparto (?:en|de) cabezas": "división en cabezas",
    r"\b(?:casos|cotas?|desigualdad(?:es)?) just[oa]s\b": "ajustada",
    r"\b(?:el|del|al|un) softmax\b": "la softmax",
    r"\brasgos?\b": "característica",
    r"\banchura": "ancho",
    r"\bcostumbres?\b": "hábito",
    r"\bejemplo de (?:todo el curso|referencia)\b": "el ejemplo del curso",
    r"\bflags?\b": "indicador",
    r"\bfeed-forward\b": "red prealimentada (MLP)",
    r"\btext\{(?:right|wrong)\}": "no English in formulas",
    # calques the Spanish editor flagged
    r"\blo que compra\b|\bcompra un poco\b": "lo que se gana / aporta",
    r"\bes uno bueno\b": "es bueno",
    r"\bintenta cada problema\b": "intenta resolver cada problema",
    r"\bcuaderno de laboratorio \d|\blaboratorio laboratorio\b": "el cuaderno del laboratorio 0N",
    r"\bcasos justos\b": "casos en que la cota es ajustada",
    r"\bun idioma\b": "un lenguaje (formal)",
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
    text = prose((DOCS / "es" / page).read_text(encoding="utf-8"))
    if page == "glossary.md":  # its English column names the English terms on purpose
        text = "\n".join(line.split(" | ")[0] + " | " + line.split(" | ")[-1] if line.startswith("| ") else line
                         for line in text.splitlines())
    found = [f"«{m.group(0)}»: use «{preferred}»" for pattern, preferred in RULED_OUT.items()
             for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    assert not found, f"{page}:\n" + "\n".join(found)
