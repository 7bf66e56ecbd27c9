import numpy as np

from lacourse.universe import D, T, V, embedding_matrix

rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)
tokens = rng.integers(0, V, size=T)  # (T,)
W_q = rng.normal(size=(D, D))  # (D, D)
W_k = rng.normal(size=(D, D))  # (D, D)
q = E[tokens] @ W_q  # (T, D)
k = E[tokens] @ W_k  # (T, D)
scores = q @ k.T / np.sqrt(D)  # (T, T)  attention scores: square

row_means = scores.mean(axis=1)  # (T,)
wrong = scores - row_means  # (T, T)  no error: (T,) meets the *last* axis
kept = scores.mean(axis=1, keepdims=True)  # (T, 1)
right = scores - kept  # (T, T)  (T, 1) meets the rows
as_columns = scores - row_means[None, :]  # (T, T)  what `wrong` really computed

print("scores", scores.shape, "| mean(axis=1)", row_means.shape,
      "| keepdims=True", kept.shape)
bound = 1e-12 * np.abs(scores).max()  # rounding is a few eps * max|s|: far below this
largest = np.abs(right.mean(axis=1)).max()
print("right: every |row mean| < 1e-12 * max|s|:", largest < bound)
print(f"wrong: largest |row mean| = {np.abs(wrong.mean(axis=1)).max():.4f}")
print(f"largest |wrong - right|   = {np.abs(wrong - right).max():.4f}")
print("wrong == scores - row_means[None, :]:", np.array_equal(wrong, as_columns))


def softmax_rows(s, shift):
    weights = np.exp(s - shift)  # (T, T)
    return weights / weights.sum(axis=1, keepdims=True)


p_right = softmax_rows(scores, scores.max(axis=1, keepdims=True))  # (T, T)
p_wrong = softmax_rows(scores, scores.max(axis=1))  # (T, T)
rows_sum_to_1 = np.allclose(p_right.sum(axis=1), 1), np.allclose(p_wrong.sum(axis=1), 1)
print("softmax rows sum to 1 (right, wrong):", rows_sum_to_1)
print(f"softmax: largest |p_wrong - p_right| = {np.abs(p_wrong - p_right).max():.4f}")

# The same line on rectangular scores, T queries against 2T keys, fails loudly instead.
k_long = E[rng.integers(0, V, size=2 * T)] @ W_k  # (2 * T, D)  keys of 2T positions
wide = q @ k_long.T / np.sqrt(D)  # (T, 2 * T)
try:
    wide - wide.mean(axis=1)
    raised = False
except ValueError as error:
    raised = True
    print(wide.shape, "-", (T,), "->", type(error).__name__)
    print(error)
centred = wide - wide.mean(axis=1, keepdims=True)  # (T, 2 * T)
print(wide.shape, "-", (T, 1), "->", centred.shape)

assert np.abs(right.mean(axis=1)).max() < bound  # rounding only
assert np.abs(wrong.mean(axis=1)).max() > 0.1 * scores.std()  # large, not rounding
assert np.array_equal(wrong, as_columns)
assert np.allclose(p_wrong.sum(axis=1), 1.0)  # the usual sanity check passes...
assert np.abs(p_wrong - p_right).max() > 0.01  # ...and the weights are still wrong
assert raised
