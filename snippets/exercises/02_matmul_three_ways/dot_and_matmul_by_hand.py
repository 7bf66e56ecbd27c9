import numpy as np


def num(value):
    """A factor as written by hand: negative numbers in brackets."""
    return f"({value})" if value < 0 else f"{value}"


a = np.array([1, 2, 3])  # (3,)
b = np.array([4, 5, 6])  # (3,)
print(" + ".join(f"{num(x)}*{num(y)}" for x, y in zip(a, b)), "=", a @ b)

A = np.array([[2, -1], [0, 3]])  # (2, 2)
B = np.array([[1, 4], [2, -2]])  # (2, 2)
for i in range(A.shape[0]):
    for j in range(B.shape[1]):
        terms = " + ".join(f"{num(A[i, p])}*{num(B[p, j])}" for p in range(A.shape[1]))
        print(f"C[{i}, {j}] = {terms} = {A[i] @ B[:, j]}")
C = A @ B  # (2, 2)
print("A @ B =")
print(C)

assert a @ b == sum(a * b)
assert np.array_equal(C, [[A[i] @ B[:, j] for j in range(2)] for i in range(2)])
