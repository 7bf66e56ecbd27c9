import numpy as np

rng = np.random.default_rng(0)
g = rng.standard_normal(size=(768, 3072))  # (768, 3072)  a gradient, entries N(0, 1)
numel = g.size
norm = np.linalg.norm(g)
print(f"g: {g.shape}, numel = {numel}, sqrt(numel) = {np.sqrt(numel):.1f}")
print(f"||g||_2 = {norm:.1f}, ||g||_2 / sqrt(numel) = {norm / np.sqrt(numel):.4f}")

clipped = g * min(1.0, 1.0 / norm)  # (768, 3072)  clip to max_norm = 1.0, one line
print(f"after clipping to max_norm = 1.0: ||g||_2 = {np.linalg.norm(clipped):.6f}")

# ||g||^2 is a sum of numel independent squares of mean 1 and variance 2: mean numel,
# standard deviation sqrt(2 numel), so ||g|| = sqrt(numel) +- about 1 / sqrt(2).
norms = [np.linalg.norm(rng.standard_normal(g.shape)) for _ in range(8)]
draws = np.array(norms)  # (8,)
print(f"8 more draws: ||g||_2 from {draws.min():.1f} to {draws.max():.1f},"
      f" predicted spread 1/sqrt(2) = {1 / np.sqrt(2):.3f}")
assert numel == 2_359_296 and np.sqrt(numel) == 1536
assert abs(norm - 1536) < 5 / np.sqrt(2)  # 5 standard deviations
assert np.all(np.abs(draws - 1536) < 5 / np.sqrt(2))
assert abs(np.linalg.norm(clipped) - 1) < 1e-12
