import numpy as np

from lacourse.checks.lesson03 import check_power_iteration
from lacourse.universe import D, conjugation_counts, embedding_matrix


def power_iteration(A, v0, steps):
    """sigma_1 of A and its right singular vector, by `steps` products with A^T A."""
    n = A.shape[1]
    v = v0 / np.linalg.norm(v0)  # (n,)  a new array: v0 stays as it was
    for _ in range(steps):
        w = A.T @ (A @ v)  # (n,)  A^T A v, without forming A^T A
        v = w / np.linalg.norm(w)  # (n,)
    return np.linalg.norm(A @ v), v


matrices = {"C": conjugation_counts().astype(float), "E": embedding_matrix(D)}
step_counts = (5, 20, 100)
header = "".join(f"{f'err@{steps}':>10s}" for steps in step_counts)
print(f"{'matrix':6s} {'sigma_2/sigma_1':>15s}{header}")
errors, gaps = {}, {}
for name, A in matrices.items():
    S = np.linalg.svd(A, compute_uv=False)  # (A.shape[1],)
    gaps[name] = S[1] / S[0]
    v0 = np.random.default_rng(0).normal(size=A.shape[1])  # (A.shape[1],)
    estimates = [power_iteration(A, v0, steps)[0] for steps in step_counts]
    errors[name] = [abs(sigma - S[0]) / S[0] for sigma in estimates]
    row = "".join(f"{error:10.1e}" for error in errors[name])
    print(f"{name:6s} {gaps[name]:15.4f}{row}")
first, last = step_counts[1], step_counts[2]
rate = (errors["E"][2] / errors["E"][1]) ** (1 / (last - first))
print(f"E: (err@{last} / err@{first})^(1/{last - first}) = {rate:.4f}"
      f"   (sigma_2 / sigma_1)^4 = {gaps['E'] ** 4:.4f}")
cases = check_power_iteration(power_iteration)
print(f"check_power_iteration(power_iteration) -> {cases}")

assert max(errors["C"]) < 1e-14  # a large gap: machine precision within 5 steps
assert errors["E"][2] > 1e-7  # a small gap: still far from it after 100
