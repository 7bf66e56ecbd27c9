import numpy as np

from lacourse.universe import N_PERSONS, N_TENSES, PERSONS, SLOTS, TENSES, VERBS
from lacourse.universe import conjugation_counts

m, n = len(VERBS), len(SLOTS)
C = conjugation_counts().astype(float)  # (m, n)
U, S, Vt = np.linalg.svd(C, full_matrices=False)  # (m, n), (n,), (n, n)
verbs = [v[0] for v in VERBS]
slots = [f"{tense} {person}" for tense, person in SLOTS]
past = np.array([tense == "past" for tense, _ in SLOTS])  # (n,)
present = np.array([tense == "present" for tense, _ in SLOTS])  # (n,)


def show_by_slot(name, v):
    """A (15,) slot vector as a tense x person table."""
    print(f"  {name:12s}" + "".join(f"{p:>8s}" for p in PERSONS))
    table = v.reshape(N_TENSES, N_PERSONS)  # (N_TENSES, N_PERSONS)
    for tense, row in zip(TENSES, table):
        print(f"  {tense:12s}" + "".join(f"{x:+8.3f}" for x in row))


def top(names, values, count=3):
    return ", ".join(f"{names[i]} {values[i]:.3f}" for i in np.argsort(-values)[:count])


def cosine(a, b):
    return a @ b / (np.linalg.norm(a) * np.linalg.norm(b))


# Each pair (u_i, v_i) is fixed only up to a common sign: pick the readable one.
sign1 = np.sign(U[:, 0].sum())  # u_1 positive
sign2 = np.sign(Vt[1][past].sum())  # past slots positive in v_2
u1, v1 = sign1 * U[:, 0], sign1 * Vt[0]  # (m,), (n,)
u2, v2 = sign2 * U[:, 1], sign2 * Vt[1]  # (m,), (n,)

print("pair 1")
print("  verbs, largest u_1:", top(verbs, u1))
print("  slots, largest v_1:", top(slots, v1))
show_by_slot("v_1", v1)
print(f"  all u_1 > 0: {bool((u1 > 0).all())}   all v_1 > 0: {bool((v1 > 0).all())}")
print(f"  cos(u_1, verb totals) = {cosine(u1, C.sum(axis=1)):.4f}")
print(f"  cos(v_1, slot totals) = {cosine(v1, C.sum(axis=0)):.4f}")

print("pair 2")
show_by_slot("v_2", v2)
# What pair 1 leaves unexplained: past-tense counts beyond the popularity model.
residual = C - S[0] * np.outer(u1, v1)  # (m, n)
extra_past = residual[:, past].sum(axis=1)  # (m,)
print("  verbs, largest u_2:", top(verbs, u2))
correlation = np.corrcoef(u2, extra_past)[0, 1]
print(f"  corr(u_2, past-slot residual after pair 1) = {correlation:.4f}")

assert (u1 > 0).all() and (v1 > 0).all()
third = PERSONS.index("3sg")
# 3sg tops each tense
assert (v1.reshape(N_TENSES, N_PERSONS).argmax(axis=1) == third).all()
assert slots[np.argmax(v1)] == "past 3sg"
assert cosine(u1, C.sum(axis=1)) > 0.99 and cosine(v1, C.sum(axis=0)) > 0.99
assert (v2[past] > 0).all() and (v2[~past] < 0).all()  # past slots alone on one side
# the present slots at the other end
assert set(np.argsort(v2)[:3]) == set(np.flatnonzero(present))
assert np.corrcoef(u2, extra_past)[0, 1] > 0.99
