import numpy as np

A = np.array([[1, 2], [3, 4]])  # (2, 2)
B = np.array([[5, 0], [0, 5]])  # (2, 2)
print("A * B =")
print(A * B)
print("A @ B =")
print(A @ B)
print("A @ B == 5 * A:", np.array_equal(A @ B, 5 * A))
print("B @ A == A @ B:", np.array_equal(B @ A, A @ B))

assert np.array_equal(A * B, np.diag(np.diag(A) * 5))  # only the diagonal survives
assert np.array_equal(A @ B, 5 * A)
