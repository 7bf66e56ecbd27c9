"""Lab 02: the claims the SVD-compression lab makes, checked from outside its snippets, in page order."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib.cbook as cbook
import numpy as np
import pytest

from conftest import DOCS, LANGUAGES, SNIPPETS
from lacourse_site.site import snippet_includes
from lacourse.universe import SLOTS, conjugation_counts

from .lab_support import assert_one_solution_region, cached_runs, run_in_one_namespace

LAB = "labs/02_svd_compression"
PAGE = "labs/02-svd-compression.md"
EPS = np.finfo(float).eps


@pytest.fixture(scope="module")
def runs():
    return cached_runs(LAB)


@pytest.fixture(scope="module")
def photo():
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    import matplotlib.pyplot as plt

    gray = plt.imread(path)[:, :510] / 255.0 @ np.array([0.299, 0.587, 0.114])  # 600 rows: a multiple of 5
    return gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))


def rows(output: str, first: str) -> list[list[str]]:
    """The whitespace-separated fields of every line whose first field is `first`."""
    return [line.split() for line in output.splitlines() if line.split()[:1] == [first]]


def row(output: str, *head: str) -> list[str]:
    """The fields after `head` on the first line that starts with those fields."""
    for line in output.splitlines():
        fields = line.split()
        if fields[: len(head)] == list(head):
            return fields[len(head) :]
    raise AssertionError(f"no line starting with {head!r} in:\n{output}")


def relative_tail(A: np.ndarray, k: int) -> float:
    S = np.linalg.svd(A, compute_uv=False)
    return float(np.sqrt(np.sum(S[k:] ** 2) / np.sum(S**2)))


# --- the page is one lab, run as a notebook would run it -------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_opens_with_its_title_and_abstract_and_leads_to_lab_03(language):
    lines = [line for line in (DOCS / language / PAGE).read_text().splitlines() if line.strip()]
    title = {"en": "# Lab 02 · SVD compression", "es": "# Laboratorio 02 · Compresión con la SVD"}
    assert lines[0] == title[language]
    assert lines[1].startswith("!!! abstract")
    following = {
        "en": "Next: [Lab 03 · Norm identities](03-norm-identities.md).",
        "es": "Siguiente: [Laboratorio 03 · Identidades de normas](03-norm-identities.md).",
    }
    assert lines[-1] == following[language]


def test_every_snippet_marks_the_part_the_learner_writes():
    for path in sorted((SNIPPETS / LAB).glob("*.py")):
        if "figure" not in path.name:  # figures are drawn for the learner
            assert_one_solution_region(path)


def test_the_snippets_run_in_page_order_in_one_namespace():
    """As in one Jupyter kernel: every snippet, in page order, sharing one namespace."""
    namespace, _ = run_in_one_namespace(PAGE, LAB)
    # what the last snippet left behind is the LoRA table, not something an earlier one set
    assert sorted(namespace["results"]) == [1, 2, 4, 6, 8, 16, 32]


def test_printed_lines_fit_in_88_characters(runs):
    for path in sorted((SNIPPETS / LAB).glob("*.py")):
        if "figure" in path.name:
            continue
        output = runs(path.stem).output
        assert max(len(line) for line in output.splitlines()) <= 88, path.name


# --- two matrices ----------------------------------------------------------------------


def test_the_photo_ships_with_matplotlib_and_is_shrunk_by_block_means(runs, photo):
    assert Path(cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).is_file()
    run = runs("load_the_two_matrices")
    assert "image (600, 512, 3) -> rgb (600, 510, 3) -> gray (600, 510) -> photo (120, 102)" in run.output
    # cropped only where a side is not a multiple of 5: no row is dropped, 2 columns are
    assert run.namespace["image"].shape[0] == run.namespace["rgb"].shape[0] == 600
    assert row(run.output, "C") == ["(20,", "15)", "0.00", "109.00", "300"]
    assert row(run.output, "photo")[-1] == "12240"
    assert np.allclose(run.namespace["photo"], photo, rtol=0, atol=1e-15)
    assert np.array_equal(run.namespace["C"], conjugation_counts().astype(float))
    # both tall: n singular values, 15 and 102
    assert [min(A.shape) for A in (run.namespace["C"], photo)] == [15, 102]


# --- truncation ------------------------------------------------------------------------


def test_truncation_has_rank_k_and_the_relative_errors_the_page_quotes(runs, photo):
    run = runs("rank_k_truncation")
    C = conjugation_counts().astype(float)
    quoted = {("C", 1): "0.2131", ("C", 2): "0.1243", ("C", 5): "0.0774",
              ("photo", 1): "0.4915", ("photo", 5): "0.3023", ("photo", 20): "0.1277"}
    printed = {(f[0], int(f[1])): f for f in rows(run.output, "C") + rows(run.output, "photo")}
    assert set(printed) == set(quoted)
    for (name, k), value in quoted.items():
        fields = printed[(name, k)]
        assert fields[2] == str(k) and fields[3] == value  # rank(A_k) = k
        A = C if name == "C" else photo
        assert f"{relative_tail(A, k):.4f}" == value
    Vt = np.linalg.svd(C)[2]
    # A_k also equals the rows of A projected onto the first k right singular vectors
    assert np.allclose(run.namespace["truncate"](C, 3), C @ Vt[:3].T @ Vt[:3])


def test_the_reconstruction_figure_has_ten_panels_and_present_and_past_are_bright(runs):
    run = runs("reconstructions_figure")
    assert run.output.count("<image ") == 10
    C = conjugation_counts().astype(float)
    column_means = C.mean(axis=0)
    bright = [j for j, (tense, _) in enumerate(SLOTS) if tense in ("present", "past")]
    others = [j for j in range(len(SLOTS)) if j not in bright]
    assert column_means[bright].min() > column_means[others].max()


# --- Eckart-Young -----------------------------------------------------------------------


def test_eckart_young_holds_row_by_row_to_a_few_eps_sigma_1(runs):
    run = runs("eckart_young_errors")
    table = rows(run.output, "C") + rows(run.output, "P")
    assert len(table) == 13
    for name, k, measured_F, predicted_F, measured_2, predicted_2, gap in table:
        assert measured_F == predicted_F and measured_2 == predicted_2, (name, k)
        m_n = (20, 15) if name == "C" else (120, 102)
        # rounding, not digits: within the bound scaled to the problem, max(m, n) eps sigma_1
        assert float(gap) <= max(m_n), (name, k, gap)
        assert float(measured_F) >= float(measured_2)
    last = [f for f in table if f[:2] == ["C", "14"]][0]
    assert last[2:6] == ["2.089139"] * 4  # one rank-1 term left: both norms are sigma_15
    S = np.linalg.svd(conjugation_counts().astype(float), compute_uv=False)
    assert f"{S[14]:.6f}" == "2.089139"


def test_every_point_of_the_error_figure_is_on_its_line(runs):
    curves = runs("error_against_k_figure").namespace["curves"]
    assert [len(c[1]) for c in curves.values()] == [14, 101]
    for size, (sigma_1, _, measured_F, predicted_F, measured_2, predicted_2) in zip(
        [(20, 15), (120, 102)], curves.values()
    ):
        # rounding in the SVD and in A - A_k: eps sigma_1 times at most the dimension (LAPACK's
        # bounds); a bound scaled to the problem, not this machine's last digits
        tolerance = max(size) * EPS * sigma_1
        assert np.abs(measured_F - predicted_F).max() <= tolerance
        assert np.abs(measured_2 - predicted_2).max() <= tolerance
        # F >= 2 always; equal where one term is left (k = n - 1): there, up to rounding
        assert np.all(measured_F >= measured_2 - tolerance)


# --- spectrum -------------------------------------------------------------------------


def test_the_spectra_have_a_step_and_a_slope(runs, photo):
    run = runs("spectrum_in_numbers")
    assert row(run.output, "C") == ["0.1772", "0.0676", "0.00453", "2.62"]
    assert row(run.output, "P") == ["0.2582", "0.2462", "0.00029", "1.35"]
    S_C, S_P = run.namespace["S_C"], run.namespace["S_P"]
    steps_C = S_C[1:-1] / S_C[2:]
    assert np.argmax(steps_C) == 0  # the largest step after sigma_2 is sigma_2 -> sigma_3
    # the figure's alt text: C 0.18, then under 0.07 falling to about 0.005; P 0.26 to 0.0003
    ratios_C, ratios_P = S_C / S_C[0], S_P / S_P[0]
    assert round(ratios_C[1], 2) == 0.18 and ratios_C[2:].max() < 0.07
    assert round(ratios_C[-1], 3) == 0.005 and np.all(np.diff(S_C) <= 0)
    assert round(ratios_P[1], 2) == 0.26 and round(ratios_P[-1], 4) == 0.0003
    # sigma_1 of the photo is "the overall brightness": u_1 and v_1 have one sign throughout
    U, _, Vt = np.linalg.svd(photo)
    assert abs(np.sign(U[:, 0]).sum()) == len(U) and abs(np.sign(Vt[0]).sum()) == len(Vt)
    figure = runs("spectrum_figure").namespace
    assert np.allclose(figure["S_C"], S_C) and np.allclose(figure["S_P"], S_P)


# --- storage --------------------------------------------------------------------------


def test_break_even_ranks_and_the_k_for_ten_percent(runs):
    run = runs("storage_and_break_even")
    assert "C: 20 x 15 = 300   break-even k = 8.33" in run.output
    assert "P: 120 x 102 = 12240   break-even k = 54.89" in run.output
    summary = run.namespace["summary"]
    assert summary["C"][1] == 4 and f"{summary['C'][2]:.1%}" == "48.0%"
    assert summary["P"][1] == 26 and f"{summary['P'][2]:.1%}" == "47.4%"
    stored = run.namespace["stored"]
    assert stored(8, 20, 15) == 288 < 300 < stored(9, 20, 15) == 324
    marked = [line.split() for line in run.output.splitlines() if line.endswith("*")]
    assert [f[0] for f in marked] == ["4", "26"]
    assert marked[0][1:4] == ["144", "48.0%", "0.0915"] and marked[1][1:4] == ["5798", "47.4%", "0.0982"]
    c_rows = {f[0]: f for f in (line.split() for line in run.output.split("P:")[0].splitlines()[2:])}
    assert c_rows["2"][1:4] == ["72", "24.0%", "0.1243"]


# --- LoRA ------------------------------------------------------------------------------


def test_lora_update_costs_and_losses(runs):
    run = runs("lora_update_from_svd")
    ns, out = run.namespace, run.output
    assert ns["delta_W"].shape == (64, 256) and "m n = 16384" in out
    assert "||noise||_F / ||delta_W||_F  = 0.1287" in out
    assert "||noise||_F / ||low-rank||_F = 0.1297" in out
    S = ns["S"]
    assert 1.4 <= S[5] < S[0] <= 2.7 and f"{S[6]:.3f}" == "0.115"
    table = {int(f[0]): f[1:] for f in (line.split() for line in out.splitlines()) if f and f[0].isdigit()}
    assert table[4][4] == "0.4404"
    assert table[6] == ["1920", "11.7%", "0.1212", "0.1212", "0.0438"]
    assert table[16][2] == "0.1004" and table[16][4] == "0.0811"
    for fields in table.values():
        assert fields[2] == fields[3]  # measured = Eckart-Young's prediction
    results = ns["results"]
    errors = [results[r][1] for r in sorted(results)]
    assert errors == sorted(errors, reverse=True)  # more rank, less error against delta_W
    to_signal = {r: results[r][2] for r in results}
    assert min(to_signal, key=to_signal.get) == 6  # closest to the structure at the true rank
    assert to_signal[6] < ns["noise_to_signal"]  # closer to it than delta_W itself
    assert "r = 6: B (64, 6)  A (6, 256)" in out


# --- every number in the prose is printed ---------------------------------------------

# percentages, decimals, and integers of three digits or more
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?%|(?<![\w.{])(?:\d+\.\d+|\d{3,})(?![\w.])")
# Rounded in the prose on purpose, each checked at its stated precision by a test above; a year.
ROUNDED = {"1.4", "2.7", "0.26", "10%", "2021"}


def prose_numbers(markdown: str) -> list[str]:
    """Decimal numbers and percentages a reader reads: outside code blocks and inline code."""
    markdown = re.sub(r"^```.*?^```", "", markdown, flags=re.MULTILINE | re.DOTALL)
    markdown = re.sub(r"`[^`]*`", "", markdown)
    markdown = re.sub(r"(?<=\d)\u00a0(?=\d{3})", "", markdown)  # Spanish thousands: 12 240
    return NUMBER.findall(markdown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_decimal_and_percentage_in_the_prose_is_printed(language, runs):
    includes = snippet_includes((DOCS / language / PAGE).read_text(), PAGE)
    printed = "\n".join(runs(Path(i).stem).output for i in includes if "figure" not in i)
    numbers = prose_numbers((DOCS / language / PAGE).read_text())
    assert len(numbers) > 30, numbers
    for number in numbers:
        if number in ROUNDED:
            continue
        as_fraction = f"{float(number[:-1]) / 100:.4f}" if number.endswith("%") else number
        assert number in printed or as_fraction in printed, number
