import numpy as np

from lacourse.universe import B, D, D_HEAD, H, T

x = np.arange(B * T * D, dtype=np.int64).reshape(B, T, D)  # (B, T, D)


def mergeable(array, first, last):
    """Can axes first..last become one axis without a copy? A step along each outer
    axis must jump exactly over the inner one: stride[i] == stride[i+1] * n[i+1]."""
    s, n = array.strides, array.shape
    return all(s[i] == s[i + 1] * n[i + 1] for i in range(first, last))


time_major = x.transpose(1, 0, 2)  # (T, B, D)
feature_major = x.transpose(2, 0, 1)  # (D, B, T)
xt = x.transpose(0, 2, 1)  # (B, D, T)

tokens_flat = x.reshape(B * T, D)  # (B * T, D)            merges b, t
time_flat = time_major.reshape(T * B, D)  # (T * B, D)     merges t, b
feature_flat = feature_major.reshape(D, B * T)  # (D, B * T)  merges b, t
split = xt.reshape(B, H, D_HEAD, T)  # (B, H, D_HEAD, T)    splits d, merges nothing

print(f"{'reshape':45s} {'strides before':16s} {'merges':6s} {'rule':5s} view")
for name, before, merged, after in [
    ("x.reshape(B*T, D)", x, (0, 1), tokens_flat),
    ("x.transpose(1, 0, 2).reshape(T*B, D)", time_major, (0, 1), time_flat),
    ("x.transpose(2, 0, 1).reshape(D, B*T)", feature_major, (1, 2), feature_flat),
    ("x.transpose(0, 2, 1).reshape(B, H, D_HEAD, T)", xt, None, split),
]:
    rule = mergeable(before, *merged) if merged else True  # a split never needs a copy
    axes = "-" if merged is None else f"{merged[0]}, {merged[1]}"
    view = np.shares_memory(after, x)
    print(f"{name:45s} {str(before.strides):16s} {axes:6s} {rule!s:5s} {view}")
    assert rule == view  # the stride rule predicts what NumPy does

print("time_flat[:3, 0]  :", time_flat[:3, 0])
try:
    np.reshape(time_major, (T * B, D), copy=False)
    refused = False
except ValueError:
    refused = True
print("np.reshape(time_major, (T*B, D), copy=False) raises ValueError:", refused)
assert refused
