import numpy as np

from lacourse.universe import N_SLOTS, N_VERBS

m, n, r = N_VERBS, N_SLOTS, 3  # the shape of C, rank 3
rng = np.random.default_rng(0)
B = rng.normal(size=(m, r)) @ rng.normal(size=(r, n))  # (m, n)  rank 3 by construction

S = np.linalg.svd(B, compute_uv=False)  # (n,)
print(f"sigma_1..{r}  :", "  ".join(f"{sigma:.4f}" for sigma in S[:r]))
print(f"sigma_{r + 1}..{n} :")
for row in range(r, n, 6):
    print("  " + "  ".join(f"{sigma:.1e}" for sigma in S[row : row + 6]))

eps = np.finfo(B.dtype).eps
tol = S.max() * max(m, n) * eps  # numpy's default tolerance
print(f"eps (float64)                   : {eps:.3e}")
print(f"tol = S.max() * max(m, n) * eps : {tol:.3e}")
print(f"count of S > 0                  : {(S > 0).sum()}")
print(f"count of S > tol                : {(S > tol).sum()}")
print(f"np.linalg.matrix_rank(B)        : {np.linalg.matrix_rank(B)}")

# The 'zero' singular values are rounding noise: far below the tolerance on any machine
# (whether any comes out exactly 0 depends on the machine; the test says so).
assert S[r:].max() < tol < S[r - 1]
assert np.linalg.matrix_rank(B) == (S > tol).sum() == r
