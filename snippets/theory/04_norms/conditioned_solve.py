import numpy as np

from lacourse.universe import D

eps32 = np.finfo(np.float32).eps
eps64 = np.finfo(np.float64).eps
print(f"{'':8s} {'eps':>14s} {'next after 1, minus 1':>22s} {'-log10(eps)':>12s}")
for dtype, eps in [(np.float32, eps32), (np.float64, eps64)]:
    name = np.dtype(dtype).name
    gap = np.nextafter(dtype(1), dtype(2)) - dtype(1)
    print(f"{name:8s} {eps:14.7e} {gap:22.7e} {-np.log10(eps):12.1f}")
    assert gap == eps
assert round(-np.log10(eps32)) == 7 and round(-np.log10(eps64)) == 16

rng = np.random.default_rng(0)
U, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
V, _ = np.linalg.qr(rng.normal(size=(D, D)))  # (D, D), (D, D)
x = rng.normal(size=D)  # (D,)  the answer we will ask for

print()
print(f"{'kappa':>7s} {'cond(A)':>9s} {'rel err f32':>12s}", end=" ")
print(f"{'rel err f64':>12s} {'digits f32':>10s} {'digits f64':>10s}")
kappas = 10.0 ** np.arange(8)  # (8,)
err32, err64 = [], []
for kappa in kappas:
    s = np.logspace(0, -np.log10(kappa), D)  # (D,)  from 1 down to 1/kappa
    A = U @ np.diag(s) @ V.T  # (D, D)
    b = A @ x  # (D,)
    x64 = np.linalg.solve(A, b)  # (D,)
    x32 = np.linalg.solve(A.astype(np.float32), b.astype(np.float32))  # (D,)
    assert x32.dtype == np.float32 and abs(np.linalg.cond(A) / kappa - 1) < 1e-6
    err32.append(np.linalg.norm(x32 - x) / np.linalg.norm(x))
    err64.append(np.linalg.norm(x64 - x) / np.linalg.norm(x))
    print(f"{kappa:7.0e} {np.linalg.cond(A):9.2e}", end=" ")
    print(f"{err32[-1]:12.2e} {err64[-1]:12.2e}", end=" ")
    print(f"{-np.log10(err32[-1]):10.1f} {-np.log10(err64[-1]):10.1f}")
err32, err64 = np.array(err32), np.array(err64)  # (8,), (8,)
slope32 = np.polyfit(np.log10(kappas), np.log10(err32), 1)[0]
slope64 = np.polyfit(np.log10(kappas), np.log10(err64), 1)[0]
print(f"{'log-log slope':17s} {slope32:12.2f} {slope64:12.2f}")

# Any machine: LU with partial pivoting (LAPACK gesv) is backward stable: x_hat solves
# (A + dA) x_hat = b exactly, with ||dA|| <~ c n rho eps ||A|| (Wilkinson; Higham,
# "Accuracy and Stability of Numerical Algorithms", ch. 9), rho the elimination's growth
# factor, small under partial pivoting for matrices like these. The forward error is at
# most kappa times that, and rounding A and b to the dtype adds eps / 2 each. Hence the
# bound n * kappa * eps (n = D), whatever the kernel; how far below it a run lands is
# the machine's, asserted in tests/theory/test_04_norms.py.
assert np.all(err32 <= D * kappas * eps32) and np.all(err64 <= D * kappas * eps64)
