import numpy as np

a = np.array([2.0, 1.0])  # (2,)
b = np.array([1.0, 2.0])  # (2,)
A = np.outer(a, b)  # (2, 2)  = [[2, 4], [1, 2]]
sigma_1 = np.linalg.norm(a) * np.linalg.norm(b)
u_1, v_1 = a / np.linalg.norm(a), b / np.linalg.norm(b)  # (2,), (2,)
print("A =", A.tolist())
print(f"by hand: sigma_1 = |a| |b| = {sigma_1:.4f}   u_1 = {u_1}   v_1 = {v_1}")

U, S, Vt = np.linalg.svd(A)  # (2, 2), (2,), (2, 2)
sign = np.sign(U[0, 0])  # the SVD fixes (u_1, v_1) only up to a common sign
print(f"np.linalg.svd: S = {S}   u_1 = {sign * U[:, 0]}   v_1 = {sign * Vt[0]}")
print(f"|A|_F = {np.linalg.norm(A):.4f}")

assert np.allclose(S, [sigma_1, 0.0]) and np.isclose(sigma_1, 5.0)
assert np.allclose(sign * U[:, 0], u_1) and np.allclose(sign * Vt[0], v_1)
assert np.allclose(sigma_1 * np.outer(u_1, v_1), A)
