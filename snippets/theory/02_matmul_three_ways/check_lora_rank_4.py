import numpy as np

d, r = 768, 4  # GPT-2 small width, a smaller LoRA rank
rng = np.random.default_rng(0)
B_lora = rng.normal(size=(d, r))  # (d, r)
A_lora = rng.normal(size=(r, d))  # (r, d)
delta_W = B_lora @ A_lora  # (d, d)
lora_params = d * r + r * d
print("rank:", np.linalg.matrix_rank(delta_W), f"  LoRA parameters: {lora_params:,}",
      f"  fewer than d*d: {d * d / lora_params:g}x")
assert np.linalg.matrix_rank(delta_W) == 4 and lora_params == 6_144
assert d * d / lora_params == 96
