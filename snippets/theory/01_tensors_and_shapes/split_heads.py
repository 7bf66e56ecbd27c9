import numpy as np

from lacourse.universe import B, D, D_HEAD, H, T, V, embedding_matrix

rng = np.random.default_rng(0)
E = embedding_matrix(D)  # (V, D)
tokens = rng.integers(0, V, size=(B, T))  # (B, T)
W_q = rng.normal(0.0, 1.0 / np.sqrt(D), size=(D, D))  # (D, D)
q = E[tokens] @ W_q  # (B, T, D)

# Split: cut D into H blocks of D_HEAD, then move the head axis next to the batch axis.
split = q.reshape(B, T, H, D_HEAD)  # (B, T, H, D_HEAD)
heads = split.transpose(0, 2, 1, 3)  # (B, H, T, D_HEAD)
# Merge: undo the two steps in reverse order.
merged = heads.transpose(0, 2, 1, 3).reshape(B, T, D)  # (B, T, D)

# With H next to B, one matmul serves every (sequence, head) pair at once.
scores = heads @ heads.swapaxes(-1, -2) / np.sqrt(D_HEAD)  # (B, H, T, T)
weights = np.exp(scores - scores.max(axis=-1, keepdims=True))  # (B, H, T, T)
weights /= weights.sum(axis=-1, keepdims=True)  # (B, H, T, T)
out = weights @ heads  # (B, H, T, D_HEAD)   a new array, laid out as (B, H, T, D_HEAD)
out_t = out.transpose(0, 2, 1, 3)  # (B, T, H, D_HEAD)
out_merged = out_t.reshape(B, T, D)  # (B, T, D)

# The tempting one-liner has the right shape and the wrong contents.
wrong = q.reshape(B, H, T, D_HEAD)  # (B, H, T, D_HEAD)
misplaced = np.mean(np.any(wrong != heads, axis=-1))
# Swapping T and D_HEAD, by contrast, shows in the shape, because T != D_HEAD.
swapped = heads.swapaxes(-1, -2)  # (B, H, D_HEAD, T)

b, t, h = 3, 7, 2
block = slice(h * D_HEAD, (h + 1) * D_HEAD)
print("B, T, D, H, D_HEAD:", (B, T, D, H, D_HEAD))
print("q         ", q.shape)
print("split     ", split.shape)
print("heads     ", heads.shape, "C-contiguous:", heads.flags["C_CONTIGUOUS"])
print("merged    ", merged.shape, "round trip exact:", np.array_equal(merged, q))
print("merged is a view of q:", np.shares_memory(merged, q))
print(f"heads[{b}, {h}, {t}] == q[{b}, {t}, {block.start}:{block.stop}]:",
      np.array_equal(heads[b, h, t], q[b, t, block]))
print("scores    ", scores.shape)
print("out       ", out.shape)
print("out_t     ", out_t.shape, "C-contiguous:", out_t.flags["C_CONTIGUOUS"])
print("out_merged", out_merged.shape, "view of out:", np.shares_memory(out_merged, out))
print("q.reshape(B, H, T, D_HEAD) == heads:", np.array_equal(wrong, heads))
print(f"head vectors in the wrong place: {misplaced:.2%}")
print("heads.swapaxes(-1, -2)", swapped.shape)

assert np.array_equal(merged, q)  # exact: reshape and transpose only move numbers
assert np.shares_memory(merged, q)  # the two transposes cancel: still a view
assert np.array_equal(heads[b, h, t], q[b, t, block])
assert not heads.flags["C_CONTIGUOUS"]
assert out.flags["C_CONTIGUOUS"] and not out_t.flags["C_CONTIGUOUS"]
assert not np.shares_memory(out_merged, out)  # merging the attention output copies
assert not np.array_equal(wrong, heads) and misplaced > 0.9
assert swapped.shape != heads.shape  # every axis has its own size
