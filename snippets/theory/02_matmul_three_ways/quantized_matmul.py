import numpy as np

from lacourse.universe import B, D

C = 5  # the tense classifier of the linear layer: Y = X @ W, (B, D) @ (D, C)
rng = np.random.default_rng(0)
X = rng.normal(size=(B, D))  # (B, D)   activations
W = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, C)) * [0.5, 1, 2, 4, 8]  # (D, C)

# Symmetric int8 quantization: one scale per output channel (column) of W and one per
# token (row) of X, so that the largest |entry| of each maps to 127.
s_w = np.abs(W).max(axis=0) / 127  # (C,)
s_x = np.abs(X).max(axis=1) / 127  # (B,)
q_w = np.round(W / s_w).astype(np.int8)  # (D, C)   W ~ q_w * s_w
q_x = np.round(X / s_x[:, None]).astype(np.int8)  # (B, D)   X ~ s_x * q_x

# The scales factor out of the sum over D:
#     Y[b, c] ~ s_x[b] s_w[c] sum_j q_x[b, j] q_w[j, c].
# So multiply the integers, accumulating in int32, and scale once at the end.
acc = q_x.astype(np.int32) @ q_w.astype(np.int32)  # (B, C)   exact integer sums
Y_int8 = s_x[:, None] * acc * s_w  # (B, C)
Y_dequant = (s_x[:, None] * q_x) @ (q_w * s_w)  # (B, C)   dequantise, then multiply
Y = X @ W  # (B, C)   float64, no quantization

eps = np.finfo(float).eps
# Both compute the same real numbers; they differ only by float64 rounding, which for a
# sum of D products is at most about D * eps times the sum of the |products|.
bound = 2 * D * eps * (np.abs(s_x[:, None] * q_x) @ np.abs(q_w * s_w))  # (B, C)
print("q_x", q_x.shape, q_x.dtype, "  q_w", q_w.shape, q_w.dtype, "  acc", acc.dtype,
      "  s_x", s_x.shape, "  s_w", s_w.shape)
print(f"largest |acc| = {np.abs(acc).max():,}   int8 holds up to 127,"
      f" int32 up to {np.iinfo(np.int32).max:,}")
print("int8 product == dequantise-then-multiply, to float64 rounding:",
      bool(np.all(np.abs(Y_int8 - Y_dequant) <= bound)))
print(f"relative error of quantization, |Y_int8 - Y|_F / |Y|_F = "
      f"{np.linalg.norm(Y_int8 - Y) / np.linalg.norm(Y):.4f}")

# One scale for all of W instead: the column of small weights gets few int8 levels.
s_all = np.abs(W).max() / 127
q_all = np.round(W / s_all).astype(np.int8)  # (D, C)
acc_all = q_x.astype(np.int32) @ q_all.astype(np.int32)  # (B, C)
Y_tensor = s_x[:, None] * acc_all * s_all  # (B, C)
col_error = {name: np.linalg.norm(Yq[:, 0] - Y[:, 0]) / np.linalg.norm(Y[:, 0])
             for name, Yq in [("per channel", Y_int8), ("per tensor", Y_tensor)]}
print("column 0 (smallest weights), relative error:",
      "   ".join(f"{name} {error:.4f}" for name, error in col_error.items()))
assert np.all(np.abs(Y_int8 - Y_dequant) <= bound)
assert col_error["per tensor"] > 5 * col_error["per channel"]
assert np.abs(acc).max() > 127 and np.abs(acc).max() <= D * 127 * 127
