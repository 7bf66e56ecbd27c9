"""MkDocs hook file (mkdocs.yml `hooks:`): every lab page becomes two notebooks and a notebook page.

* `on_pre_build` writes, per lab and language, three git-ignored files next to the lab page
  (lacourse_site.notebooks builds them; a file is rewritten only when its content changes, so
  `mkdocs serve` does not loop):
  `docs/<lang>/labs/<lab>/notebook.ipynb` (rendered by mkdocs-jupyter as the notebook page),
  `<lab>.ipynb` (the learner's download) and `<lab>-solutions.ipynb` (the solutions).
* mkdocs-static-i18n rebuilds every file as its own `File`, which makes a notebook a static
  asset again (upstream issue #198): `on_config` gives it a `File` class that knows notebook
  pages, so i18n pairs them across languages like any page (language menu, sitemap).
* mkdocs-jupyter's cache is keyed per language (otherwise each language evicts the other's).
* A notebook page gets MathML for its `$...$` math (lacourse_site.site's converter), no MathJax or
  Mermaid script (nothing is requested from another host), and a box of links; a lab page gets
  the same box under its title: view, download, download the solutions, open in Colab.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlparse

import mkdocs_static_i18n.folder
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from lacourse_site import learner_wheel, notebooks
from lacourse_site.site import tex_to_mathml  # one LaTeX -> MathML conversion for every page
from lacourse_site.notebook_css import prune as prune_css  # a notebook page keeps the CSS it uses

log = logging.getLogger("mkdocs.plugins.lacourse_site.notebooks")

NOTEBOOK_PAGE = re.compile(r"^(?P<lang>[^/]+)/labs/(?P<lab>\d\d-[a-z0-9-]+)/notebook\.ipynb$")
LAB_PAGE = re.compile(r"^(?P<lang>[^/]+)/labs/(?P<lab>\d\d-[a-z0-9-]+)\.md$")
COLAB = "https://colab.research.google.com/github/{owner}/{repo}/blob/{branch}/{lang}/{file}"


class NotebookAwareFile(File):
    """The File mkdocs-static-i18n builds every file with, knowing that notebook pages are pages."""

    def is_documentation_page(self) -> bool:
        return super().is_documentation_page() or bool(NOTEBOOK_PAGE.match(self.src_uri))


def on_config(config):
    mkdocs_static_i18n.folder.File = NotebookAwareFile
    return config


def _i18n(config):
    return config.plugins.get("i18n")


def _site(config) -> notebooks.Site:
    i18n = _i18n(config)
    return notebooks.Site(
        default_language=i18n.default_language if i18n else "en",
        site_url=config.site_url or None,
        repo_url=config.repo_url or None,
        use_directory_urls=config.use_directory_urls,
    )


_notebooks_memo: dict[str, dict] = {}  # inputs -> generated notebooks, for as long as the process lives


def _generated(docs: Path, site, languages):
    """notebooks.generate, once per set of inputs: both language builds run on_pre_build, and
    under `mkdocs serve` a save that touches no lab page or snippet needs no new notebooks."""
    root = Path(notebooks.__file__).resolve().parent.parent
    digest = hashlib.sha256(repr((site, languages, str(docs))).encode())
    inputs = [*sorted(Path(docs).glob("*/labs/*.md")), *sorted((root / "snippets").rglob("*.py")),
              Path(notebooks.__file__), root / "learner" / "pyproject.toml"]
    for path in inputs:
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    key = digest.hexdigest()
    if key not in _notebooks_memo:
        _notebooks_memo.clear()
        _notebooks_memo[key] = notebooks.generate(docs, site, languages)
    return _notebooks_memo[key]


def on_pre_build(config):
    docs = Path(config.docs_dir)
    i18n = _i18n(config)
    languages = [language.locale for language in i18n.config.languages] if i18n else None
    try:
        wanted = _generated(docs, _site(config), languages)
    except (notebooks.NotebookError, OSError) as error:
        raise PluginError(f"lab notebooks: {error}") from None
    written = [path for path, text in wanted.items() if notebooks.write_if_changed(path, text)]
    # Notebooks of a lab page that no longer exists must not be published.
    for stale in docs.glob("*/labs/*/*.ipynb"):
        if stale not in wanted:
            stale.unlink()
    if written:
        log.info("lacourse: wrote %d lab notebooks", len(written))
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None and i18n is not None:
        # One cache folder per language: each language's post-build evicts entries it did not use.
        base = jupyter.config.get("_lacourse_cache_base") or jupyter.config["cache_dir"]
        jupyter.config["_lacourse_cache_base"] = base
        jupyter.config["cache_dir"] = f"{base}/{i18n.current_language}"


def on_post_build(config):
    """The learner's package, as every notebook's first cell installs it: site/downloads/<wheel>."""
    if not notebooks.find_labs(Path(config.docs_dir)):
        return  # no lab, no notebook to install it (a test's tiny project)
    try:
        wheel, seconds = learner_wheel.publish(Path(config.site_dir))
    except learner_wheel.WheelError as error:
        raise PluginError(str(error)) from None
    log.debug("lacourse: %s in %.2f s", wheel, seconds)


# --- pages ------------------------------------------------------------------------------------


def _language(page) -> str:
    match = NOTEBOOK_PAGE.match(page.file.src_uri) or LAB_PAGE.match(page.file.src_uri)
    return match.group("lang") if match else "en"


def _colab(config, language: str, lab: str) -> str | None:
    """A Colab link, only where Colab can open the notebook: a GitHub branch the deploy publishes."""
    branch = os.environ.get("NOTEBOOKS_BRANCH")
    parts = urlparse(config.repo_url or "")
    path = [p for p in parts.path.split("/") if p]
    if not branch or parts.netloc != "github.com" or len(path) < 2:
        return None
    repo = path[1].removesuffix(".git")
    return COLAB.format(owner=path[0], repo=repo, branch=branch, lang=language, file=f"{lab}.ipynb")


def _box(page, config, files, lab: str, on_notebook_page: bool) -> str:
    language = _language(page)
    say = notebooks.words(language)
    folder = PurePosixPath(page.file.src_uri).parent if on_notebook_page else \
        PurePosixPath(page.file.src_uri).with_suffix("")

    def url(src_uri: str) -> str | None:
        file = files.get_file_from_path(src_uri)
        return None if file is None else html.escape(file.url_relative_to(page.file), quote=True)

    links = []
    if on_notebook_page:
        lab_url = url(f"{PurePosixPath(page.file.src_uri).parent.parent}/{lab}.md")
        lab_title = html.escape(page.meta.get("lab_title", lab)) if hasattr(page, "meta") else lab
        intro = say["box_notebook"].format(
            lab=notebooks.lab_reference(lab_title, language, f"[{{}}]({lab_url or '../'})"))
        intro = re.sub(r"\[([^\]]*)\]\(([^)]*)\)", r'<a href="\2">\1</a>', html.escape(intro, quote=False))
    else:
        view = url(f"{folder}/notebook.ipynb")
        if view is None:
            return ""
        links.append(f'<a href="{view}">{say["view"]}</a>')
        intro = re.sub(r"`([^`]*)`", r"<code>\1</code>", html.escape(say["box_lab"], quote=False))
    for kind, label in (("learner", "download"), ("solutions", "download_solutions")):
        name = notebooks.file_name(lab, kind)
        href = url(f"{folder}/{name}")
        if href is not None:
            links.append(f'<a href="{href}" download="{name}">{say[label]}</a>')
    wheel = learner_wheel.wheel_name()  # the learner's package: on_post_build puts it there
    href = html.escape(get_relative_url(learner_wheel.site_path(), page.url), quote=True)
    links.append(f'<a href="{href}" download="{wheel}">{say["wheel"]}</a>')
    colab = _colab(config, language, lab)
    if colab:
        links.append(f'<a href="{html.escape(colab, quote=True)}">{say["colab"]}</a>')
    intro = re.sub(r"`([^`]*)`", r"<code>\1</code>", intro)
    return (
        f'<div class="admonition example lab-notebook"><p class="admonition-title">{say["box_title"]}</p>'
        f"<p>{intro}</p><p>{' · '.join(links)}</p></div>"
    )


def on_page_content(html_text, page, config, files):
    src = page.file.src_uri
    if match := LAB_PAGE.match(src):
        box = _box(page, config, files, match.group("lab"), on_notebook_page=False)
        return re.sub(r"(</h1>)", lambda m: m.group(1) + box, html_text, count=1) if box else html_text
    if match := NOTEBOOK_PAGE.match(src):
        lab_md = Path(config.docs_dir) / match.group("lang") / "labs" / f"{match.group('lab')}.md"
        title = notebooks.title_of(lab_md.read_text(encoding="utf-8")) if lab_md.is_file() else page.title
        page.meta["lab_title"] = title
        say = notebooks.words(match.group("lang"))
        page.title = f"{title} · {say['box_title']}"
        page.meta["search"] = {"exclude": True}  # its lab page is in the index with the same text
        html_text = _notebook_math(html_text, src)
        html_text = _tidy(html_text)
        html_text = _copy_button(html_text, say)
        html_text = _stylesheet(html_text, page, config)
        return _box(page, config, files, match.group("lab"), on_notebook_page=True) + html_text
    return html_text


# nbconvert leaves $...$ and $$...$$ as text in the rendered markdown cells.
_MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)',
                            re.DOTALL)
_DISPLAY = re.compile(r"\$\$(?P<tex>.+?)\$\$", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$(?P<tex>[^$\n]+?)(?<!\\)\$(?!\$)")


def _to_mathml(tex: str, display: bool, page: str) -> str:
    return tex_to_mathml(html.unescape(tex).strip(), display, page)


def _notebook_math(html_text: str, page: str) -> str:
    def cell(match: re.Match) -> str:
        body = match.group(2)
        pieces = re.split(r"(<pre\b.*?</pre>|<code\b.*?</code>)", body, flags=re.DOTALL)
        for n in range(0, len(pieces), 2):  # not inside code
            text = _DISPLAY.sub(lambda m: _to_mathml(m.group("tex"), True, page), pieces[n])
            text = _INLINE.sub(lambda m: _to_mathml(m.group("tex"), False, page), text)
            pieces[n] = text.replace("\\$", "$")
        return match.group(1) + "".join(pieces) + match.group(3)

    return _MARKDOWN_CELL.sub(cell, html_text)


def _tidy(html_text: str) -> str:
    """Material's heading links instead of nbconvert's (search titles then lose their '¶')."""
    return re.sub(r'<a class="anchor-link" href="(#[^"]*)">¶</a>',
                  r'<a class="headerlink" href="\1" title="Permanent link">¶</a>', html_text)


def _copy_button(html_text: str, say: dict[str, str]) -> str:
    """nbconvert's copy button speaks English ("Copy to Clipboard", "Copied!"): the page's language,
    in Material's own words for its copy buttons."""
    html_text = html_text.replace('aria-label="Copy to Clipboard"', f'aria-label="{say["copy"]}"')
    return html_text.replace('<span class="notice" hidden="">Copied!</span>',
                             f'<span class="notice" hidden="">{say["copied"]}</span>')


_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)


def _stylesheet(html_text: str, page, config) -> str:
    """nbconvert inlines about 600 KB of JupyterLab CSS in every notebook page (~90 KB
    gzipped, half a second of style work on a phone): take it out of the content (the search
    index no longer parses it either); on_post_page puts back, in the page's head, only the
    rules that can match the finished page (lacourse_site.notebook_css: ~12 KB)."""
    css = "\n".join(_STYLE.findall(html_text)).strip()
    if not css:
        return html_text
    page.meta["lacourse_css"] = css
    return _STYLE.sub("", html_text)


# The MathJax configuration and loader, and the Mermaid loader, that nbconvert's template adds.
_SCRIPTS = [
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    re.compile(r'<script[^>]*type="text/x-mathjax-config"[^>]*>.*?</script>', re.DOTALL),
    re.compile(r'<script type="module">\s*document\.addEventListener\("DOMContentLoaded", async \(\) => \{'
               r'.*?mermaid.*?</script>', re.DOTALL),
    re.compile(r'<script src="">\s*</script>'),
]


@event_priority(-50)
def on_post_page(output, page, config):
    if not NOTEBOOK_PAGE.match(page.file.src_uri):
        return output
    for pattern in _SCRIPTS:
        output = pattern.sub("", output)
    if css := page.meta.get("lacourse_css"):
        output = output.replace("</head>", f"<style>{prune_css(css, output)}</style>\n</head>", 1)
    return output
