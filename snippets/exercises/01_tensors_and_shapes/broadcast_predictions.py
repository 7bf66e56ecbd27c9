import numpy as np

from lacourse.universe import B, D, H, T

column = np.arange(3)[:, None]  # (3, 1)
row = 10 * np.arange(4)  # (4,)
table = column + row  # (3, 4)
print("np.arange(3)[:, None] + 10 * np.arange(4) =")
print(table)

pairs = [
    ("x + bias", (B, T, D), (D,)),
    ("x * gate", (B, T, D), (B, T, 1)),
    ("scores + mask", (B, H, T, T), (T, T)),
    ("scores * head_scale", (B, H, T, T), (H, 1, 1)),
    ("tokens + per_sequence", (B, T), (B,)),
    ("tokens + per_sequence[:, None]", (B, T), (B, 1)),
    ("x - x.mean(axis=-1)", (B, T, D), (B, T)),
]
results = {}
for name, left, right in pairs:
    try:
        results[name] = np.broadcast_shapes(left, right)
    except ValueError as error:
        results[name] = type(error).__name__
    print(f"{name:32s} {str(left):16s} {str(right):16s} -> {results[name]}")

assert table[2, 3] == 2 + 30
assert results["tokens + per_sequence"] == "ValueError"  # 12 meets 32 on the right
