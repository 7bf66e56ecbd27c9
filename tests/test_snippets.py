"""Every file in snippets/ runs under the same runner the site uses, and the runner itself
keeps its promises: wrong shape comments, exits and hangs fail loudly."""

from __future__ import annotations

import pytest

from conftest import SNIPPETS
from lacourse_site.runner import SnippetError, run_code, run_file, shape_groups

ALL_SNIPPETS = sorted(p for p in SNIPPETS.rglob("*.py") if "lacourse" not in p.parts)


def test_snippets_are_discovered():
    assert len(ALL_SNIPPETS) >= 4


@pytest.mark.parametrize("path", ALL_SNIPPETS, ids=lambda p: p.relative_to(SNIPPETS).as_posix())
def test_snippet_runs_and_its_shape_comments_hold(path):
    run = run_file(path)
    assert run.output.strip(), "a snippet exists to print something for its page"


def test_a_wrong_shape_comment_fails():
    code = "import numpy as np\nB, D = 2, 3\nx = np.zeros((B, D))  # (D, B)\n"
    with pytest.raises(SnippetError, match=r"x` has shape \(2, 3\), its comment says \(D, B\)"):
        run_code(code, "inline/wrong_comment.py")


def test_an_array_without_a_shape_comment_fails():
    with pytest.raises(SnippetError, match="no shape comment"):
        run_code("import numpy as np\nx = np.ones(3)\n", "inline/no_comment.py")


def test_a_function_is_checked_when_called_and_timed_as_written():
    """Inside a function every assignment is checked too; the same function without the checks
    is its __wrapped__, which lacourse.perf times (a check per `total += ...` is 25x slower)."""
    code = (
        "import numpy as np\n"
        "def total(xs):\n"
        "    s = 0.0\n"
        "    for x in xs:\n"
        "        s += x\n"
        "    v = np.array([s])  # (1,)\n"
        "    return v\n"
        "total([1.0, 2.0])\n"
    )
    function = run_code(code, "inline/function.py").namespace["total"]
    assert "__shape_check__" in function.__code__.co_names
    plain = function.__wrapped__
    assert "__shape_check__" not in plain.__code__.co_names and plain([1.0, 2.0]) == [3.0]
    with pytest.raises(SnippetError, match="`v` has shape"):
        run_code(code.replace("# (1,)", "# (2,)"), "inline/function_wrong.py")


def test_tuple_targets_are_checked_one_by_one():
    code = (
        "import numpy as np\n"
        "m, n = 4, 3\n"
        "U, S, Vt = np.linalg.svd(np.ones((m, n)), full_matrices=False)  # (m, n), (n,), (n, n)\n"
    )
    assert run_code(code, "inline/svd.py").namespace["S"].shape == (3,)
    with pytest.raises(SnippetError, match="`Vt` has shape"):
        run_code(code.replace("(n, n)", "(m, n)"), "inline/svd_wrong.py")


def test_a_comment_may_describe_only_the_array_targets():
    code = "import numpy as np\nlabel, x = 'ones', np.ones((2, 5))  # (2, 5)\n"
    assert run_code(code, "inline/mixed.py").namespace["x"].shape == (2, 5)
    with pytest.raises(SnippetError, match="`x` has shape"):
        run_code(code.replace("# (2, 5)", "# (5, 2)"), "inline/mixed_wrong.py")


def test_shape_groups_reads_the_leading_parentheses():
    assert shape_groups("# (B, T, D)  embedded tokens") == ["(B, T, D)"]
    assert shape_groups("# (m, k), (k,), (k, n)") == ["(m, k)", "(k,)", "(k, n)"]
    assert shape_groups("# not a shape (B,)") == []


def test_sys_exit_is_an_error_not_an_exit():
    with pytest.raises(SnippetError, match=r"called sys.exit\(3\)"):
        run_code("import sys\nsys.exit(3)\n", "inline/exits.py")


def test_a_hanging_snippet_is_stopped():
    with pytest.raises(SnippetError, match="time limit"):
        run_code("import time\ntime.sleep(30)\n", "inline/hangs.py", timeout=0.5)


def test_tracebacks_name_the_snippet_file():
    with pytest.raises(SnippetError, match=r'snippets/inline/raises.py", line 2'):
        run_code("x = 1\nraise ValueError('boom')\n", "inline/raises.py")


def test_print_precision_is_fixed():
    run = run_code("import numpy as np\nprint(np.array([1 / 3]))\n", "inline/precision.py")
    assert run.output.strip() == "[0.3333]"
