import numpy as np

from lacourse.universe import B, D, H, N_SLOTS, N_VERBS, T


def broadcast_shape(*shapes):
    """NumPy's rule by hand: align on the right; each pair of sizes is equal or 1."""
    ndim = max(len(shape) for shape in shapes)
    padded = [(1,) * (ndim - len(s)) + tuple(s) for s in shapes]  # missing axes: size 1
    result = []
    for sizes in zip(*padded):
        others = {size for size in sizes if size != 1}
        if len(others) > 1:
            raise ValueError(f"sizes {sizes} do not broadcast")
        result.append(others.pop() if others else 1)
    return tuple(result)


cases = [
    ((B, D), (D,)),  # add a bias to every row
    ((B, T, D), (D,)),  # the same bias at every position of every sequence
    ((B, T, D), (B, T, 1)),  # one number per token, e.g. its norm
    ((B, H, T, T), (T, T)),  # one causal mask for every sequence and head
    ((N_VERBS, 1), (1, N_SLOTS)),  # a column times a row: an outer product
    ((B, D), (B,)),  # per-row numbers without keepdims
    ((B, D), (B, 1)),  # the same numbers with keepdims
]
print(f"{'a':17s} {'b':14s} result")
for a, b in cases:
    try:
        expected = np.broadcast_shapes(a, b)
    except ValueError:
        expected = "ValueError"
    try:
        ours = broadcast_shape(a, b)
    except ValueError:
        ours = "ValueError"
    assert ours == expected  # the hand-written rule agrees with NumPy's
    print(f"{str(a):17s} {str(b):14s} {expected}")
