import numpy as np

from lacourse.universe import D, V, embedding_matrix, token_id

A = np.array([[2.0, -1.0], [1.0, 1.0]])  # (2, 2)
e1 = np.array([1.0, 0.0])  # (2,)
e2 = np.array([0.0, 1.0])  # (2,)

# The image of each basis vector is a column of A.
print("A @ e1 =", A @ e1, "   A[:, 0] =", A[:, 0])
print("A @ e2 =", A @ e2, "   A[:, 1] =", A[:, 1])
assert np.array_equal(A @ e1, A[:, 0]) and np.array_equal(A @ e2, A[:, 1])

# Linearity does the rest: x = 1.5 e1 + 2 e2 goes to 1.5 A e1 + 2 A e2.
x = 1.5 * e1 + 2.0 * e2  # (2,)
combination = 1.5 * A[:, 0] + 2.0 * A[:, 1]  # (2,)
print("x =", x, "   A @ x =", A @ x, "   1.5 A[:, 0] + 2 A[:, 1] =", combination)
assert np.array_equal(A @ x, combination)

# The running example: E.T sends the basis vector of form j to column j of E.T,
# which is row j of E, the embedding of form j.
E = embedding_matrix(D)  # (V, D)
j = token_id("walk", "past", "3sg")
one_hot = np.eye(V)[j]  # (V,)   the basis vector e_j of R^V
print(f"E.T {E.T.shape} @ e_{j} == E[{j}]:", np.array_equal(E.T @ one_hot, E[j]))
assert np.array_equal(E.T @ one_hot, E[j])
