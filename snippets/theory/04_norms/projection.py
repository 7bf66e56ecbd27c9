import numpy as np

from lacourse.universe import D, V, embedding_matrix, token_id

E = embedding_matrix(D)  # (V, D)
a = E[token_id("walk", "past", "3sg")]  # (D,)  'she walked'
b = E[token_id("walk", "past", "3sg", "es")]  # (D,)  'ella caminó'

proj = (a @ b) / (a @ a) * a  # (D,)  the part of b along a
perp = b - proj  # (D,)  what is left

cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
print(f"{'perp . a':20s} {perp @ a:+.2e}")
print(f"{'|b - (proj + perp)|':20s} {np.linalg.norm(b - (proj + perp)):.2e}")
print(f"{'|b|^2':20s} {b @ b:.6f}")
print(f"{'|proj|^2 + |perp|^2':20s} {proj @ proj + perp @ perp:.6f}")
print(f"{'|proj| / |b|':20s} {np.linalg.norm(proj) / np.linalg.norm(b):.4f}")
print(f"{'|cos(a, b)|':20s} {abs(cos):.4f}")

scale = np.linalg.norm(a) * np.linalg.norm(b)
assert abs(perp @ a) < 1e-12 * scale  # perpendicular up to rounding
assert np.abs(proj + perp - b).max() < 1e-15  # b is rebuilt from its two parts
assert abs(b @ b - (proj @ proj + perp @ perp)) < 1e-12 * (b @ b)  # Pythagoras
length_b = np.linalg.norm(b)
assert abs(np.linalg.norm(proj) - abs(cos) * length_b) < 1e-12 * length_b
