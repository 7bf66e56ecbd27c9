import numpy as np

from lacourse.universe import B, D, T

rng = np.random.default_rng(0)
row_scale = 10.0 ** rng.uniform(-1, 1, size=(D, 1))  # (D, 1)  from 0.1 to 10
W = rng.normal(0.0, D**-0.5, size=(D, D)) * row_scale  # (D, D)  a layer's weights
X = rng.normal(size=(B * T, D))  # (B * T, D)  inputs to the layer


def quantize(W, scale):
    """int8 codes q with W ~ q * scale; scale is one number or one per row."""
    q = np.clip(np.round(W / scale), -127, 127).astype(np.int8)  # (D, D)
    return q, q * scale


per_tensor = np.abs(W).max() / 127  # the L-infinity norm of all of W
per_row = np.linalg.norm(W, ord=np.inf, axis=1, keepdims=True) / 127  # (D, 1)
assert np.array_equal(per_row[:, 0], np.abs(W).max(axis=1) / 127)

row_norms = np.linalg.norm(W, axis=1)  # (D,)
print(f"W: {W.shape}, row norms from {row_norms.min():.3f} to {row_norms.max():.3f}")
print(f"{'scale':12s} {'scales':>6s} {'zeros':>6s} {'rel err W':>10s}", end=" ")
print(f"{'worst row':>10s} {'rel err XW^T':>12s}")
errors = {}
for name, scale in [("per tensor", per_tensor), ("per row", per_row)]:
    q, W_hat = quantize(W, scale)  # (D, D), (D, D)
    rel_W = np.linalg.norm(W - W_hat) / np.linalg.norm(W)
    rows = np.linalg.norm(W - W_hat, axis=1) / np.linalg.norm(W, axis=1)  # (D,)
    rel_out = np.linalg.norm(X @ (W - W_hat).T) / np.linalg.norm(X @ W.T)
    errors[name] = (rel_W, rows.max(), rel_out)
    zeros = np.mean(q == 0)
    print(f"{name:12s} {np.size(scale):6d} {zeros:6.1%} {rel_W:10.4f}", end=" ")
    print(f"{rows.max():10.4f} {rel_out:12.4f}")

assert errors["per row"][1] < 0.02  # per row: every row keeps about two digits
assert errors["per tensor"][1] > 0.5  # per tensor: the smallest rows are mostly lost
assert errors["per row"][0] < errors["per tensor"][0]
