import numpy as np

from lacourse.universe import D, V, embedding_matrix

cos_seen = 0.3  # the cosine you measured between two embeddings
print(f"{'D':>4s} {'1/sqrt(D)':>10s} {'cos * sqrt(D)':>14s} {'|cos| >= 0.3':>13s}")
for d in (D, 4 * D):
    E_d = embedding_matrix(d)  # (V, d)
    unit = E_d / np.linalg.norm(E_d, axis=1, keepdims=True)  # (V, d)
    cos = (unit @ unit.T)[np.triu_indices(V, k=1)]  # (V * (V - 1) // 2,)
    share = np.mean(np.abs(cos) >= cos_seen)
    print(f"{d:4d} {d**-0.5:10.4f} {cos_seen * np.sqrt(d):14.1f} {share:13.2%}")
    assert share < 0.02  # rare at D, and rarer at 4 D
assert share == 0
