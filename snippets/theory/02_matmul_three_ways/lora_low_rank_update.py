import numpy as np

from lacourse.universe import D

d, r = 768, 8  # GPT-2 small width (not the course's D), LoRA rank
rng = np.random.default_rng(0)
W = rng.normal(0.0, 1.0 / np.sqrt(d), size=(d, d))  # (d, d)   frozen pretrained weight
B_lora = rng.normal(0.0, 0.01, size=(d, r))  # (d, r)   (zero at the start of training)
A_lora = rng.normal(0.0, 1.0 / np.sqrt(d), size=(r, d))  # (r, d)
delta_W = B_lora @ A_lora  # (d, d)   a full-size matrix...

rank = np.linalg.matrix_rank(delta_W)  # ...of rank r: a sum of r outer products
full_params = d * d
lora_params = d * r + r * d
print("delta_W", delta_W.shape, " rank:", rank)
print(f"parameters, full update d*d   : {full_params:>8,}")
print(f"parameters, LoRA d*r + r*d    : {lora_params:>8,}")
print(f"ratio                         : {full_params / lora_params:>8g}x")
assert rank == r
assert full_params == 589_824 and lora_params == 12_288
assert full_params / lora_params == 48 == d / (2 * r)
# Why a real model's width: at the course width D the same rank saves far less.
print(f"same r at width D = {D:<10d}: {D * D / (2 * D * r):>8g}x")
assert D * D / (2 * D * r) == 4

# Applying it: never build delta_W, apply A_lora then B_lora (composition of maps).
x = rng.normal(size=d)  # (d,)
merged = (W + delta_W) @ x  # (d,)
factored = W @ x + B_lora @ (A_lora @ x)  # (d,)
assert np.allclose(merged, factored)
print("(W + B A) x == W x + B (A x):", np.allclose(merged, factored))
print(f"FLOPs per token, delta_W @ x           : {2 * d * d:>9,}")
print(f"FLOPs per token, B_lora @ (A_lora @ x) : {2 * r * d + 2 * d * r:>9,}")
assert (2 * d * d) / (2 * r * d + 2 * d * r) == 48
