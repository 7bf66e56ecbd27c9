"""A snippet that raises, exits, hangs, or is missing stops the build, naming page and file."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, mkdocs_build

BROKEN = {
    "raises.py": "import numpy as np\nx = np.ones(3)  # (3,)\nraise ValueError('a broken snippet')\n",
    "exits.py": "import sys\nprint('leaving')\nsys.exit(3)\n",
    "hangs.py": "import time\ntime.sleep(600)\n",
}


def tiny_project(tmp_path, include: str):
    """The real mkdocs.yml and hook, one page per language that executes `include`."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^nav:\n(?:[ \t]+.*\n)+", "", config, flags=re.MULTILINE)  # our one page only
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    (tmp_path / "snippets" / "lacourse").mkdir(parents=True)
    shutil.copy(ROOT / "snippets" / "lacourse" / "hooks.py", tmp_path / "snippets" / "lacourse")
    (tmp_path / "snippets" / "broken").mkdir()
    for name, code in BROKEN.items():
        (tmp_path / "snippets" / "broken" / name).write_text(code)
    for language in ("en", "es"):
        page = tmp_path / "docs" / language / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(f'# Page\n\n```python exec="1" result="text"\n--8<-- "{include}"\n```\n')
    return tmp_path


@pytest.mark.parametrize(
    "include, symptom",
    [
        ("broken/raises.py", "ValueError: a broken snippet"),
        ("broken/exits.py", "called sys.exit(3)"),
        ("broken/hangs.py", "ran past its time limit"),
        ("broken/missing.py", "does not exist"),
    ],
)
def test_a_broken_block_fails_the_build_and_names_page_and_file(tmp_path, include, symptom):
    build = mkdocs_build(tiny_project(tmp_path, include), tmp_path / "site", LACOURSE_SNIPPET_TIMEOUT="2")
    assert build.returncode != 0
    assert symptom in build.log
    assert "en/index.md" in build.log and f"snippets/{include}" in build.log, build.log
    assert build.seconds < 60
