import numpy as np

A = np.array([[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]])  # (3, 3)
noise = 1e-10 * np.random.default_rng(0).normal(size=(3, 3))  # (3, 3)
A_noisy = A + noise  # (3, 3)
loose_tol = 1e-8

for name, M in [("A", A), ("A_noisy", A_noisy)]:
    S = np.linalg.svd(M, compute_uv=False)  # (3,)
    tol = S.max() * max(M.shape) * np.finfo(float).eps
    print(f"{name:8s} S = {S[0]:.4f} {S[1]:.4f} {S[2]:.1e}   default tol {tol:.1e}")
    print(f"{'':8s} count S > 0: {(S > 0).sum()}   matrix_rank: "
          f"{np.linalg.matrix_rank(M)}   matrix_rank(tol={loose_tol:g}): "
          f"{np.linalg.matrix_rank(M, tol=loose_tol)}")

assert np.allclose(A[2], 2 * A[1] - A[0])  # row 3 = 2 * row 2 - row 1: rank 2 on paper
assert np.linalg.matrix_rank(A) == 2 and np.linalg.matrix_rank(A_noisy) == 3
assert np.linalg.matrix_rank(A_noisy, tol=loose_tol) == 2
