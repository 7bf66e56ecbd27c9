import numpy as np

from lacourse import perf


# --8<-- [start:solution]
def matmul_loop(A, B):
    """C = A B with three Python loops over lists: one multiply-add at a time."""
    n, k, m = len(A), len(B), len(B[0])
    C = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            total = 0.0
            for p in range(k):
                total += A[i][p] * B[p][j]
            C[i][j] = total
    return C


def matmul_rows(A, B):
    """C = A B one row at a time: row i of C is the vector-matrix product A[i] @ B."""
    n, m = A.shape[0], B.shape[1]
    C = np.empty((n, m), dtype=np.result_type(A, B))  # (n, m)
    for i in range(n):
        C[i] = A[i] @ B
    return C
# --8<-- [end:solution]


rng = np.random.default_rng(0)
m, k, n = 5, 7, 3  # not square, so a swapped index fails
A = rng.standard_normal((m, k))  # (m, k)
B = rng.standard_normal((k, n))  # (k, n)
C = A @ B  # (m, n)
C_loop = np.array(matmul_loop(A.tolist(), B.tolist()))  # (m, n)
C_rows = matmul_rows(A, B)  # (m, n)
for name, result in (("loop", C_loop), ("rows", C_rows), ("blas", C)):
    error = np.abs(result - C).max()
    print(f"{name:5s} shape {result.shape}  max |C - A @ B| = {error:.1e}")
# the same sums in another order: a few roundings apart, far below 1e-12 at this size
assert np.allclose(C_loop, C, rtol=1e-12, atol=1e-12), "matmul_loop: wrong product"
assert np.allclose(C_rows, C, rtol=1e-12, atol=1e-12), "matmul_rows: wrong product"
perf.use(loop=matmul_loop, rows=matmul_rows)  # the tables below time these two
print("check matmul_loop, matmul_rows: right; timed below")
