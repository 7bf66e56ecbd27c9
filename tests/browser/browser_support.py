"""What the browser tests need around the browser: a static server for a built site, the
Chromium to drive, and the pages to visit. No browser is ever downloaded: Debian's chromium is
driven by Playwright's Python API (`executable_path`), and axe-core is a vendored file."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
AXE = HERE / "vendor" / "axe.min.js"  # axe-core 4.14.1 (npm), MPL-2.0: see its header
CHROMIUM = os.environ.get("LACOURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_GET_THEM = (
    "The browser tests drive Debian's Chromium at /usr/bin/chromium "
    "(`sudo apt-get install chromium`, or set LACOURSE_CHROMIUM to another Chromium) "
    "with Playwright's Python API (`pip install -e '.[test]'`); never `playwright install`. "
    "`bash .ci/run` installs Chromium; in CI (CI=true) a missing browser fails the run."
)


def require_browser():
    """Playwright's sync API, or a skip saying how to get the browser tests (a failure in CI)."""
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "the Python package `playwright` is not installed"
    if problem is None and not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        problem = f"no Chromium at {CHROMIUM}"
    if problem is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{problem}: CI must run the browser tests. {HOW_TO_GET_THEM}", pytrace=False)
        pytest.skip(f"browser tests skipped: {problem}. {HOW_TO_GET_THEM}")
    return sync_playwright


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files; a missing address gets the nearest 404.html above it, with status 404
    (GitHub Pages has one at the root; /es/404.html is there for hosts that look nearer)."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        folder = Path(self.translate_path(self.path))
        root = Path(self.directory)
        while True:
            page = folder / "404.html"
            if page.is_file():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return None
            if folder == root or root not in folder.parents:
                return super().send_error(code, message, explain)
            folder = folder.parent


@contextlib.contextmanager
def serve(directory: Path, port: int | None = None):
    """Serve `directory` on 127.0.0.1; yields the origin, e.g. http://127.0.0.1:8123."""
    port = port or free_port()
    handler = functools.partial(_Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


def page_paths(site: Path) -> list[str]:
    """Every page of a built site as a URL path relative to its root ('', 'theory/03-svd/', ...),
    notebook pages included; the not-found pages are visited on their own."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        paths.append("" if relative == "." else relative + "/")
    return paths


def twin(path: str) -> str:
    """The same page in the other language."""
    return path[len("es/") :] if path.startswith("es/") else "es/" + path
