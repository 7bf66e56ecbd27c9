"""The CSS a notebook page uses, out of the ~600 KB that nbconvert's template brings.

mkdocs-jupyter renders a notebook with nbconvert's JupyterLab template, which inlines the whole
JupyterLab stylesheet (widgets, menus, dialogs, file browser, ~1,900 custom properties) into
every page: ~90 KB gzipped, and half a second of style work on a phone. A notebook page shows
a few kinds of element (cells, prompts, highlighted code, rendered markdown), so the page keeps:

* a rule only if one of its selectors can match the page: every class, id and element name the
  selector requires (outside `:not()`, `:is()`, `:where()`, `:has()`, attribute tests and
  pseudo-classes, which are treated as satisfiable) occurs in the page's HTML. This never drops
  a rule that matches, it only keeps a few that don't: a selector that needs `.jp-Dialog` cannot
  match a page without that class;
* a custom property (`--jp-...`) only if a kept declaration reads it, directly or through
  another kept property;
* `@media`/`@supports` blocks with what they keep, `@keyframes` and `@font-face` only when a
  kept declaration names them.

Deterministic (same input, same output), and pure: the caller decides where the CSS goes.
"""

from __future__ import annotations

import functools
import re

import tinycss2

_CLASS = re.compile(r'\bclass="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_VAR = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")


def page_tokens(html: str) -> tuple[frozenset, frozenset, frozenset]:
    """The classes, ids and element names (lower case) that occur in a page."""
    classes = frozenset(name for value in _CLASS.findall(html) for name in value.split())
    ids = frozenset(_ID.findall(html))
    tags = frozenset(tag.lower() for tag in _TAG.findall(html)) | {"html", "head", "body"}
    return classes, ids, tags


def _split_top_level(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _without_functions(selector: str) -> str:
    """Drop `:name(...)` (balanced), attribute tests and plain pseudo-classes/elements."""
    out, i = [], 0
    while i < len(selector):
        match = re.compile(r"::?[A-Za-z-]+\(").match(selector, i)
        if match:
            depth, j = 1, match.end()
            while j < len(selector) and depth:
                depth += {"(": 1, ")": -1}.get(selector[j], 0)
                j += 1
            i = j
            continue
        if selector[i] == "[":
            i = selector.index("]", i) + 1
            continue
        out.append(selector[i])
        i += 1
    return re.sub(r"::?[A-Za-z-]+", "", "".join(out))


def requirements(selector: str) -> tuple[frozenset, frozenset, frozenset]:
    """The classes, ids and element names an element chain must have to match `selector`."""
    plain = _without_functions(selector)
    classes = frozenset(re.findall(r"\.((?:[A-Za-z0-9_-]|\\.)+)", plain))
    ids = frozenset(re.findall(r"#((?:[A-Za-z0-9_-]|\\.)+)", plain))
    tags = frozenset(m.group(0).lower() for compound in re.split(r"[\s>+~]+", plain)
                     if (m := re.match(r"[A-Za-z][A-Za-z0-9-]*", compound)))
    return classes, ids, tags


def can_match(needs, tokens) -> bool:
    return all(need <= have for need, have in zip(needs, tokens))


def _tree(rules) -> list:
    """The stylesheet as ("rule", selectors, body) / ("group", prelude, items) / ("at", prelude, body)."""
    items = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_top_level(tinycss2.serialize(rule.prelude))
            items.append(("rule", [(sel, requirements(sel)) for sel in selectors],
                          tinycss2.serialize(rule.content).strip()))
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            prelude = f"@{name} {tinycss2.serialize(rule.prelude).strip()}".strip()
            if name in {"media", "supports", "layer"} and rule.content is not None:
                inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                items.append(("group", prelude, _tree(inner)))
            elif name != "charset":
                items.append(("at", prelude, None if rule.content is None
                              else tinycss2.serialize(rule.content).strip()))
    return items


_parsed: dict[int, list] = {}  # one stylesheet, many pages: parse it once


def _rules(items, tokens) -> list:
    """(prelude, body) pairs of what may match, (prelude, [...]) for groups, recursively."""
    kept = []
    for kind, head, body in items:
        if kind == "rule":
            selectors = [sel for sel, needs in head if can_match(needs, tokens)]
            if selectors:
                kept.append((",".join(selectors), body))
        elif kind == "group":
            inner = _rules(body, tokens)
            if inner:
                kept.append((head, inner))
        else:
            kept.append((head, body))
    return kept


@functools.lru_cache(maxsize=None)
def _declarations(body: str) -> list[tuple[str, str]]:
    out = []
    for item in tinycss2.parse_blocks_contents(body, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            value = tinycss2.serialize(item.value).strip()
            out.append((item.name, value + (" !important" if item.important else "")))
    return out


def _walk(kept):
    for prelude, body in kept:
        if isinstance(body, list):
            yield from _walk(body)
        else:
            yield prelude, body


_pruned: dict[tuple, str] = {}  # (stylesheet, page tokens) -> CSS: serve rebuilds and twin pages


def prune(css: str, html: str) -> str:
    tokens = page_tokens(html)
    key = (hash(css), tokens)
    if key not in _pruned:
        _pruned[key] = _prune(css, tokens)
    return _pruned[key]


def _prune(css: str, tokens) -> str:
    key = hash(css)
    if key not in _parsed:
        _parsed.clear()
        _parsed[key] = _tree(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    kept = _rules(_parsed[key], tokens)
    # custom properties: those read by an ordinary declaration, then those they read, ...
    parsed = {}
    for prelude, body in _walk(kept):
        if body is not None and not prelude.startswith("@"):
            parsed[(prelude, body)] = _declarations(body)
    definitions: dict[str, list[str]] = {}
    wanted: set[str] = set()
    plain_text = []
    for declarations in parsed.values():
        for name, value in declarations:
            if name.startswith("--"):
                definitions.setdefault(name, []).append(value)
            else:
                wanted.update(_VAR.findall(value))
                plain_text.append(value)
    todo = list(wanted)
    while todo:
        for value in definitions.get(todo.pop(), []):
            for name in _VAR.findall(value):
                if name not in wanted:
                    wanted.add(name)
                    todo.append(name)
    used_words = set(re.findall(r"[A-Za-z0-9_-]+", " ".join(plain_text)))

    def render(items) -> list[str]:
        out = []
        for prelude, body in items:
            if isinstance(body, list):
                inner = render(body)
                if inner:
                    out.append(f"{prelude}{{{''.join(inner)}}}")
            elif prelude.startswith("@"):
                words = prelude.split()
                if words[0].endswith("keyframes") and (len(words) < 2 or words[1] not in used_words):
                    continue
                if words[0] == "@font-face":
                    family = re.search(r"font-family\s*:\s*['\"]?([^;'\"]+)", body or "")
                    if not family or not set(re.findall(r"[A-Za-z0-9_-]+", family.group(1))) <= used_words:
                        continue
                out.append(f"{prelude};" if body is None else f"{prelude}{{{body}}}")
            else:
                declarations = [
                    f"{name}:{value}" for name, value in parsed[(prelude, body)]
                    if not name.startswith("--") or name in wanted
                ]
                if declarations:
                    out.append(f"{prelude}{{{';'.join(declarations)}}}")
        return out

    return "\n".join(render(kept)) + "\n"
