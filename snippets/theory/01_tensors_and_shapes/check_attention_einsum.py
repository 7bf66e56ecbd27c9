import numpy as np

from lacourse.universe import B, D_HEAD, H, T

rng = np.random.default_rng(0)
attn = rng.random((B, H, T, T))  # (B, H, T, T)
v = rng.normal(size=(B, H, T, D_HEAD))  # (B, H, T, D_HEAD)
out = np.einsum("bhqk,bhkd->bhqd", attn, v)  # (B, H, T, D_HEAD)
flops = 2 * B * H * T * T * D_HEAD  # every letter b, h, q, k, d: k is summed

print("shape:", out.shape)
print(f"FLOPs: {flops:,}")
