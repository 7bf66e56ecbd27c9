import numpy as np

from lacourse.universe import B, D, T

x = np.arange(B * T * D, dtype=np.float64).reshape(B, T, D)  # (B, T, D)

expressions = [
    "x.reshape(B * T, D)",
    "x.transpose(0, 2, 1)",
    "x.transpose(0, 2, 1).reshape(B, -1)",
    "x[:, ::2]",
    "x[:, [0, 2]]",
    "x[..., None]",
    "x.ravel()",
    "x.T.ravel()",
    "x.flatten()",
]
shares = {}
print(f"{'expression':36s} {'shape':16s} {'view of x':>9s}")
for text in expressions:
    shares[text] = np.shares_memory(x, eval(text))  # the printed code runs
    print(f"{text:36s} {str(eval(text).shape):16s} {shares[text]!s:>9s}")

assert shares["x.transpose(0, 2, 1)"]  # a transpose is a view...
assert not shares["x.transpose(0, 2, 1).reshape(B, -1)"]  # ...its reshape copies
assert shares["x[:, ::2]"] and not shares["x[:, [0, 2]]"]  # slice, index array
