"""MkDocs hook file (mkdocs.yml `hooks:`). Thin on purpose: the state lives in lacourse_site.site,
which is imported once per process, while MkDocs reloads this file on every `serve` rebuild."""

import sys
from pathlib import Path

# Run this checkout's code, whatever the install mode: after a plain `pip install .` an installed
# copy of lacourse (the learner's package) or of lacourse_site would otherwise shadow the one
# being edited.
_ROOT = Path(__file__).resolve().parent.parent
for _path in (str(_ROOT / "learner"), str(_ROOT)):
    if _path in sys.path:
        sys.path.remove(_path)
sys.path[:0] = [str(_ROOT), str(_ROOT / "learner")]

from lacourse_site.site import (  # noqa: E402
    on_config,
    on_env,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_pre_build,
    on_serve,
    on_startup,
    on_template_context,
)

__all__ = [
    "on_config",
    "on_env",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_pre_build",
    "on_serve",
    "on_startup",
    "on_template_context",
]
