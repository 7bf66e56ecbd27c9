import numpy as np

from lacourse.universe import B, D, T, V, embedding_matrix

E = embedding_matrix(D)  # (V, D)
tokens = np.random.default_rng(0).integers(0, V, size=(B, T))  # (B, T)
one_hot = np.eye(V)[tokens]  # (B, T, V)

results = {}
for spec, operands in [
    ("btv,vd->btd", (one_hot, E)),
    ("btv,vd->bdt", (one_hot, E)),
    ("vd,btv->btd", (E, one_hot)),
    ("btv,dv->btd", (one_hot, E)),
    ("btv,vd->bt", (one_hot, E)),
]:
    size = {"b": B, "t": T, "v": V, "d": D}
    predicted = tuple(size[letter] for letter in spec.split("->")[1])
    try:
        out = np.einsum(spec, *operands)  # (*predicted,)  the letters after ->
        same = out.shape == (B, T, D) and np.array_equal(out, E[tokens])
        results[spec] = (out.shape, same)
    except ValueError:
        results[spec] = ("ValueError", False)
    shape, same = results[spec]
    print(f"{spec:12s} -> {str(shape):14s} equals E[tokens]: {same}")
print("'btv,dv': v is one_hot.shape[2] =", one_hot.shape[2], "and E.shape[1] =",
      E.shape[1])
