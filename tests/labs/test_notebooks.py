"""The lab notebooks: generated from each lab page, valid and deterministic, in the page's language,
the learner's without the solutions; every solutions notebook runs top to bottom in a fresh
kernel; and the built site has a notebook page and both downloads per lab and language.

Execution runs the English notebooks only: a test below checks that both languages' code cells
are identical, cell for cell, so the Spanish run would execute the very same code.
"""

from __future__ import annotations

import json
import re
from functools import cache

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, LANGUAGES, ROOT, SNIPPETS
from lacourse_site import notebooks
from lacourse_site.notebooks import SECTION, Site, build, dumps, execute, find_labs, snippet_code, title_of
from lacourse_site.site import snippet_includes

LABS = find_labs(DOCS, list(LANGUAGES))
NAMES = sorted({lab.name for lab in LABS})
VARIANTS = notebooks.VARIANTS


def lab(name: str, language: str):
    return next(x for x in LABS if x.name == name and x.language == language)


@cache
def notebook(name: str, language: str, variant: str) -> nbformat.NotebookNode:
    return build(lab(name, language), variant, Site())


def code(nb) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


def prose(nb) -> str:
    return "\n\n".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")


def solution_regions(text: str) -> list[list[str]]:
    regions, current = [], None
    for line in text.splitlines():
        marker = SECTION.match(line)
        if marker and marker.group("name") == "solution":
            if marker.group("type") == "start":
                current = []
            else:
                regions.append(current)
                current = None
        elif current is not None:
            current.append(line)
    return regions


def executable(region: list[str]) -> list[str]:
    """The lines of a solution that do the work: not signatures, decorators or docstrings,
    which the learner's placeholder keeps."""
    lines, in_docstring = [], False
    for line in region:
        stripped = line.strip()
        quotes = stripped.count('"""') + stripped.count("\'\'\'")
        if in_docstring or quotes:
            in_docstring = in_docstring != (quotes % 2 == 1)
            continue
        if stripped and not stripped.startswith(("def ", "async def ", "@", "#")):
            lines.append(line)
    return lines


def test_every_lab_page_has_its_notebooks_in_both_languages():
    assert NAMES == ["00-shape-prediction", "01-matmul-performance", "02-svd-compression", "03-norm-identities"]
    assert {(x.name, x.language) for x in LABS} == {(n, lang) for n in NAMES for lang in LANGUAGES}


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_a_notebook_is_valid_nbformat_4_with_fixed_cell_ids(name, language, variant):
    nb = notebook(name, language, variant)
    text = dumps(nb)
    again = nbformat.reads(text, as_version=4)
    nbformat.validate(again)
    assert again.nbformat == 4 and again.metadata["lacourse"] == {
        "lab": name, "language": language, "variant": variant, "page": f"docs/{language}/labs/{name}.md"}
    ids = [cell.id for cell in again.cells]
    assert all(re.fullmatch(r"(ma|co)-\d{3}", i) for i in ids) and len(set(ids)) == len(ids)
    # deterministic: built again from the same files, the same bytes
    assert dumps(build(lab(name, language), variant, Site())) == text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_the_markdown_is_plain_jupyter_markdown_in_the_pages_language(name, language):
    for variant in VARIANTS:
        nb = notebook(name, language, variant)
        page = lab(name, language).page.read_text(encoding="utf-8")
        assert nb.cells[0].source == f"# {title_of(page)}"
        text = prose(nb)
        for material in ("\\(", "\\[", "!!! ", "??? ", "{ #", ".md)", ".md#", "--8<--", 'exec="1"'):
            assert material not in text, (variant, material)
        say = notebooks.words(language)
        assert say["setup"] in nb.cells[1].source and say[variant] in nb.cells[1].source
        if "\\(" in page or "\\[" in page:
            assert "$" in text
        # every heading of the page, in the page's own words
        for heading in re.findall(r"^(#{2,3} .*?)(?: \{ #[\w-]+ \})?$", page, re.MULTILINE):
            assert heading in text, heading


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("name", NAMES)
def test_both_languages_have_the_same_code_cells(name, variant):
    def cells(language):  # the TODO comment is in the notebook's language
        todo = notebooks.words(language)["todo"]
        return [cell.replace(todo, "TODO") for cell in code(notebook(name, language, variant))]

    english, spanish = cells("en"), cells("es")
    setup = 1  # the set-up cell's comments are in the notebook's language
    assert english[setup:] == spanish[setup:]
    assert len(english) == len(spanish)


@pytest.mark.parametrize("name", NAMES)
def test_the_learner_notebook_lacks_the_solutions_and_the_solutions_notebook_has_them(name):
    page = lab(name, "en").page.read_text(encoding="utf-8")
    learner, solutions = (notebook(name, "en", variant) for variant in VARIANTS)
    learner_code, solutions_code = "\n".join(code(learner)), "\n".join(code(solutions))
    regions = 0
    for path in snippet_includes(page):
        text = (SNIPPETS / path).read_text(encoding="utf-8")
        shown = snippet_code(text, "solutions")[0]
        assert shown in solutions_code, path  # the snippet as the page shows it
        outside = "\n".join(line for line in text.splitlines() if line not in sum(solution_regions(text), []))
        for region in solution_regions(text):
            regions += 1
            assert "\n".join(region) in solutions_code, path
            own = [line for line in executable(region) if line not in outside]
            assert own, f"{path}: a solution region with no line of its own"
            learner_snippet = snippet_code(text, "learner")[0]
            assert learner_snippet in learner_code, path
            for line in own:
                assert line not in learner_snippet.splitlines(), (path, line)
        assert "--8<--" not in solutions_code and "--8<--" not in learner_code
    assert learner_code.count("# TODO") == regions
    if regions:
        assert solutions_code.count("# TODO") == 0


def test_collapsed_answers_stay_in_the_solutions_notebook_only():
    sentence = "An integer index removes its axis"
    assert sentence in prose(notebook("00-shape-prediction", "en", "solutions"))
    learner = prose(notebook("00-shape-prediction", "en", "learner"))
    assert sentence not in learner
    assert learner.count("**Answer:** write yours in the next cell") == 6  # an exercise cell each
    assert prose(notebook("00-shape-prediction", "es", "learner")).count("**Respuesta:** escribe la tuya") == 6


def test_links_point_at_the_site():
    nb = build(lab("00-shape-prediction", "es"), "learner", Site(site_url="https://example.org/la4ml/"))
    text = prose(nb)
    assert "(https://example.org/la4ml/es/theory/01-tensors-and-shapes/)" in text
    assert "(https://example.org/la4ml/es/labs/01-matmul-performance/)" in text
    local = prose(notebook("00-shape-prediction", "en", "solutions"))  # relative to the notebook page
    assert "(../../../theory/01-tensors-and-shapes/#wrong-axis-bug)" in local


def test_the_install_cell_installs_from_the_repository_only_when_there_is_one():
    assert "pip" not in code(notebook("00-shape-prediction", "en", "learner"))[0]
    nb = build(lab("00-shape-prediction", "en"), "learner", Site(repo_url="https://github.com/o/r"))
    assert '"install", "git+https://github.com/o/r"' in code(nb)[0]
    assert "<https://github.com/o/r>" in nb.cells[1].source


def test_a_placeholder_binds_the_names_a_solution_defines():
    text = (
        "x = 1\n"
        "    # --8<-- [start:solution]\n"
        "    y, z = x + 1, x + 2  # (1,)\n"
        "    def f(a):\n        return a\n"
        "    # --8<-- [end:solution]\n"
        "print(y)\n"
    )
    learner, found = snippet_code(text, "learner", "es")
    assert found and learner.splitlines()[1:] == ["    # TODO: tu código aquí", "    def f(a):", "        ...",
                                                  "    y = ...", "    z = ...", "print(y)"]
    function = 'def f(a, b):\n    # --8<-- [start:solution]\n    """Add."""\n    c = a + b\n    return c\n' \
               "    # --8<-- [end:solution]\n"
    whole = "# --8<-- [start:solution]\n@cache\ndef f(a, b):\n    \"\"\"Add.\"\"\"\n    return a + b\n" \
            "# --8<-- [end:solution]\n"
    assert snippet_code(whole, "learner")[0] == '# TODO: your code here\n@cache\ndef f(a, b):\n    """Add."""\n    ...'
    assert snippet_code(function, "learner")[0] == "def f(a, b):\n    # TODO: your code here\n    c = ..."
    assert snippet_code(text, "solutions")[0] == "x = 1\n    y, z = x + 1, x + 2  # (1,)\n    def f(a):\n" \
                                                  "        return a\nprint(y)"
    inside_brackets = "d = {\n    # --8<-- [start:solution]\n    1: 2,\n    # --8<-- [end:solution]\n}\n"
    assert snippet_code(inside_brackets, "learner")[0] == "d = {\n    # TODO: your code here\n}"


def test_writing_is_skipped_when_nothing_changed(tmp_path):
    target = tmp_path / "a.ipynb"
    text = dumps(notebook("00-shape-prediction", "en", "learner"))
    assert notebooks.write_if_changed(target, text) is True
    assert notebooks.write_if_changed(target, text) is False
    assert [p.name for p in tmp_path.iterdir()] == ["a.ipynb"]


# --- execution --------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_the_solutions_notebook_runs_top_to_bottom_in_a_fresh_kernel(name):
    nb = execute(build(lab(name, "en"), "solutions", Site()), f"{name}-solutions.ipynb (en)", ROOT)
    outputs = [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]
    assert all(output.output_type != "error" for output in outputs)
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "<svg" not in printed, "a figure printed as text: lacourse.figures.show should display it"
    page = lab(name, "en").page.read_text(encoding="utf-8")
    figures = page.count('html="1"')
    images = [o for o in outputs if o.output_type == "display_data" and "image/svg+xml" in o.data]
    assert len(images) == figures
    if name == "00-shape-prediction":
        assert printed.count("score: ") == 6 and "wrong" not in printed


def test_a_broken_cell_fails_naming_the_notebook_and_the_cell():
    nb = build(lab("00-shape-prediction", "en"), "solutions", Site())
    index = [n for n, cell in enumerate(nb.cells) if cell.cell_type == "code"][3]
    nb.cells[index].source = "import numpy as np\nnp.ones(3) @ np.ones(4)"
    with pytest.raises(notebooks.NotebookExecutionError) as failed:
        execute(nb, "00-shape-prediction-solutions.ipynb (en)", ROOT)
    message = str(failed.value)
    assert message.startswith(f"notebook 00-shape-prediction-solutions.ipynb (en), cell {index + 1} "
                              f"(id {nb.cells[index].id}: 'import numpy as np') failed: ValueError: matmul")


# --- the built site -----------------------------------------------------------------------


def root(site, language):
    return site if language == "en" else site / language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_each_lab_has_a_rendered_notebook_page(site_build, name, language):
    page = root(site_build.site, language) / "labs" / name / "notebook" / "index.html"
    text = page.read_text(encoding="utf-8")
    soup = BeautifulSoup(text, "html.parser")
    assert soup.select_one("div.jupyter-wrapper div.jp-Notebook"), "rendered, not copied as raw text"
    assert soup.html["lang"] == language
    source = lab(name, language).page.read_text(encoding="utf-8")
    assert soup.select_one("div.jp-MarkdownCell h1").get_text().rstrip("¶") == title_of(source)
    assert "mathjax" not in text.lower() and "$$" not in soup.select_one("div.jupyter-wrapper").get_text()
    if "\\(" in source:
        assert soup.select("div.jp-MarkdownCell math[data-latex]")
    box = soup.select_one("div.lab-notebook")
    hrefs = [a["href"] for a in box.select("a")]
    assert hrefs[:3] == ["../", f"../{name}.ipynb", f"../{name}-solutions.ipynb"]
    lab_page = BeautifulSoup((page.parent.parent / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = [a["href"] for a in lab_page.select("div.lab-notebook a")]
    assert links[:3] == ["notebook/", f"{name}.ipynb", f"{name}-solutions.ipynb"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_the_downloads_are_the_notebooks_in_the_pages_language(site_build, name, language):
    folder = root(site_build.site, language) / "labs" / name
    source = lab(name, language).page.read_text(encoding="utf-8")
    for variant in VARIANTS:
        nb = nbformat.read(folder / notebooks.file_name(name, variant), as_version=4)
        nbformat.validate(nb)
        assert nb.metadata["lacourse"]["language"] == language and nb.metadata["lacourse"]["variant"] == variant
        assert nb.cells[0].source == f"# {title_of(source)}"
        assert notebooks.words(language)["setup"] in nb.cells[1].source
        assert code(nb)[1:] == code(notebook(name, language, variant))[1:]


def test_notebook_pages_are_searched_in_their_own_language_only(site_build):
    for language in LANGUAGES:
        index = json.loads((root(site_build.site, language) / "search" / "search_index.json").read_text("utf-8"))
        pages = {doc["location"]: doc["title"] for doc in index["docs"] if doc["location"].endswith("/notebook/")}
        assert sorted(pages) == [f"labs/{name}/notebook/" for name in NAMES]
        for name in NAMES:
            title = title_of(lab(name, language).page.read_text(encoding="utf-8"))
            assert pages[f"labs/{name}/notebook/"] == f"{title} · {notebooks.words(language)['box_title']}"


def test_colab_is_linked_only_where_colab_can_open_the_notebook(monkeypatch):
    from types import SimpleNamespace

    from lacourse_site import notebook_hooks

    config = SimpleNamespace(repo_url="https://github.com/owner/la4ml")
    monkeypatch.delenv("NOTEBOOKS_BRANCH", raising=False)
    assert notebook_hooks._colab(config, "es", "00-shape-prediction") is None  # nothing published
    monkeypatch.setenv("NOTEBOOKS_BRANCH", "notebooks")
    assert notebook_hooks._colab(config, "es", "00-shape-prediction") == (
        "https://colab.research.google.com/github/owner/la4ml/blob/notebooks/es/00-shape-prediction.ipynb")
    assert notebook_hooks._colab(SimpleNamespace(repo_url=None), "en", "00-shape-prediction") is None
    assert notebook_hooks._colab(SimpleNamespace(repo_url="https://gitlab.com/o/r"), "en", "x") is None


def test_a_broken_lab_fails_naming_the_page_or_the_snippet(tmp_path):
    unclosed = "x = 1\n# --8<-- [start:solution]\ny = 2\n"
    with pytest.raises(notebooks.NotebookError, match="snippets/labs/x.py: a solution region is not closed"):
        snippet_code(unclosed, "learner", where="snippets/labs/x.py")
    page = tmp_path / "en" / "labs" / "09-broken.md"
    page.parent.mkdir(parents=True)
    page.write_text('# Lab 09 · Broken\n\n```python exec="1" source="above" result="text"\n'
                    '--8<-- "labs/09_broken/missing.py"\n```\n', encoding="utf-8")
    (broken,) = find_labs(tmp_path)
    with pytest.raises(notebooks.NotebookError, match=r"09-broken\.md: snippet snippets/labs/09_broken/missing\.py"):
        build(broken, "learner", Site())
