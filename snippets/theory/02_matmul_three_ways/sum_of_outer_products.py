import numpy as np

rng = np.random.default_rng(0)
m, k, n = 4, 3, 5
A = rng.integers(-3, 4, size=(m, k)).astype(float)  # (m, k)
B = rng.integers(-3, 4, size=(k, n)).astype(float)  # (k, n)

# Piece p: column p of A times row p of B, an (m, n) matrix of rank 1.
pieces = np.stack([np.outer(A[:, p], B[p, :]) for p in range(k)])  # (k, m, n)
running = np.zeros((m, n))  # (m, n)
print(f"{'p':>2} {'piece':>14} {'rank(piece)':>12} {'rank(sum so far)':>17}")
for p in range(k):
    running = running + pieces[p]  # (m, n)
    piece_rank = np.linalg.matrix_rank(pieces[p])
    running_rank = np.linalg.matrix_rank(running)
    print(f"{p:>2} {str(pieces[p].shape):>14} {piece_rank:>12} {running_rank:>17}")
    assert piece_rank == 1
    assert running_rank == p + 1

# The sum of the k pieces is the product, exactly (small integers add up without
# rounding).
print("sum of pieces == A @ B:", np.array_equal(running, A @ B))
assert np.array_equal(running, A @ B)
