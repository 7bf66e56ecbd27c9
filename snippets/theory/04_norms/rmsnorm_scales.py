import numpy as np

from lacourse.universe import D

eps = 1e-5
rng = np.random.default_rng(1)
v = rng.normal(size=D)  # (D,)  one token's vector, mean square about 1


def rms_norm(x):
    return x / np.sqrt(np.mean(x**2) + eps)


m = np.mean(v**2)
print(f"D = {D}, sqrt(D) = {np.sqrt(D):.4f}, mean square of v: {m:.4f}, eps = {eps:g}")
print(f"{'c':>7s} {'||RMSNorm(c v)||':>17s} {'formula':>8s}", end=" ")
print(f"{'cos(., RMSNorm(v))':>19s}")
base = rms_norm(v)  # (D,)
for c in (1e-3, 1e-2, 1e-1, 1.0, 1e3, -1.0):
    y = rms_norm(c * v)  # (D,)
    length = np.linalg.norm(y)
    formula = np.sqrt(D * c**2 * m / (c**2 * m + eps))  # sqrt(D) only if c^2 m >> eps
    cos = y @ base / (np.linalg.norm(y) * np.linalg.norm(base))
    print(f"{c:7g} {length:17.4f} {formula:8.4f} {cos:19.4f}")
    assert abs(length - formula) <= 1e-12 * np.sqrt(D)
    assert abs(cos - np.sign(c)) <= 1e-12  # same direction if c > 0, reversed if c < 0
