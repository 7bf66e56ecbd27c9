import numpy as np

I, J, K, N = 4, 3, 5, 2
rng = np.random.default_rng(0)
A = rng.normal(size=(I, J))  # (I, J)
M = rng.normal(size=(J, K))  # (J, K)
u = rng.normal(size=J)  # (J,)
w = rng.normal(size=J)  # (J,)
P = rng.normal(size=(N, I, J))  # (N, I, J)
Q = rng.normal(size=(N, J, K))  # (N, J, K)

transposed = np.einsum("ij->ji", A)  # (J, I)    output letters in the order you want
row_sums = np.einsum("ij->i", A)  # (I,)        j is missing from the output: summed
total = np.einsum("ij->", A)  # ()              nothing kept: sum of everything
dot = np.einsum("j,j->", u, w)  # ()            j repeated and dropped: dot product
outer = np.einsum("i,j->ij", A[:, 0], u)  # (I, J)  nothing shared, nothing summed
product = np.einsum("ij,jk->ik", A, M)  # (I, K)     j repeated and dropped: matmul
product_t = np.einsum("ij,jk->ki", A, M)  # (K, I)   same sum, axes written the other way
batched = np.einsum("nij,njk->nik", P, Q)  # (N, I, K)  n kept in both: a batch of matmuls

print(f"{'spec':14s} {'inputs':22s} {'output':10s} same as")
for spec, inputs, result, reference, name in [
    ("ij->ji", [A], transposed, A.T, "A.T"),
    ("ij->i", [A], row_sums, A.sum(axis=1), "A.sum(axis=1)"),
    ("ij->", [A], total, A.sum(), "A.sum()"),
    ("j,j->", [u, w], dot, u @ w, "u @ w"),
    ("i,j->ij", [A[:, 0], u], outer, np.outer(A[:, 0], u), "np.outer"),
    ("ij,jk->ik", [A, M], product, A @ M, "A @ M"),
    ("ij,jk->ki", [A, M], product_t, (A @ M).T, "(A @ M).T"),
    ("nij,njk->nik", [P, Q], batched, P @ Q, "P @ Q"),
]:
    shapes = ", ".join(str(x.shape) for x in inputs)
    assert np.allclose(result, reference), spec
    print(f"{spec:14s} {shapes:22s} {str(np.shape(result)):10s} {name}")
