import numpy as np

from lacourse.universe import B, D, T

x = np.zeros((B, T, D))  # (B, T, D)
print(f"{'expression':11s} {'shape':16s} {'ndim':>4s} {'size':>7s}")
for expression, result in [
    ("x[:, -1:]", x[:, -1:]),
    ("x[..., 0]", x[..., 0]),
    ("x[:, None]", x[:, None]),
]:
    print(f"{expression:11s} {str(result.shape):16s} {result.ndim:4d} {result.size:7,}")
