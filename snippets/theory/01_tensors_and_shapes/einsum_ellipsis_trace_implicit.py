import numpy as np

from lacourse.universe import B, D_HEAD, H, N_SLOTS, N_TENSES, N_VERBS, T

rng = np.random.default_rng(0)
A = rng.normal(size=(N_VERBS, N_SLOTS))  # (N_VERBS, N_SLOTS)
M = rng.normal(size=(N_SLOTS, N_TENSES))  # (N_SLOTS, N_TENSES)
S = rng.normal(size=(N_SLOTS, N_SLOTS))  # (N_SLOTS, N_SLOTS)  square
q = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)
k = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)

# '...' stands for any leading axes, the same in every operand and in the output.
scores = np.einsum("...qd,...kd->...qk", q, k)  # (B, H, T, T)
one_head = np.einsum("...qd,...kd->...qk", q[0, 0], k[0, 0])  # (T, T)  no leading axes
# A letter twice in one operand walks the diagonal.
diagonal = np.einsum("ii->i", S)  # (N_SLOTS,)
trace = np.einsum("ii->", S)  # ()
# Without '->' (implicit mode) the output is the letters that appear once, sorted.
implicit_product = np.einsum("ij,jk", A, M)  # (N_VERBS, N_TENSES)  output 'ik'
implicit_transpose = np.einsum("ji", A)  # (N_SLOTS, N_VERBS)  output 'ij': A.T
implicit_trace = np.einsum("ii", S)  # ()  i appears twice: summed
implicit_scores = np.einsum("bhqd,bhkd", q, k)  # (T, T)  output 'kq': b, h summed too

print(f"{'spec':22s} {'output':16s} same as")
for spec, result, reference, name in [
    ("...qd,...kd->...qk", scores, q @ k.swapaxes(-1, -2), "q @ k.swapaxes(-1, -2)"),
    ("...qd,...kd->...qk", one_head, q[0, 0] @ k[0, 0].T, "q[0, 0] @ k[0, 0].T"),
    ("ii->i", diagonal, np.diag(S), "np.diag(S)"),
    ("ii->", trace, np.trace(S), "np.trace(S)"),
    ("ij,jk", implicit_product, A @ M, "A @ M"),
    ("ji", implicit_transpose, A.T, "A.T"),
    ("ii", implicit_trace, np.trace(S), "np.trace(S)"),
    ("bhqd,bhkd", implicit_scores, scores.sum(axis=(0, 1)).T, "scores.sum((0, 1)).T"),
]:
    assert np.allclose(result, reference), spec
    print(f"{spec:22s} {str(np.shape(result)):16s} {name}")
assert implicit_scores.shape != scores.shape  # the batch and head axes are gone
