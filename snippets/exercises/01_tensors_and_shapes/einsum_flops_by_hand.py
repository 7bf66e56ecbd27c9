from lacourse.universe import B, D, D_HEAD, H, T

# FLOPs of a contraction: 2 x the product of the sizes of all its letters.
scores_flops = 2 * B * H * T * T * D_HEAD  # 'bhqd,bhkd->bhqk'
projection_flops = 2 * B * T * D * D  # 'btd,de->bte', one (D, D) projection
print("'bhqd,bhkd->bhqk'  output", (B, H, T, T), f" FLOPs {scores_flops:,}")
print("'btd,de->bte'      output", (B, T, D), f"  FLOPs {projection_flops:,}")
print(f"ratio projection / scores = {projection_flops / scores_flops:.4g}"
      f"  (= D / T = {D / T:.4g})")

assert projection_flops / scores_flops == D / T  # since H * D_HEAD = D
