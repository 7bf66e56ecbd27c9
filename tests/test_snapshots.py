"""Every deterministic block keeps the output that was reviewed: a change of meaning in a snippet
(a constant, an `ord`, a size, a sign, a label, a swapped row) fails here even where the prose
quotes nothing.

The approved outputs live in `tests/__snapshots__/test_snapshots.ambr` (syrupy's format: one
readable text block per snippet, so a review shows a diff of numbers). An intended change is one
command, then review the diff and commit it:

    python -m pytest tests/test_snapshots.py --snapshot-update

What is stored is each block's output after `normalise`, which is stable across OpenBLAS kernels
(Haswell, SkylakeX, SandyBridge), 1 and 2 BLAS threads, NumPy 2.0-2.5, matplotlib 3.9-3.11 and
Python 3.11-3.13 (checked by running every block under that matrix and diffing; see the README,
"Snapshots of every block"):

* a figure is stored as its data (axes, labels, scales, limits, lines, points, bars, images,
  texts), not as SVG markup, which changes with matplotlib's version;
* rounding noise is replaced by the bound it must stay within: globally, any float whose size is
  below `TINY` (a few eps: residuals, orthogonality errors, LAPACK's last digits); per snippet,
  the values in `NOISE`, each with the reason it varies by machine. A value outside its bound is
  kept as printed, so the comparison fails and shows it;
* the sign of a zero (`-0.` vs `0.`), a zero imaginary part (`6.+0.j`: NumPy 2.5's eigvals of
  a real matrix) and the runs of spaces that align columns (their width follows the longest
  number, noise included) are not meaning.

Blocks marked `volatile="1"` (timings, the machine stamp) are not snapshotted.
`python tests/test_snapshots.py OUT.json` writes every block's raw and normalised output, to diff
two machines or versions (how `NOISE` was found).
"""

from __future__ import annotations

import json
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

if __name__ == "__main__":  # run as a script: the same sys.path as under pytest
    sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import DOCS  # noqa: E402

import lacourse.figures  # noqa: E402
from lacourse_site.runner import run_file  # noqa: E402
from lacourse_site.site import EXEC_FENCE, INCLUDE  # noqa: E402

# |x| below this is rounding noise wherever it is printed: a few eps (2.2e-16) scaled by the
# problem's size; what a kernel or thread count computes there is its own last digits.
TINY = 1e-12


@dataclass(frozen=True)
class Noise:
    """Numbers on the lines matching `line` (searched in the line with its runs of spaces made
    one and its ends stripped) that lie in [lo, hi] become "[lo, hi]": the reviewed
    output states the bound, and a value outside it is kept as printed (and so fails).
    `nth` limits the rule to those numbers of the line (0-based, in order; -1 is the last);
    None: every number of the line."""

    line: str
    lo: float
    hi: float
    why: str
    nth: tuple[int, ...] | None = None


# Per snippet: the values that vary by kernel, threads or version, found by running every block
# under the matrix (README), each with why it is noise and the bound it must keep.
EPS_COUNT = (
    "a gap between two sides that are equal in exact arithmetic, counted in eps: the last bits of "
    "the kernel's sums, different on every kernel and thread count; the page's test asserts the bound"
)
KAPPA = "LAPACK's rounding amplified by kappa, different on every kernel; the page's test bounds it"
F32_SUM = (
    "a float32 sum of 38400 squares: np.sum's order (pairwise, SIMD width) differs between NumPy "
    "2.0 and 2.4, LAPACK's float32 SVD between kernels; the error stays a few eps32 ||E||_F^2"
)
NOISE: dict[str, list[Noise]] = {
    "labs/02_svd_compression/eckart_young_errors.py": [
        Noise(r"^[CP] \d+ ", 0, 20, EPS_COUNT, nth=(-1,)),  # gap/(eps s1)
    ],
    "labs/03_norm_identities/condition_number.py": [
        Noise(r"kappa - 1\|: median", 0, 1e6, f"the gap in eps (kappa to 2e5 here): {KAPPA}", nth=(-2, -1)),
        Noise(r"^largest gap / \(kappa eps\)", 0, 10, f"the gap in units of kappa eps: {KAPPA}", nth=(-1,)),
        Noise(r"^1e\+\d\d ", 0, 1e-3, f"relative error of the computed kappa: {KAPPA}", nth=(2,)),
        Noise(r"^1e\+\d\d ", 0, 1e11, f"the same error in eps: {KAPPA}", nth=(3,)),
    ],
    "labs/03_norm_identities/float32_frobenius_two_ways.py": [
        Noise(r"^sum (s_i|a_ij)\^2 \((float32 SVD|np\.sum)\) ", 600.70, 600.74, F32_SUM, nth=(-2,)),
        Noise(r"^sum (s_i|a_ij)\^2 \((float32 SVD|np\.sum)\) ", -5, 5, F32_SUM, nth=(-1,)),
        Noise(r"^sum s_i\^2 - sum a_ij\^2 = ", -5, 5, F32_SUM, nth=(-2,)),
    ],
    "labs/03_norm_identities/matrix_norm_identities.py": [
        Noise(r"^\|\|A\|\|_[2F] = ", 0, 50, EPS_COUNT, nth=(-2, -1)),  # median, largest
    ],
    "labs/03_norm_identities/tight_operator_cases.py": [
        Noise(r" 1\.0000 -?[\d.]+$", -20, 20, EPS_COUNT, nth=(-1,)),  # (ratio-1)/eps where tight
    ],
    "labs/03_norm_identities/tight_vector_cases.py": [
        Noise(r" 1\.0000 -?[\d.]+$", -20, 20, EPS_COUNT, nth=(-1,)),  # (ratio-1)/eps where tight
    ],
    "theory/03_svd/power_iteration.py": [
        Noise(r"^5 ", 0, 0.01, "the last step's error is a few eps, so its ratio to the previous "
              "error is noise", nth=(-1,)),
    ],
    "theory/04_norms/conditioned_solve.py": [
        Noise(r"^1e[+-]\d\d ", 0, 1, f"float64 error of a solve: {KAPPA}", nth=(3,)),
        Noise(r"^1e[+-]\d\d ", 0, 17, f"digits = -log10(float64 error): {KAPPA}", nth=(5,)),
        Noise(r"^log-log slope", 0.5, 1.2, "slope of the noisy errors against kappa: near 1 on "
              "every kernel, not to two digits", nth=(0, 1)),
    ],
    "theory/04_norms/conditioned_solve_figure.py": [
        Noise(r"^y ", 0, 1e-6, f"the float64 errors of conditioned_solve: {KAPPA}"),
    ],
}


def executed_blocks() -> dict[str, bool]:
    """snippet path -> volatile, for every executed block of the English pages (the Spanish pages
    include the same snippets in the same order: tests/test_parity.py)."""
    blocks: dict[str, bool] = {}
    for page in sorted((DOCS / "en").rglob("*.md")):
        for match in EXEC_FENCE.finditer(page.read_text(encoding="utf-8")):
            include = INCLUDE.match(match.group("body").strip())
            if include is None:
                continue  # tests/test_snippets.py and the build report it
            volatile = re.search(r'\bvolatile="', match.group("opts")) is not None
            path = include.group("path")
            blocks[path] = blocks.get(path, False) or volatile
    return blocks


# --- figures as data -------------------------------------------------------------------------


def _g(value) -> str:
    value = float(value)
    return "~0" if abs(value) < TINY else f"{value:.4g}"


def _values(values) -> str:
    """A sequence of numbers: all of them when short, else its size, ends and summary."""
    import numpy as np

    array = np.asarray(values, dtype=float).ravel()
    if array.size <= 24:
        return "[" + " ".join(_g(v) for v in array) + "]"
    finite = array[np.isfinite(array)]
    head = " ".join(_g(v) for v in array[:4])
    tail = " ".join(_g(v) for v in array[-4:])
    stats = f"min {_g(finite.min())} max {_g(finite.max())} mean {_g(finite.mean())}" if finite.size else ""
    return f"n={array.size} [{head} ... {tail}] {stats}"


def _ticks(axis, limits) -> list[str]:
    """The labelled ticks inside the view. On a log axis none: which decades get a label changed
    in matplotlib 3.10 (the scale and limits are kept, so the figure's meaning still is)."""
    if axis.get_scale() != "linear":
        return ["(log)"]
    lo, hi = sorted(limits)
    slack = 1e-9 * (hi - lo)
    return [tick.label1.get_text() for tick in axis.get_major_ticks()
            if lo - slack <= tick.get_loc() <= hi + slack and tick.label1.get_text()]


def figure_data(fig) -> str:
    """What a figure shows, independent of matplotlib's SVG writer."""
    from matplotlib.collections import Collection
    from matplotlib.patches import Rectangle

    fig.canvas.draw()  # tick labels are chosen at draw time
    out = ["<figure>"]
    if fig._suptitle is not None and fig._suptitle.get_text():
        out.append(f"suptitle {fig._suptitle.get_text()!r}")
    for i, ax in enumerate(fig.axes):
        out.append(f"axes {i}: title {ax.get_title()!r} x {ax.get_xlabel()!r} y {ax.get_ylabel()!r}")
        limits = f"xlim {_values(ax.get_xlim())} ylim {_values(ax.get_ylim())}"
        out.append(f"  scale {ax.get_xscale()} {ax.get_yscale()} {limits}")
        out.append(f"  xticks {_ticks(ax.xaxis, ax.get_xlim())}")
        out.append(f"  yticks {_ticks(ax.yaxis, ax.get_ylim())}")
        for line in ax.get_lines():
            out.append(f"  line {line.get_label()!r} {line.get_linestyle()} {line.get_marker()}")
            out.append(f"    x {_values(line.get_xdata())}")
            out.append(f"    y {_values(line.get_ydata())}")
        for collection in ax.collections:
            if not isinstance(collection, Collection):
                continue
            out.append(f"  {type(collection).__name__} {collection.get_label()!r}")
            offsets = collection.get_offsets()
            if len(offsets):
                out.append(f"    x {_values(offsets[:, 0])}")
                out.append(f"    y {_values(offsets[:, 1])}")
            array = collection.get_array()
            if array is not None:
                out.append(f"    values {_values(array)}")
        bars = [p for p in ax.patches if isinstance(p, Rectangle)]
        if bars:
            out.append(f"  bars x {_values([b.get_x() for b in bars])}")
            out.append(f"    width {_values([b.get_width() for b in bars])}")
            out.append(f"    height {_values([b.get_height() for b in bars])}")
        for image in ax.get_images():
            data = image.get_array()
            out.append(f"  image {data.shape} {image.get_cmap().name} {_values(data)}")
        for text in ax.texts:
            out.append(f"  text {text.get_text()!r} at {_values(text.get_position())}")
        legend = ax.get_legend()
        if legend is not None:
            out.append(f"  legend {[t.get_text() for t in legend.get_texts()]}")
    out.append("</figure>")
    return "\n".join(out)


def run_block(path: str) -> str:
    """The block's output as the page shows it, with each figure as its data."""
    original = lacourse.figures.svg
    lacourse.figures.svg = lambda fig: (figure_data(fig), original(fig))[0]
    try:
        return run_file(path).output
    finally:
        lacourse.figures.svg = original


# --- normalisation ---------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")


def _is_float(token: str) -> bool:
    return "." in token or "e" in token.lower()


def _noise_line(line: str, rules: list[Noise]) -> str:
    numbers = list(NUMBER.finditer(line))
    bounded: dict[int, str] = {}  # index of a number on the line -> its bound
    for rule in rules:
        if not numbers or not re.search(rule.line, line):
            continue
        count = len(numbers)
        chosen = range(count) if rule.nth is None else [i % count for i in rule.nth if -count <= i < count]
        for index in chosen:
            if rule.lo <= float(numbers[index].group(0)) <= rule.hi:
                bounded.setdefault(index, f"[{rule.lo:g}, {rule.hi:g}]")
    for index in sorted(bounded, reverse=True):  # from the right: earlier offsets stay valid
        match = numbers[index]
        line = f"{line[: match.start()]}{bounded[index]}{line[match.end() :]}"
    return line


def _tiny(match: re.Match) -> str:
    token = match.group(0)
    if not _is_float(token):
        return token
    value = float(token)
    if math.isfinite(value) and abs(value) < TINY:
        return "~0"  # zero, or rounding noise: -0., 0., 1.1e-16 and 0.0 alike
    return token


def normalise(output: str, path: str) -> str:
    rules = NOISE.get(path, [])
    lines = []
    for line in output.splitlines():
        line = re.sub(r"[ \t]+", " ", line).strip()  # what NOISE's line patterns see
        # NumPy 2.5's eigvals answers a real matrix in complex numbers: 6.+0.j is 6.
        line = re.sub(r"(?<![\w.])(\d+\.?\d*(?:e[-+]\d+)?)[-+]0\.?j\b", r"\1", line)
        line = _noise_line(line, rules)
        lines.append(NUMBER.sub(_tiny, line))
    return "\n".join(lines).strip() + "\n"


# --- the test --------------------------------------------------------------------------------

BLOCKS = executed_blocks()
DETERMINISTIC = sorted(path for path, volatile in BLOCKS.items() if not volatile)


def test_blocks_are_found():
    assert len(DETERMINISTIC) >= 100, len(DETERMINISTIC)


def test_noise_rules_name_real_blocks_and_give_a_reason():
    for path, rules in NOISE.items():
        assert path in DETERMINISTIC, f"{path}: no deterministic block includes it"
        for rule in rules:
            assert rule.lo <= rule.hi and len(rule.why) > 20, (path, rule)


@pytest.mark.parametrize("path", DETERMINISTIC)
def test_block_output_is_the_reviewed_one(path, snapshot):
    assert normalise(run_block(path), path) == snapshot, (
        f"snippets/{path} prints something else than its reviewed snapshot. If the change is "
        "intended: python -m pytest tests/test_snapshots.py --snapshot-update, and review the diff. "
        "If it is rounding noise that varies by machine, give it a bound in NOISE, with the reason."
    )


if __name__ == "__main__":
    target = Path(sys.argv[1])
    found = {}
    for block in sys.argv[2:] or DETERMINISTIC:
        try:
            raw = run_block(block)
        except Exception as error:  # noqa: BLE001  one failing block must not hide the others
            raw = f"ERROR {type(error).__name__}: {error}"
        found[block] = {"raw": raw, "normalised": normalise(raw, block)}
    target.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(found)} blocks -> {target}")
