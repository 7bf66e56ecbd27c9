import numpy as np

rng = np.random.default_rng(0)
sigma_A = np.array([4.0, 3.0, 0.0])  # (3,)
sigma_B = np.array([2.0, 1.0, 1.0])  # (3,)
P, _ = np.linalg.qr(rng.normal(size=(3, 3)))  # (3, 3), (3, 3)
Q, _ = np.linalg.qr(rng.normal(size=(3, 3)))  # (3, 3), (3, 3)
A = P @ np.diag(sigma_A) @ Q.T  # (3, 3)  any A with these singular values
B = Q @ np.diag(sigma_B)  # (3, 3)  a B whose top direction meets A's

fro_A, spec_A = np.sqrt(np.sum(sigma_A**2)), sigma_A.max()
print(f"||A||_F = {fro_A}, ||A||_2 = {spec_A}")
print(f"np.linalg.norm: {np.linalg.norm(A, 'fro'):.4f}, {np.linalg.norm(A, 2):.4f}")
print(f"bound ||A||_2 ||B||_2 = {spec_A * sigma_B.max()},", end=" ")
print(f"this pair: ||AB||_2 = {np.linalg.norm(A @ B, 2):.4f}")
assert (fro_A, spec_A) == (5.0, 4.0)
assert abs(np.linalg.norm(A @ B, 2) - 8.0) < 1e-12 * 8
