import numpy as np

from lacourse.checks.lesson04 import check_project_onto_subspace
from lacourse.universe import D, N_SLOTS, SLOTS, V, embedding_matrix, token_id


def project_onto_subspace(b, A):
    """The orthogonal projection of b onto the column space of A."""
    Q, _ = np.linalg.qr(A)  # (len(b), A.shape[1]), (A.shape[1], A.shape[1])
    return Q @ (Q.T @ b)


E = embedding_matrix(D)  # (V, D)
b = E[token_id("walk", "past", "3sg")]  # (D,)  'she walked'
others = [token_id("walk", t, p) for t, p in SLOTS if (t, p) != ("past", "3sg")]
A = E[others].T  # (D, N_SLOTS - 1)  the other 14 English forms of 'walk', as columns
proj = project_onto_subspace(b, A)  # (D,)
one_by_one = sum((a @ b) / (a @ a) * a for a in A.T)  # (D,)  wrong unless orthogonal

print(f"A: {A.shape}, rank {np.linalg.matrix_rank(A)}")
print(f"{'':22s} {'|p| / |b|':>10s} {'max |A^T (b - p)|':>18s}")
for name, p in [("QR projection", proj), ("sum of 1-D projections", one_by_one)]:
    print(f"{name:22s} {np.linalg.norm(p) / np.linalg.norm(b):10.4f}", end=" ")
    print(f"{np.abs(A.T @ (b - p)).max():18.1e}")
# Any machine: QR is backward stable; b - p is perpendicular to A up to ~ n eps |A||b|
eps = np.finfo(float).eps
assert np.abs(A.T @ (b - proj)).max() <= D * eps * np.linalg.norm(A) * np.linalg.norm(b)
cases = check_project_onto_subspace(project_onto_subspace)
print(f"check_project_onto_subspace(project_onto_subspace): {cases} cases passed")
