import numpy as np

from lacourse.checks.lesson02 import check_matmul
from lacourse.universe import N_PERSONS, N_SLOTS, N_TENSES, N_VERBS, conjugation_counts


def matmul_by_outer_products(A, B):
    """A (m, k) @ B (k, n) as k outer products: column p of A times row p of B."""
    out = np.zeros((A.shape[0], B.shape[1]))  # (A.shape[0], B.shape[1])
    for p in range(A.shape[1]):
        out += np.outer(A[:, p], B[p])  # (A.shape[0], B.shape[1])
    return out


C = conjugation_counts().astype(float)  # (N_VERBS, N_SLOTS)
S = np.kron(np.eye(N_TENSES), np.ones((N_PERSONS, 1)))  # (N_SLOTS, N_TENSES)  0/1
per_tense = matmul_by_outer_products(C, S)  # (N_VERBS, N_TENSES)
print("per_tense", per_tense.shape, "  per_tense[0] (walk):", per_tense[0])
print("per_tense == C @ S:", np.array_equal(per_tense, C @ S))
cases = check_matmul(matmul_by_outer_products)
print(f"check_matmul(matmul_by_outer_products) -> {cases}")

assert np.array_equal(per_tense, C.reshape(N_VERBS, N_TENSES, N_PERSONS).sum(axis=2))
