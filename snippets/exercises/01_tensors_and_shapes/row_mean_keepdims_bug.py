import numpy as np

A = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 12]])  # (3, 3)
row_means = A.mean(axis=1)  # (3,)
wrong = A - row_means  # (3, 3)  row i's mean is subtracted from column i
right = A - A.mean(axis=1, keepdims=True)  # (3, 3)

print("A.mean(axis=1) =", row_means)
print("A - A.mean(axis=1) =")
print(wrong)
print("A - A.mean(axis=1, keepdims=True) =")
print(right)
print("row means (wrong, right):", wrong.mean(axis=1), right.mean(axis=1))

X = np.array([[2, 1], [4, 5], [9, 3]])  # (3, 2)  not square
try:
    X - X.mean(axis=1)
    outcome = "runs"
except ValueError as error:
    outcome = type(error).__name__
print("(3, 2) - (3,) ->", outcome)

assert np.array_equal(wrong, A - row_means[None, :])
assert np.allclose(right.mean(axis=1), 0.0) and not np.allclose(wrong.mean(axis=1), 0.0)
assert outcome == "ValueError"
