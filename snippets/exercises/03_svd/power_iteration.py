import numpy as np

from lacourse.checks.lesson03 import check_power_iteration
from lacourse.universe import D, conjugation_counts, embedding_matrix


def power_iteration(A, steps):
    """sigma_1 of A and its right singular vector, by `steps` products with A^T A."""
    n = A.shape[1]
    v = np.random.default_rng(0).normal(size=n)  # (n,)
    for _ in range(steps):
        w = A.T @ (A @ v)  # (n,)  A^T A v, without forming A^T A
        v = w / np.linalg.norm(w)  # (n,)
    return np.linalg.norm(A @ v), v


matrices = {"C": conjugation_counts().astype(float), "E": embedding_matrix(D)}
step_counts = (5, 20, 100)
header = "".join(f"{f'err@{steps}':>10s}" for steps in step_counts)
print(f"{'matrix':6s} {'sigma_2/sigma_1':>15s}{header}")
for name, A in matrices.items():
    S = np.linalg.svd(A, compute_uv=False)  # (A.shape[1],)
    errors = [abs(power_iteration(A, steps)[0] - S[0]) / S[0] for steps in step_counts]
    print(f"{name:6s} {S[1] / S[0]:15.4f}" + "".join(f"{e:10.1e}" for e in errors))
cases = check_power_iteration(power_iteration)
print(f"check_power_iteration(power_iteration): {cases} cases passed")
