"""Lab pages -> Jupyter notebooks: a learner notebook and a solutions notebook per lab and language.

A lab page (`docs/<lang>/labs/0N-<name>.md`) is prose plus executed blocks, each one include of
a snippet. This module turns it into two nbformat-4 notebooks, deterministically (fixed cell ids,
sorted JSON), so two builds write the same bytes:

* markdown cells hold the page's prose in its language, with Material-only syntax made plain
  Jupyter markdown: `\\( \\)` -> `$ $`, `\\[ \\]` -> `$$ $$`, admonitions -> block quotes with a
  bold title, `{ #anchor }` attribute lists dropped, links to other pages -> links to the site;
* code cells hold the snippets, in page order. A snippet's lines between
  `# --8<-- [start:solution]` and `# --8<-- [end:solution]` are the part the learner writes: the
  solutions notebook keeps them (without the marker lines, as the page shows them), the learner
  notebook has a `# TODO` placeholder there that binds what the solution would define, then a
  `todo.check` that stops the cell while it is still `...` (see placeholder());
* collapsed answers (`??? success "Answer"`) are kept whole in the solutions notebook; in the
  learner notebook their prose and plain code give way to a one-line pointer, and only a code
  cell with a solution region stays (the learner writes that answer);
* a first pair of cells installs the learner's package where it is missing (the wheel the site
  publishes, lacourse_site.learner_wheel) and sets NumPy's print options to the site's, so the
  notebook prints what the page prints.

The build (lacourse_site.notebook_hooks) writes the notebooks next to the lab pages as git-ignored
files; `python -m lacourse_site.notebooks OUT_DIR` writes them anywhere (for Colab, or to work locally).
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import posixpath
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from lacourse_site import learner_wheel
from lacourse_site.runner import ROOT, SNIPPETS_DIR

LAB_PAGE = re.compile(r"^(?P<number>\d\d)-[a-z0-9-]+\.md$")
VARIANTS = ("learner", "solutions")  # published; "filled" (tests): the learner's, TODOs done

# Words the generator adds, per language.
WORDS = {
    "en": {
        "setup": (
            "**Set-up.** This notebook runs the course's own code, the `lacourse` package, which "
            "needs only NumPy, matplotlib and threadpoolctl."
        ),
        "setup_url": "Where it is missing (Colab, a fresh Jupyter), the next cell installs it from the site: {wheel}.",
        "setup_local": (
            "Where it is missing, the next cell says what to run: download {wheel} from the lab "
            "page (the Notebook box) and install it with `python -m pip install {wheel}`."
        ),
        "setup_repo": (
            " In a clone of the repository ({repo}), the README's `python -m pip install -e .` "
            "installs it with the site."
        ),
        "missing": (
            "lacourse, the course's package, is not installed: download {wheel} from the lab "
            "page (the Notebook box), then run:"
        ),
        "origin": (
            "*Generated from the lab page {lab}, which shows every answer with the output it "
            "prints. {which}*"
        ),
        "learner": (
            "This is the learner's notebook: write your code where a cell says `# TODO`; the "
            "check after it stops the cell until you have. The answers are in the solutions "
            "notebook."
        ),
        "solutions": "This is the solutions notebook: every answer is filled in.",
        "answer_hidden": "**{title}:** in the solutions notebook and on the lab page.",
        "answer_exercise": "**{title}:** write yours in the next cell, then run it.",
        "todo": "TODO: write your code here",
        "print_comment": "print numbers as the site does",
        # the box on the site
        "box_title": "Notebook",
        "view": "View the notebook",
        "download": "Download it (.ipynb)",
        "download_solutions": "Download the solutions (.ipynb)",
        "wheel": "The course's package (.whl)",
        "colab": "Open in Colab",
        "copy": "Copy to clipboard",  # the notebook page's copy buttons, as Material says it
        "copied": "Copied to clipboard",
        "back": "Back to the lab page",
        "box_lab": "Work through this lab in Jupyter: same text and code, with a `# TODO` where you write.",
        "box_notebook": (
            "The notebook of {lab}, shown without output: the lab page shows every answer "
            "executed."
        ),
    },
    "es": {
        "setup": (
            "**Preparación.** Este cuaderno ejecuta el código del curso, el paquete `lacourse`, "
            "que solo necesita NumPy, matplotlib y threadpoolctl."
        ),
        "setup_url": "Donde falte (Colab, un Jupyter recién instalado), la celda siguiente lo instala desde el sitio: {wheel}.",
        "setup_local": (
            "Donde falte, la celda siguiente dice qué ejecutar: descarga {wheel} desde la página "
            "del laboratorio (el recuadro «Cuaderno») e instálalo con `python -m pip install {wheel}`."
        ),
        "setup_repo": (
            " En una copia del repositorio ({repo}), la orden del README `python -m pip install -e .` "
            "lo instala junto con el sitio."
        ),
        "missing": (
            "lacourse, el paquete del curso, no está instalado: descarga {wheel} desde la página "
            "del laboratorio (el recuadro «Cuaderno») y ejecuta:"
        ),
        "origin": (
            "*Generado a partir de la página {lab}, que muestra cada respuesta con lo que "
            "imprime. {which}*"
        ),
        "learner": (
            "Este es el cuaderno para trabajar: escribe tu código donde una celda dice `# TODO`; "
            "la comprobación que lo sigue detiene la celda hasta que lo hayas escrito. Las "
            "respuestas están en el cuaderno de soluciones."
        ),
        "solutions": "Este es el cuaderno de soluciones: todas las respuestas están escritas.",
        "answer_hidden": "**{title}:** en el cuaderno de soluciones y en la página del laboratorio.",
        "answer_exercise": "**{title}:** escribe la tuya en la celda siguiente y ejecútala.",
        "todo": "TODO: escribe tu código aquí",
        "print_comment": "print numbers as the site does",  # code comments stay in English
        "box_title": "Cuaderno",
        "view": "Ver el cuaderno",
        "download": "Descargarlo (.ipynb)",
        "download_solutions": "Descargar las soluciones (.ipynb)",
        "wheel": "El paquete del curso (.whl)",
        "colab": "Abrir en Colab",
        "copy": "Copiar al portapapeles",
        "copied": "Copiado al portapapeles",
        "back": "Volver a la página del laboratorio",
        "box_lab": (
            "Haz este laboratorio en Jupyter: el mismo texto y el mismo código, con un `# TODO` "
            "donde escribes tú."
        ),
        "box_notebook": (
            "El cuaderno {lab}, sin salidas: la página del laboratorio muestra cada respuesta "
            "ejecutada."
        ),
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


# --- where things are ----------------------------------------------------------------------


@dataclass(frozen=True)
class Lab:
    language: str
    name: str  # "00-shape-prediction"
    page: Path  # docs/<lang>/labs/<name>.md

    @property
    def folder(self) -> Path:
        """Where the build writes this lab's notebooks: docs/<lang>/labs/<name>/."""
        return self.page.with_suffix("")

    def path(self, kind: str) -> Path:
        """kind: "page" (rendered on the site), "learner" or "solutions" (downloads)."""
        return self.folder / file_name(self.name, kind)


def file_name(lab: str, kind: str) -> str:
    return {"page": "notebook.ipynb", "learner": f"{lab}.ipynb", "solutions": f"{lab}-solutions.ipynb"}[kind]


def find_labs(docs_dir: Path, languages: list[str] | None = None) -> list[Lab]:
    labs = []
    for language_dir in sorted(p for p in Path(docs_dir).iterdir() if p.is_dir()):
        if languages is not None and language_dir.name not in languages:
            continue
        for page in sorted((language_dir / "labs").glob("*.md")):
            if LAB_PAGE.match(page.name):
                labs.append(Lab(language_dir.name, page.stem, page))
    return labs


@dataclass
class Site:
    """What links need: where the site lives and how MkDocs names page URLs."""

    default_language: str = "en"
    site_url: str | None = None  # absolute links when set
    repo_url: str | None = None  # the install cell installs from it when set
    use_directory_urls: bool = True


def page_url(path: str, language: str, site: Site) -> str:
    """Site-relative URL of a docs file given relative to its language folder."""
    prefix = "" if language == site.default_language else f"{language}/"
    if path.endswith(".md"):
        stem = path[: -len(".md")]
        if posixpath.basename(stem) in ("index", "README"):
            stem = posixpath.dirname(stem)
            return prefix + (stem + "/" if stem else "")
        return prefix + (stem + "/" if site.use_directory_urls else stem + ".html")
    return prefix + path


def notebook_page_url(lab: Lab, site: Site) -> str:
    return page_url(f"labs/{lab.name}/notebook.md", lab.language, site)


def link(target: str, lab: Lab, site: Site) -> str:
    """Where a link on the lab page should point from the notebook (absolute with site_url)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
        return target  # http:, mailto:, ...
    path, _, anchor = target.partition("#")
    if path:
        resolved = posixpath.normpath(posixpath.join("labs", path))
    else:
        resolved = f"labs/{lab.name}.md"  # an anchor on the lab page itself
    url = page_url(resolved, lab.language, site) + (f"#{anchor}" if anchor else "")
    if site.site_url:
        return site.site_url.rstrip("/") + "/" + url
    here = notebook_page_url(lab, site)
    relative = posixpath.relpath(url.split("#")[0] or ".", here or ".")
    relative = "" if relative == "." else relative + ("/" if url.split("#")[0].endswith("/") else "")
    return relative + (f"#{anchor}" if anchor else "") or "./"


# --- snippets -------------------------------------------------------------------------------

SECTION = re.compile(r"^(?P<indent>[ \t]*)#?[ \t]*-{1,}8<-{1,}[ \t]+\[[ \t]*(?P<type>start|end)[ \t]*:"
                     r"[ \t]*(?P<name>[a-z][-_0-9a-z]*)[ \t]*\][ \t]*$", re.IGNORECASE)
SOLUTION = "solution"


class NotebookError(Exception):
    """A lab page or snippet the generator cannot turn into a notebook."""


def snippet_code(text: str, variant: str, language: str = "en", where: str = "?") -> tuple[str, bool]:
    """The code of a snippet for a notebook variant, and whether it had a solution region."""
    out: list[str] = []
    region: list[str] | None = None
    found = False
    for number, line in enumerate(text.splitlines(), start=1):
        marker = SECTION.match(line)
        if marker is None:
            (out if region is None else region).append(line)
            continue
        if marker.group("name").lower() != SOLUTION:
            continue  # other sections: their markers vanish, as on the page
        if marker.group("type").lower() == "start":
            if region is not None:
                raise NotebookError(f"{where}:{number}: a solution region starts inside another")
            region, found = [], True
        else:
            if region is None:
                raise NotebookError(f"{where}:{number}: a solution region ends without a start")
            out.extend(region if variant == "solutions" else placeholder(region, language, variant == "filled"))
            region = None
    if region is not None:
        raise NotebookError(f"{where}: a solution region is not closed")
    return "\n".join(out).strip("\n"), found


def placeholder(region: list[str], language: str, filled: bool = False) -> list[str]:
    """What the learner sees instead of a solution: a TODO, placeholders, and a check.

    * A function keeps its signature and docstring, with `...` for a body.
    * A name the solution assigns is bound to `...` (`rate = ...`), at any depth of the region's
      statements (inside a `with` or a `for` too). So is a subscript or attribute it assigns
      (`speedup[method, n] = ...`, lab 00's `predictions[13] = ...`), unless its object is a
      name the region binds (that name's lines include it).
    * Then `todo.check({...}, "<lang>")` (lacourse.todo): run unfilled, the cell stops there
      with a message naming what is still `...`, not with a NameError cells later.

    Inside brackets (a region that is not whole statements) it is the TODO comment only.
    `filled=True` gives what a learner who does what the placeholders invite ends up with:
    each placeholder replaced by the solution's statements that bind it, nothing else (a region
    without placeholders: all of it); the TODO comment and the check stay.
    """
    body = [line for line in region if line.strip()]
    if not body:
        return []
    indent = min(len(line) - len(line.lstrip()) for line in body)
    pad = " " * indent
    todo = f"# {words(language)['todo']}"
    lines = textwrap.dedent("\n".join(region)).splitlines()
    source = "\n".join(lines)
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return [pad + todo]
    stubs: list[str] = []  # function placeholders, line by line
    names: list[str] = []  # what is bound to `...`
    functions: list[str] = []  # whose body is `...`
    kept: list[str] = []  # filled: the solution's statements that bind a placeholder

    def original(statement) -> list[str]:
        first = min([statement.lineno, *(d.lineno for d in getattr(statement, "decorator_list", []))])
        return lines[first - 1 : statement.end_lineno]

    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stubs.extend(_function_stub(statement, lines, first=not stubs))
            functions.append(statement.name)
            kept.extend(original(statement))
            continue
        before = len(names)
        covered = False
        for node in _bound_targets(statement):
            if isinstance(node, ast.Name):
                text = node.id
            else:
                root = node
                while isinstance(root, (ast.Subscript, ast.Attribute)):
                    root = root.value
                if isinstance(root, ast.Name) and root.id in names:
                    covered = True  # `one_hot[7] = ...` after `one_hot = ...`: part of one_hot's lines
                    continue
                text = ast.get_source_segment(source, node) or ast.unparse(node)
            if text not in names:
                names.append(text)
        if len(names) > before or covered:
            kept.extend(original(statement))
    if not stubs and not names:
        return [pad + todo, *(pad + line for line in lines if line.strip())] if filled else [pad + todo, f"{pad}..."]
    out = [pad + todo]
    if filled:
        out.extend(pad + line if line.strip() else "" for line in kept)
    else:
        out.extend(pad + line if line.strip() else "" for line in stubs)
        out.extend(f"{pad}{name} = ..." for name in names)
    if stubs and not names:
        out.append("")  # a function ends with a blank line, as the solution's does
    checked = [*functions, *names]  # in the order the placeholders show them
    return out + [pad + line for line in _todo_check(checked, language, indent)]


def _function_stub(statement, lines: list[str], first: bool) -> list[str]:
    """A function's placeholder: decorators, signature and docstring, then `...`."""
    start = min([statement.lineno, *(d.lineno for d in statement.decorator_list)])
    inner = statement.body[0]
    out = [] if first else [""]  # a blank line between two functions, as the solution has
    if inner.lineno == statement.lineno:  # `def f(x): return x` on one line
        out.extend(lines[start - 1 : statement.lineno - 1])
        out.append(lines[statement.lineno - 1][: inner.col_offset].rstrip())
        out.append(" " * (statement.col_offset + 4) + "...")
        return out
    docstring = isinstance(inner, ast.Expr) and isinstance(getattr(inner, "value", None), ast.Constant) \
        and isinstance(inner.value.value, str)
    keep_to = inner.end_lineno if docstring else inner.lineno - 1
    out.extend(lines[start - 1 : keep_to])
    out.append(" " * inner.col_offset + "...")
    return out


def _bound_targets(statement) -> list:
    """The targets a statement assigns, in order, looking into with/for/if/try bodies but not
    into functions, classes or lambdas (their names are their own)."""
    found: list = []

    def targets(node):
        if isinstance(node, (ast.Tuple, ast.List)):
            for element in node.elts:
                targets(element)
        elif isinstance(node, ast.Starred):
            targets(node.value)
        else:
            found.append(node)

    def visit(node):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                targets(target)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets(node.target)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            targets(node.target)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None:
                    targets(item.optional_vars)
        elif isinstance(node, ast.ClassDef):
            found.append(ast.Name(id=node.name))
            return
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(ast.Name(id=node.name))
            return
        elif isinstance(node, ast.Lambda):
            return
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt) or isinstance(child, ast.excepthandler):
                visit(child)

    visit(statement)
    return found


def _todo_check(checked: list[str], language: str, indent: int) -> list[str]:
    """`todo.check({"name": name, ...}, "<lang>")`, on one line if it fits in 88 columns."""
    entries = [f"{json.dumps(expression)}: {expression}" for expression in checked]
    one_line = f'todo.check({{{", ".join(entries)}}}, "{language}")'
    if indent + len(one_line) <= 88:
        return [one_line]
    return ["todo.check({", *(f"    {entry}," for entry in entries), f'}}, "{language}")']


# --- markdown ---------------------------------------------------------------------------------

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
EXEC = re.compile(r'\bexec="(?:1|yes|true|on)"')
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?P<marker>!!!|\?\?\?\+?)[ \t]*(?P<type>[\w-]+)'
                        r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$')
TAB = re.compile(r'^(?P<indent>[ \t]*)===\+?[ \t]+"(?P<title>[^"]*)"[ \t]*$')
ATTR_LIST = re.compile(r"[ \t]*\{(?::[ \t]*|[ \t]+)(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|\S+)|[\w-]+)"
                       r"(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|\S+)|[\w-]+))*[ \t]*\}")
LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")  # a link's text may span lines
INLINE_CODE = re.compile(r"(`+)(?:.+?)\1")
INLINE_MATH = re.compile(r"\\\((?P<tex>.+?)\\\)", re.DOTALL)
DISPLAY_MATH = re.compile(r"\\\[(?P<tex>.+?)\\\]", re.DOTALL)


@dataclass
class Cell:
    kind: str  # "markdown" | "code"
    source: str


@dataclass
class _Context:
    lab: Lab
    site: Site
    variant: str
    snippets: Path
    cells: list[Cell] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)  # markdown lines not yet in a cell

    def flush(self) -> None:
        kept: list[str] = []
        for line in self.pending:
            blank = not line.strip(" >")
            if blank and (not kept or not kept[-1].strip(" >")):
                continue  # no leading blank line, no run of blank lines
            kept.append(line.rstrip() if blank else line)
        while kept and not kept[-1].strip(" >"):
            kept.pop()
        if kept:
            self.cells.append(Cell("markdown", "\n".join(kept)))
        self.pending = []


def _indented_block(lines: list[str], start: int, indent: int) -> tuple[list[str], int]:
    """The lines from `start` indented by more than `indent` (blank lines included), dedented."""
    body, i = [], start
    while i < len(lines):
        line = lines[i]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
        i += 1
    while body and not body[-1].strip():
        body.pop()
    width = indent + 4
    return [line[width:] if line[:width].strip() == "" else line.lstrip() for line in body], i


def _convert(lines: list[str], ctx: _Context, quote: str = "") -> None:
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            indent, marker = fence.group("indent"), fence.group("fence")
            end = i + 1
            while end < len(lines) and not re.match(rf"^{re.escape(indent)}{marker[0]}{{{len(marker)},}}[ \t]*$", lines[end]):
                end += 1
            body = lines[i + 1 : end]
            if EXEC.search(fence.group("info")):
                _code_cell(body, ctx, quote)
            else:
                language = fence.group("info").strip().split(" ")[0].split("{")[0]
                ctx.pending.append(f"{quote}{marker}{language}")
                ctx.pending.extend(f"{quote}{b[len(indent):] if b.startswith(indent) else b}" for b in body)
                ctx.pending.append(f"{quote}{marker}")
            i = end + 1
            continue
        if "\\[" in line and "\\]" not in line.split("\\[", 1)[1]:
            end = i + 1
            while end < len(lines) and "\\]" not in lines[end]:
                end += 1
            tex = textwrap.dedent("\n".join([line.split("\\[", 1)[1], *lines[i + 1 : end],
                                              lines[end].split("\\]", 1)[0] if end < len(lines) else ""]))
            before = line.split("\\[", 1)[0]
            if before.strip():
                ctx.pending.append(f"{quote}{_inline(before, ctx)}")
            ctx.pending.append(f"{quote}$$")
            ctx.pending.extend(f"{quote}{t}" for t in tex.strip("\n").splitlines() if t.strip())
            ctx.pending.append(f"{quote}$$")
            after = lines[end].split("\\]", 1)[1] if end < len(lines) else ""
            if after.strip():
                ctx.pending.append(f"{quote}{_inline(after, ctx)}")
            i = end + 1
            continue
        admonition = ADMONITION.match(line)
        tab = TAB.match(line) if not admonition else None
        if admonition or tab:
            found = admonition or tab
            indent = len(found.group("indent"))
            body, i = _indented_block(lines, i + 1, indent)
            if tab:
                ctx.pending.append(f"{quote}**{_inline(found.group('title'), ctx)}**")
                ctx.pending.append(quote)
                _convert(body, ctx, quote)
                continue
            kind = found.group("type").lower()
            title = found.group("title")
            title = kind.capitalize() if title is None else title
            collapsed = found.group("marker").startswith("???")
            if collapsed and kind == "success" and ctx.variant != "solutions":
                _learner_answer(body, title, ctx, quote)
                continue
            ctx.pending.append(quote)
            inner = quote + "> "
            if title:
                ctx.pending.append(f"{inner}**{_inline(title, ctx)}**")
                ctx.pending.append(inner.rstrip())
            _convert(body, ctx, inner)
            ctx.pending.append(quote)
            continue
        ctx.pending.append(f"{quote}{_inline(line, ctx)}" if line.strip() else quote.rstrip())
        i += 1


def _learner_answer(body: list[str], title: str, ctx: _Context, quote: str) -> None:
    """A collapsed answer in the learner notebook: a pointer, plus any exercise cell it holds."""
    exercises = []
    i = 0
    while i < len(body):
        fence = FENCE.match(body[i])
        if fence and EXEC.search(fence.group("info")):
            end = i + 1
            while end < len(body) and body[end].strip() != fence.group("fence"):
                end += 1
            path = _include(body[i + 1 : end], ctx)
            text = (ctx.snippets / path).read_text(encoding="utf-8")
            if snippet_code(text, "learner", ctx.lab.language, path)[1]:
                exercises.append(body[i : end + 1])
            i = end + 1
        else:
            i += 1
    key = "answer_exercise" if exercises else "answer_hidden"
    ctx.pending.append(quote)
    ctx.pending.append(f"{quote}> {words(ctx.lab.language)[key].format(title=_inline(title, ctx))}")
    ctx.pending.append(quote)
    for block in exercises:
        _code_cell(block[1:-1], ctx, quote)


def _include(body: list[str], ctx: _Context) -> str:
    text = "\n".join(b for b in body if b.strip())
    match = INCLUDE.match(text)
    if match is None:
        raise NotebookError(f"{ctx.lab.page}: an executed block must be one include line, found:\n{text}")
    return match.group("path")


def _code_cell(body: list[str], ctx: _Context, quote: str) -> None:
    path = _include(body, ctx)
    file = ctx.snippets / path
    if not file.is_file():
        raise NotebookError(f"{ctx.lab.page}: snippet snippets/{path} does not exist")
    code, _ = snippet_code(file.read_text(encoding="utf-8"), ctx.variant, ctx.lab.language, f"snippets/{path}")
    ctx.flush()
    ctx.cells.append(Cell("code", code))


def _inline(text: str, ctx: _Context) -> str:
    """One line of prose: math, attribute lists and links made plain Jupyter markdown."""
    kept: list[str] = []

    def keep(piece: str) -> str:
        kept.append(piece)
        return f"\0{len(kept) - 1}\0"

    text = INLINE_CODE.sub(lambda m: keep(m.group(0)), text)
    text = DISPLAY_MATH.sub(lambda m: keep(f"$${m.group('tex').strip()}$$"), text)
    text = INLINE_MATH.sub(lambda m: keep(f"${m.group('tex').strip()}$"), text)
    text = text.replace("$", r"\$")  # a dollar sign in prose is not math in Jupyter
    text = ATTR_LIST.sub("", text)
    text = LINK.sub(lambda m: f"]({link(m.group('target'), ctx.lab, ctx.site)}{m.group('title') or ''})", text)
    return re.sub(r"\0(\d+)\0", lambda m: kept[int(m.group(1))], text)


def _join_inline_math(markdown: str) -> str:
    """Inline math that wraps onto the next line is put on one line (the line pass sees it whole)."""
    out, prose, fence = [], [], None

    def flush_prose():
        if not prose:
            return
        text = "\n".join(prose)
        out.append(INLINE_MATH.sub(lambda m: re.sub(r"\n[ \t]*", " ", m.group(0)), text))
        prose.clear()

    for line in markdown.split("\n"):
        opening = FENCE.match(line)
        if fence is None and opening:
            flush_prose()
            fence = opening.group("fence")
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        else:
            prose.append(line)
    flush_prose()
    return "\n".join(out)


# --- notebooks ------------------------------------------------------------------------------


def title_of(markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return ATTR_LIST.sub("", line[2:]).strip()
    return ""


def build(lab: Lab, variant: str, site: Site, snippets: Path = SNIPPETS_DIR) -> nbformat.NotebookNode:
    """The notebook for one lab page, language and variant ("learner" or "solutions")."""
    if variant not in (*VARIANTS, "filled"):
        raise ValueError(f"variant must be one of {VARIANTS} (or \"filled\", for tests)")
    markdown = lab.page.read_text(encoding="utf-8")
    # The site's questions (README, "Writing a question"): no <quiz> tags, and each blank
    # `[[answer]]` left empty for the learner's prediction (the notebook checks them).
    markdown = re.sub(r"^</?quiz>\n", "", markdown, flags=re.M)
    markdown = re.sub(r"\[\[[^\]]*\]\]", " ", markdown)
    ctx = _Context(lab, site, variant, Path(snippets))
    lines = _join_inline_math(markdown).splitlines()
    # The title, then the cells the generator adds, then the page.
    heading = next((n for n, line in enumerate(lines) if line.startswith("# ")), -1)
    _convert(lines[: heading + 1], ctx)
    ctx.flush()
    _setup_cells(lab, variant, site, ctx)
    _convert(lines[heading + 1 :], ctx)
    ctx.flush()
    cells = []
    for number, cell in enumerate(ctx.cells, start=1):
        make = new_markdown_cell if cell.kind == "markdown" else new_code_cell
        cells.append(make(cell.source, id=f"{cell.kind[:2]}-{number:03d}"))
    notebook = new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python"},
            "lacourse": {
                "lab": lab.name,
                "language": lab.language,
                "variant": variant,
                "page": f"docs/{lab.language}/labs/{lab.name}.md",
            },
        },
    )
    nbformat.validate(notebook)
    return notebook


def _setup_cells(lab: Lab, variant: str, site: Site, ctx: _Context) -> None:
    say = words(lab.language)
    lab_url = link(f"{lab.name}.md", lab, site)
    which = say["solutions"] if variant == "solutions" else say["learner"]
    title = title_of(lab.page.read_text(encoding="utf-8"))
    text = say["origin"].format(lab=lab_reference(title, lab.language, f"[{{}}]({lab_url})"), which=which)
    wheel = learner_wheel.wheel_name()
    address = learner_wheel.url(site.site_url)
    setup = say["setup"] + " " + (say["setup_url"].format(wheel=f"[{wheel}]({address})") if address
                                  else say["setup_local"].format(wheel=f"`{wheel}`"))
    if site.repo_url:
        setup += say["setup_repo"].format(repo=f"<{site.repo_url.rstrip('/')}>")
    missing = 'if importlib.util.find_spec("lacourse") is None:  # the course\'s package, if missing'
    if address:  # Colab, a fresh Jupyter, a notebook from `mkdocs serve`: install it from the site
        install = ["import importlib.util", "import subprocess", "import sys", "", missing,
                   f'    wheel = "{address}"',
                   '    subprocess.run([sys.executable, "-m", "pip", "install", wheel], check=True)']
    else:  # no address to install from (a plain local build): say what to run
        pieces = textwrap.wrap(say["missing"].format(wheel=wheel) + " ", 72, drop_whitespace=False,
                               break_long_words=False, break_on_hyphens=False)
        pieces.append(f"python -m pip install {wheel}")  # the command whole, on its own line
        install = ["import importlib.util", "", missing, "    raise ModuleNotFoundError(",
                   *(f"        {json.dumps(piece, ensure_ascii=False)}" for piece in pieces), "    )"]
    ctx.cells.append(Cell("markdown", f"{text}\n\n{setup}"))
    code = [
        *install,
        "",
        "import numpy as np",
        "",
        "from lacourse import PRINT_OPTIONS, todo  # todo.check: the check after each TODO region",
        "",
        f"np.set_printoptions(**PRINT_OPTIONS)  # {say['print_comment']}",
    ]
    ctx.cells.append(Cell("code", "\n".join(code)))


def lab_reference(title: str, language: str, pattern: str = "{}") -> str:
    """How the prose names a lab: "Lab 00 · Shape prediction"; in Spanish «del laboratorio 00 ·
    Predicción de formas», the article joined and the noun lower-case, as a sentence has it.
    `pattern` wraps the title (a link)."""
    if language == "es":
        if title.startswith("Laboratorio "):
            title = "l" + title[1:]
        return "del " + pattern.format(title)
    return pattern.format(title)


def dumps(notebook: nbformat.NotebookNode) -> str:
    """The notebook as text: sorted keys, one-space indent; the same bytes every time."""
    return nbformat.writes(notebook, version=4) + "\n"


def write_if_changed(path: Path, text: str) -> bool:
    """Write atomically, and only when the content differs (so `mkdocs serve` does not loop)."""
    path = Path(path)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return True


def generate(docs_dir: Path, site: Site, languages: list[str] | None = None,
             snippets: Path = SNIPPETS_DIR) -> dict[Path, str]:
    """Every lab's notebooks: {path under docs_dir: text}."""
    outputs = {}
    for lab in find_labs(docs_dir, languages):
        learner = dumps(build(lab, "learner", site, snippets))
        outputs[lab.path("page")] = learner
        outputs[lab.path("learner")] = learner
        outputs[lab.path("solutions")] = dumps(build(lab, "solutions", site, snippets))
    return outputs


class NotebookExecutionError(Exception):
    """A notebook cell failed; the message names the notebook and the cell."""


def execute(notebook: nbformat.NotebookNode, name: str, cwd: Path, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel, as a learner's "Run all" would.

    The kernel talks over IPC sockets, not TCP (no "running over TCP" warning). A failing or
    hanging cell raises NotebookExecutionError naming `name` and the cell (number, id, first line).
    """
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient
    from nbclient.exceptions import CellControlSignal, CellExecutionError, CellTimeoutError, DeadKernelError

    current: dict = {}

    def on_cell_execute(cell, cell_index, **_):
        current.update(cell=cell, index=cell_index)

    import tempfile

    sockets = tempfile.mkdtemp(prefix="lacourse-kernel-")  # IPC sockets are files: not in cwd
    client = NotebookClient(
        notebook,
        km=KernelManager(kernel_name="python3", transport="ipc", ip=f"{sockets}/kernel"),
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd)}},
        on_cell_execute=on_cell_execute,
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError, CellControlSignal) as error:
        cell, index = current.get("cell"), current.get("index", -1)
        first = cell.source.strip().splitlines()[0] if cell is not None and cell.source.strip() else ""
        where = f"notebook {name}, cell {index + 1} (id {cell.id if cell is not None else '?'}: {first!r})"
        detail = [o for o in (cell.outputs if cell is not None else []) if o.get("output_type") == "error"]
        reason = f"{detail[0]['ename']}: {detail[0]['evalue']}" if detail else type(error).__name__
        raise NotebookExecutionError(f"{where} failed: {reason}") from None
    finally:
        import shutil

        shutil.rmtree(sockets, ignore_errors=True)
    return notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write every lab's notebooks to OUT/<lang>/.")
    parser.add_argument("out", type=Path, help="output folder, e.g. labs/notebooks")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--site-url", default=None)
    parser.add_argument("--repo-url", default=None)
    parser.add_argument("--force", action="store_true", help="overwrite learner notebooks you have edited")
    args = parser.parse_args(argv)
    site = Site(site_url=args.site_url, repo_url=args.repo_url)
    for lab in find_labs(args.docs):
        for variant in VARIANTS:
            target = args.out / lab.language / file_name(lab.name, variant)
            text = dumps(build(lab, variant, site))
            if variant == "learner" and target.exists() and not args.force:
                if target.read_text(encoding="utf-8") != text:
                    print(f"kept {target} (it differs: your work? --force overwrites it)")
                    continue
            if write_if_changed(target, text):
                print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
