import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix, token_id

E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)

x = E[tokens]                    # (B, T, D)     index array: its shape + E's other axes
first_seq = x[0]                 # (T, D)        an integer drops its axis
first_seq_kept = x[0:1]          # (1, T, D)     a slice keeps it, even of length 1
last_token = x[:, -1]            # (B, D)
last_token_kept = x[:, -1:]      # (B, 1, D)
feature_0 = x[..., 0]            # (B, T)        ... means "all the axes before"
with_axis = x[:, None]           # (B, 1, T, D)  None (np.newaxis) adds a length-1 axis
expanded = np.expand_dims(x, 1)  # (B, 1, T, D)
squeezed = np.squeeze(last_token_kept, axis=1)  # (B, D)
walk_ids = [token_id("walk", tense, "3sg") for tense in ("present", "past", "future")]
walk_forms = E[walk_ids]         # (len(walk_ids), D)  a list of ids works the same way

for expression, result in [
    ("E[tokens]", x),
    ("x[0]", first_seq),
    ("x[0:1]", first_seq_kept),
    ("x[:, -1]", last_token),
    ("x[:, -1:]", last_token_kept),
    ("x[..., 0]", feature_0),
    ("x[:, None]", with_axis),
    ("np.expand_dims(x, 1)", expanded),
    ("np.squeeze(x[:, -1:], axis=1)", squeezed),
    (f"E[{walk_ids}]", walk_forms),
]:
    print(f"{expression:30s} {str(result.shape):16s} ndim {result.ndim}")

assert np.array_equal(first_seq, first_seq_kept[0])  # same numbers, one axis fewer
assert np.array_equal(with_axis, expanded)
assert np.array_equal(squeezed, last_token)
assert np.array_equal(walk_forms, E[2:9:3])  # she walks, she walked, she will walk
