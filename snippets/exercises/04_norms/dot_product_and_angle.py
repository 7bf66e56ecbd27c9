import numpy as np

a = np.array([1.0, 0.0, 1.0])  # (3,)
b = np.array([0.0, 1.0, 1.0])  # (3,)
c = np.array([1.0, -1.0, -1.0])  # (3,)

print(f"{'pair':5s} {'dot':>5s} {'|u|':>7s} {'|w|':>7s} {'cos':>7s} {'angle':>7s}")
angles = {}
for name, u, w in [("a, b", a, b), ("a, c", a, c)]:
    cos = u @ w / (np.linalg.norm(u) * np.linalg.norm(w))
    angles[name] = np.degrees(np.arccos(cos))
    length_u, length_w = np.linalg.norm(u), np.linalg.norm(w)
    print(f"{name:5s} {u @ w:5.1f} {length_u:7.4f} {length_w:7.4f}", end=" ")
    print(f"{cos:7.4f} {angles[name]:7.2f}")
