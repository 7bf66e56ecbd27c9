import numpy as np

from lacourse.universe import D

n = D
eps = np.finfo(float).eps
norm = np.linalg.norm
rng = np.random.default_rng(1)
x = rng.normal(size=n)  # (n,)

# --8<-- [start:solution]
parallel = 2.5 * x  # (n,)  same direction as x
opposite = -2.5 * x  # (n,)  opposite direction
one_hot = np.zeros(n)  # (n,)
one_hot[7] = -3.0  # a single non-zero entry
constant = np.full(n, 0.5)  # (n,)  all entries equal in size
# --8<-- [end:solution]

# Check: each vector has the property that makes its case tight.
for name, v in [("parallel", parallel), ("opposite", opposite), ("one_hot", one_hot),
                ("constant", constant)]:
    assert np.shape(v) == (n,), f"{name}: shape {np.shape(v)}, expected {(n,)}"
c_par, c_opp = parallel @ x / (x @ x), opposite @ x / (x @ x)
assert c_par > 0 and np.allclose(parallel, c_par * x), "parallel: not c * x with c > 0"
assert c_opp < 0 and np.allclose(opposite, c_opp * x), "opposite: not c * x with c < 0"
assert np.count_nonzero(one_hot) == 1, "one_hot: needs exactly one non-zero entry"
assert constant[0] != 0 and np.all(np.abs(constant) == abs(constant[0])), (
    "constant: every entry must have the same size, not zero"
)

cases = [  # (inequality, case, left side, right side)
    ("Cauchy-Schwarz", "y = 2.5 x", abs(x @ parallel), norm(x) * norm(parallel)),
    ("Cauchy-Schwarz", "y = -2.5 x", abs(x @ opposite), norm(x) * norm(opposite)),
    ("triangle, L2", "y = 2.5 x", norm(x + parallel), norm(x) + norm(parallel)),
    ("triangle, L2", "y = -2.5 x", norm(x + opposite), norm(x) + norm(opposite)),
    ("Linf <= L2", "one-hot", norm(one_hot, np.inf), norm(one_hot)),
    ("L2 <= L1", "one-hot", norm(one_hot), norm(one_hot, 1)),
    ("L1 <= sqrt(n) L2", "constant", norm(constant, 1), np.sqrt(n) * norm(constant)),
    ("L1 <= sqrt(n) L2", "one-hot", norm(one_hot, 1), np.sqrt(n) * norm(one_hot)),
]
print(f"n = {n}")
print(f"{'inequality':18s} {'case':11s} {'left':>10s} {'right':>10s} {'ratio':>8s}"
      f" {'(ratio-1)/eps':>14s}")
for name, case, left, right in cases:
    ratio = left / right
    near = abs(ratio - 1) < 1e6 * eps  # in eps only when close to equality
    in_eps = f"{(ratio - 1) / eps:14.1f}" if near else f"{'-':>14s}"
    print(f"{name:18s} {case:11s} {left:10.4f} {right:10.4f} {ratio:8.4f} {in_eps}")
    # Any machine: a sum of n products rounds by at most about n eps in all
    assert ratio <= 1 + n * eps  # never above 1 by more than the roundings allow
tight = [abs(left / right - 1) <= n * eps for _, _, left, right in cases]
assert tight == [True, True, True, False, True, True, True, False]
