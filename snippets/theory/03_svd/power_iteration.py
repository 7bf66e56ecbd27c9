import numpy as np

from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
S = np.linalg.svd(C, compute_uv=False)  # (n,)

rng = np.random.default_rng(0)
v = rng.normal(size=n)  # (n,)
v = v / np.linalg.norm(v)  # (n,)
print(f"{'step':>4}  {'sigma estimate':>16}  {'relative error':>14}"
      f"  {'error / previous':>16}")
errors = []
for step in range(1, 6):
    w = C.T @ (C @ v)  # (n,)  one multiplication by C^T C, without forming it
    v = w / np.linalg.norm(w)  # (n,)
    sigma = np.linalg.norm(C @ v)
    errors.append(abs(sigma - S[0]) / S[0])
    ratio = f"{errors[-1] / errors[-2]:16.6f}" if step > 1 else ""
    print(f"{step:>4}  {sigma:16.10f}  {errors[-1]:14.2e}  {ratio}")
print(f"np.linalg.svd sigma_1 = {S[0]:.10f}")
print(f"(sigma_2 / sigma_1)^4 = {(S[1] / S[0]) ** 4:.6f}")

assert errors[3] < 1e-10  # after 4 steps
assert errors[4] < 10 * np.finfo(float).eps  # after 5: machine precision
# once the start-up is over, each step multiplies the error by the rate
for i in (2, 3):
    assert 0.9 < errors[i] / errors[i - 1] / (S[1] / S[0]) ** 4 < 1.1
