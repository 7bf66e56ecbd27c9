import numpy as np

B, T, D = 2, 3, 4
x = np.arange(B * T * D, dtype=np.float64).reshape(B, T, D)  # (B, T, D)

flat = x.reshape(B, T * D)  # (B, T * D)
xt = x.transpose(0, 2, 1)  # (B, D, T)
swapped = x.swapaxes(1, 2)  # (B, D, T)   the same as transpose(0, 2, 1)
reversed_axes = x.T  # (D, T, B)   .T reverses *all* axes
xt_flat = xt.reshape(B, D * T)  # (B, D * T)
xt_copy = np.ascontiguousarray(xt)  # (B, D, T)

print(f"{'name':22s} {'shape':10s} {'strides':12s} {'C-contig':9s} shares memory with x")
for name, array in [
    ("x", x),
    ("x.reshape(B, T*D)", flat),
    ("x.transpose(0, 2, 1)", xt),
    ("x.T", reversed_axes),
    ("xt.reshape(B, D*T)", xt_flat),
    ("ascontiguousarray(xt)", xt_copy),
]:
    shape, strides = str(array.shape), str(array.strides)
    contiguous, shared = array.flags["C_CONTIGUOUS"], np.shares_memory(x, array)
    print(f"{name:22s} {shape:10s} {strides:12s} {contiguous!s:9s} {shared}")

print("x.reshape(B, T*D)[0]  :", flat[0])
print("xt.reshape(B, D*T)[0] :", xt_flat[0])

assert np.array_equal(xt, swapped)
assert reversed_axes.shape == x.shape[::-1]
assert np.shares_memory(x, flat) and np.shares_memory(x, xt)  # reshape, transpose: views
assert not xt.flags["C_CONTIGUOUS"]  # a transpose only reorders the strides
assert not np.shares_memory(x, xt_flat)  # so reshaping it has to copy
assert not np.array_equal(flat, xt_flat)  # and the numbers come out in another order
