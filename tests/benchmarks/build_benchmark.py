"""Benchmark of the build pipeline and the authoring loop: a script, not a test.

    python tests/benchmarks/build_benchmark.py                  # this checkout vs the baseline
    python tests/benchmarks/build_benchmark.py --cold-only      # skip the `mkdocs serve` part
    python tests/benchmarks/build_benchmark.py --no-baseline    # this checkout only
    python tests/benchmarks/build_benchmark.py --baseline REV   # another baseline commit
    python tests/benchmarks/build_benchmark.py --serve-only --parallel  # busy machine: both
                               # servers at once (same load), first builds stand for cold builds

Two scratch copies of the project, side by side in one run: "now" is this checkout as it is;
"baseline" is the same copy with the site's machinery (lacourse_site/site.py, hooks.py,
notebook_hooks.py, overrides/, docs/assets/course.css and fonts/) taken from BASELINE, the
commit before the speed work of issue 15, so both build the same pages and snippets.

For each copy it prints, for a cold `mkdocs build`: wall time, time spent executing blocks,
executions per block (1.0 means every block ran once for both languages), and the time per
page (its blocks' execution, plus the build's other work shared out evenly over the pages, so
a new page can be budgeted). Then, under `mkdocs serve`, what an author waits for: from the
save of a file to the page reloaded with the change. Like a browser tab with MkDocs'
live-reload script, the benchmark long-polls `/livereload/<epoch>/<id>`, and when it answers,
fetches the page and looks for the text just saved. Three prose-only edits (a theory page)
and three snippet edits (a ~0.6 s timing block on the same page) per copy; medians printed,
with the snippet's own run time, since the target is "2 s plus the snippet's run time".

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
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from conftest import mkdocs_build  # noqa: E402

BASELINE = "d5bb5940f3f511756340366b62522aa7db33ae4b"  # main when issue 15 was filed
MACHINERY = ["lacourse_site/site.py", "lacourse_site/hooks.py", "lacourse_site/notebook_hooks.py", "overrides",
             "docs/assets/course.css", "docs/assets/fonts"]
PAGE = Path("docs/en/theory/00-why-linear-algebra.md")
PAGE_URL = "theory/00-why-linear-algebra/"
SNIPPET = Path("snippets/theory/00_why_linear_algebra/embedding_lookup_timing.py")  # ~0.6 s to run
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
IGNORE = shutil.ignore_patterns("site", ".venv", ".git", "__pycache__", "*.egg-info", ".cache", ".bench",
                                ".pytest_cache", "*.ipynb")


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min), {os.cpu_count()} cores"


def make_copies(scratch: Path, baseline: str | None) -> dict[str, Path]:
    copies = {"now": scratch / "now"}
    shutil.copytree(ROOT, copies["now"], ignore=IGNORE)
    if baseline:
        copies["baseline"] = scratch / "baseline"
        shutil.copytree(copies["now"], copies["baseline"])
        for path in MACHINERY:
            target = copies["baseline"] / path
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", baseline, *MACHINERY],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(copies["baseline"])], input=archive, check=True)
        # Compatibility shim: the notebook box's words now name the lab as {lab} (notebooks.py,
        # not part of the speed work); str.format ignores the names a string does not use.
        hooks = copies["baseline"] / "lacourse_site" / "notebook_hooks.py"
        hooks.write_text(hooks.read_text(encoding="utf-8").replace(
            '.format(title=lab_title, url=lab_url or "../")',
            '.format(title=lab_title, url=lab_url or "../", lab=f"[{lab_title}]({lab_url or \'../\'})")'),
            encoding="utf-8")
    return copies


def cold_build(name: str, project: Path, scratch: Path) -> dict:
    build = mkdocs_build(project, scratch / f"site-{name}")  # the same strict build the tests run
    if build.returncode != 0:
        print(f"[{name}] cold build FAILED:\n{build.log[-3000:]}")
        return {}
    runs = [e for e in build.events if e["event"] == "run"]
    blocks = Counter(e["snippet"] for e in runs)
    # Blocks run ahead in parallel (lacourse_site.site._run_ahead) count with the pool's time on
    # the clock, from the build's log line, not with the sum of their workers' times.
    ahead = re.search(r"ahead of the pages, ([\d.]+) s on the clock", build.log)
    executing = sum(e["seconds"] for e in runs if not e.get("ahead")) + (float(ahead.group(1)) if ahead else 0.0)
    print(f"[{name}] cold `mkdocs build` (both languages), {load()}")
    print(f"  wall time                  {build.seconds:7.2f} s")
    print(f"  executing blocks           {executing:7.2f} s  ({executing / build.seconds:.0%} of the build, on the clock)")
    print(f"  everything else            {build.seconds - executing:7.2f} s")
    print(f"  distinct blocks            {len(blocks):7d}")
    print(f"  block outputs shown        {len(build.events):7d}  (en + es)")
    print(f"  executions per block       {len(runs) / max(len(blocks), 1):7.2f}")
    print()
    per_page(build)
    print()
    return {"wall": build.seconds, "executing": executing}


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
    ahead = re.search(r"ahead of the pages, ([\d.]+) s on the clock", build.log)
    parallel = sum(e["seconds"] for e in build.events if e["event"] == "run" and e.get("ahead"))
    on_clock = sum(executing.values()) - parallel + (float(ahead.group(1)) if ahead else 0.0)
    rest = build.seconds - on_clock  # a page's blocks count whole (its budget), the rest as spent
    share = rest / max(len(rendered), 1)
    print(f"  time per page: {len(rendered)} pages rendered (both languages); the rest of the build,")
    print(f"  {rest:.1f} s with start-up, is at most {share:.2f} s per rendered page, so {2 * share:.2f} s")
    print("  per page of the course (both languages) on top of its blocks")
    print(f"    {'page':42s} {'blocks':>6s} {'executing':>10s} {'page total':>11s}")
    for page, seconds in executing.most_common():
        print(f"    {page:42s} {blocks[page]:6d} {seconds:9.2f}s {seconds + 2 * share:10.2f}s")
    print(f"    {'(a page without executed blocks)':42s} {0:6d} {0:9.2f}s {2 * share:10.2f}s")


class Serve:
    """`mkdocs serve` on a copy of the project, watched the way a browser tab watches it."""

    def __init__(self, project: Path):
        self.project = project
        self.exec_log = project / "exec.jsonl"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env={**ENV, "LACOURSE_EXEC_LOG": str(self.exec_log)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.builds: list[float] = []
        self.ready = threading.Event()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)
            if match := re.search(r"Documentation built in ([\d.]+) seconds", line):
                self.builds.append(float(match.group(1)))
            if "Serving on" in line:
                self.ready.set()

    def get(self, path: str, timeout: float = 120) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=timeout) as response:
            return response.read().decode("utf-8")

    def events(self) -> list[dict]:
        lines = self.exec_log.read_text().splitlines() if self.exec_log.exists() else []
        return [json.loads(line) for line in lines]

    def save_to_visible(self, path: Path, text: str, marker: str) -> dict:
        """Save `text` appended to `path`; seconds until the page, reloaded, shows `marker`."""
        epoch = int(self.get("livereload/0/0"))  # what the open tab knows
        events = len(self.events())
        builds = len(self.builds)
        start = time.perf_counter()
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
        deadline = start + 300
        while time.perf_counter() < deadline:
            epoch = int(self.get(f"livereload/{epoch}/{int(time.time() * 1000)}", timeout=90))  # waits for a rebuild
            if marker in self.get(PAGE_URL):
                seconds = time.perf_counter() - start
                break
        else:
            raise TimeoutError(f"{marker!r} never showed")
        time.sleep(0.3)
        new = self.events()[events:]
        run = sum(e["seconds"] for e in new if e["event"] == "run")
        build = self.builds[-1] if len(self.builds) > builds else float("nan")
        return {"visible": seconds, "build": build, "runs": sum(e["event"] == "run" for e in new), "run": run}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def serve_loop(name: str, project: Path) -> dict:
    serve = Serve(project)
    try:
        if not serve.ready.wait(timeout=2400):
            raise TimeoutError("mkdocs serve did not start:\n" + "".join(serve.output[-30:]))
        time.sleep(1.5)  # let the watcher settle
        first = serve.builds[0]
        prose = [serve.save_to_visible(project / PAGE, f"\nA prose edit number {i}.\n", f"prose edit number {i}")
                 for i in range(3)]
        code = [serve.save_to_visible(project / SNIPPET, f"\n# a code edit number {i}\n", f"code edit number {i}")
                for i in range(3)]
    finally:
        serve.stop()
    print(f"[{name}] `mkdocs serve`: save -> page reloaded with the change (median of 3), {load()}")
    print(f"  first build                       {first:7.2f} s")
    for label, results in (("prose-only edit", prose), ("snippet edit", code)):
        visible = median([r["visible"] for r in results])
        build = median([r["build"] for r in results])
        run = median([r["run"] for r in results])
        runs = median([r["runs"] for r in results])
        print(f"  {label:17s} save -> visible   {visible:7.2f} s  (rebuild {build:.2f} s, {runs} block(s) "
              f"executed in {run:.2f} s)")
    print()
    return {
        "prose": median([r["visible"] for r in prose]),
        "snippet": median([r["visible"] for r in code]),
        "snippet_run": median([r["run"] for r in code]),
    }


def main() -> None:
    args = sys.argv[1:]
    baseline = None if "--no-baseline" in args else (args[args.index("--baseline") + 1] if "--baseline" in args
                                                      else BASELINE)
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        copies = make_copies(scratch, baseline)
        results: dict[str, dict] = {name: {} for name in copies}
        if "--serve-only" not in args:
            for name, project in copies.items():
                results[name] = cold_build(name, project, scratch)

        def serve(name: str) -> None:
            try:
                results[name].update(serve_loop(name, copies[name]))
            except (TimeoutError, OSError) as error:
                print(f"[{name}] mkdocs serve: {error}\n")

        if "--cold-only" not in args:
            if "--parallel" in args:  # both servers at once: the same machine load for both
                threads = [threading.Thread(target=serve, args=(name,)) for name in copies]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
            else:
                for name in copies:
                    serve(name)
        print(f"side by side ({load()}):")
        print(f"  {'':28s}" + "".join(f"{name:>12s}" for name in copies))
        for key, label in (("wall", "cold build (s)"), ("executing", "  of which executing (s)"),
                           ("prose", "prose edit -> visible (s)"), ("snippet", "snippet edit -> visible (s)"),
                           ("snippet_run", "  of which the snippet (s)")):
            row = [results[name].get(key) for name in copies]
            print(f"  {label:28s}" + "".join(f"{v:12.2f}" if v is not None else f"{'-':>12s}" for v in row))


if __name__ == "__main__":
    main()
