import numpy as np

rng = np.random.default_rng(0)
low_rank = rng.normal(size=(50, 2)) @ rng.normal(size=(2, 40))  # (50, 40)   rank 2
A = low_rank + 1e-9 * rng.normal(size=(50, 40))  # (50, 40)   plus tiny noise
S = np.linalg.svd(A, compute_uv=False)  # (40,)
default_tol = S[0] * max(A.shape) * np.finfo(float).eps
print(f"sigma_1, sigma_2 = {S[0]:.2f}, {S[1]:.2f}"
      f"   sigma_3..sigma_40: {S[2]:.1e} .. {S[-1]:.1e}")
print(f"default tol = {default_tol:.1e}")
print("matrix_rank(A)           :", np.linalg.matrix_rank(A))
print("matrix_rank(A, tol=1e-6) :", np.linalg.matrix_rank(A, tol=1e-6))
assert S[-1] > 1000 * default_tol and S[2] < 1e-6 < S[1]
assert np.linalg.matrix_rank(A) == 40 and np.linalg.matrix_rank(A, tol=1e-6) == 2
