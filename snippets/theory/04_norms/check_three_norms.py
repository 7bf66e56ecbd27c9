import numpy as np

x = np.array([1.0, -2.0, 2.0])  # (3,)
l1, l2, linf = (np.linalg.norm(x, ord=order) for order in (1, 2, np.inf))
unit = x / l2  # (3,)
print(f"L1 = {l1}, L2 = {l2}, Linf = {linf}")
print("x / L2 =", unit, f"||x / L2||_2 = {np.linalg.norm(unit):.4f}")
assert (l1, l2, linf) == (5.0, 3.0, 2.0)
