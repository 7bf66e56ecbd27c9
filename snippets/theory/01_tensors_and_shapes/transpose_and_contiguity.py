import numpy as np

from lacourse.universe import B, D, T

# Each entry is its own position in memory: a view shows where it reads from.
x = np.arange(B * T * D, dtype=np.int64).reshape(B, T, D)  # (B, T, D)

xt = x.transpose(0, 2, 1)  # (B, D, T)
swapped = x.swapaxes(1, 2)  # (B, D, T)   the same as transpose(0, 2, 1)
reversed_axes = x.T  # (D, T, B)   .T reverses *all* the axes

print(f"{'name':20s} {'shape':14s} {'strides':16s} {'C-contig':9s} shares x")
for name, array in [
    ("x", x),
    ("x.transpose(0, 2, 1)", xt),
    ("x.swapaxes(1, 2)", swapped),
    ("x.T", reversed_axes),
]:
    shape, strides = str(array.shape), str(array.strides)
    contiguous, shared = array.flags["C_CONTIGUOUS"], np.shares_memory(x, array)
    print(f"{name:20s} {shape:14s} {strides:16s} {contiguous!s:9s} {shared}")
print("xt[0, :3, 0]:", xt[0, :3, 0], "  xt[0, 0, :3]:", xt[0, 0, :3])

assert np.array_equal(xt, swapped)
assert reversed_axes.shape == x.shape[::-1]
assert np.shares_memory(x, xt) and np.shares_memory(x, reversed_axes)  # views
assert xt.strides == (x.strides[0], x.strides[2], x.strides[1])  # reordered, not moved
assert not xt.flags["C_CONTIGUOUS"]  # its last axis no longer runs along memory
