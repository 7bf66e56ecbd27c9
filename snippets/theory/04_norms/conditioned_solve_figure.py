import matplotlib.pyplot as plt
import numpy as np

from lacourse.figures import show
from lacourse.universe import D

rng = np.random.default_rng(0)
U, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
V, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
x = rng.normal(size=D)  # (D,)

kappas = np.logspace(0, 7, 29)  # (29,)
errors = {np.float32: [], np.float64: []}
for kappa in kappas:
    A = U @ np.diag(np.logspace(0, -np.log10(kappa), D)) @ V.T  # (D, D)
    b = A @ x  # (D,)
    for dtype in errors:
        x_hat = np.linalg.solve(A.astype(dtype), b.astype(dtype))  # (D,)
        errors[dtype].append(np.linalg.norm(x_hat - x) / np.linalg.norm(x))

fig, ax = plt.subplots(figsize=(5.5, 3.6))
for (dtype, errs), color in zip(errors.items(), ["C0", "C1"]):
    name, eps = np.dtype(dtype).name, np.finfo(dtype).eps
    ax.loglog(kappas, errs, "o-", color=color, markersize=3, label=name)
    reference = rf"{name}: $\kappa \cdot \varepsilon$"
    ax.loglog(kappas, kappas * eps, "--", color=color, linewidth=1, label=reference)
ax.set_xlabel(r"$\kappa(A)$")
ax.set_ylabel(r"$\|\hat{x} - x\|_2 \,/\, \|x\|_2$")
ax.grid(True, which="major", alpha=0.3)
ax.legend(fontsize=8, frameon=False, loc="upper left")
show(fig)

err32 = np.array(errors[np.float32])  # (29,)
err64 = np.array(errors[np.float64])  # (29,)
# Any machine: an LU solve's error is at most about n * rho * kappa * eps (backward
# error ~ n * rho * eps, times kappa; rho the growth factor): see conditioned_solve.py
assert np.all(err32 <= D * kappas * np.finfo(np.float32).eps)
assert np.all(err64 <= D * kappas * np.finfo(np.float64).eps)
