import numpy as np

v = np.array([3.0, -4.0, 0.0, 5.0, -2.0])  # (5,)
w = np.array([1.0, 1.0, 1.0, 1.0])  # (4,)

for name, x in [("v", v), ("w", w)]:
    l1, l2, linf = (np.linalg.norm(x, ord=order) for order in (1, 2, np.inf))
    unit = x / l2  # (x.size,)
    print(f"{name}: L1 = {l1:g}, L2 = {l2:.4f} (squared {l2**2:.4f}), Linf = {linf:g}")
    print(f"   {name} / L2 = {unit}, ||{name} / L2||_2 = {np.linalg.norm(unit):.4f}")
