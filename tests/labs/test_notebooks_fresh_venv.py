"""The lab notebooks as a learner meets them, not as the checkout runs them.

One venv per test session, in a temporary folder outside the repository, holding only Jupyter's
runner (nbclient, ipykernel) and pip. The site's wheel of the learner's package is served over
HTTP from a temporary site folder, and the notebooks are generated with that address as the
site's: the first notebook's first cell installs `lacourse` from it, as on Colab (it pulls NumPy,
matplotlib and threadpoolctl, nothing of the site). The kernel runs in a temporary folder, with
no PYTHONPATH and no user site: it cannot import the checkout (a last cell checks where
`lacourse` comes from).

* every solutions notebook runs top to bottom;
* every learner notebook runs once each TODO is done the way its placeholders invite (the
  generator's "filled" variant: each `name = ...` replaced by the solution's lines for it);
* an unfilled learner notebook stops at its first TODO, with lacourse.todo's message naming
  what to write, in the notebook's language (lab 00's: the predictions still to write).

Execution runs the English notebooks (tests/labs/test_notebooks.py checks that both languages
have the same code); the unfilled runs, which stop early, run in both languages.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from conftest import DOCS, LANGUAGES, ROOT
from lacourse_site import learner_wheel, notebooks

LABS = notebooks.find_labs(DOCS, list(LANGUAGES))
NAMES = sorted({lab.name for lab in LABS})

# Run inside the venv: execute one notebook in a fresh kernel, write it back with its outputs,
# and print where it stopped (or null) as JSON.
DRIVER = r'''
import json, sys, tempfile
import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

source, target, cwd = sys.argv[1:4]
nb = nbformat.read(source, as_version=4)
current = {}
sockets = tempfile.mkdtemp(prefix="kernel-")
client = NotebookClient(nb, km=KernelManager(kernel_name="python3", transport="ipc", ip=sockets + "/k"),
                        timeout=900, allow_errors=False, resources={"metadata": {"path": cwd}},
                        on_cell_execute=lambda cell, cell_index, **_: current.update(index=cell_index))
stopped = None
try:
    client.execute()
except CellExecutionError as error:
    outputs = nb.cells[current["index"]].outputs
    failure = next((o for o in outputs if o.get("output_type") == "error"), {})
    stopped = {"cell": current["index"], "ename": failure.get("ename"), "evalue": failure.get("evalue")}
nbformat.write(nb, target)
print(json.dumps(stopped))
'''

PROBE = """import json, os, sys
import lacourse
print("PROBE" + json.dumps({"lacourse": lacourse.__file__, "prefix": sys.prefix,
                            "path": sys.path, "cwd": os.getcwd()}))"""


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "JUPYTER_PATH", "PYTHONSTARTUP")}
    env.update(PYTHONNOUSERSITE="1", JUPYTER_DATA_DIR=str(home / "jupyter-data"),
               JUPYTER_CONFIG_DIR=str(home / "jupyter-config"), MPLBACKEND="Agg")
    return env


class LearnerVenv:
    def __init__(self, home: Path, python: Path, url: str, env: dict[str, str]):
        self.home, self.python, self.url, self.env = home, python, url, env
        self.work = home / "work"  # the kernel's working folder: not the repository
        self.work.mkdir()
        self.site = notebooks.Site(site_url=url)

    def run(self, nb: nbformat.NotebookNode, name: str) -> tuple[nbformat.NotebookNode, dict | None]:
        source, target = self.home / f"{name}.ipynb", self.home / f"{name}.out.ipynb"
        source.write_text(notebooks.dumps(nb), encoding="utf-8")
        done = subprocess.run([str(self.python), str(self.home / "driver.py"), str(source), str(target),
                               str(self.work)], cwd=self.work, env=self.env, capture_output=True, text=True,
                              timeout=3600)
        assert done.returncode == 0, f"{name}: the driver failed\n{done.stdout}\n{done.stderr}"
        return nbformat.read(target, as_version=4), json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def learner_venv(tmp_path_factory, request):
    report = request.config.pluginmanager.get_plugin("terminalreporter")
    start = time.perf_counter()
    home = tmp_path_factory.mktemp("learner-venv")
    assert ROOT not in home.resolve().parents, "the venv must live outside the repository"
    site = home / "site"
    learner_wheel.publish(site)  # the wheel exactly as a site build publishes it
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    env = _clean_env(home)
    venv = home / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=env, timeout=300)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    # Only Jupyter's runner; pip's cache (its default) makes a second session fast.
    pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "nbclient", "ipykernel"],
                         cwd=home, env=env, timeout=900, capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    (home / "driver.py").write_text(DRIVER, encoding="utf-8")
    made = time.perf_counter() - start
    venv_ = LearnerVenv(home, python, url, env)
    missing = subprocess.run([str(python), "-c", "import lacourse"], cwd=venv_.work, env=env, capture_output=True)
    assert missing.returncode != 0, "the fresh venv must not see the checkout's lacourse"
    # The first cell of a notebook, as on Colab: lacourse is missing, so it installs the wheel.
    lab = next(x for x in LABS if x.language == "en")
    first = notebooks.build(lab, "learner", venv_.site)
    setup = next(cell for cell in first.cells if cell.cell_type == "code")
    first.cells = [setup, new_code_cell(PROBE)]
    ran, stopped = venv_.run(first, "install")
    assert stopped is None, stopped
    installed = _probe(ran, venv_)
    assert Path(installed["lacourse"]).resolve().is_relative_to(venv.resolve())
    seconds = time.perf_counter() - start
    report.write_line(f"\nlearner venv: created with nbclient + ipykernel in {made:.1f} s; "
                      f"the first cell installed the wheel in {seconds - made:.1f} s ({home})")
    yield venv_
    server.shutdown()
    shutil.rmtree(home, ignore_errors=True)


def _probe(nb: nbformat.NotebookNode, venv: LearnerVenv) -> dict:
    text = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    found = json.loads(text.split("PROBE", 1)[1])
    assert str(ROOT) not in found["lacourse"], "the kernel imported the checkout's lacourse"
    assert not any(p and Path(p).resolve() in (ROOT, ROOT / "learner") for p in found["path"])
    assert Path(found["cwd"]).resolve() == venv.work.resolve()
    assert Path(found["prefix"]).resolve() == (venv.home / "venv").resolve(), "the kernel is the venv's python"
    return found


def lab(name: str, language: str = "en") -> notebooks.Lab:
    return next(x for x in LABS if x.name == name and x.language == language)


def _with_probe(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb.cells.append(new_code_cell(PROBE, id="co-probe"))
    return nb


def _outputs(nb) -> list:
    return [output for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs]


@pytest.mark.parametrize("name", NAMES)
def test_the_solutions_notebook_runs_in_the_learners_venv(learner_venv, name):
    nb, stopped = learner_venv.run(_with_probe(notebooks.build(lab(name), "solutions", learner_venv.site)),
                                   f"{name}-solutions")
    assert stopped is None, f"{name}-solutions.ipynb stopped: {stopped}"
    _probe(nb, learner_venv)
    outputs = _outputs(nb)
    printed = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "<svg" not in printed, "a figure printed as text: lacourse.figures.show should display it"
    figures = lab(name).page.read_text(encoding="utf-8").count('html="1"')
    images = [o for o in outputs if o.output_type == "display_data" and "image/svg+xml" in o.data]
    assert len(images) == figures
    if name == "00-shape-prediction":
        assert printed.count("score: ") == 6 and "wrong" not in printed


@pytest.mark.parametrize("name", NAMES)
def test_the_learner_notebook_runs_once_its_todos_are_done_as_the_placeholders_invite(learner_venv, name):
    filled = notebooks.build(lab(name), "filled", learner_venv.site)
    assert "todo.check(" in "\n".join(c.source for c in filled.cells)
    nb, stopped = learner_venv.run(_with_probe(filled), f"{name}-filled")
    assert stopped is None, f"{name}.ipynb with its TODOs done stopped: {stopped}"
    _probe(nb, learner_venv)


def _first_todo(nb) -> int:
    return next(n for n, cell in enumerate(nb.cells) if cell.cell_type == "code" and "# TODO" in cell.source)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", NAMES)
def test_an_unfilled_learner_notebook_stops_at_its_first_todo_saying_what_to_write(learner_venv, name, language):
    learner = notebooks.build(lab(name, language), "learner", learner_venv.site)
    nb, stopped = learner_venv.run(learner, f"{name}-{language}-learner")
    first = _first_todo(learner)
    source = learner.cells[first].source
    assert stopped is not None, f"{name} ({language}): the unfilled notebook ran through"
    assert stopped["cell"] == first and stopped["ename"] == "TodoError", stopped
    lines = source.splitlines()
    start = next(n for n, line in enumerate(lines) if "# TODO" in line)
    end = next(n for n, line in enumerate(lines) if n > start and "todo.check(" in line)
    region = lines[start:end]  # the TODO, the placeholders, then the check
    placeholders = [line.split(" = ...")[0].strip() for line in region if line.endswith(" = ...")]
    functions = [line.split("def ", 1)[1].split("(")[0] for line in region if line.lstrip().startswith("def ")]
    assert placeholders or functions
    for name_ in placeholders:
        assert name_ in stopped["evalue"], (name_, stopped)
    for function in functions:
        assert f"{function}()" in stopped["evalue"], (function, stopped)
    says = {"en": "still to write where the cell says # TODO", "es": "falta escribir donde la celda dice # TODO"}
    assert says[language] in stopped["evalue"]
