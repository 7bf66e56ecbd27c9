import matplotlib.cbook as cbook
import matplotlib.pyplot as plt
import numpy as np

from lacourse.universe import conjugation_counts

C = conjugation_counts().astype(float)  # (20, 15)
path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
gray = plt.imread(path)[:, :510] / 255.0 @ [0.299, 0.587, 0.114]  # (600, 510)
photo = gray.reshape(120, 5, 102, 5).mean(axis=(1, 3))  # (120, 102)
target = 0.10  # the relative Frobenius error we accept


# --8<-- [start:solution]
def stored(k, m, n):
    """Numbers kept by A_k as factors: k columns of U, k values of S, k rows of Vt."""
    return k * (m + n + 1)


def break_even(m, n):
    """The k at which the factors cost as much as the matrix: k (m + n + 1) = m n."""
    return m * n / (m + n + 1)
# --8<-- [end:solution]


summary = {}  # name -> (break-even k, first k with error <= target, its share of m n)
for name, A, ks in [("C", C, (1, 2, 5, 8, 9)), ("P", photo, (5, 10, 20, 30, 54, 55))]:
    m, n = A.shape
    S = np.linalg.svd(A, compute_uv=False)  # (n,)
    # relative Frobenius error of A_k for k = 0 .. n, read off the singular values
    tail = np.sqrt(np.append(np.cumsum(S[::-1] ** 2)[::-1], 0.0))  # (n + 1,)
    relative = tail / tail[0]  # (n + 1,)
    k_needed = int(np.argmax(relative <= target))
    print(f"{name}: {m} x {n} = {m * n}   break-even k = {break_even(m, n):.2f}")
    print(f"   {'k':>3s} {'k(m+n+1)':>9s} {'/ mn':>7s} {'rel. error F':>12s}")
    for k in sorted({*ks, k_needed}):
        mark = "  *" if k == k_needed else ""
        share = stored(k, m, n) / (m * n)
        print(f"   {k:3d} {stored(k, m, n):9d} {share:7.1%} {relative[k]:12.4f}{mark}")
    summary[name] = (break_even(m, n), k_needed, stored(k_needed, m, n) / (m * n))
    k_even = int(break_even(m, n))
    assert stored(k_even, m, n) < m * n < stored(k_even + 1, m, n)
    assert relative[k_needed] <= target < relative[k_needed - 1]
