import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS, conjugation_counts

m, n = N_VERBS, N_SLOTS
C = conjugation_counts().astype(float)  # (m, n)
S = np.linalg.svd(C, compute_uv=False)  # (n,)

energy = S**2 / np.sum(S**2)  # (n,)  share of ||C||_F^2 carried by each sigma_i^2
cumulative = np.cumsum(energy)  # (n,)
steps = S[:-1] / S[1:]  # (n - 1,)  steps[i - 1] = sigma_i / sigma_{i+1}

print(f"||C||_F^2 = sum sigma_i^2 = {np.sum(S**2):.1f}"
      f"   (sum C_ij^2 = {np.sum(C**2):.1f})")
print(f"{'k':>2}  {'sigma_k':>8}  {'sigma_k^2 share':>15}  {'cumulative':>10}")
for k in range(1, 6):
    print(f"{k:>2}  {S[k - 1]:8.2f}  {energy[k - 1]:15.2%}  {cumulative[k - 1]:10.2%}")
print(f"share of sigma_3..sigma_{n}: {1 - cumulative[1]:.2%}")
print(f"sigma_i / sigma_i+1 for i = 1..{n - 1}:")
print(" ".join(f"{step:.2f}" for step in steps))
print(f"matrix_rank(C) = {np.linalg.matrix_rank(C)}")

assert np.isclose(np.sum(S**2), np.sum(C**2), rtol=1e-12)
assert cumulative[0] > 0.95 and cumulative[1] > 0.98
assert steps[1] > 2.6  # sigma_2 / sigma_3: the drop after the first two
assert (steps[2:12] < 1.4).all()  # sigma_3 .. sigma_13: small steps only
assert steps[12] > 2  # sigma_13 / sigma_14: the small end drops again
assert steps[1] == steps[1:].max()  # no step after sigma_2 is larger
assert np.linalg.matrix_rank(C) == n  # the noise makes C full rank
