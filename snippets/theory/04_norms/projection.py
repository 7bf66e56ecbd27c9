import numpy as np

from lacourse.universe import V, embedding_matrix, token_id

D = 64
E = embedding_matrix(D)  # (V, D)
a = E[token_id("walk", "past", "3sg")]  # (D,)  'she walked'
b = E[token_id("walk", "past", "3sg", "es")]  # (D,)  'ella caminó'

proj = (a @ b) / (b @ b) * b  # (D,)  the part of a along b
perp = a - proj  # (D,)  what is left

cos = a @ b / (np.linalg.norm(a) * np.linalg.norm(b))
print(f"{'perp . b':20s} {perp @ b:+.2e}")
print(f"{'|a - (proj + perp)|':20s} {np.linalg.norm(a - (proj + perp)):.2e}")
print(f"{'|a|^2':20s} {a @ a:.6f}")
print(f"{'|proj|^2 + |perp|^2':20s} {proj @ proj + perp @ perp:.6f}")
print(f"{'|proj| / |a|':20s} {np.linalg.norm(proj) / np.linalg.norm(a):.4f}")
print(f"{'|cos(a, b)|':20s} {abs(cos):.4f}")

scale = np.linalg.norm(a) * np.linalg.norm(b)
assert abs(perp @ b) < 1e-12 * scale  # perpendicular up to rounding
assert np.allclose(proj + perp, a, rtol=0, atol=1e-15)  # a is rebuilt from its two parts
assert np.isclose(a @ a, proj @ proj + perp @ perp)  # Pythagoras
assert np.isclose(np.linalg.norm(proj), abs(cos) * np.linalg.norm(a))
