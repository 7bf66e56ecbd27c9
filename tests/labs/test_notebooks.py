"""The lab notebooks: generated from each lab page, valid and deterministic, in the page's language,
the learner's without the solutions, a placeholder and a check for each TODO; and the built site
has a notebook page and both downloads per lab and language, and the learner's wheel.

The notebooks run as the learner meets them in test_notebooks_fresh_venv.py; a test below checks
that both languages' code cells are identical, cell for cell, so running one language suffices.
"""

from __future__ import annotations

import json
import re
from functools import cache

import nbformat
import pytest
from bs4 import BeautifulSoup

from conftest import DOCS, LANGUAGES, ROOT, SNIPPETS
from lacourse_site import learner_wheel, notebooks
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
    def cells(language):  # the TODO line and the check's message are in the notebook's language
        todo = notebooks.words(language)["todo"]
        return [cell.replace(todo, "TODO").replace(f'}}, "{language}")', '}, LANGUAGE)')
                for cell in code(notebook(name, language, variant))]

    english, spanish = cells("en"), cells("es")
    setup = 1  # the set-up cell's message (no lacourse) is in the notebook's language
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


def test_the_first_cell_installs_the_learners_wheel_from_the_site_and_nothing_else():
    wheel = learner_wheel.wheel_name()
    assert wheel == "lacourse-0.1.0-py3-none-any.whl"
    site = Site(site_url="https://o.github.io/r/", repo_url="https://github.com/o/r")
    for language in LANGUAGES:
        nb = build(lab("00-shape-prediction", language), "learner", site)
        first = code(nb)[0]
        assert first.startswith('import importlib.util\nimport subprocess\nimport sys\n\n'
                                'if importlib.util.find_spec("lacourse") is None:')
        assert f'    wheel = "https://o.github.io/r/downloads/{wheel}"\n' in first
        assert '[sys.executable, "-m", "pip", "install", wheel]' in first
        assert "git+" not in first and "mkdocs" not in first.lower() and first.count("pip") == 1
        assert f"[{wheel}](https://o.github.io/r/downloads/{wheel})" in nb.cells[1].source
        assert "<https://github.com/o/r>" in nb.cells[1].source
    # A plain local build has no address to install from: the cell says what to run, in the
    # notebook's language, and installs nothing.
    for language, says in (("en", "is not installed"), ("es", "no está instalado")):
        first = code(notebook("00-shape-prediction", language, "learner"))[0]
        assert "pip\", \"install" not in first and "subprocess" not in first
        assert "raise ModuleNotFoundError(" in first and says in first
        assert f"python -m pip install {wheel}" in first


def test_a_placeholder_binds_the_names_a_solution_defines_then_checks_them():
    text = (
        "x = 1\n"
        "    # --8<-- [start:solution]\n"
        "    y, z = x + 1, x + 2  # (1,)\n"
        "    def f(a):\n        return a\n"
        "    # --8<-- [end:solution]\n"
        "print(y)\n"
    )
    learner, found = snippet_code(text, "learner", "es")
    assert found and learner.splitlines()[1:] == [
        "    # TODO: escribe tu código aquí", "    def f(a):", "        ...", "    y = ...", "    z = ...",
        '    todo.check({"f": f, "y": y, "z": z}, "es")', "print(y)"]
    function = 'def f(a, b):\n    # --8<-- [start:solution]\n    """Add."""\n    c = a + b\n    return c\n' \
               "    # --8<-- [end:solution]\n"
    whole = "# --8<-- [start:solution]\n@cache\ndef f(a, b):\n    \"\"\"Add.\"\"\"\n    return a + b\n" \
            "# --8<-- [end:solution]\n"
    assert snippet_code(whole, "learner")[0] == ('# TODO: write your code here\n@cache\ndef f(a, b):\n'
                                                 '    """Add."""\n    ...\n\ntodo.check({"f": f}, "en")')
    assert snippet_code(function, "learner")[0] == ('def f(a, b):\n    # TODO: write your code here\n    c = ...\n'
                                                    '    todo.check({"c": c}, "en")')
    assert snippet_code(text, "solutions")[0] == "x = 1\n    y, z = x + 1, x + 2  # (1,)\n    def f(a):\n" \
                                                  "        return a\nprint(y)"
    inside_brackets = "d = {\n    # --8<-- [start:solution]\n    1: 2,\n    # --8<-- [end:solution]\n}\n"
    assert snippet_code(inside_brackets, "learner")[0] == "d = {\n    # TODO: write your code here\n}"


def region(body: str, indent: str = "") -> str:
    lines = [f"{indent}# --8<-- [start:solution]", *(indent + line for line in body.splitlines()),
             f"{indent}# --8<-- [end:solution]"]
    return "\n".join(lines)


def test_a_subscript_or_attribute_the_solution_assigns_gets_a_placeholder_too():
    """Lab 01's crash: `speedup[method, n] = ...` had no placeholder, so the table stayed empty
    and the next line raised KeyError(('rows', 16)). Now it is a placeholder, and checked."""
    text = ("speedup = {}\nfor method in ('rows',):\n    for n in (16,):\n" + region(
        "speedup[method, n] = 2.0\nrate64, rate32 = 1.0, 2.0\nstats.best = rate64", "        ")
        + "\n        ratio = speedup[method, n]\n")
    learner = snippet_code(text, "learner")[0].splitlines()
    assert learner[3:] == [
        "        # TODO: write your code here",
        "        speedup[method, n] = ...",
        "        rate64 = ...",
        "        rate32 = ...",
        "        stats.best = ...",
        "        todo.check({",  # one line would pass 88 columns
        '            "speedup[method, n]": speedup[method, n],',
        '            "rate64": rate64,',
        '            "rate32": rate32,',
        '            "stats.best": stats.best,',
        '        }, "en")',
        "        ratio = speedup[method, n]",
    ]


def test_placeholders_look_into_blocks_and_skip_what_a_name_covers():
    nested = "with limits():\n    t = run()\n    table[key] = t\n    print(t)"
    assert snippet_code(region(nested), "learner")[0].splitlines() == [
        "# TODO: write your code here", "t = ...", "table[key] = ...",
        'todo.check({"t": t, "table[key]": table[key]}, "en")']
    # one_hot[7] belongs to one_hot's lines: no placeholder of its own (`...[7] = ...` would fail)
    covered = "one_hot = np.zeros(n)\none_hot[7] = -3.0\nconstant = np.full(n, 0.5)"
    assert snippet_code(region(covered), "learner")[0].splitlines() == [
        "# TODO: write your code here", "one_hot = ...", "constant = ...",
        'todo.check({"one_hot": one_hot, "constant": constant}, "en")']
    assert snippet_code(region(covered), "filled")[0].splitlines() == [
        "# TODO: write your code here", *covered.splitlines(),
        'todo.check({"one_hot": one_hot, "constant": constant}, "en")']
    # lab 00: each prediction is a placeholder of its own, and the check names the ones left
    predictions = "predictions[1] = (B, T, D)  # why\npredictions[2] = (T, D)"
    check = 'todo.check({"predictions[1]": predictions[1], "predictions[2]": predictions[2]}, "en")'
    assert snippet_code(region(predictions), "learner")[0].splitlines() == [
        "# TODO: write your code here", "predictions[1] = ...", "predictions[2] = ...", check]
    assert snippet_code(region(predictions), "filled")[0].splitlines() == [
        "# TODO: write your code here", *predictions.splitlines(), check]


def test_filled_is_what_the_placeholders_invite_and_nothing_else():
    """The "filled" variant (what the fresh-venv test runs): each placeholder replaced by the
    solution's statements that bind it; a statement that binds nothing shown is not written."""
    body = "a = 1\nprint('not shown')\ndef f(x):\n    return x + a\nb, c = f(2), 3"
    assert snippet_code(region(body), "filled")[0].splitlines() == [
        "# TODO: write your code here", "a = 1", "def f(x):", "    return x + a", "b, c = f(2), 3",
        'todo.check({"f": f, "a": a, "b": b, "c": c}, "en")']


def test_every_lab_todo_is_followed_by_its_check():
    for name in NAMES:
        for cell in code(notebook(name, "en", "learner"))[1:]:
            for part in cell.split("# TODO")[1:]:
                assert "todo.check({" in part, (name, part)


def test_todo_check_stops_while_a_name_or_a_function_is_still_a_placeholder():
    from lacourse import todo

    def stub(a):
        """Doc."""
        ...

    def bare():
        ...

    def written(a):
        """Doc."""
        return a

    assert todo.is_placeholder(...) and todo.is_placeholder(stub) and todo.is_placeholder(bare)
    assert not any(todo.is_placeholder(v) for v in (written, 0, None, [...], print))
    todo.check({"x": 1, "f": written})
    import numpy as np

    todo.check({"array": np.zeros(3)})  # no truth-value question for an array
    with pytest.raises(todo.TodoError, match=r"^still to write where the cell says # TODO: x, the body of "
                                             r"f\(\)\. Write it, then run the cell again\.$"):
        todo.check({"x": ..., "y": 2, "f": stub})
    with pytest.raises(NotImplementedError, match=r"^falta escribir donde la celda dice # TODO: speedup\[m\]"):
        todo.check({"speedup[m]": ...}, "es")


def test_the_notebooks_branch_is_published_once_the_site_with_the_wheel_is_live():
    import yaml

    jobs = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))["jobs"]
    needs = jobs["notebooks"]["needs"]
    assert "deploy" in ([needs] if isinstance(needs, str) else needs)  # the wheel the first cell installs


def test_writing_is_skipped_when_nothing_changed(tmp_path):
    target = tmp_path / "a.ipynb"
    text = dumps(notebook("00-shape-prediction", "en", "learner"))
    assert notebooks.write_if_changed(target, text) is True
    assert notebooks.write_if_changed(target, text) is False
    assert [p.name for p in tmp_path.iterdir()] == ["a.ipynb"]


# --- execution --------------------------------------------------------------------------


# Every notebook runs as the learner meets it in tests/labs/test_notebooks_fresh_venv.py.


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


def test_search_finds_each_lab_in_its_own_language_and_not_its_notebook_page_twice(site_build):
    """The notebook page repeats its lab page's text; search indexes the lab page only."""
    for language in LANGUAGES:
        index = json.loads((root(site_build.site, language) / "search" / "search_index.json").read_text("utf-8"))
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert not [loc for loc in locations if loc.endswith("/notebook/")]
        assert {f"labs/{name}/" for name in NAMES} <= locations


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


# --- the learner's wheel ------------------------------------------------------------------


def test_the_learners_wheel_is_deterministic_and_holds_the_learners_package_only(tmp_path):
    import zipfile

    from lacourse_site import learner_wheel as lw

    first = lw.build(cache=tmp_path / "a")
    lw._built.clear()  # as a new process would
    second = lw.build(cache=tmp_path / "b")
    assert first != second and first.read_bytes() == second.read_bytes(), "two builds, the same bytes"
    assert first.name == lw.wheel_name() and not (ROOT / "learner" / "build").exists()
    with zipfile.ZipFile(first) as wheel:
        names = wheel.namelist()
        metadata = wheel.read("lacourse-0.1.0.dist-info/METADATA").decode()
    assert all(n.startswith(("lacourse/", "lacourse-0.1.0.dist-info/")) for n in names), names
    assert {"lacourse/__init__.py", "lacourse/todo.py", "lacourse/checks/__init__.py"} <= set(names)
    assert not any("__pycache__" in n or n.startswith("lacourse_site") for n in names)
    requires = sorted(line.split(": ", 1)[1].split(">")[0].split("<")[0].split("=")[0]
                      for line in metadata.splitlines() if line.startswith("Requires-Dist: "))
    assert requires == ["matplotlib", "numpy", "threadpoolctl"], "the learner's package needs nothing of the site"


def test_the_built_site_publishes_the_wheel_every_lab_links(site_build):
    wheel = site_build.site / learner_wheel.site_path()
    assert wheel.read_bytes() == learner_wheel.build().read_bytes()
    for language in LANGUAGES:
        for name in NAMES:
            for page in (root(site_build.site, language) / "labs" / name / "index.html",
                         root(site_build.site, language) / "labs" / name / "notebook" / "index.html"):
                soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
                links = [a for a in soup.select("div.lab-notebook a") if a["href"].endswith(".whl")]
                assert len(links) == 1, page
                assert (page.parent / links[0]["href"]).resolve() == wheel.resolve(), page


def test_spanish_notebook_pages_speak_spanish_in_their_box_and_copy_buttons(site_build):
    for name in NAMES:
        page = (site_build.site / "es" / "labs" / name / "notebook" / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(page, "html.parser")
        box = soup.select_one("div.lab-notebook").get_text(" ", strip=True)
        assert f"El cuaderno del laboratorio {name[:2]} ·" in box and "de Laboratorio" not in box
        assert "Copied!" not in page and "Copy to Clipboard" not in page
        assert "Copiado al portapapeles" in page
    es = prose(notebook("01-matmul-performance", "es", "learner"))
    assert "*Generado a partir de la página del [laboratorio 01 ·" in es and "laboratorio [Laboratorio" not in es
    assert "# TODO: escribe tu código aquí" in "\n".join(code(notebook("01-matmul-performance", "es", "learner")))
