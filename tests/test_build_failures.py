"""A snippet that raises, exits, hangs, or is missing stops the build, naming page and file."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

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
    shutil.copytree(ROOT / "lacourse_site", tmp_path / "lacourse_site")  # the hook files mkdocs.yml names
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")  # theme.custom_dir
    (tmp_path / "snippets" / "broken").mkdir(parents=True)
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


def test_the_build_and_the_tests_run_this_checkout_s_code(tmp_path):
    """After a plain `pip install .` an installed copy of lacourse must not shadow the checkout."""
    import lacourse

    assert Path(lacourse.__file__).resolve().is_relative_to(ROOT / "learner")
    # An "installed" copy earlier on the path, as site-packages would be: the hook file still
    # makes the build import the checkout's lacourse.
    stale = tmp_path / "site-packages"
    for package in ("lacourse", "lacourse_site"):
        (stale / package).mkdir(parents=True)
        (stale / package / "__init__.py").write_text("raise ImportError('the installed copy was imported')\n")
    probe = "import lacourse, lacourse_site.site; print(lacourse.__file__); print(lacourse_site.site.__file__)"
    hook = ROOT / "lacourse_site" / "hooks.py"
    done = subprocess.run(
        [sys.executable, "-c", f"import runpy; runpy.run_path({str(hook)!r}); {probe}"],
        env={**os.environ, "PYTHONPATH": str(stale)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    learner, machinery = done.stdout.split()
    assert Path(learner).resolve() == (ROOT / "learner" / "lacourse" / "__init__.py").resolve()
    assert Path(machinery).resolve() == (ROOT / "lacourse_site" / "site.py").resolve()


def test_serve_shows_a_failing_snippet_on_its_page_and_keeps_answering(tmp_path):
    project = tiny_project(tmp_path, "broken/raises.py")
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = _get(f"http://127.0.0.1:{port}/", seconds=60)
        assert "snippets/broken/raises.py failed" in page and "en/index.md" in page
        assert "ValueError: a broken snippet" in page and "line 3" in page  # the traceback
        assert "es/index.md" in _get(f"http://127.0.0.1:{port}/es/", seconds=10)
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[1]
    assert "snippets/broken/raises.py failed" in log  # and the terminal says so too


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
