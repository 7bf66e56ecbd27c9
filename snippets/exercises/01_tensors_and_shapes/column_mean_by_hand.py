import numpy as np

X = np.array([[2, 1], [4, 5], [9, 3]])  # (3, 2)  3 examples, 2 features
column_means = X.mean(axis=0)  # (2,)
centred = X - column_means  # (3, 2)  (2,) lines up with the last axis: the columns

print("X.mean(axis=0) =", column_means, "  shape", column_means.shape)
print("X - X.mean(axis=0) =")
print(centred)
print("centred.sum(axis=0) =", centred.sum(axis=0))

assert np.array_equal(centred, X - X.mean(axis=0, keepdims=True))  # no keepdims needed
assert np.allclose(centred.sum(axis=0), 0.0)
