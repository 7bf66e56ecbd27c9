"""What the tests of every lab share: a cached run of each snippet, the learner's region in each
snippet, and the snippets run in page order in one namespace, as in one Jupyter kernel."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from conftest import DOCS, SNIPPETS
from lacourse_site.runner import run_file
from lacourse_site.site import snippet_includes

START, END = "# --8<-- [start:solution]", "# --8<-- [end:solution]"


def cached_runs(lab: str):
    """`get(name)`: the run of snippets/<lab>/<name>.py, run once per test module."""
    cache: dict = {}

    def get(name: str):
        if name not in cache:
            cache[name] = run_file(f"{lab}/{name}.py")
        return cache[name]

    return get


def assert_one_solution_region(path: Path) -> None:
    """The part the learner writes: exactly one marked region, start before end."""
    lines = [line.strip() for line in path.read_text().splitlines()]
    assert lines.count(START) == 1 and lines.count(END) == 1, path.name
    assert lines.index(START) < lines.index(END), path.name


def run_in_one_namespace(page: str, lab: str) -> tuple[dict, dict[str, str]]:
    """Every snippet the English page includes, in page order, sharing one namespace; each one's
    code fits in 88 columns and prints something. Returns the namespace and what each printed."""
    includes = snippet_includes((DOCS / "en" / page).read_text(), page)
    assert len(includes) == len(list((SNIPPETS / lab).glob("*.py"))), "every snippet is on the page"
    namespace: dict = {"__name__": "__main__"}
    printed = {}
    for include in includes:
        code = (SNIPPETS / include).read_text()
        assert max(len(line) for line in code.splitlines()) <= 88, include
        with contextlib.redirect_stdout(io.StringIO()) as out:
            exec(compile(code, include, "exec"), namespace)  # noqa: S102
        assert out.getvalue().strip(), include
        printed[Path(include).stem] = out.getvalue()
    return namespace, printed
