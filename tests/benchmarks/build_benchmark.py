"""Benchmark of the build pipeline: a script, not a test.

    python tests/benchmarks/build_benchmark.py

    python tests/benchmarks/build_benchmark.py --cold-only   # skip the `mkdocs serve` part

Prints, for a cold `mkdocs build`: wall time, time spent executing blocks, and executions per
block (1.0 means every block ran once for both languages); then the time per page: the seconds
its blocks took to execute (from the LACOURSE_EXEC_LOG events, which record page and seconds
per executed block) and the build's other work shared out evenly over the pages, so a new page
can be budgeted. Then, on a scratch copy of the project under `mkdocs serve`: the rebuild time
after a prose-only edit next to the rebuild time after a snippet edit, measured in the same run.

Timings depend on what else the machine is doing: the load average is printed with them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import mkdocs_build  # noqa: E402
PAGE = Path("docs/en/theory/00-why-linear-algebra.md")
SNIPPET = Path("snippets/theory/00_why_linear_algebra/embedding_lookup_timing.py")  # ~0.6 s to run
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def cold_build(scratch: Path) -> None:
    build = mkdocs_build(ROOT, scratch / "site")  # the same strict build the tests run
    assert build.returncode == 0, build.log
    runs = [e for e in build.events if e["event"] == "run"]
    blocks = Counter(e["snippet"] for e in runs)
    executing = sum(e["seconds"] for e in runs)
    print("cold `mkdocs build` (both languages)")
    print(f"  wall time                  {build.seconds:7.2f} s")
    print(f"  executing blocks           {executing:7.2f} s  ({executing / build.seconds:.0%} of the build)")
    print(f"  distinct blocks            {len(blocks):7d}")
    print(f"  block outputs shown        {len(build.events):7d}  (en + es)")
    print(f"  executions per block       {len(runs) / len(blocks):7.2f}")
    print(f"  load average (1 min)       {os.getloadavg()[0]:7.2f}  ({os.cpu_count()} cores)")
    print()
    per_page(build)


def per_page(build) -> None:
    """Seconds each page adds to a cold build: its blocks' execution (once, for both languages),
    plus an even share of the rest (Markdown, templates, search), which every rendered page costs.
    The share includes start-up, which does not grow with pages: an upper bound, for budgets."""
    rendered = [p for p in build.site.rglob("*.html") if p.name != "404.html"]
    executing, blocks = Counter(), Counter()
    for event in build.events:
        if event["event"] == "run":
            page = re.sub(r"^(en|es)/", "", event["page"])
            executing[page] += event["seconds"]
            blocks[page] += 1
    rest = build.seconds - sum(executing.values())
    share = rest / max(len(rendered), 1)
    print(f"time per page, cold build: {len(rendered)} pages rendered (both languages); the rest of")
    print(f"the build, {rest:.1f} s with start-up, is at most {share:.2f} s per rendered page, so")
    print(f"{2 * share:.2f} s per page of the course (both languages) on top of its blocks")
    print(f"  {'page':42s} {'blocks':>6s} {'executing':>10s} {'page total':>11s}")
    for page, seconds in executing.most_common():
        print(f"  {page:42s} {blocks[page]:6d} {seconds:9.2f}s {seconds + 2 * share:10.2f}s")
    print(f"  {'(a page without executed blocks)':42s} {0:6d} {0:9.2f}s {2 * share:10.2f}s")


class Serve:
    """`mkdocs serve` on a copy of the project; reports each rebuild's duration."""

    def __init__(self, project: Path):
        self.exec_log = project / "exec.jsonl"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env={**ENV, "LACOURSE_EXEC_LOG": str(self.exec_log)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.builds: list[float] = []
        self.ready = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            if match := re.search(r"Documentation built in ([\d.]+) seconds", line):
                self.builds.append(float(match.group(1)))
            if "Serving on" in line:
                self.ready.set()

    def runs(self) -> int:
        lines = self.exec_log.read_text().splitlines() if self.exec_log.exists() else []
        return sum(json.loads(line)["event"] == "run" for line in lines)

    def rebuild_after(self, edit) -> tuple[float, int]:
        """(seconds the rebuild took, blocks it executed)"""
        count, runs = len(self.builds), self.runs()
        edit()
        deadline = time.time() + 300
        while len(self.builds) == count:
            if time.time() > deadline:
                raise TimeoutError("mkdocs serve did not rebuild")
            time.sleep(0.05)
        return self.builds[-1], self.runs() - runs

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def append(path: Path, text: str):
    return lambda: path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def serve_rebuilds(scratch: Path) -> None:
    project = scratch / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns("site", ".venv", ".git", "__pycache__", "*.egg-info"))
    serve = Serve(project)
    try:
        if not serve.ready.wait(timeout=300):
            raise TimeoutError("mkdocs serve did not start")
        time.sleep(1)  # let the watcher settle
        first = serve.builds[0]
        prose = [serve.rebuild_after(append(project / PAGE, f"\nA prose edit ({i}).\n")) for i in range(3)]
        code = [serve.rebuild_after(append(project / SNIPPET, f"\n# a code edit ({i})\n")) for i in range(3)]
    finally:
        serve.stop()
    print("`mkdocs serve` rebuilds (median of 3 edits each, side by side in one run)")
    print(f"  first build                {first:7.2f} s")
    for name, results in (("prose-only edit", prose), ("snippet edit", code)):
        seconds = sorted(s for s, _ in results)[1]
        runs = sorted(r for _, r in results)[1]
        print(f"  after a {name:18s} {seconds:7.2f} s  ({runs} block(s) executed)")
    print(f"  ratio snippet / prose      {sorted(s for s, _ in code)[1] / sorted(s for s, _ in prose)[1]:7.2f}")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        cold_build(Path(scratch))
        if "--cold-only" not in sys.argv[1:]:
            serve_rebuilds(Path(scratch))


if __name__ == "__main__":
    main()
