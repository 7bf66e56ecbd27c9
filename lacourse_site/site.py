"""Build-time glue between MkDocs, markdown-exec and our snippet runner.

What it adds to markdown-exec (see README, "How the build runs code"):

* every executed block is one include of a file in snippets/, checked before the page renders;
* a block runs once per build: mkdocs-static-i18n builds Spanish by building again, and the
  second language gets the first one's output, byte for byte;
* under `mkdocs serve` a block's output is reused until its code or the shared `lacourse`
  library changes, so editing prose re-runs nothing;
* a block that raises, exits, hangs or breaks a shape comment stops the build with a message
  naming the page and the snippet file;
* figures get their alt text (a fence option, so it is written in the page's language);
* LaTeX math is turned into MathML at build time: no script, no font, no request elsewhere.

State lives in this module (imported once per process), not in the hook file, because
`mkdocs serve` reloads the hook file on every rebuild.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import multiprocessing
import os
import re
import time
from concurrent.futures import ProcessPoolExecutor
from copy import deepcopy
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jinja2
import markdown_exec
import math_core
from material.plugins.search import plugin as search_plugin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from pymdownx.superfences import SuperFencesException

import lacourse
from lacourse_site import mathfont
from lacourse_site.runner import SNIPPETS_DIR, SnippetError, outputs_of, run_code

LEARNER_PACKAGE = Path(lacourse.__file__).resolve().parent

log = logging.getLogger("mkdocs.plugins.lacourse")


class SnippetBuildError(SuperFencesException, PluginError):
    """Stops the build. SuperFences swallows other exceptions and would render the raw code."""


# An executed block: ```python exec="1" ...``` whose body is the include line.
EXEC_FENCE = re.compile(
    r'^(?P<indent>[ \t]*)(?P<fence>`{3,})python(?P<opts>[^\n]*\bexec="(?:1|yes|true|on)"[^\n]*)\n'
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
INCLUDE = re.compile(r'^--8<--\s+"(?P<path>[^"]+)"$')

_outputs: dict[str, str] = {}  # cache key -> output; lives as long as the process
_formatted: dict[str, tuple[str, int, str]] = {}  # block + options -> (HTML, figures after it, run key)
_stats = {"run": 0, "reused": 0, "seconds": 0.0, "ahead": 0, "ahead seconds": 0.0}
_state = {"page": "?", "library": "", "snippets": SNIPPETS_DIR, "serving": False, "repo": None, "figures": 0}


def snippet_includes(markdown: str, page: str = "?") -> list[str]:
    """The snippet files a page executes, in order. Raises if a block is not one include."""
    paths = []
    for match in EXEC_FENCE.finditer(markdown):
        body = match.group("body").strip()
        include = INCLUDE.match(body)
        if include is None:
            raise SnippetBuildError(
                f"page {page}: an executed block must be exactly one line "
                f'`--8<-- "<file in snippets/>"`, found:\n{body}'
            )
        paths.append(include.group("path"))
    return paths


def library_fingerprint() -> str:
    """Hash of what every block depends on besides its own code: the learner's package the
    snippets import, and the runner that executes them. A change there invalidates every output;
    the rest of the site's machinery (hooks, notebooks, math) never changes a block's output."""
    digest = hashlib.sha256()
    for path in [*sorted(LEARNER_PACKAGE.rglob("*")), Path(__file__).with_name("runner.py")]:
        if path.is_file() and path.suffix in {".py", ".json", ".csv", ".txt"}:
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# --- MkDocs events (wired in by hooks.py) ---------------------------------------------


def on_startup(command, dirty):
    # `mkdocs serve` must keep answering while a snippet is broken: see _shown_while_serving.
    _state["serving"] = command == "serve"


def on_config(config):
    markdown_exec.formatters["python"] = markdown_exec.formatters["py"] = _format_python
    _index_lean_and_once()
    _render_once_while_serving()
    # Check includes where pymdownx.snippets will read them.
    base = config.mdx_configs["pymdownx.snippets"]["base_path"]
    _state["snippets"] = Path(base[0] if isinstance(base, list) else base)
    _state["repo"] = (config.repo_url or "").rstrip("/") or None
    return config


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build keeps the outer build's fingerprint, so it reuses every output
    _state["library"] = library_fingerprint()
    _math_chars.clear()  # gathered from every page of every language, for the math font
    _run_ahead(config)


def on_page_markdown(markdown, page, config, files):
    page_name = page.file.src_uri
    _state["page"] = page_name
    _state["figures"] = 0  # figure ids are numbered per page

    def checked(match: re.Match) -> str:
        (path,) = snippet_includes(match.group(0), page_name)
        if not (_state["snippets"] / path).is_file():
            error = SnippetBuildError(f"page {page_name}: snippet file snippets/{path} does not exist")
            if _state["serving"]:
                return _shown_while_serving(error, path)
            raise error
        opts = match.group("opts")
        if "title=" not in opts:  # name the file on the page and in error messages
            opts += f' title="{path}"'
        indent, fence = match.group("indent"), match.group("fence")
        return f"{indent}{fence}python{opts}\n{match.group('body')}{indent}{fence}"

    return EXEC_FENCE.sub(checked, markdown)


def on_page_content(html_text, page, config, files):
    return _render_math(html_text, page.file.src_uri)


_MATH_ELEMENT = re.compile(r"<math\b.*?</math>", re.DOTALL)
_math_chars: set[str] = set()  # what this build's formulas draw (lacourse_site.mathfont)


def on_post_page(output, page, config):
    """Lean highlighted code on every page (lean_code). MathML 3 style attributes on every
    formula of the finished page, whoever typeset it (notebook pages convert their own math);
    the characters it draws go into the math font."""
    output = lean_code(output)
    if "<math" not in output:
        return output
    output = _MATH_ELEMENT.sub(lambda m: _displaystyle_in_mstyle(m.group(0)), output)
    _math_chars.update(mathfont.characters(output))
    return output


# Pygments wraps every token in a span: a long page's code is thousands of elements, which
# the browser styles and lays out again each time Material's script measures the page (most of
# the main thread's work at load). Names and whitespace get no colour of their own (Material
# and the notebook stylesheet draw them in the code's colour): without their spans the page
# looks the same with a fifth fewer elements.
_PRE = re.compile(r"<pre\b.*?</pre>", re.DOTALL)
_UNCOLOURED_TOKEN = re.compile(r'<span class="(?:n|w)">([^<]*)</span>')


def lean_code(html_text: str) -> str:
    return _PRE.sub(lambda match: _UNCOLOURED_TOKEN.sub(r"\1", match.group(0)), html_text)


def on_page_context(context, page, config, nav):
    # after mkdocs-static-i18n's (priority 50), which points config.extra.alternate at the twin page
    _absolute_alternates(config)
    return context


def on_template_context(context, template_name, config):
    if template_name == "404.html":  # must not inherit the twin of whichever page was built last
        _set_alternates(config, language_roots(config))
        _absolute_alternates(config)
    return context


def on_post_template(output, template_name, config):
    """Each language gets its own not-found page: /404.html, /es/404.html.

    mkdocs-static-i18n builds Spanish by building again into the same site directory, so
    without this the Spanish 404.html overwrites the English one at the root.
    """
    i18n = config.plugins.get("i18n")
    if template_name != "404.html" or i18n is None or i18n.current_language == i18n.default_language:
        return output
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""  # MkDocs writes nothing at the root for an empty template: the English page stays


def language_roots(config) -> list[dict]:
    """The language menu of pages that have no twin (the not-found pages): each language's home."""
    i18n = config.plugins.get("i18n")
    root = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    return [
        {"name": lang.name, "lang": lang.locale, "link": root if lang.default else f"{root}{lang.locale}/"}
        for lang in i18n.config.languages
        if lang.build
    ]


def _absolute_alternates(config) -> None:
    """With a site URL, hreflang links (and the language menu) name absolute URLs, as search
    engines require; without one (`mkdocs serve`, tests) they stay relative."""
    alternates = _alternates(config)
    if config.site_url and alternates:
        _set_alternates(config, [{**alt, "link": urljoin(config.site_url, alt["link"])} for alt in alternates])


# mkdocs-static-i18n sets `config.extra.alternate` both as an item and as an attribute, which
# MkDocs keeps apart; templates read the attribute first.
def _alternates(config) -> list[dict]:
    return deepcopy(vars(config.extra).get("alternate") or config.extra.get("alternate") or [])


def _set_alternates(config, alternates: list[dict]) -> None:
    config.extra["alternate"] = alternates
    config.extra.alternate = deepcopy(alternates)


@event_priority(-200)  # after mkdocs-static-i18n's post-build (-100), which builds the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # a nested language build: the outer one reports for all languages
    if i18n is not None:
        others = [lang.locale for lang in i18n.config.languages if not lang.default]
        split_search_index(Path(config.site_dir), i18n.default_language, others)
    mathfont.write(Path(config.site_dir), _math_chars)  # after every language's pages
    no_restyle_while_switching(Path(config.site_dir))
    log.info(
        "lacourse: %d blocks executed in %.2f s (%d of them ahead of the pages, %.2f s on the clock), "
        "%d outputs reused",
        _stats["run"],
        _stats["seconds"],
        _stats["ahead"],
        _stats["ahead seconds"],
        _stats["reused"],
    )
    _stats.update({"run": 0, "reused": 0, "seconds": 0.0, "ahead": 0, "ahead seconds": 0.0})  # per build


# Material marks the body with data-md-color-switching while it applies the colour palette, on
# every page load and not only on a toggle, and its palette stylesheet stops all transitions
# meanwhile with `[data-md-color-switching] *`. A rule on every element: setting and removing the
# attribute restyles the whole page twice at load (on theory 02, two full style recalculations
# of ~3,000 elements, most of the main thread's blocking time on a phone). Without the rule, a
# reader's light/dark toggle plays Material's own short colour transitions instead.
_SWITCHING_RULE = re.compile(r"\[data-md-color-switching\][^{}]*\{[^{}]*\}")


def no_restyle_while_switching(site: Path) -> None:
    for stylesheet in (site / "assets" / "stylesheets").glob("palette.*.min.css"):
        text = stylesheet.read_text(encoding="utf-8")
        lean = _SWITCHING_RULE.sub("", text)
        if lean != text:
            stylesheet.write_text(lean, encoding="utf-8")


def split_search_index(site: Path, default_locale: str, locales: list[str]) -> None:
    """One search index per language, so a Spanish reader searches Spanish pages.

    mkdocs-static-i18n merges all languages into site/search/search_index.json. Material
    fetches `search/search_index.json` relative to the page's `base`, so each language's
    pages get their own index under their own root, and `base` pointing at that root.
    """
    index_path = site / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index["docs"]
    for locale in locales:
        prefix = f"{locale}/"
        own = [{**doc, "location": doc["location"][len(prefix):]} for doc in docs if doc["location"].startswith(prefix)]
        target = site / locale / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        own_index = {**index, "config": {**index["config"], "lang": [locale]}, "docs": own}
        target.write_text(json.dumps(own_index, separators=(",", ":"), ensure_ascii=False), "utf-8")
        for page in (site / locale).rglob("*.html"):
            depth = len(page.relative_to(site / locale).parts) - 1
            base = "/".join([".."] * depth) or "."
            text = page.read_text(encoding="utf-8")
            if page == site / locale / "404.html":
                # served at any missing address below /es/, so its links are absolute paths
                root = re.search(r'"base": "([^"]*)"', text).group(1).rstrip("/")
                base = f"{root}/{locale}"
            page.write_text(re.sub(r'"base": "[^"]*"', f'"base": "{base}"', text, count=1), encoding="utf-8")
    default = [doc for doc in docs if not any(doc["location"].startswith(f"{loc}/") for loc in locales)]
    default_config = {**index["config"], "lang": [default_locale]}
    default_index = {**index, "config": default_config, "docs": default}
    index_path.write_text(json.dumps(default_index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


# --- speed: what a build or a `mkdocs serve` rebuild can reuse -----------------------------


def on_serve(server, config, builder):
    """`mkdocs serve` polls the watched folders every 0.5 s (watchdog's PollingObserver), so a
    save waits up to half a second before the rebuild even starts. Watch with the operating
    system's notifications instead (inotify, FSEvents, ReadDirectoryChangesW: watchdog's
    `Observer`), which report a save at once; LACOURSE_POLLING=1 keeps MkDocs' polling (for
    file systems that send no notifications, such as some network or container mounts)."""
    if os.environ.get("LACOURSE_POLLING") == "1":
        return server
    try:
        import watchdog.events as ev
        import watchdog.observers

        # changes only: the build itself opens and reads every page, which must not trigger a rebuild
        changes = [ev.FileCreatedEvent, ev.FileModifiedEvent, ev.FileDeletedEvent, ev.FileMovedEvent,
                   ev.FileClosedEvent]
        polling, native, watches = server.observer, watchdog.observers.Observer(), {}
        for path, watch in server._watch_refs.items():
            for handler in polling._handlers.get(watch, ()):
                watches[path] = native.schedule(handler, path, recursive=watch.is_recursive, event_filter=changes)
        server.observer, server._watch_refs = native, watches
    except Exception as error:  # MkDocs or watchdog internals changed: keep polling
        log.info("lacourse: keeping MkDocs' polling file watcher (%s)", error)
    return server



class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by Jinja on the template's name and source:
    each build (and the second language's, and every `mkdocs serve` rebuild) makes a new Jinja
    environment and would otherwise compile Material's ~80 templates again."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket):
        if (code := self.store.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket):
        self.store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecodeCache()


def on_env(env, config, files):
    env.bytecode_cache = _BYTECODE
    return env


# What the search index is given: the prose a reader searches, with its inline code. Figures
# (SVG), MathML and code blocks (the snippets and what they print) are left out: tick labels,
# MathML tokens, numbers and whole source files were half of each language's index (126 KB
# gzipped, fetched on the first search) and most of the parsing time; a snippet is found by the
# prose around it, which names what it does. Token spans go too (the text stays).
_NOT_SEARCHED = re.compile(r"<svg\b.*?</svg>|<math\b.*?</math>|<pre\b.*?</pre>", re.DOTALL)
_SPAN = re.compile(r"</?span\b[^>]*>")
_search_entries: dict[str, list[dict]] = {}  # page URL, title and content -> its index entries


def searchable(content: str) -> str:
    return _SPAN.sub("", _NOT_SEARCHED.sub("", content))


def _index_lean_and_once() -> None:
    """Material's search parses every page's HTML on every build (half of a `mkdocs serve`
    rebuild, most of it in figures, formulas and highlighted code): give it the lean HTML, and
    parse a page again only when its content changed."""
    index_class = search_plugin.SearchIndex
    if getattr(index_class, "_lacourse", False):
        return
    parse = index_class.add_entry_from_context

    def add_entry_from_context(index, page):
        key = hashlib.sha256(
            json.dumps([page.url, page.title, page.meta.get("title"), page.meta.get("search"), page.content],
                       default=str).encode()
        ).hexdigest()
        if (entries := _search_entries.get(key)) is None:
            before, content = len(index.entries), page.content
            page.content = searchable(content)
            try:
                parse(index, page)
            finally:
                page.content = content
            entries = _search_entries[key] = index.entries[before:]
            del index.entries[before:]
        index.entries.extend(deepcopy(entries))

    index_class.add_entry_from_context = add_entry_from_context
    index_class._lacourse = True


_rendered: dict[str, tuple] = {}  # page render key -> what Page.render produced (serve only)
_INCLUDE_ANYWHERE = re.compile(r'--8<--\s+"([^"\[]+?)(?::[^"]*)?"')


def _render_key(page, config, files) -> str | None:
    """Everything a page's Markdown -> HTML depends on: its Markdown (after on_page_markdown),
    where it lives, the site's files (relative links), the Markdown configuration, every file it
    includes (snippets, and what they include), the library fingerprint and the repository link."""
    digest = getattr(files, "_lacourse_digest", None)
    if digest is None:
        digest = hashlib.sha256(repr(sorted((f.src_uri, f.dest_uri) for f in files)).encode()).hexdigest()
        files._lacourse_digest = digest
    key = hashlib.sha256()
    for part in (page.markdown, page.file.src_uri, page.file.dest_uri, page.url, digest, _state["library"],
                 str(_state["repo"]), repr(config["markdown_extensions"]),
                 json.dumps(config["mdx_configs"], sort_keys=True, default=str)):
        key.update(str(part).encode() + b"\0")
    seen, todo = set(), list(_INCLUDE_ANYWHERE.findall(page.markdown))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _state["snippets"] / name
        text = path.read_text(encoding="utf-8") if path.is_file() else "\0missing"
        key.update(name.encode() + b"\0" + text.encode() + b"\0")
        todo.extend(_INCLUDE_ANYWHERE.findall(text))
    return key.hexdigest()


def _render_once_while_serving() -> None:
    """Under `mkdocs serve` every save rebuilds every page of both languages; a page whose
    Markdown, includes and context did not change gets the HTML, table of contents and anchors
    it got last time instead of going through Markdown again. `mkdocs build` renders each page
    once, as always (and reports every link warning). LACOURSE_NO_MEMO=1 turns it off."""
    if getattr(Page.render, "_lacourse", False):
        return
    render = Page.render

    def render_once(page, config, files):
        if not _state["serving"] or os.environ.get("LACOURSE_NO_MEMO") == "1":
            return render(page, config, files)
        key = _render_key(page, config, files)
        if (hit := _rendered.get(key)) is not None:
            content, toc, title, anchors, links, blocks = hit
            page.content, page.toc, page._title_from_render = content, deepcopy(toc), title
            page.present_anchor_ids = set(anchors)
            if links is not None:
                page.links_to_anchors = {
                    file: dict(anchor_links) for src, anchor_links in links.items()
                    if (file := files.get_file_from_path(src)) is not None
                }
            for snippet in blocks:  # the blocks' outputs were reused, as a render would record
                _stats["reused"] += 1
                _record("reused", snippet, 0.0)
            return None
        _state["blocks"] = []
        render(page, config, files)
        if "snippet-failure" not in page.content:  # a failure is shown afresh on every save
            links = None if page.links_to_anchors is None else {
                file.src_uri: dict(anchor_links) for file, anchor_links in page.links_to_anchors.items()
            }
            _rendered[key] = (page.content, deepcopy(page.toc), page._title_from_render,
                              set(page.present_anchor_ids or ()), links, list(_state["blocks"]))
        return None

    render_once._lacourse = True
    Page.render = render_once


# --- executing blocks -------------------------------------------------------------------


def _format_python(**kwargs):
    """A block's HTML, memoised: the same block, options and alt text give the same HTML.

    Highlighting a block's source and output (Pygments, a Markdown instance per block) costs
    more than running most blocks, and every build renders each block twice (once per
    language) and `mkdocs serve` renders every block of every page on each rebuild; the memo
    makes an unchanged block cost a dictionary lookup. The key holds everything the HTML
    depends on: the code, every option, the alt text, the library fingerprint (as for the
    output), the repository link and the page's figure count (figure ids are numbered per page).
    """
    _state.setdefault("blocks", []).append(kwargs.get("extra", {}).get("title", "?"))
    options = {k: v for k, v in kwargs.items() if k not in {"md", "run", "transform_source"}}
    key = hashlib.sha256(
        json.dumps([_state["library"], _state["repo"], _state["figures"], options], sort_keys=True, default=repr)
        .encode()
    ).hexdigest()
    if os.environ.get("LACOURSE_NO_MEMO") != "1" and (memo := _formatted.get(key)) is not None:
        html_text, figures, run_key = memo
        if run_key in _outputs:  # the run cache is what counts executions: count a reuse there too
            _stats["reused"] += 1
            _record("reused", kwargs.get("extra", {}).get("title", "?"), 0.0)
            _state["figures"] = figures
            return html_text
    html_text = _format_python_uncached(**kwargs)
    if 'id="exec-' not in html_text and "snippet-failure" not in html_text:
        run_key = _run_key(kwargs.get("code", ""))
        _formatted[key] = (html_text, _state["figures"], run_key)
    return html_text


def _format_python_uncached(**kwargs):
    extra = kwargs.get("extra", {})
    alt = extra.pop("alt", None)  # language-specific: kept out of the cache key and the source fence
    volatile = extra.pop("volatile", None) is not None
    snippet = extra.get("title", "?")
    # str(): base_format returns Markup, whose .replace() would escape the attributes we add.
    try:
        output = str(markdown_exec.base_format(language="python", run=_run_cached, **kwargs))
    except SnippetBuildError as error:
        if not _state["serving"]:
            raise
        return _shown_while_serving(error, snippet)
    if kwargs.get("html") and "<svg" in output:
        if not alt:
            raise SnippetBuildError(f"page {_state['page']}: figure from snippets/{snippet} needs alt=\"...\"")
        label = html.escape(alt, quote=True)
        output = output.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
        _state["figures"] += 1
        output = unique_svg_ids(output, f"fig{_state['figures']}-")
    # Printed output is read, not pasted: no copy button over its first line (Material's .no-copy).
    output = output.replace('<div class="highlight"><pre>', '<div class="highlight output no-copy"><pre>')
    if _state["repo"]:  # every block links to its file: the title that names it, or under a figure
        name = f'<span class="filename">{snippet}</span>'
        link = f'<a href="{_state["repo"]}/blob/main/snippets/{snippet}">{snippet}</a>'
        if name in output:
            output = output.replace(name, f'<span class="filename">{link}</span>', 1)
        else:
            output += f'<p class="exec-source">{link}</p>'
    flag = " data-volatile" if volatile else ""
    return f'<div class="exec" data-snippet="{snippet}"{flag}>{output}</div>'


_SVG_ID = re.compile(r'\bid="([^"]+)"')
_SVG_REF = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def unique_svg_ids(svg: str, prefix: str) -> str:
    """matplotlib names things `figure_1`, `axes_1`, `p0a1b2c3` in every figure it draws, so two
    figures on one page would share ids (and one figure's clip paths could cut the other)."""
    ids = set(_SVG_ID.findall(svg))
    return _SVG_REF.sub(lambda m: m.group(1) + prefix + m.group(2) if m.group(2) in ids else m.group(0), svg)


def _run_key(code: str) -> str:
    return hashlib.sha256(f"{_state['library']}\0{code}".encode()).hexdigest()


_TIMES_SOMETHING = re.compile(r'\bvolatile="')


def _run_ahead(config) -> None:
    """Before any page renders, run the blocks of the pages that time nothing, spread over the
    machine's cores (LACOURSE_JOBS, default: all of them; 1 turns this off): a cold build
    waits for the busiest core instead of for the sum. A page with a timed block (a
    `volatile` fence) is left out whole: its blocks run while it renders, in the page's order
    (lab 01's tables time the functions its first block defines), with the machine to
    themselves. A page's blocks run together, in order, in one worker (what one block caches
    in lacourse, the next reuses). A block that fails here is left to its page, which runs it
    again and reports it in the usual way. `mkdocs serve` runs blocks in its own process only
    (workers forked beside its server threads could hang; a rebuild runs few blocks anyway)."""
    jobs = int(os.environ.get("LACOURSE_JOBS") or os.cpu_count() or 1)
    if jobs < 2 or _state["serving"] or "fork" not in multiprocessing.get_all_start_methods():
        return  # (Windows has no fork: its builds run every block in the page)
    expand = markdown_exec_snippets(config)
    pages: dict[str, list[tuple[str, str, str]]] = {}  # page -> its blocks' run key, code, snippet
    seen: set[str] = set()
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*.md")):
        fences = list(EXEC_FENCE.finditer(path.read_text(encoding="utf-8")))
        if any(_TIMES_SOMETHING.search(fence.group("opts")) for fence in fences):
            continue
        for fence in fences:
            include = INCLUDE.match(fence.group("body").strip())
            if include is None or not (_state["snippets"] / include.group("path")).is_file():
                continue  # on_page_markdown stops the build, naming the page
            code = expand(fence.group("body").strip())
            if (key := _run_key(code)) not in _outputs and key not in seen:
                seen.add(key)
                pages.setdefault(path.relative_to(docs).as_posix(), []).append((key, code, include.group("path")))
    if len(seen) < 4:  # starting the workers would cost more than it saves
        return
    import lacourse.figures  # noqa: F401  imported once here, inherited by every worker

    start = time.perf_counter()
    fork = multiprocessing.get_context("fork")  # workers start with NumPy, matplotlib, lacourse loaded
    with ProcessPoolExecutor(max_workers=min(jobs, len(pages)), mp_context=fork) as pool:
        futures = {page: pool.submit(outputs_of, [(code, snippet) for _, code, snippet in blocks])
                   for page, blocks in pages.items()}
        for page, future in futures.items():
            for (key, _, snippet), (ok, output, seconds) in zip(pages[page], future.result()):
                if ok:
                    _outputs[key] = output
                    _stats["run"] += 1
                    _stats["seconds"] += seconds
                    _stats["ahead"] += 1
                    _record("run", snippet, seconds, page=page, ahead=True)
    _stats["ahead seconds"] += time.perf_counter() - start


def markdown_exec_snippets(config):
    """The code markdown-exec is given for a block whose body is one include line: the file as
    pymdownx.snippets includes it (with the configuration the pages use)."""
    import markdown

    name = "pymdownx.snippets"
    md = markdown.Markdown(extensions=[name], extension_configs={name: config.mdx_configs.get(name, {})})
    preprocessor = md.preprocessors["snippet"]
    return lambda include_line: "\n".join(preprocessor.run([include_line]))


def _run_cached(code: str, returncode=None, session=None, id=None, **extra) -> str:  # noqa: A002
    snippet = extra.get("title", "?")
    key = _run_key(code)
    if key in _outputs:
        _stats["reused"] += 1
        _record("reused", snippet, 0.0)
        return _outputs[key]
    start = time.perf_counter()
    try:
        run = run_code(code, snippet)
    except SnippetError as error:
        raise SnippetBuildError(f"page {_state['page']}: snippet snippets/{snippet} failed: {error}") from None
    seconds = time.perf_counter() - start
    _stats["run"] += 1
    _stats["seconds"] += seconds
    _record("run", snippet, seconds)
    _outputs[key] = run.output
    return run.output


def _shown_while_serving(error: SnippetBuildError, snippet: str) -> str:
    """Under `mkdocs serve` a failing block becomes a red box on its page, and the server keeps
    answering (a raised error would leave it "stuck" until fixed). `mkdocs build` still fails.

    Logged outside the `mkdocs` logger so strict mode does not turn it back into a failed build.
    """
    logging.getLogger("lacourse.serve").error("%s", error)
    title = html.escape(f"page {_state['page']}: snippets/{snippet} failed (the build would stop here)")
    return (
        f'<div class="admonition failure snippet-failure" data-snippet="{html.escape(snippet)}">'
        f'<p class="admonition-title">{title}</p><pre><code>{html.escape(str(error))}</code></pre></div>'
    )


def _record(event: str, snippet: str, seconds: float, page: str | None = None, ahead: bool = False) -> None:
    """Append to the file named by LACOURSE_EXEC_LOG: how tests and the benchmark count runs."""
    if path := os.environ.get("LACOURSE_EXEC_LOG"):
        with open(path, "a", encoding="utf-8") as log_file:
            entry = {"event": event, "snippet": snippet, "page": page or _state["page"], "seconds": seconds,
                     "ahead": ahead}
            log_file.write(json.dumps(entry) + "\n")


# --- math ----------------------------------------------------------------------------------

# pymdownx.arithmatex (generic mode) leaves \( ... \) in spans and \[ ... \] in divs.
_MATH = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">\s*\\(?P<open>[\(\[])(?P<tex>.*?)\\[\)\]]\s*</(?P=tag)>',
    re.DOTALL,
)
_converter = math_core.LatexToMathML(fancy_error=False)


def tex_to_mathml(tex: str, display: bool, page: str = "?") -> str:
    """One formula as MathML (MathML 3 compatible), with its LaTeX source in data-latex.
    Every page's math goes through here, notebook pages included."""
    try:
        mathml = _converter.convert_with_local_state(tex, displaystyle=display)
    except math_core.LatexError as error:
        raise PluginError(f"page {page}: can't typeset ${tex}$: {error}") from None
    if display:
        mathml = mathml.replace("<math>", '<math display="block">', 1)
    mathml = _displaystyle_in_mstyle(mathml)
    # Screen readers and copy-paste get the LaTeX source too.
    return mathml.replace("<math", f'<math data-latex="{html.escape(tex, quote=True)}"', 1)


def _render_math(html_text: str, page: str) -> str:
    def to_mathml(match: re.Match) -> str:
        return tex_to_mathml(html.unescape(match.group("tex")).strip(), match.group("open") == "[", page)

    return _MATH.sub(to_mathml, html_text)


# MathML Core takes displaystyle and scriptlevel on any element; MathML 3 only on these.
_STYLE_ATTRIBUTE = re.compile(r'\s(displaystyle|scriptlevel)="([^"]*)"')
_STYLED = re.compile(r'<(?P<tag>m[a-z]+)(?P<attrs>[^>]*\s(?:displaystyle|scriptlevel)="[^"]*"[^>]*)>')
_ALLOWED = {"math": {"displaystyle"}, "mtable": {"displaystyle"}, "mstyle": {"displaystyle", "scriptlevel"}}


def _displaystyle_in_mstyle(mathml: str) -> str:
    """math-core writes `<mfrac displaystyle=…>`, `<mtable scriptlevel=…>` (MathML Core); MathML 3,
    which validators and older readers know, wants them on `mstyle`: move them to one around it."""
    position = 0
    while match := _STYLED.search(mathml, position):
        tag, attrs = match.group("tag"), match.group("attrs")
        moved = [(k, v) for k, v in _STYLE_ATTRIBUTE.findall(attrs) if k not in _ALLOWED.get(tag, set())]
        if not moved:
            position = match.end()
            continue
        kept = _STYLE_ATTRIBUTE.sub(lambda m: m.group(0) if m.group(1) in _ALLOWED.get(tag, set()) else "", attrs)
        depth, end = 1, match.end()
        while depth:
            close = mathml.index(f"</{tag}>", end)
            opening = re.compile(f"<{tag}[ >]").search(mathml, end, close)
            if opening:
                depth, end = depth + 1, opening.end()
            else:
                depth, end = depth - 1, close + len(f"</{tag}>")
        style = "".join(f' {k}="{v}"' for k, v in moved)
        element = f"<{tag}{kept}>" + mathml[match.end() : end]
        mathml = mathml[: match.start()] + f"<mstyle{style}>{element}</mstyle>" + mathml[end:]
        position = match.start() + len(f"<mstyle{style}>")
    return mathml
