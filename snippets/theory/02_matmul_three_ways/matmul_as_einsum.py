import numpy as np

from lacourse import universe

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

# b and t appear in one operand only, and E has no b: one E shared by every position.
# Page 00's lookup is then a single (B*T, V) @ (V, D) product, not a batch of matmuls.
Bs, Ts, Vs, Ds = universe.B, universe.T, universe.V, universe.D  # the course sizes
E = universe.embedding_matrix(Ds)  # (Vs, Ds)
one_hot = np.eye(Vs)[rng.integers(0, Vs, size=(Bs, Ts))]  # (Bs, Ts, Vs)
looked_up = np.einsum("btv,vd->btd", one_hot, E)  # (Bs, Ts, Ds)
flat = one_hot.reshape(Bs * Ts, Vs) @ E  # (Bs * Ts, Ds)
same = np.array_equal(looked_up, flat.reshape(Bs, Ts, Ds))
print("'btv,vd->btd'", looked_up.shape, " == (B*T, V) @ (V, D), reshaped:", same)
assert same
