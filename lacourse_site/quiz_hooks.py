"""MkDocs hook file (mkdocs.yml `hooks:`): mkdocs-quiz only on pages that hold a question.

The plugin is off by default (`enabled_by_default: false`), so a page without questions carries
none of its script and style. A page whose Markdown has a `<quiz>` block is switched on here,
before the plugin reads it: no front matter to write, and a page's first line stays its title.
"""

from mkdocs.plugins import event_priority


@event_priority(100)  # before mkdocs-quiz's own on_page_markdown (priority 0)
def on_page_markdown(markdown, page, **_):
    if "<quiz>" in markdown and "quiz" not in page.meta:
        page.meta["quiz"] = {"enabled": True}
    return markdown
