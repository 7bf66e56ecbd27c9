"""Run one snippet exactly as the site and the tests both run it.

The build (through markdown-exec) and pytest call `run_code`, so a snippet behaves
the same on the page and under test: same print precision, same seeds, same time
limit, and the same check of its shape comments.

Shape comments: every assignment that binds a NumPy array must say the array's
shape in a trailing comment, ``scores = q @ k.T  # (T, T)``. The names inside the
comment are evaluated in the snippet's own namespace, so ``(B, T, V)`` is checked
against the real sizes. A missing or wrong comment fails the run.

The checks run after each assignment, inside functions too, and would slow a function down
(a check after every `total += ...` made lab 01's Python loop 25 times slower). So each
function a snippet defines carries its code as written, unchecked, as `__wrapped__`: what
times a function (lacourse.perf) unwraps it and times the code the reader sees.
"""

from __future__ import annotations

import ast
import contextlib
import ctypes
import io
import linecache
import os
import random
import signal
import sys
import threading
import time
import tokenize
import traceback
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from lacourse import PRINT_OPTIONS  # the learner's package prints the same way

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS_DIR = ROOT / "snippets"
DEFAULT_TIMEOUT = 120.0  # seconds per block; LACOURSE_SNIPPET_TIMEOUT overrides


class SnippetError(Exception):
    """A snippet raised, called sys.exit, ran past its time limit, or broke a shape comment."""


class ShapeCommentError(AssertionError):
    """A shape comment is missing, unreadable, or disagrees with the array."""


class _Timeout(BaseException):
    """Raised inside a snippet at its time limit; BaseException so `except Exception` can't eat it."""


@dataclass
class Run:
    output: str  # everything the snippet printed
    namespace: dict  # its globals after the run, for tests to inspect
    seconds: float


def timeout_seconds() -> float:
    return float(os.environ.get("LACOURSE_SNIPPET_TIMEOUT", DEFAULT_TIMEOUT))


def run_file(path: str | Path, timeout: float | None = None) -> Run:
    """Run a file from snippets/, given relative to snippets/ or as a full path."""
    path = Path(path)
    full = path.resolve() if path.exists() else SNIPPETS_DIR / path
    return run_code(full.read_text(encoding="utf-8"), full.relative_to(SNIPPETS_DIR).as_posix(), timeout)


def run_code(code: str, filename: str, timeout: float | None = None) -> Run:
    """Execute `code` (the text of snippets/`filename`) and capture what it prints."""
    display_name = f"snippets/{filename}"
    # Let tracebacks show the snippet's lines even though we exec a string.
    linecache.cache[display_name] = (len(code), None, code.splitlines(True), display_name)
    try:
        compiled = compile(_instrument(code, display_name), display_name, "exec")
    except SyntaxError as error:
        raise SnippetError(f"{display_name} does not compile: {error}") from None

    module = types.ModuleType("__snippet__")
    module.__dict__.update(__file__=str(SNIPPETS_DIR / filename), __shape_check__=_shape_check)
    sys.modules["__snippet__"] = module  # dataclasses and pickle look the module up
    random.seed(0)
    np.random.seed(0)  # a safety net: snippets seed their own default_rng
    buffer = io.StringIO()
    start = time.perf_counter()
    try:
        with (
            np.printoptions(**PRINT_OPTIONS),
            contextlib.redirect_stdout(buffer),
            _time_limit(timeout if timeout is not None else timeout_seconds()),
        ):
            exec(compiled, module.__dict__)  # noqa: S102
        _attach_plain_twins(module.__dict__, compile(code, display_name, "exec"))
    except SystemExit as error:
        raise SnippetError(f"{display_name} called sys.exit({error.code!r})") from None
    except _Timeout:
        raise SnippetError(f"{display_name} ran past its time limit of {timeout_seconds():g} s") from None
    except Exception as error:  # noqa: BLE001
        # Drop the runner's own frame: the trace starts in the snippet.
        trace = "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next))
        raise SnippetError(f"{display_name} raised {type(error).__name__}:\n{trace}") from None
    finally:
        sys.modules.pop("__snippet__", None)
        _close_figures()
    return Run(buffer.getvalue(), module.__dict__, time.perf_counter() - start)


def outputs_of(blocks: list[tuple[str, str]]) -> list[tuple[bool, str, float]]:
    """run_code on (code, filename) pairs in turn, for another process (the build runs blocks
    ahead in a pool): only what pickles, (True, output, seconds) or (False, the error, 0).
    One BLAS thread: the pool has a worker per core, and more threads would only contend."""
    results = []
    with threadpool_limits(limits=1, user_api="blas"):
        for code, filename in blocks:
            try:
                run = run_code(code, filename)
            except SnippetError as error:
                results.append((False, str(error), 0.0))
            else:
                results.append((True, run.output, run.seconds))
    return results


def _attach_plain_twins(namespace: dict, plain: types.CodeType) -> None:
    """Give each top-level function of the snippet its uninstrumented code as `__wrapped__`."""
    codes, todo = {}, [plain]
    while todo:
        for const in todo.pop().co_consts:
            if isinstance(const, types.CodeType):
                codes[const.co_name, const.co_firstlineno] = const
                todo.append(const)
    for value in list(namespace.values()):
        if not isinstance(value, types.FunctionType) or value.__closure__:
            continue
        twin = codes.get((value.__code__.co_name, value.__code__.co_firstlineno))
        if twin is None or value.__code__.co_filename != plain.co_filename:
            continue
        unchecked = types.FunctionType(twin, value.__globals__, value.__name__, value.__defaults__)
        unchecked.__kwdefaults__, unchecked.__doc__ = value.__kwdefaults__, value.__doc__
        value.__wrapped__ = unchecked


def _close_figures() -> None:
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@contextlib.contextmanager
def _time_limit(seconds: float):
    if threading.current_thread() is threading.main_thread():
        # A signal interrupts even a blocking call such as time.sleep.
        def on_alarm(signum, frame):
            raise _Timeout

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    else:
        # Off the main thread signals are unavailable: raise into the thread from a watchdog.
        thread_id = threading.get_ident()

        def interrupt():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(_Timeout))

        watchdog = threading.Timer(seconds, interrupt)
        watchdog.start()
        try:
            yield
        finally:
            watchdog.cancel()


# --- shape comments -------------------------------------------------------------------


def shape_groups(comment: str) -> list[str]:
    """The parenthesised groups a comment starts with: '# (m, k), (k,) rest' -> ['(m, k)', '(k,)']."""
    text = comment.lstrip("#").strip()
    groups = []
    while text.startswith("("):
        depth = 0
        for end, char in enumerate(text):
            depth += (char == "(") - (char == ")")
            if depth == 0:
                break
        else:
            break
        groups.append(text[: end + 1])
        text = text[end + 1 :].lstrip()
        if not text.startswith(","):
            break
        text = text[1:].lstrip()
    return groups


def _comments_by_line(code: str) -> dict[int, str]:
    comments = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type == tokenize.COMMENT:
            comments[token.start[0]] = token.string
    return comments


def _instrument(code: str, filename: str) -> ast.Module:
    """Insert a shape check after every assignment to a plain name (or tuple of names)."""
    tree = ast.parse(code, filename)
    comments = _comments_by_line(code)

    def comment_for(stmt: ast.stmt) -> list[str]:
        for line in range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1):
            if line in comments and (groups := shape_groups(comments[line])):
                return groups
        return []

    def check_call(stmt: ast.stmt) -> ast.stmt | None:
        target = stmt.targets[-1] if isinstance(stmt, ast.Assign) else stmt.target
        elements = target.elts if isinstance(target, ast.Tuple) else [target]
        if not all(isinstance(e, ast.Name) for e in elements):
            return None
        names = [e.id for e in elements]
        call = (
            f"__shape_check__(({', '.join(names)},), {names!r}, {comment_for(stmt)!r}, "
            f"{filename!r}, {stmt.lineno}, globals(), locals())"
        )
        new = ast.parse(call).body[0]
        for node in ast.walk(new):  # tracebacks through the check point at the assignment's line
            node.lineno, node.end_lineno = stmt.lineno, stmt.lineno
        return new

    def walk(body: list[ast.stmt]) -> list[ast.stmt]:
        out = []
        for stmt in body:
            for field in ("body", "orelse", "finalbody"):
                if isinstance(getattr(stmt, field, None), list):
                    setattr(stmt, field, walk(getattr(stmt, field)))
            for handler in getattr(stmt, "handlers", []):
                handler.body = walk(handler.body)
            out.append(stmt)
            if isinstance(stmt, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and getattr(stmt, "value", None):
                if (check := check_call(stmt)) is not None:
                    out.append(check)
        return out

    tree.body = walk(tree.body)
    return ast.fix_missing_locations(tree)


def _shape_check(values, names, groups, filename, lineno, global_ns, local_ns) -> None:
    if len(groups) != len(names):
        # `fig, axes = plt.subplots(1, 4)  # (4,)`: the groups describe the array targets only
        arrays = [i for i, value in enumerate(values) if isinstance(value, np.ndarray)]
        by_array = dict(zip(arrays, groups)) if len(groups) == len(arrays) else {}
        groups = [by_array.get(i) for i in range(len(names))]
    scope = {**global_ns, **local_ns}
    for value, name, group in zip(values, names, groups):
        if not isinstance(value, np.ndarray):
            continue
        where = f"{filename}:{lineno}"
        if group is None:
            raise ShapeCommentError(f"{where}: `{name}` has shape {value.shape} but no shape comment")
        try:
            expected = eval(group, {}, scope)  # noqa: S307  (our own snippet's comment)
        except Exception as error:  # noqa: BLE001
            raise ShapeCommentError(f"{where}: can't read shape comment {group} for `{name}`: {error}") from None
        expected = tuple(expected) if isinstance(expected, tuple) else (expected,)
        if expected != value.shape:
            raise ShapeCommentError(
                f"{where}: `{name}` has shape {value.shape}, its comment says {group} = {expected}"
            )
