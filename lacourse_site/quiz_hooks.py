"""MkDocs hook file (mkdocs.yml `hooks:`): mkdocs-quiz only on pages that hold a question.

The plugin is off by default (`enabled_by_default: false`), so a page without questions carries
none of its script and style. A page whose Markdown has a `<quiz>` block is switched on here,
before the plugin reads it: no front matter to write, and a page's first line stays its title.
After the plugin has added its own, such a page also gets the site's additions, inline:
docs/assets/quiz-answers.js (equal answers, labels, Enter) and docs/assets/quiz.css (contrast).
"""

from pathlib import Path

from mkdocs.plugins import event_priority

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"


@event_priority(100)  # before mkdocs-quiz's own on_page_markdown (priority 0)
def on_page_markdown(markdown, page, **_):
    if "<quiz>" in markdown and "quiz" not in page.meta:
        page.meta["quiz"] = {"enabled": True}
    return markdown


@event_priority(-100)  # after mkdocs-quiz has added its script
def on_page_content(html, page, **_):
    if not (page.meta.get("quiz") or {}).get("enabled"):
        return html
    style = (ASSETS / "quiz.css").read_text(encoding="utf-8")
    script = (ASSETS / "quiz-answers.js").read_text(encoding="utf-8")
    return f"{html}<style>{style}</style><script>{script}</script>"
