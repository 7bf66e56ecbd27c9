import numpy as np

A = np.array([[1, 0, 2], [0, 1, 1]])  # (2, 3)
B = np.array([[1, 2], [0, 1], [3, 0]])  # (3, 2)
AB = A @ B  # (2, 2)
print("A @ B =")
print(AB)
print("(A @ B).T =")
print(AB.T)
print("B.T @ A.T =")
print(B.T @ A.T)
print("(A.T @ B.T).shape =", (A.T @ B.T).shape)

assert np.array_equal(AB.T, B.T @ A.T)
assert (A.T @ B.T).shape != AB.T.shape  # the other order is not even the right shape
