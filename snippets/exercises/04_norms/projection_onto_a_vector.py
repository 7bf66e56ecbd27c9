import numpy as np

a = np.array([4.0, 1.0])  # (2,)
b = np.array([2.0, 3.0])  # (2,)

coefficient = (a @ b) / (a @ a)
proj = coefficient * a  # (2,)  the part of b along a
perp = b - proj  # (2,)  the rest
print(f"a . b = {a @ b:g}, a . a = {a @ a:g}, coefficient = {coefficient:.4f}")
print("proj_a(b) =", proj, " b - proj_a(b) =", perp)
print(f"(b - proj) . a = {perp @ a:.1e}")
lengths = [np.linalg.norm(v) for v in (proj, perp, b)]
print("|proj|, |perp|, |b| =", ", ".join(f"{length:.4f}" for length in lengths))
