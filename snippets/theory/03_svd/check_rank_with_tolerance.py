import numpy as np

rng = np.random.default_rng(0)
low_rank = rng.normal(size=(50, 2)) @ rng.normal(size=(2, 40))  # (50, 40)   rank 2
A = low_rank + 1e-9 * rng.normal(size=(50, 40))  # (50, 40)   plus tiny noise
S = np.linalg.svd(A, compute_uv=False)  # (40,)
print(f"sigma_1, sigma_2 = {S[0]:.2f}, {S[1]:.2f}   sigma_3 = {S[2]:.1e}")
print("matrix_rank(A)           :", np.linalg.matrix_rank(A))
print("matrix_rank(A, tol=1e-6) :", np.linalg.matrix_rank(A, tol=1e-6))
assert np.linalg.matrix_rank(A) == 40 and np.linalg.matrix_rank(A, tol=1e-6) == 2
