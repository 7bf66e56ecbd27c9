import numpy as np

from lacourse.checks.lesson03 import check_eigen_power_iteration


def eigen_power_iteration(S, v0, steps):
    """The eigenvalue of largest |lambda| of a symmetric S, signed; its vector."""
    v = v0 / np.linalg.norm(v0)  # (S.shape[0],)
    for _ in range(steps):
        w = S @ v  # (S.shape[0],)
        v = w / np.linalg.norm(w)  # (S.shape[0],)
    return v @ S @ v, v  # the Rayleigh quotient keeps the sign; |S v| would not


rng = np.random.default_rng(0)
M = rng.normal(size=(100, 100))  # (100, 100)
S = (M + M.T) / 2  # (100, 100)  symmetric, with eigenvalues of both signs
lams = np.linalg.eigvalsh(S)  # (100,)  increasing
by_size = lams[np.argsort(-np.abs(lams))]  # (100,)  largest |lambda| first
v0 = rng.normal(size=100)  # (100,)
print(f"eigvalsh: lambda_min = {lams[0]:.4f}   lambda_max = {lams[-1]:.4f}")
print(f"largest |lambda|: {by_size[0]:.4f}   next: {by_size[1]:.4f}"
      f"   ratio {abs(by_size[1] / by_size[0]):.4f}")
step_counts = (100, 1000, 5000)
print(f"{'steps':>6s} {'v@S@v':>9s} {'|S v|':>8s} {'rel. error':>10s}")
errors = []
for steps in step_counts:
    lam, v = eigen_power_iteration(S, v0, steps)  # (), (100,)
    errors.append(abs(lam - by_size[0]) / abs(by_size[0]))
    print(f"{steps:6d} {lam:9.4f} {np.linalg.norm(S @ v):8.4f} {errors[-1]:10.1e}")
lam_minus = eigen_power_iteration(-S, v0, step_counts[-1])[0]
print(f"-S, {step_counts[-1]} steps: v@S@v = {lam_minus:.4f}")
cases = check_eigen_power_iteration(eigen_power_iteration)
print(f"check_eigen_power_iteration(eigen_power_iteration) -> {cases}")

assert by_size[0] == lams[0] < 0  # the dominant eigenvalue of S is its most negative
assert errors[-1] < 1e-8 and errors[0] > 1e-3  # a small gap: slow, but it gets there
assert abs(lam_minus + by_size[0]) < 1e-8 * abs(by_size[0])
