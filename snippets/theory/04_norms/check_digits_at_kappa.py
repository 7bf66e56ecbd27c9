import numpy as np

from lacourse.universe import D

kappa = 1e4
eps32 = np.finfo(np.float32).eps
predicted = -np.log10(kappa * eps32)  # digits the bound kappa * eps still leaves

rng = np.random.default_rng(0)
U, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
V, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
x = rng.normal(size=D)  # (D,)
A = U @ np.diag(np.logspace(0, -np.log10(kappa), D)) @ V.T  # (D, D)
x32 = np.linalg.solve(A.astype(np.float32), (A @ x).astype(np.float32))  # (D,)
measured = -np.log10(np.linalg.norm(x32 - x) / np.linalg.norm(x))
guaranteed = -np.log10(D * kappa * eps32)  # digits the LU bound n kappa eps leaves
print(f"kappa = {kappa:.0e}: digits left by kappa eps {predicted:.1f},"
      f" by n kappa eps {guaranteed:.1f}, measured {measured:.1f}")
assert round(predicted) == 3 and round(guaranteed, 1) == 1.1
assert measured >= guaranteed  # any machine: the LU bound (see conditioned_solve.py)
