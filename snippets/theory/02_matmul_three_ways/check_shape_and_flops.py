import numpy as np

from lacourse.universe import B, D, D_HEAD, T

X = np.ones((B, T, D))  # (B, T, D)
W_q = np.ones((D, D_HEAD))  # (D, D_HEAD)
Q = X @ W_q  # (B, T, D_HEAD)   @ acts on the last two axes, B is carried along
flops = 2 * (B * T) * D * D_HEAD  # B*T rows, each times a (D, D_HEAD) matrix
print("X", X.shape, "@ W_q", W_q.shape, "->", Q.shape)
print(f"FLOPs = 2 * (B*T) * D * D_HEAD = {flops:,}")
assert Q.shape == (32, 12, 16) and flops == 786_432
