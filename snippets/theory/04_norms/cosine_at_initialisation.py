import numpy as np

from lacourse.universe import FORMS, D, V, embedding_matrix, token_id


def cosine(a, b):
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


E = embedding_matrix(D)  # (V, D)
she_walked = token_id("walk", "past", "3sg")
pairs = [
    ("translation", token_id("walk", "past", "3sg", "es")),
    ("same verb, present", token_id("walk", "present", "3sg")),
    ("same tense, other verb", token_id("eat", "past", "3sg")),
    ("unrelated", token_id("share", "future", "1sg", "es")),
]
cosines = {relation: cosine(E[she_walked], E[other]) for relation, other in pairs}
print(f"cosine with {FORMS[she_walked]!r} in the untrained E:")
for relation, other in pairs:
    print(f"  {relation:24s} {FORMS[other]!r:24s} {cosines[relation]:+.4f}")
assert all(abs(c) < 2 / np.sqrt(D) for c in cosines.values())  # all small
# the largest in size is the unrelated pair: relatedness plays no part yet
assert max(cosines, key=lambda r: abs(cosines[r])) == "unrelated"

# All V*(V-1)/2 pairs at once: normalise the rows, then one Gram matrix.
print()
print(f"{'D':>4s} {'pairs':>8s} {'mean |cos|':>11s} {'std cos':>8s} {'1/sqrt(D)':>10s}")
for d in (D // 4, D, 4 * D):
    E_d = embedding_matrix(d)  # (V, d)
    unit = E_d / np.linalg.norm(E_d, axis=1, keepdims=True)  # (V, d)
    cos = unit @ unit.T  # (V, V)
    off_diagonal = cos[np.triu_indices(V, k=1)]  # (V * (V - 1) // 2,)
    mean_abs, std = np.mean(np.abs(off_diagonal)), np.std(off_diagonal)
    print(f"{d:4d} {off_diagonal.size:8d} {mean_abs:11.4f} {std:8.4f} {d**-0.5:10.4f}")
    assert abs(std * np.sqrt(d) - 1) < 0.05  # the spread of cos is 1/sqrt(d)
    # the mean of |N(0, 1/d)| is sqrt(2/pi) / sqrt(d)
    assert abs(mean_abs * np.sqrt(d) - np.sqrt(2 / np.pi)) < 0.05
