import numpy as np

rng = np.random.default_rng(0)
m, k, n = 4, 3, 5
A = rng.integers(-3, 4, size=(m, k)).astype(float)  # (m, k)
B = rng.integers(-3, 4, size=(k, n)).astype(float)  # (k, n)
product = A @ B  # (m, n)

# k is in both inputs and not in the output: it is summed over.
C = np.einsum("ik,kj->ij", A, B)  # (m, n)
# Keep k in the output and nothing is summed: the stack of outer-product pieces.
pieces = np.einsum("ik,kj->kij", A, B)  # (k, m, n)
# Fix i and j and only k is left: one entry is one dot product (row times column).
entry = np.einsum("k,k->", A[1, :], B[:, 2])  # ()

print("'ik,kj->ij' ", C.shape)
same = np.array_equal(pieces.sum(axis=0), product)
print("'ik,kj->kij'", pieces.shape, " sum over k == A @ B:", same)
print("'k,k->'     ", entry.shape, f"{entry:g} == (A @ B)[1, 2] = {product[1, 2]:g}")
assert np.array_equal(C, product)
assert np.array_equal(pieces.sum(axis=0), product)
assert entry == product[1, 2]

# A batch index that appears everywhere is carried along: a batch of matmuls.
batch = 8
A_batch = rng.normal(size=(batch, m, k))  # (batch, m, k)
B_batch = rng.normal(size=(batch, k, n))  # (batch, k, n)
C_batch = np.einsum("bik,bkj->bij", A_batch, B_batch)  # (batch, m, n)
same = np.allclose(C_batch, A_batch @ B_batch)
print("'bik,bkj->bij'", C_batch.shape, " == A_batch @ B_batch:", same)
assert np.allclose(C_batch, A_batch @ B_batch)
