import numpy as np

from lacourse.universe import D_HEAD, H, N_SLOTS, N_TENSES, N_VERBS, T

rng = np.random.default_rng(0)
A = rng.normal(size=(N_VERBS, N_SLOTS))  # (N_VERBS, N_SLOTS)  i: verb, j: slot
M = rng.normal(size=(N_SLOTS, N_TENSES))  # (N_SLOTS, N_TENSES)  k: tense
u = rng.normal(size=N_SLOTS)  # (N_SLOTS,)
w = rng.normal(size=N_SLOTS)  # (N_SLOTS,)
P = rng.normal(size=(H, T, D_HEAD))  # (H, T, D_HEAD)  n: head
Q = rng.normal(size=(H, D_HEAD, T))  # (H, D_HEAD, T)

transposed = np.einsum("ij->ji", A)  # (N_SLOTS, N_VERBS)  output letters in your order
row_sums = np.einsum("ij->i", A)  # (N_VERBS,)  j is missing from the output: summed
total = np.einsum("ij->", A)  # ()  nothing kept: the sum of everything
dot = np.einsum("j,j->", u, w)  # ()  j repeated and dropped: dot product
outer = np.einsum("i,j->ij", A[:, 0], u)  # (N_VERBS, N_SLOTS)  nothing shared or summed
product = np.einsum("ij,jk->ik", A, M)  # (N_VERBS, N_TENSES)  j shared, dropped: matmul
product_t = np.einsum("ij,jk->ki", A, M)  # (N_TENSES, N_VERBS)  same sum, other order
batched = np.einsum("nij,njk->nik", P, Q)  # (H, T, T)  n kept: a batch of matmuls

print(f"{'spec':14s} {'inputs':28s} {'output':12s} same as")
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
    print(f"{spec:14s} {shapes:28s} {str(np.shape(result)):12s} {name}")
