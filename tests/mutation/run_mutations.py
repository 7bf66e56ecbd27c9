"""Test the tests (issue 12): apply meaning-changing mutations to snippets, one at a time, and
check that the suite notices. A script, not a test (it takes minutes):

    python tests/mutation/run_mutations.py            # all mutations, report at the end
    python tests/mutation/run_mutations.py -k weight  # only those whose name contains "weight"
    python tests/mutation/run_mutations.py --list     # what each mutation changes

Each mutation changes one snippet the way a slip would (a constant, an `ord`, a size, a sign, a
table label, swapped rows) while the snippet still runs. For each, the script runs the page's
test file, that snippet's run in tests/test_snippets.py and its snapshot in
tests/test_snapshots.py; the mutation is killed if any of them fails. The checkout is never
touched: everything happens in a temporary copy of it (its tracked and untracked, not ignored
files), which is deleted at the end, Ctrl-C included. Tests that already fail without any
mutation (the baseline) are deselected, so a mutation is never "killed" by a known failure.

A mutation whose text is no longer in its snippet (the snippet was edited) is reported as stale
and left out of the rate; update it here.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Mutation:
    snippet: str  # relative to snippets/
    old: str  # must occur exactly once in the snippet
    new: str
    what: str  # kind: constant, ord, size, sign, label, rows


MUTATIONS = [
    # theory 00
    Mutation("theory/00_why_linear_algebra/the_verb_universe.py",
             'one_hot[token_id("walk", "past", "3sg")] = 1.0', 'one_hot[token_id("walk", "past", "3sg")] = 2.0',
             "constant: the one-hot's 1 is 2"),
    Mutation("theory/00_why_linear_algebra/the_verb_universe.py",
             '("eat", "perfect", "1sg", "es"),', '("eat", "perfect", "2sg", "es"),', "constant: another form"),
    Mutation("theory/00_why_linear_algebra/embedding_lookup_cost.py",
             "one_hot_entries = B * T * V", "one_hot_entries = B * T * D", "size: V -> D"),
    # theory 01
    Mutation("theory/01_tensors_and_shapes/split_heads.py", "b, t, h = 3, 7, 2", "b, t, h = 3, 7, 1", "constant: head"),
    Mutation("theory/01_tensors_and_shapes/broadcasting_rules.py",
             "((B, D), (B, 1)),", "((B, D), (1, D)),", "size: keepdims case"),
    # theory 02
    Mutation("theory/02_matmul_three_ways/determinant_of_a_2x2.py",
             "A = np.array([[2.0, -1.0], [1.0, 1.0]])", "A = np.array([[2.0, 1.0], [1.0, 1.0]])", "sign"),
    Mutation("theory/02_matmul_three_ways/linear_layer.py",
             "b = rng.normal(0.0, 0.1, size=C)", "b = rng.normal(0.0, 0.2, size=C)", "constant: bias scale"),
    Mutation("theory/02_matmul_three_ways/attention_scores.py",
             '("K = X @ W_k",', '("K = X @ W_q",', "label: table row"),
    Mutation("theory/02_matmul_three_ways/outer_products_figure.py",
             '"= A @ B"]', '"= B @ A"]', "label: figure title"),
    # theory 03
    Mutation("theory/03_svd/energy_per_k.py", "for k in range(1, 6):", "for k in range(1, 5):", "size: rows shown"),
    Mutation("theory/03_svd/stable_rank.py",
             '("C (counts)", C),\n    ("E (embeddings)", E),', '("E (embeddings)", E),\n    ("C (counts)", C),',
             "rows: swapped"),
    Mutation("theory/03_svd/spectrum_figure.py",
             'colors = ["#ff7f0e" if i <= 2 else', 'colors = ["#ff7f0e" if i <= 3 else', "constant: highlighted bars"),
    Mutation("theory/03_svd/spectrum_figure.py", 'ax.set_yscale("log")', 'ax.set_yscale("linear")',
             "label: figure scale"),
    # theory 04
    Mutation("theory/04_norms/cosine_at_initialisation.py",
             'token_id("eat", "past", "3sg")', 'token_id("eat", "past", "3pl")', "constant: other form"),
    Mutation("theory/04_norms/weight_decay.py", "lr, lam = 0.1, 0.5", "lr, lam = 0.1, 0.4", "constant: lambda"),
    Mutation("theory/04_norms/norm_inequalities.py",
             '"L2 / L1": l2 / l1,', '"L1 / L2": l2 / l1,', "label: table row"),
    Mutation("theory/04_norms/vector_norms.py",
             'for name, order in [("L1", 1), ("L2", 2), ("Linf", np.inf)]:',
             'for name, order in [("L1", 1), ("L2", 2), ("Linf", -np.inf)]:', "ord: inf -> -inf"),
    # (Not the scales of its random vectors: every ratio it prints is scale-invariant, so that
    # mutant is equivalent; it survived the first run for that reason.)
    Mutation("theory/04_norms/norm_inequalities.py",
             "norms = [np.linalg.norm(v, order) for order in (1, 2, np.inf)]",
             "norms = [np.linalg.norm(v, order) for order in (1, np.inf, 2)]", "ord: swapped columns"),
    # labs
    Mutation("labs/00_shape_prediction/broadcasting.py",
             "predictions[16] = (N_VERBS, N_SLOTS)", "predictions[16] = (N_SLOTS, N_VERBS)", "size: swapped axes"),
    Mutation("labs/02_svd_compression/storage_and_break_even.py", "target = 0.10", "target = 0.05",
             "constant: target error"),
    Mutation("labs/02_svd_compression/spectrum_in_numbers.py",
             'header = ["s2/s1", "s3/s1",', 'header = ["s3/s1", "s2/s1",', "label: swapped columns"),
    Mutation("labs/02_svd_compression/error_against_k_figure.py",
             "predicted_2 = S[1:]  # (n - 1,)", "predicted_2 = S[:-1]  # (n - 1,)", "size: off by one"),
    Mutation("labs/02_svd_compression/lora_update_from_svd.py",
             "noise = rng.normal(0.0, 0.005, size=(D, D_FF))", "noise = rng.normal(0.0, 0.01, size=(D, D_FF))",
             "constant: noise"),
    Mutation("labs/03_norm_identities/matrix_norm_identities.py",
             '"||A||_2 = sigma_1": (', '"||A||_2 = sigma_2": (', "label: identity"),
    Mutation("labs/03_norm_identities/condition_number.py", "n = rng.integers(2, 41)", "n = rng.integers(2, 31)",
             "size: sizes"),
    Mutation("labs/03_norm_identities/vector_inequalities.py",
             "mask = rng.random((N, n)) < 0.1", "mask = rng.random((N, n)) < 0.2", "constant: sparsity"),
    Mutation("labs/03_norm_identities/tight_vector_cases.py",
             'one_hot[7] = -3.0', 'one_hot[7] = 3.0', "sign"),
    # exercises
    Mutation("exercises/00_why_linear_algebra/bag_of_forms.py",
             "tokens = np.array([[5, 159, 5]])", "tokens = np.array([[5, 159, 159]])", "constant: tokens"),
    Mutation("exercises/01_tensors_and_shapes/reshape_shapes.py",
             '"x.reshape(-1, D_HEAD)",', '"x.reshape(-1, H)",', "size"),
    Mutation("exercises/02_matmul_three_ways/chain_order_flops.py", "long_T = 1024", "long_T = 2048",
             "constant: long context"),
    # (Not the sign of W's last row: W.T @ W is the same then, an equivalent mutant that survived.)
    Mutation("exercises/02_matmul_three_ways/eigenvalues_of_a_2x2.py",
             "W = np.array([[1, 0], [2, 1], [0, 1]])", "W = np.array([[1, 0], [1, 2], [0, 1]])",
             "rows: a row's entries swapped"),
    Mutation("exercises/03_svd/svd_of_rank_one.py", "b = np.array([1.0, 2.0])", "b = np.array([1.0, -2.0])", "sign"),
    Mutation("exercises/03_svd/energy_rank.py", "fractions = (0.5, 0.9, 0.98, 0.99)",
             "fractions = (0.5, 0.9, 0.95, 0.99)", "constant: fractions"),
    Mutation("exercises/04_norms/gradient_clipping.py", "max_norm = 6.5", "max_norm = 7.5", "constant"),
    Mutation("exercises/04_norms/projection_onto_a_vector.py", "b = np.array([2.0, 3.0])",
             "b = np.array([2.0, -3.0])", "sign"),
    Mutation("exercises/04_norms/norms_and_unit_vectors.py", "for order in (1, 2, np.inf)",
             "for order in (1, 2, -np.inf)", "ord: inf -> -inf"),
]


def page_test(snippet: str) -> str:
    kind, page = snippet.split("/")[:2]
    return f"tests/{kind}/test_{page}.py"


def copy_checkout(target: Path) -> None:
    """The checkout's tracked and untracked (not ignored) files, as they are now."""
    listed = subprocess.run(["git", "ls-files", "-z", "-c", "-o", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def run_tests(copy: Path, snippet: str, deselect: list[str], timeout: float) -> tuple[int, str]:
    tests = [
        page_test(snippet),
        f"tests/test_snippets.py::test_snippet_runs_and_its_shape_comments_hold[{snippet}]",
        f"tests/test_snapshots.py::test_block_output_is_the_reviewed_one[{snippet}]",
    ]
    tests = [t for t in tests if (copy / t.split("::")[0]).exists()]
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-o", "addopts=",
               "-W", "ignore::DeprecationWarning", *tests]
    for node in deselect:
        command += ["--deselect", node]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -1, "timeout"
    return done.returncode, done.stdout + done.stderr


def failed_nodes(output: str) -> list[str]:
    return re.findall(r"^(?:FAILED|ERROR) (\S+)", output, re.MULTILINE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-k", default="", help="only mutations whose snippet or description contains "
                        "this (several: separated by commas)")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    keys = args.k.split(",")
    chosen = [m for m in MUTATIONS if any(k in m.snippet or k in m.what for k in keys)]
    if args.list:
        for m in chosen:
            print(f"{m.snippet}: {m.what}\n    - {m.old!r}\n    + {m.new!r}")
        return 0

    start = time.perf_counter()
    copy = Path(tempfile.mkdtemp(prefix="lacourse-mutations-"))
    results = []  # (mutation, verdict, detail)
    try:
        copy_checkout(copy)
        baselines: dict[str, list[str]] = {}
        for m in chosen:
            path = copy / "snippets" / m.snippet
            if not path.exists() or path.read_text(encoding="utf-8").count(m.old) != 1:
                results.append((m, "stale", "its text is not (exactly once) in the snippet"))
                print(f"stale    {m.snippet}: {m.what}", flush=True)
                continue
            if m.snippet not in baselines:  # what fails with no mutation is left out
                code, output = run_tests(copy, m.snippet, [], args.timeout)
                deselect = []
                while code not in (0, 5, -1) and (new := [n for n in failed_nodes(output) if n not in deselect]):
                    deselect += new  # -x stops at the first failure: repeat until clean
                    code, output = run_tests(copy, m.snippet, deselect, args.timeout)
                baselines[m.snippet] = deselect
                if deselect:
                    print(f"baseline {m.snippet}: already failing, deselected: {deselect}", flush=True)
            original = path.read_text(encoding="utf-8")
            try:
                path.write_text(original.replace(m.old, m.new), encoding="utf-8")
                code, output = run_tests(copy, m.snippet, baselines[m.snippet], args.timeout)
            finally:
                path.write_text(original, encoding="utf-8")
            if code == 1:
                killers = failed_nodes(output)
                names = [f"{k.split('::')[0].split('/')[-1]}::{k.split('::')[-1].split('[')[0]}" for k in killers]
                verdict, detail = "killed", "by " + (", ".join(names) or "a failure")
            elif code == 0:
                verdict, detail = "SURVIVED", ""
            else:
                verdict, detail = "error", f"pytest exit {code}: " + output.strip().splitlines()[-1][:200]
            results.append((m, verdict, detail))
            print(f"{verdict:8s} {m.snippet}: {m.what}  {detail}", flush=True)
    except KeyboardInterrupt:
        print("interrupted: the report covers the mutations done so far", flush=True)
    finally:
        shutil.rmtree(copy, ignore_errors=True)

    ran = [r for r in results if r[1] in ("killed", "SURVIVED")]
    killed = [r for r in ran if r[1] == "killed"]
    print()
    print(f"{len(killed)} of {len(ran)} mutations killed ({100 * len(killed) / max(len(ran), 1):.0f}%), "
          f"{sum(r[1] == 'stale' for r in results)} stale, {sum(r[1] == 'error' for r in results)} errors, "
          f"{time.perf_counter() - start:.0f} s")
    for m, verdict, _ in results:
        if verdict in ("SURVIVED", "error"):
            print(f"  {verdict}: {m.snippet}: {m.what}: {m.old!r} -> {m.new!r}")
    return 0 if len(killed) == len(ran) else 1


if __name__ == "__main__":
    sys.exit(main())
