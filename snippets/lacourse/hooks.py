"""MkDocs hook file (mkdocs.yml `hooks:`). Thin on purpose: the state lives in lacourse.site,
which is imported once per process, while MkDocs reloads this file on every `serve` rebuild."""

from lacourse.site import on_config, on_page_content, on_page_markdown, on_post_build, on_pre_build

__all__ = ["on_config", "on_page_content", "on_page_markdown", "on_post_build", "on_pre_build"]
