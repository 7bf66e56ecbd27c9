"""Shared fixtures: where things are, and one strict build of the whole site per test session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
LANGUAGES = ("en", "es")

# Test this checkout's code, whatever the install mode (after `pip install .` an installed copy of
# lacourse would otherwise be the one imported). The build does the same in lacourse_site/hooks.py.
LEARNER = ROOT / "learner"
for _path in (str(LEARNER), str(ROOT)):
    if _path in sys.path:
        sys.path.remove(_path)
sys.path[:0] = [str(ROOT), str(LEARNER)]


@dataclass
class Build:
    site: Path
    returncode: int
    log: str  # what mkdocs printed
    events: list[dict]  # one entry per executed or reused block (LACOURSE_EXEC_LOG)
    seconds: float


def mkdocs_build(project: Path, site: Path, **env: str) -> Build:
    """`mkdocs build` (strict through mkdocs.yml) in a subprocess, as an author would run it."""
    exec_log = site.parent / f"{site.name}-exec.jsonl"
    exec_log.unlink(missing_ok=True)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "LACOURSE_EXEC_LOG": str(exec_log), **env}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.perf_counter() - start
    events = [json.loads(line) for line in exec_log.read_text().splitlines()] if exec_log.exists() else []
    return Build(site, done.returncode, done.stdout + done.stderr, events, seconds)


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> Build:
    build = mkdocs_build(ROOT, tmp_path_factory.mktemp("build") / "site")
    assert build.returncode == 0, build.log
    return build
