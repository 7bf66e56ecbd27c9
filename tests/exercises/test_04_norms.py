"""Exercises 04: every answer the page gives, checked from outside its snippet, one test per
exercise, in page order. The question's numbers are asserted too, so editing a question
without its answer fails here; and each learner check rejects a typical wrong solution."""

from __future__ import annotations

import numpy as np
import pytest

from lacourse.checks.lesson04 import (
    check_clip,
    check_cosine_search,
    check_nearest_others,
    check_project_onto_subspace,
)
from lacourse_site.runner import run_file
from lacourse.universe import FORMS, embedding_matrix, token_id

PAGE = "exercises/04_norms"
MACHINE = (
    "machine-dependent: rounding noise is the machine's BLAS/LAPACK (kernel, threads, NumPy "
    "version); the snippet and the prose state a bound"
)


def row(output: str, label: str) -> list[str]:
    head = label.split()
    for line in output.splitlines():
        fields = line.split()
        if fields[: len(head)] == head:
            return fields[len(head) :]
    raise AssertionError(f"no line starting with {label!r} in:\n{output}")


def test_04_1_dot_product_and_angle():
    run = run_file(f"{PAGE}/dot_product_and_angle.py")
    ns = run.namespace
    assert ns["a"].tolist() == [1, 0, 1] and ns["b"].tolist() == [0, 1, 1] and ns["c"].tolist() == [1, -1, -1]
    assert row(run.output, "a, b") == ["1.0", "1.4142", "1.4142", "0.5000", "60.00"]
    assert row(run.output, "a, c") == ["0.0", "1.4142", "1.7321", "0.0000", "90.00"]
    assert abs(ns["angles"]["a, b"] - 60) < 1e-12 and ns["angles"]["a, c"] == 90


def test_04_2_norms_and_unit_vectors():
    run = run_file(f"{PAGE}/norms_and_unit_vectors.py")
    assert run.namespace["v"].tolist() == [3, -4, 0, 5, -2]
    assert "v: L1 = 14, L2 = 7.3485 (squared 54.0000), Linf = 5" in run.output
    assert "w: L1 = 4, L2 = 2.0000 (squared 4.0000), Linf = 1" in run.output
    assert "v / L2 = [ 0.4082 -0.5443  0.      0.6804 -0.2722]" in run.output
    assert "w / L2 = [0.5 0.5 0.5 0.5]" in run.output
    assert run.output.count("/ L2||_2 = 1.0000") == 2


def test_04_3_cosine_ignores_length():
    run = run_file(f"{PAGE}/cosine_ignores_length.py")
    ns = run.namespace
    assert ns["q"].tolist() == [1, 1, 0]
    assert ns["candidates"].tolist() == [[10, 0, 0], [1, 1.2, 0], [0, 3, 3]]
    assert row(run.output, "0") == ["10.0000", "10.00", "0.7071"]
    assert row(run.output, "1") == ["1.5620", "2.20", "0.9959"]
    assert row(run.output, "2") == ["4.2426", "3.00", "0.5000"]
    assert "best by dot product: 0  best by cosine: 1" in run.output
    assert "cos(q, 3 q) = +1.0000" in run.output and "cos(q, -2 q) = -1.0000" in run.output


def test_04_4_cosine_search():
    run = run_file(f"{PAGE}/cosine_search.py")
    ns = run.namespace
    query = token_id("walk", "past", "3sg")
    assert ns["query"] == query and ns["k"] == 5
    E = embedding_matrix(64)
    unit = E / np.sqrt((E**2).sum(1, keepdims=True))
    cos = unit @ unit[query]
    order = [i for i in np.argsort(-cos) if i != query][:5]
    assert ns["neighbours"].tolist() == order == [419, 125, 426, 28, 285]
    printed = [line.split() for line in run.output.splitlines()[1:6]]
    assert [int(fields[0]) for fields in printed] == order
    assert [fields[-1] for fields in printed] == ["+0.4049", "+0.3973", "+0.3769", "+0.3302", "+0.3200"]
    assert FORMS[419] == "ella está comprando" and "'she walked'" in run.output
    assert "check_cosine_search(cosine_search): 9 cases passed" in run.output


def test_04_5_projection_onto_a_vector():
    run = run_file(f"{PAGE}/projection_onto_a_vector.py")
    ns = run.namespace
    assert ns["a"].tolist() == [4, 1] and ns["b"].tolist() == [2, 3]
    assert "a . b = 11, a . a = 17, coefficient = 0.6471" in run.output
    assert np.allclose(ns["proj"], [44 / 17, 11 / 17], rtol=1e-15, atol=0)
    assert np.allclose(ns["perp"], [2 - 44 / 17, 3 - 11 / 17], rtol=1e-15, atol=0)
    assert "proj_a(b) = [2.5882 0.6471]  b - proj_a(b) = [-0.5882  2.3529]" in run.output
    assert "|proj|, |perp|, |b| = 2.6679, 2.4254, 3.6056" in run.output
    proj, perp = ns["proj"], ns["perp"]  # Pythagoras, with the squares the answer writes out
    squares = [f"{v @ v:.4f}" for v in (proj, perp, ns["b"])]
    assert squares == ["7.1176", "5.8824", "13.0000"]
    assert abs(ns["perp"] @ ns["a"]) < 1e-15


def test_04_6_projection_onto_a_subspace():
    run = run_file(f"{PAGE}/projection_onto_a_subspace.py")
    ns = run.namespace
    A, b = ns["A"], ns["b"]
    assert A.shape == (64, 14) and "A: (64, 14), rank 14" in run.output
    coefficients = np.linalg.lstsq(A, b, rcond=None)[0]
    assert np.allclose(ns["proj"], A @ coefficients, rtol=0, atol=1e-14)
    qr_length, qr_residual = row(run.output, "QR projection")
    assert qr_length == "0.2596"
    eps = np.finfo(float).eps  # "of order n eps |A| |b|": true on any machine
    assert float(qr_residual) <= 64 * eps * np.linalg.norm(A) * np.linalg.norm(b)
    assert float(qr_residual) < 1e-16, MACHINE  # "below 10^-16 here"
    assert row(run.output, "sum of 1-D projections") == ["0.2914", "4.6e-02"]
    assert f"{np.linalg.norm(A @ coefficients) / np.linalg.norm(b):.4f}" == "0.2596"
    assert "check_project_onto_subspace(project_onto_subspace): 5 cases passed" in run.output


def test_04_7_gradient_clipping():
    run = run_file(f"{PAGE}/gradient_clipping.py")
    ns = run.namespace
    assert [g.tolist() for g in ns["grads"]] == [[3, 4], [12]] and ns["max_norm"] == 6.5
    assert "joint norm 13, max_norm 6.5, factor 0.5" in run.output
    assert [g.tolist() for g in ns["clipped"]] == [[1.5, 2.0], [6.0]]
    assert "joint norm after: 6.5" in run.output
    assert "check_clip(clip_by_global_norm): 5 cases passed" in run.output


def test_04_8_near_singular_condition():
    run = run_file(f"{PAGE}/near_singular_condition.py")
    ns = run.namespace
    assert ns["delta"] == 1e-5 and ns["x"].tolist() == [0.6, 0.8]
    assert "sigma_1 = 2.000005, sigma_2 = 5.0000e-06" in run.output
    assert "kappa = 4.0000e+05, 4 / delta = 4.0000e+05" in run.output
    assert row(run.output, "float32")[0] == "4.77e-02" and row(run.output, "float64")[0] == "8.88e-11"
    # the errors are rounding noise: "2.5 and 10.6 digits on the machine that built this page"
    assert row(run.output, "float32")[2] == "2.5", MACHINE
    assert row(run.output, "float64")[2] == "10.6", MACHINE
    assert f"{-np.log10(4.77e-02):.1f}" == "1.3" and f"{-np.log10(8.88e-11):.1f}" == "10.1"
    assert "delta as float32 stores it: 1.001358e-05 (+0.14%)" in run.output
    for dtype in ("float32", "float64"):  # "within the bound": more digits than kappa * eps leaves
        bound, _, digits = row(run.output, dtype)
        assert float(digits) > -np.log10(float(bound))


def test_04_9_nearest_other_form():
    run = run_file(f"{PAGE}/nearest_other_form.py")
    ns = run.namespace
    E = embedding_matrix(64)
    unit = E / np.sqrt((E**2).sum(1, keepdims=True))
    C = unit @ unit.T
    assert C.shape == (600, 600)
    np.fill_diagonal(C, -np.inf)
    nearest = C.argmax(axis=1)
    assert np.array_equal(ns["nearest"], nearest) and np.all(nearest != np.arange(600))
    best = C.max(axis=1)
    i = int(np.argmax(best))
    assert (i, int(nearest[i])) == (162, 472)
    assert (FORMS[162], FORMS[472]) == ("I am eating", "tú beberás")
    assert "most similar pair: 162 'I am eating' and 472 'tú beberás', cosine 0.5498" in run.output
    assert f"{best[i]:.4f}" == "0.5498" and f"{np.median(best):.4f}" == "0.3723"
    assert "median 0.3723, smallest 0.2759" in run.output
    assert f"{np.mean(nearest[nearest] == np.arange(600)):.1%}" == "52.3%"
    assert "rows whose nearest other has them as its nearest: 52.3%" in run.output
    assert "unmasked argmax is the row itself for 100% of rows" in run.output
    assert "diagonal from 1.0000 to 1.0000" in run.output
    assert "check_nearest_others(nearest_others): 5 cases passed" in run.output


def test_04_10_random_gradient_norm():
    run = run_file(f"{PAGE}/random_gradient_norm.py")
    ns = run.namespace
    assert ns["g"].shape == (768, 3072) and 768 * 3072 == 2_359_296 and np.sqrt(2_359_296) == 1536
    assert "numel = 2359296, sqrt(numel) = 1536.0" in run.output
    assert f"{np.linalg.norm(ns['g']):.1f}" == "1535.7"
    assert "||g||_2 = 1535.7" in run.output
    assert "after clipping to max_norm = 1.0: ||g||_2 = 1.000000" in run.output
    assert "from 1533.7 to 1536.8" in run.output and "1/sqrt(2) = 0.707" in run.output
    draws = ns["draws"]
    assert draws.shape == (8,) and np.all(np.abs(draws - 1536) < 5 / np.sqrt(2))
    # "a relative spread of about 10^-3"
    assert 1e-4 < (draws.max() - draws.min()) / 1536 < 1e-2
    clipped = ns["clipped"]
    assert np.allclose(clipped, ns["g"] / np.linalg.norm(ns["g"]), rtol=1e-12, atol=0)


# --- The learner checks reject wrong solutions ------------------------------------------
# One plausible wrong solution of each kind per check; each must fail with a message that
# names the mistake, and every solution the brief allows must pass.


def rejects(check, wrong, message: str) -> None:
    with pytest.raises(AssertionError) as failure:
        check(wrong)
    assert message in str(failure.value), str(failure.value)


def _unit(E):
    return E / np.linalg.norm(E, axis=1, keepdims=True)


def test_check_cosine_search_accepts_the_allowed_solutions():
    def stable_sort(E, query, k):
        cos = _unit(E) @ _unit(E)[query]
        cos[query] = -np.inf
        return np.argsort(-cos, kind="stable")[:k]

    def as_list(E, query, k):
        cos = (_unit(E) @ _unit(E)[query]).tolist()
        return sorted((i for i in range(len(E)) if i != query), key=lambda i: -cos[i])[:k]

    for right in (stable_sort, as_list):
        assert check_cosine_search(right) == 9


def test_check_cosine_search_rejects_each_kind_of_wrong_solution():
    def by_dot_product(E, query, k):  # length decides
        scores = E @ E[query]
        scores[query] = -np.inf
        return np.argsort(-scores)[:k]

    def keeps_the_query(E, query, k):
        return np.argsort(-(_unit(E) @ _unit(E)[query]))[:k]

    def assumes_the_query_ranks_first(E, query, k):  # breaks on a row equal to the query
        return np.argsort(-(_unit(E) @ _unit(E)[query]), kind="stable")[1 : k + 1]

    def worst_first(E, query, k):
        cos = _unit(E) @ _unit(E)[query]
        cos[query] = -np.inf
        return np.argsort(-cos)[:k][::-1]

    def off_by_one(E, query, k):
        cos = _unit(E) @ _unit(E)[query]
        cos[query] = -np.inf
        return np.argsort(-cos)[: k - 1]

    def ignores_k(E, query, k):
        cos = _unit(E) @ _unit(E)[query]
        cos[query] = -np.inf
        return np.argsort(-cos)[:5]

    def normalises_in_place(E, query, k):
        E /= np.linalg.norm(E, axis=1, keepdims=True)
        cos = E @ E[query]
        cos[query] = -np.inf
        return np.argsort(-cos)[:k]

    def float_ids(E, query, k):
        cos = _unit(E) @ _unit(E)[query]
        cos[query] = -np.inf
        return np.argsort(-cos)[:k].astype(float)

    rejects(check_cosine_search, by_dot_product, "expected the 3 largest")
    rejects(check_cosine_search, keeps_the_query, "is in the answer")
    rejects(check_cosine_search, assumes_the_query_ranks_first, "do not assume it ranks first")
    rejects(check_cosine_search, worst_first, "most similar first")
    rejects(check_cosine_search, off_by_one, "shape (2,), not (3,)")
    rejects(check_cosine_search, ignores_k, "shape (5,), not (3,)")
    rejects(check_cosine_search, normalises_in_place, "E was modified in place")
    rejects(check_cosine_search, float_ids, "ids must be integers")


def test_check_nearest_others_accepts_a_masked_argmax_and_rejects_each_wrong_kind():
    def right(E):
        C = _unit(E) @ _unit(E).T
        np.fill_diagonal(C, -np.inf)
        return C.argmax(axis=1)

    assert check_nearest_others(right) == 5

    def unmasked(E):
        return (_unit(E) @ _unit(E).T).argmax(axis=1)

    def assumes_self_ranks_first(E):  # second largest: wrong when another row ties with 1
        return np.argsort(_unit(E) @ _unit(E).T, axis=1, kind="stable")[:, -2]

    def by_dot_product(E):
        C = E @ E.T
        np.fill_diagonal(C, -np.inf)
        return C.argmax(axis=1)

    def in_place(E):
        E /= np.linalg.norm(E, axis=1, keepdims=True)
        C = E @ E.T
        np.fill_diagonal(C, -np.inf)
        return C.argmax(axis=1)

    def farthest(E):
        C = _unit(E) @ _unit(E).T
        np.fill_diagonal(C, np.inf)
        return C.argmin(axis=1)

    rejects(check_nearest_others, unmasked, "is its own nearest; mask the diagonal")
    rejects(check_nearest_others, assumes_self_ranks_first, "do not assume each row ranks first")
    rejects(check_nearest_others, by_dot_product, "compare directions (cosines)")
    rejects(check_nearest_others, in_place, "E was modified in place")
    rejects(check_nearest_others, farthest, "compare directions")


def test_check_project_onto_subspace_rejects_each_kind_of_wrong_solution():
    def summed(b, A):
        return sum((a @ b) / (a @ a) * a for a in A.T)

    def first_column_only(b, A):
        a = A[:, 0]
        return (a @ b) / (a @ a) * a

    def unnormalised_basis(b, A):
        return A @ (A.T @ b)

    def drops_the_last_column(b, A):  # off by one
        Q, _ = np.linalg.qr(A)
        return Q[:, :-1] @ (Q[:, :-1].T @ b)

    def gram_schmidt_in_place(b, A):  # overwrites A with an orthonormal basis
        for j in range(A.shape[1]):
            A[:, j] -= A[:, :j] @ (A[:, :j].T @ A[:, j])
            A[:, j] /= np.linalg.norm(A[:, j])
        return A @ (A.T @ b)

    def gram_schmidt(b, A):  # the same on a copy: right
        Q = A.copy()
        for j in range(Q.shape[1]):
            Q[:, j] -= Q[:, :j] @ (Q[:, :j].T @ Q[:, j])
            Q[:, j] /= np.linalg.norm(Q[:, j])
        return Q @ (Q.T @ b)

    assert check_project_onto_subspace(gram_schmidt) == 5
    for wrong in (summed, first_column_only, unnormalised_basis):
        rejects(check_project_onto_subspace, wrong, "is not perpendicular")
    rejects(check_project_onto_subspace, drops_the_last_column, "is not perpendicular")
    rejects(check_project_onto_subspace, gram_schmidt_in_place, "A was modified in place")


def test_check_clip_accepts_pytorchs_epsilon_and_rejects_each_kind_of_wrong_clipping():
    def pytorch(grads, max_norm):  # torch.nn.utils.clip_grad_norm_: max_norm / (norm + 1e-6)
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        return [g * min(1.0, max_norm / (total + 1e-6)) for g in grads]

    def with_np_linalg(grads, max_norm):
        total = np.linalg.norm(np.concatenate([g.ravel() for g in grads]))
        return [g * min(1.0, max_norm / total) for g in grads]

    assert check_clip(pytorch) == 5 and check_clip(with_np_linalg) == 5

    def per_tensor(grads, max_norm):
        return [g * min(1.0, max_norm / np.linalg.norm(g)) for g in grads]

    def always_rescales(grads, max_norm):  # scales small gradients up
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        return [g * (max_norm / total) for g in grads]

    def in_place(grads, max_norm):
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        for g in grads:
            g *= min(1.0, max_norm / total)
        return grads

    def l1_norm(grads, max_norm):
        total = sum(np.sum(np.abs(g)) for g in grads)
        return [g * min(1.0, max_norm / total) for g in grads]

    def squared_norm(grads, max_norm):
        total = sum(np.sum(g**2) for g in grads)
        return [g * min(1.0, max_norm / total) for g in grads]

    def large_eps(grads, max_norm):  # an epsilon that changes the answer
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        return [g * min(1.0, max_norm / (total + 1e-2)) for g in grads]

    def ignores_max_norm(grads, max_norm):
        total = np.sqrt(sum(np.sum(g**2) for g in grads))
        return [g * min(1.0, 1.0 / total) for g in grads]

    def first_tensor_only(grads, max_norm):
        total = np.sqrt(np.sum(grads[0] ** 2))
        return [g * min(1.0, max_norm / total) for g in grads]

    rejects(check_clip, per_tensor, "use one common factor")
    rejects(check_clip, always_rescales, "expected min(1, max_norm / norm)")
    rejects(check_clip, in_place, "modified in place")
    for wrong in (l1_norm, squared_norm, large_eps, ignores_max_norm, first_tensor_only):
        rejects(check_clip, wrong, "factor")
