import numpy as np

delta = 1e-5
A = np.array([[1.0, 1.0], [1.0, 1.0 + delta]])  # (2, 2)
x = np.array([0.6, 0.8])  # (2,)  the answer we ask for
b = A @ x  # (2,)

S = np.linalg.svd(A, compute_uv=False)  # (2,)
kappa = S[0] / S[1]
print(f"delta = {delta:g}: sigma_1 = {S[0]:.6f}, sigma_2 = {S[1]:.4e}")
print(f"kappa = {kappa:.4e}, 4 / delta = {4 / delta:.4e}")
print(f"{'':8s} {'kappa * eps':>12s} {'rel err':>10s} {'digits':>7s}")
for dtype in (np.float32, np.float64):
    x_hat = np.linalg.solve(A.astype(dtype), b.astype(dtype))  # (2,)
    err = np.linalg.norm(x_hat - x) / np.linalg.norm(x)
    bound = kappa * np.finfo(dtype).eps
    print(f"{np.dtype(dtype).name:8s} {bound:12.2e} {err:10.2e} {-np.log10(err):7.1f}")
delta32 = float(np.float32(1 + delta) - np.float32(1))
print(f"delta as float32 stores it: {delta32:.6e} ({delta32 / delta - 1:+.2%})")
