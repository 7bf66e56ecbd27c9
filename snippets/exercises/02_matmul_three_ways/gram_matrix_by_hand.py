import numpy as np

W = np.array([[1, 2], [3, 4], [5, 6]])  # (3, 2)
G = W.T @ W  # (2, 2)
print("W.T @ W =")
print(G)
print("G == G.T:", np.array_equal(G, G.T))

x = np.array([1, -1])  # (2,)
Wx = W @ x  # (3,)
print("x =", x, " W x =", Wx, " |W x|^2 =", Wx @ Wx, " x^T G x =", x @ G @ x)
print("trace", np.trace(G), " det", round(np.linalg.det(G)))
print("eigenvalues", np.linalg.eigvalsh(G))

rng = np.random.default_rng(0)
X = rng.normal(size=(2, 1000))  # (2, 1000)  a thousand random vectors x
quadratic = np.einsum("in,ij,jn->n", X, G, X)  # (1000,)  x^T G x for each
print(f"min x^T G x, 1000 random x: {quadratic.min():.4f}")

assert x @ G @ x == Wx @ Wx
assert np.allclose(quadratic, np.sum((W @ X) ** 2, axis=0)) and quadratic.min() >= 0
assert (np.linalg.eigvalsh(G) > 0).all()
