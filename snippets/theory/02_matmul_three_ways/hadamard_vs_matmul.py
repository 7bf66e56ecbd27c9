import numpy as np

A = np.array([[1, 2], [3, 4]])  # (2, 2)
B = np.array([[5, 6], [7, 8]])  # (2, 2)

hadamard = A * B  # (2, 2)   entry by entry: A[i, j] * B[i, j]
matmul = A @ B  # (2, 2)     rows times columns

print("A * B")
print(hadamard)
print("A @ B")
print(matmul)
print("same shape: ", hadamard.shape == matmul.shape)
print("same values:", np.array_equal(hadamard, matmul))
assert hadamard.shape == matmul.shape
assert not np.array_equal(hadamard, matmul)

# With shapes that differ, the wrong operator fails loudly instead.
X = np.ones((2, 3))  # (2, 3)
Y = np.ones((3, 2))  # (3, 2)
print("(2, 3) @ (3, 2) ->", (X @ Y).shape)
try:
    X * Y
except ValueError:
    print("(2, 3) * (3, 2) -> ValueError")
