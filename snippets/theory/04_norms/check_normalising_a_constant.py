import numpy as np

from lacourse.universe import D

eps = 1e-5
x = np.full(D, 3.0)  # (D,)  every entry the same
rms = x / np.sqrt(np.mean(x**2) + eps)  # (D,)
centred = x - x.mean()  # (D,)
layer = centred / np.sqrt(np.mean(centred**2) + eps)  # (D,)
print(f"||x||_2 = {np.linalg.norm(x):.4f}, sqrt(D) = {np.sqrt(D):.4f}")
print(f"||RMSNorm(x)||_2 = {np.linalg.norm(rms):.4f}")
print(f"||LayerNorm(x)||_2 = {np.linalg.norm(layer):.4f}")
assert abs(np.linalg.norm(rms) - np.sqrt(D)) < 1e-5 and np.all(layer == 0)
