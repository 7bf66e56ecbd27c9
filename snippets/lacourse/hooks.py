"""MkDocs hook file (mkdocs.yml `hooks:`). Thin on purpose: the state lives in lacourse.site,
which is imported once per process, while MkDocs reloads this file on every `serve` rebuild."""

import sys
from pathlib import Path

# Run this checkout's code, whatever the install mode: after a plain `pip install .` an installed
# copy of lacourse would otherwise shadow the one being edited.
_SNIPPETS = str(Path(__file__).resolve().parent.parent)
if sys.path[:1] != [_SNIPPETS]:
    sys.path.insert(0, _SNIPPETS)

from lacourse.site import (  # noqa: E402
    on_config,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_pre_build,
    on_startup,
    on_template_context,
)

__all__ = [
    "on_config",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_pre_build",
    "on_startup",
    "on_template_context",
]
