import numpy as np

from lacourse.universe import B, D, D_HEAD, H, T

x = np.arange(B * T * D, dtype=np.int64).reshape(B, T, D)  # (B, T, D)


def mergeable(array, first, last):
    """Can axes first..last become one axis without a copy? A length-1 axis is skipped
    (its stride is never used); between the others, a step along the outer axis must
    jump exactly over the inner one: stride[outer] == stride[inner] * n[inner]."""
    s, n = array.strides, array.shape
    axes = [i for i in range(first, last + 1) if n[i] != 1]
    return all(s[i] == s[j] * n[j] for i, j in zip(axes, axes[1:]))


time_major = x.transpose(1, 0, 2)  # (T, B, D)
feature_major = x.transpose(2, 0, 1)  # (D, B, T)
xt = x.transpose(0, 2, 1)  # (B, D, T)
last = x[:, -1:]  # (B, 1, D)  a length-1 slice: its stride, 512, is never used

tokens_flat = x.reshape(B * T, D)  # (B * T, D)            merges b, t
time_flat = time_major.reshape(T * B, D)  # (T * B, D)     merges t, b
feature_flat = feature_major.reshape(D, B * T)  # (D, B * T)  merges b, t
split = xt.reshape(B, H, D_HEAD, T)  # (B, H, D_HEAD, T)    splits d, merges nothing
last_flat = last.reshape(B, D)  # (B, D)                    merges b and a length-1 axis

print(f"{'reshape':45s} {'strides before':16s} {'merges':6s} {'rule':5s} view")
for name, before, merged, after in [
    ("x.reshape(B*T, D)", x, (0, 1), tokens_flat),
    ("x.transpose(1, 0, 2).reshape(T*B, D)", time_major, (0, 1), time_flat),
    ("x.transpose(2, 0, 1).reshape(D, B*T)", feature_major, (1, 2), feature_flat),
    ("x.transpose(0, 2, 1).reshape(B, H, D_HEAD, T)", xt, None, split),
    ("x[:, -1:].reshape(B, D)", last, (0, 1), last_flat),
]:
    rule = mergeable(before, *merged) if merged else True  # a split never needs a copy
    axes = "-" if merged is None else f"{merged[0]}, {merged[1]}"
    view = np.shares_memory(after, x)
    print(f"{name:45s} {str(before.strides):16s} {axes:6s} {rule!s:5s} {view}")
    assert rule == view  # the stride rule predicts what NumPy does

print("time_flat[:3, 0]  :", time_flat[:3, 0])


def reshape_view(array, shape):
    """reshape, but refuse to copy: the result must share memory with the array."""
    result = array.reshape(shape)  # (*shape,)
    if not np.shares_memory(result, array):
        raise ValueError(f"reshape to {shape} would copy")
    return result


try:
    reshape_view(time_major, (T * B, D))
    refused = False
except ValueError:
    refused = True
print("reshape_view(time_major, (T*B, D)) raises ValueError:", refused)
assert refused and np.shares_memory(reshape_view(x, (B * T, D)), x)
