import numpy as np

eps32 = np.finfo(np.float32).eps
print(f"float32 eps = 2^{int(np.log2(eps32))} = {eps32:.4e}")

# --8<-- [start:solution]
x, y, z = np.float32(1.0), eps32 / 2, eps32 / 2
left = (x + y) + z  # 1 + eps/2 is a tie, rounded to even: back to 1, twice
right = x + (y + z)  # eps/2 + eps/2 = eps exactly, and 1 + eps is a float32
# --8<-- [end:solution]
print(f"(1 + eps/2) + eps/2 = {left:.8f}   1 + (eps/2 + eps/2) = {right:.8f}")
print(f"difference: {(right - left) / eps32:.1f} eps")
# Check: the values the two orders must give (1, then the next float32 after 1).
assert np.float32(left).dtype == np.float32 == np.float32(right).dtype, "use float32"
assert left == 1, f"(x + y) + z = {left!r}, expected 1: add eps/2 to 1, then again"
assert right == 1 + eps32, f"x + (y + z) = {right!r}, expected 1 + eps32"

# How often does the order matter for random numbers?
rng = np.random.default_rng(6)
cases = 100_000
T = rng.normal(size=(cases, 3)).astype(np.float32)  # (cases, 3)
left = (T[:, 0] + T[:, 1]) + T[:, 2]  # (cases,)
right = T[:, 0] + (T[:, 1] + T[:, 2])  # (cases,)
size = np.abs(T).max(axis=1)  # (cases,)  the largest of |x|, |y|, |z|
gap = np.abs(left - right) / (eps32 * size)  # (cases,)
share = np.mean(left != right)
print(f"{cases} random triples: (x + y) + z != x + (y + z) in {share:.2%}")
print(f"largest |difference| = {gap.max():.2f} eps32 * max(|x|, |y|, |z|)")
assert 0.05 < share < 0.5
# each side rounds twice, by at most eps/2 of |x + y| <= 2M and of |x + y + z| <= 3M
assert gap.max() <= 5
