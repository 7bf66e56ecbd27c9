import numpy as np

from lacourse.universe import N_VERBS, SLOTS, conjugation_counts

m, n = N_VERBS, len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
S = np.linalg.svd(C, compute_uv=False)  # (n,)

energy = S**2 / np.sum(S**2)  # (n,)  share of ||C||_F^2 carried by each sigma_i^2
cumulative = np.cumsum(energy)  # (n,)
later_gap = max(S[i] / S[i + 1] for i in range(2, n - 1))  # sigma_3/sigma_4 onwards

print(f"||C||_F^2 = sum sigma_i^2 = {np.sum(S**2):.1f}   (sum C_ij^2 = {np.sum(C**2):.1f})")
print(f"{'k':>2}  {'sigma_k':>8}  {'sigma_k^2 share':>15}  {'cumulative':>10}")
for k in range(1, 6):
    print(f"{k:>2}  {S[k - 1]:8.2f}  {energy[k - 1]:15.2%}  {cumulative[k - 1]:10.2%}")
print(f"sigma_2 / sigma_3 = {S[1] / S[2]:.2f}   sigma_3 / sigma_4 = {S[2] / S[3]:.2f}")
print(f"largest sigma_i / sigma_i+1 for i >= 3: {later_gap:.2f}")
print(f"matrix_rank(C) = {np.linalg.matrix_rank(C)}")

assert np.isclose(np.sum(S**2), np.sum(C**2))
assert cumulative[0] > 0.95 and cumulative[1] > 0.98
assert S[1] / S[2] > 2 and S[2] / S[3] < 1.5  # a clear gap after sigma_2, then small steps
assert later_gap < S[1] / S[2]  # no later gap is as large
assert np.linalg.matrix_rank(C) == n  # the noise makes C full rank
