import numpy as np

from lacourse.universe import D, D_HEAD, V

rng = np.random.default_rng(0)
N = 1_000  # random cases per kind of vector and per width


def random_vectors(N, n):
    """4N vectors of width n: N each Gaussian, uniform, sparse and heavy-tailed."""
    mask = rng.random((N, n)) < 0.1  # (N, n)  about 90% zeros ...
    mask[np.arange(N), rng.integers(n, size=N)] = True  # ... but never all zeros
    X = np.concatenate([
        rng.normal(size=(N, n)),
        rng.uniform(-1.0, 1.0, size=(N, n)),
        rng.normal(size=(N, n)) * mask,
        rng.standard_cauchy(size=(N, n)),  # one entry often dwarfs the rest
    ])  # (4 * N, n)
    return X


# --8<-- [start:solution]
def ratios(X, Y):
    """Left side / right side of each inequality, one value per row of X and Y."""
    n = X.shape[1]
    norm = np.linalg.norm
    dot = np.abs(np.sum(X * Y, axis=1))  # (len(X),)
    l1 = norm(X, 1, axis=1)  # (len(X),)
    l2 = norm(X, 2, axis=1)  # (len(X),)
    linf = norm(X, np.inf, axis=1)  # (len(X),)
    return {
        "Cauchy-Schwarz": dot / (l2 * norm(Y, 2, axis=1)),
        "triangle, L2": norm(X + Y, 2, axis=1) / (l2 + norm(Y, 2, axis=1)),
        "triangle, L1": norm(X + Y, 1, axis=1) / (l1 + norm(Y, 1, axis=1)),
        "triangle, Linf":
            norm(X + Y, np.inf, axis=1) / (linf + norm(Y, np.inf, axis=1)),
        "Linf <= L2": linf / l2,
        "L2 <= L1": l2 / l1,
        "L1 <= sqrt(n) L2": l1 / (np.sqrt(n) * l2),
    }
# --8<-- [end:solution]


# Check: your ratios on one pair, against the norms written out entry by entry.
x_check = np.array([[3.0, -4.0, 0.0, 1.0]])  # (1, 4)
y_check = np.array([[1.0, 2.0, -2.0, 0.0]])  # (1, 4)
ax, ay = np.abs(x_check[0]), np.abs(y_check[0])  # (4,), (4,)
axy = np.abs(x_check[0] + y_check[0])  # (4,)
l2x, l2y = np.sqrt(np.sum(ax**2)), np.sqrt(np.sum(ay**2))
expected = {
    "Cauchy-Schwarz": abs(np.sum(x_check * y_check)) / (l2x * l2y),
    "triangle, L2": np.sqrt(np.sum(axy**2)) / (l2x + l2y),
    "triangle, L1": axy.sum() / (ax.sum() + ay.sum()),
    "triangle, Linf": axy.max() / (ax.max() + ay.max()),
    "Linf <= L2": ax.max() / l2x,
    "L2 <= L1": l2x / ax.sum(),
    "L1 <= sqrt(n) L2": ax.sum() / (2.0 * l2x),  # n = 4
}
got = ratios(x_check, y_check)
for name, value in expected.items():
    assert name in got, f"ratios: no entry {name!r}"
    assert np.allclose(got[name], value, rtol=1e-12, atol=0), (
        f"ratios: {name!r} is {np.ravel(got[name])[0]:.6f}, expected {value:.6f}"
        " (check each norm's ord, and which side is divided by which)"
    )


widths = (D_HEAD, D, V)
kinds = ("normal", "uniform", "sparse", "cauchy")  # the four blocks of N rows
worst = {}  # inequality -> the largest ratio at each width
tightest = {}  # inequality -> kind of the case closest to equality, at the last width
for n in widths:
    scale = 10.0 ** rng.uniform(-3.0, 3.0, size=(4 * N, 1))  # (4 * N, 1)  one per pair
    X = random_vectors(N, n) * scale  # (4 * N, n)
    Y = random_vectors(N, n) * scale  # (4 * N, n)
    for name, ratio in ratios(X, Y).items():
        worst.setdefault(name, []).append(ratio.max())
        tightest[name] = kinds[np.argmax(ratio) // N]
        assert np.all(ratio <= 1 + 1e-12), name  # a few eps of slack for rounding

print(f"{4 * N} random cases per width; slack = 1 - largest (left / right)")
print(f"{'inequality':18s}" + "".join(f"{f'n = {n}':>11s}" for n in widths)
      + f"  tightest at n = {widths[-1]}")
for name, values in worst.items():
    slacks = "".join(f"{1 - value:11.1e}" for value in values)
    print(f"{name:18s}{slacks}  {tightest[name]}")
