import numpy as np

from lacourse.universe import B, D, D_HEAD, H, T

q = np.random.default_rng(0).normal(size=(B, T, D))  # (B, T, D)
heads = q.reshape(B, T, H, D_HEAD).transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)

tokens_by_head = q.reshape(B * T, H, D_HEAD)  # (B * T, H, D_HEAD)
batch_of_heads = heads.reshape(B * H, T, D_HEAD)  # (B * H, T, D_HEAD)
print("heads.strides:", heads.strides)
print("q.reshape(B*T, H, D_HEAD)     view:", np.shares_memory(tokens_by_head, q))
print("heads.reshape(B*H, T, D_HEAD) view:", np.shares_memory(batch_of_heads, q))
