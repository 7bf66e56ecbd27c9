"""The learner's package as the site publishes it: a wheel of `learner/`, `downloads/<wheel>`.

Every notebook's first cell installs it where `lacourse` is missing (Colab, a fresh Jupyter); the
lab pages link it. The wheel is built by the backend `learner/pyproject.toml` declares
(setuptools, `build_meta.build_wheel`), without build isolation: the installed setuptools does
the work, so a site build never downloads anything. It is built from a copy of `learner/` in a
temporary folder (the checkout gets no `build/` or `*.egg-info`), with fixed timestamps and file
modes, so the same sources give the same bytes.

It is cached under `.cache/learner-wheel/<hash of the learner's files>/`: a `mkdocs serve`
rebuild, or a second `mkdocs build`, copies it (milliseconds); an edit to `learner/` builds it
again (about a second).

`python -m lacourse_site.learner_wheel [OUT_DIR]` builds it and prints its path.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from lacourse_site.runner import ROOT

LEARNER = ROOT / "learner"
CACHE = ROOT / ".cache" / "learner-wheel"
FOLDER = "downloads"  # in the built site: site/downloads/<wheel>
EPOCH = "315532800"  # 1980-01-01, the earliest time a zip can hold: every file gets it
_FORMAT = "1"  # bump when the way the wheel is built changes (part of the cache key)
_SKIP = ("__pycache__", "build", "dist")


class WheelError(Exception):
    """The learner's wheel could not be built; the message says why."""


def project() -> dict:
    return tomllib.loads((LEARNER / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def wheel_name() -> str:
    """The wheel's file name, from learner/pyproject.toml (no build needed)."""
    meta = project()
    name = meta["name"].replace("-", "_").replace(".", "_").lower()
    return f"{name}-{meta['version']}-py3-none-any.whl"


def site_path() -> str:
    """Where the wheel is in the built site, relative to its root."""
    return f"{FOLDER}/{wheel_name()}"


def url(site_url: str | None) -> str | None:
    """The wheel's absolute address on a site that lives at `site_url` (None: unknown)."""
    return site_url.rstrip("/") + "/" + site_path() if site_url else None


def source_files() -> list[Path]:
    """The files the wheel is built from: learner/ without caches and build leftovers."""
    files = []
    for path in sorted(LEARNER.rglob("*")):
        relative = path.relative_to(LEARNER)
        if any(part in _SKIP or part.endswith(".egg-info") for part in relative.parts):
            continue
        if path.is_file() and path.suffix not in (".pyc", ".pyo"):
            files.append(path)
    return files


def fingerprint() -> str:
    digest = hashlib.sha256(f"{_FORMAT}\0{EPOCH}\0".encode())
    for path in source_files():
        digest.update(path.relative_to(LEARNER).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


_built: dict[str, Path] = {}  # fingerprint -> wheel, for this process (`mkdocs serve`)


def build(cache: Path = CACHE) -> Path:
    """The wheel for the current learner/ files: from the cache, or built now."""
    if not (LEARNER / "pyproject.toml").is_file():
        raise WheelError(f"{LEARNER / 'pyproject.toml'} is missing: the learner's package has no wheel to build")
    key = fingerprint()
    if key in _built and _built[key].is_file():
        return _built[key]
    target = Path(cache) / key[:20] / wheel_name()
    if not target.is_file():
        _build_into(target)
    _built[key] = target
    return target


def _build_into(target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lacourse-wheel-") as tmp:
        source, out = Path(tmp) / "learner", Path(tmp) / "dist"
        for path in source_files():
            copy = source / path.relative_to(LEARNER)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes(path.read_bytes())
            copy.chmod(0o644)  # the same modes on every machine
        out.mkdir()
        env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("PYTHONPATH", None)
        script = "import sys\nfrom setuptools import build_meta\nprint(build_meta.build_wheel(sys.argv[1]))"
        done = subprocess.run([sys.executable, "-c", script, str(out)], cwd=source, env=env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
            raise WheelError(f"learner/ (the lacourse wheel) did not build with setuptools "
                             f"(`python -m pip install -e .` installs it):\n{tail}")
        built = out / done.stdout.strip().splitlines()[-1]
        if built.name != wheel_name():
            raise WheelError(f"learner/ built {built.name}, expected {wheel_name()}")
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(built, temporary)
        temporary.replace(target)


def publish(site_dir: Path) -> tuple[Path, float]:
    """Put the wheel at site_dir/downloads/<wheel>; returns its path and the seconds it took."""
    start = time.perf_counter()
    wheel = build()
    destination = Path(site_dir) / site_path()
    if not (destination.is_file() and destination.read_bytes() == wheel.read_bytes()):
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(wheel, destination)
    return destination, time.perf_counter() - start


if __name__ == "__main__":
    wheel = build()
    if len(sys.argv) > 1:
        wheel = publish(Path(sys.argv[1]))[0]
    print(wheel)
